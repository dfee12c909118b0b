from datetime import date

import pytest
from django.core.exceptions import ValidationError

from cases import services
from cases.models import Client, HouseholdMember, TimelineEvent
from outreach.versioning import EditConflict
from tests.cases.factories import events, open_case

HOUSEHOLD = [
    {"name": "Kees", "relation": HouseholdMember.Relation.PARTNER, "date_of_birth": None},
    {"name": "Mila", "relation": HouseholdMember.Relation.CHILD, "date_of_birth": date(2015, 3, 1)},
]


def household_of(client):
    return sorted(client.household.values_list("name", "relation", "date_of_birth"))


def update(client, user, **fields):
    return services.client_update(acting_user=user, client=client, **fields)


def test_it_changes_the_details_and_notes_it_on_the_open_case(owner, team):
    case = open_case(acting_user=owner, team=team)

    update(case.client, owner, phone="0612345678", city="Groningen", last_name="Jansen")

    client = Client.objects.get(pk=case.client_id)
    assert (client.phone, client.city) == ("0612345678", "Groningen")
    changes = events(case, TimelineEvent.Kind.CLIENT)
    assert len(changes) == 1
    assert changes[0].data == {"fields": ["phone", "city"]}
    assert changes[0].actor == owner


def test_it_replaces_the_household(owner, team):
    client = services.client_create(
        acting_user=owner,
        team=team,
        first_name="Jan",
        last_name="Jansen",
        household=[{"name": "Oud", "relation": HouseholdMember.Relation.OTHER}],
    )

    update(client, owner, household=HOUSEHOLD)

    assert household_of(client) == [
        ("Kees", "partner", None),
        ("Mila", "child", date(2015, 3, 1)),
    ]
    assert not HouseholdMember.objects.filter(name="Oud").exists()


def test_it_empties_the_household_with_an_empty_list(owner, team):
    case = open_case(acting_user=owner, team=team)
    update(case.client, owner, household=HOUSEHOLD)

    update(case.client, owner, household=[])

    assert household_of(case.client) == []
    assert [e.data["fields"] for e in events(case, TimelineEvent.Kind.CLIENT)] == [
        ["household"],
        ["household"],
    ]


def test_it_leaves_the_household_alone_when_none_is_given(owner, team):
    case = open_case(acting_user=owner, team=team)
    update(case.client, owner, household=HOUSEHOLD)

    update(case.client, owner, phone="0611111111")

    assert len(household_of(case.client)) == 2


def test_it_writes_no_event_when_nothing_changed(owner, team):
    case = open_case(acting_user=owner, team=team, city="Groningen")
    before = len(events(case))

    update(case.client, owner, first_name="Jan", city="Groningen")

    assert len(events(case)) == before


def test_it_writes_no_event_when_the_same_household_is_given_again(owner, team):
    case = open_case(acting_user=owner, team=team)
    update(case.client, owner, household=HOUSEHOLD)
    before = len(events(case))

    # What an edit form sends when the user saves without changing anything.
    update(case.client, owner, first_name="Jan", household=HOUSEHOLD)

    assert len(events(case)) == before


def test_it_writes_no_event_on_a_closed_case(owner, team):
    old = open_case(acting_user=owner, team=team)
    services.case_transition(acting_user=owner, case=old, move="afsluiten", reason="Klaar.")
    before = len(events(old))

    update(old.client, owner, phone="0622222222")

    assert Client.objects.get(pk=old.client_id).phone == "0622222222"
    assert len(events(old)) == before


def test_it_notes_the_change_only_on_the_open_case(owner, team):
    old = open_case(acting_user=owner, team=team)
    services.case_transition(acting_user=owner, case=old, move="afsluiten", reason="Klaar.")
    new = open_case(acting_user=owner, team=team, client=old.client)

    update(new.client, owner, neighbourhood="Oosterpoort")

    assert events(old, TimelineEvent.Kind.CLIENT) == []
    assert [e.data for e in events(new, TimelineEvent.Kind.CLIENT)] == [
        {"fields": ["neighbourhood"]}
    ]


def test_it_refuses_invalid_details_and_changes_nothing(owner, team):
    case = open_case(acting_user=owner, team=team)
    before = len(events(case))

    with pytest.raises(ValidationError) as excinfo:
        update(case.client, owner, first_name="", household=HOUSEHOLD)

    assert "first_name" in excinfo.value.message_dict
    client = Client.objects.get(pk=case.client_id)
    assert client.first_name == "Jan"
    assert household_of(client) == []
    assert len(events(case)) == before


def test_it_refuses_a_stale_version_and_keeps_the_first_save(owner, colleague, team):
    client = open_case(acting_user=owner, team=team).client
    opened = client.version

    update(client, owner, phone="0611111111", expected_version=opened)
    with pytest.raises(EditConflict) as conflict:
        update(client, colleague, phone="0622222222", expected_version=opened)

    stored = Client.objects.get(pk=client.pk)
    assert (stored.phone, stored.version) == ("0611111111", opened + 1)
    assert conflict.value.current.phone == "0611111111"


def test_it_counts_a_version_only_when_something_changed(owner, team):
    client = open_case(acting_user=owner, team=team).client
    update(client, owner, phone=client.phone, expected_version=1)
    assert Client.objects.get(pk=client.pk).version == 1
    update(client, owner, household=HOUSEHOLD, expected_version=1)
    assert Client.objects.get(pk=client.pk).version == 2
