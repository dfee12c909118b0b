import re
from datetime import date, timedelta

from django.forms.models import model_to_dict
from django.urls import reverse
from django.utils import timezone

from cases import services
from cases.models import Client, HouseholdMember, TimelineEvent
from outreach.models import AccessLogEntry
from tests.cases.factories import open_case
from tests.conflicts import as_opened, assert_conflict_page, opened_version, two_workers

FIELDS = [
    "first_name",
    "last_name",
    "date_of_birth",
    "street_address",
    "postcode",
    "city",
    "neighbourhood",
    "phone",
    "language",
    "interpreter_needed",
    "household_notes",
]


def ria_with_a_son(owner, team):
    case = open_case(
        acting_user=owner, team=team, first_name="Ria", last_name="van Dijk", postcode="3066 KB"
    )
    services.client_update(
        acting_user=owner,
        client=case.client,
        household=[
            {"name": "Sem van Dijk", "relation": "child", "date_of_birth": date(2015, 1, 9)}
        ],
    )
    return case


def form_data(person, rows=(), **extra):
    """The edit form as the browser posts it, opened just now: the client's fields, the stored
    version and the household rows."""
    data = as_opened(
        person, {k: v for k, v in model_to_dict(person, fields=FIELDS).items() if v is not None}
    )
    data.pop("interpreter_needed")
    if person.interpreter_needed:
        data["interpreter_needed"] = "on"
    data["date_of_birth"] = person.date_of_birth.isoformat() if person.date_of_birth else ""
    data.update(
        {
            "household-TOTAL_FORMS": str(len(rows)),
            "household-INITIAL_FORMS": str(person.household.count()),
            "household-MIN_NUM_FORMS": "0",
            "household-MAX_NUM_FORMS": "20",
        }
    )
    for i, row in enumerate(rows):
        for name, value in row.items():
            data[f"household-{i}-{name}"] = value
    data.update(extra)
    return data


def saved(person):
    """The client's stored details and household, and the timeline, for before/after."""
    return (
        model_to_dict(Client.objects.get(pk=person.pk), fields=FIELDS),
        list(HouseholdMember.objects.filter(client=person).values("name", "relation")),
        TimelineEvent.objects.count(),
    )


def test_it_shows_the_details_and_the_household_filled_in(client, owner, team):
    person = ria_with_a_son(owner, team).client
    client.force_login(owner)
    html = client.get(reverse("client_edit", args=[person.pk])).content.decode()
    assert 'name="first_name"' in html and 'value="Ria"' in html
    assert 'name="household-0-name"' in html and 'value="Sem van Dijk"' in html
    assert 'name="household-TOTAL_FORMS"' in html


def test_it_saves_the_details_and_the_household_rows(client, owner, team):
    case = ria_with_a_son(owner, team)
    person = case.client
    events_before = case.events.count()
    client.force_login(owner)
    rows = [
        {"name": "Sem van Dijk", "relation": "child", "date_of_birth": "2015-01-09"},
        {"name": "Kees van Dijk", "relation": "partner", "date_of_birth": "1958-07-30"},
        {"name": "Oma Bep", "relation": "parent", "date_of_birth": ""},
    ]
    response = client.post(
        reverse("client_edit", args=[person.pk]),
        form_data(person, rows, phone="06-11122233", language="Turks", interpreter_needed="on"),
    )
    assert response.status_code == 302 and response.url == person.get_absolute_url()
    person.refresh_from_db()
    assert (person.phone, person.language, person.interpreter_needed) == (
        "06-11122233",
        "Turks",
        True,
    )
    members = {m.name: (m.relation, m.date_of_birth) for m in person.household.all()}
    assert members == {
        "Sem van Dijk": ("child", date(2015, 1, 9)),
        "Kees van Dijk": ("partner", date(1958, 7, 30)),
        "Oma Bep": ("parent", None),
    }
    assert case.events.count() == events_before + 1
    event = case.events.filter(kind="client").latest("id")
    assert {"phone", "language", "interpreter_needed", "household"} == set(event.data["fields"])


def test_it_removes_a_household_member_marked_for_deletion(client, owner, team):
    person = ria_with_a_son(owner, team).client
    client.force_login(owner)
    rows = [{"name": "Sem van Dijk", "relation": "child", "date_of_birth": "", "DELETE": "on"}]
    response = client.post(reverse("client_edit", args=[person.pk]), form_data(person, rows))
    assert response.status_code == 302
    assert not HouseholdMember.objects.exists()


def test_it_keeps_everything_typed_when_a_field_has_an_error(client, owner, team):
    person = ria_with_a_son(owner, team).client
    before = saved(person)
    future = (timezone.localdate() + timedelta(days=3)).isoformat()
    rows = [
        {"name": "Sem van Dijk", "relation": "child", "date_of_birth": "2015-01-09"},
        {"name": "Kees van Dijk", "relation": "partner", "date_of_birth": ""},
    ]
    client.force_login(owner)
    response = client.post(
        reverse("client_edit", args=[person.pk]),
        form_data(person, rows, date_of_birth=future, phone="06-99988877", city="Schiedam"),
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_date_of_birth_error"' in html
    assert f'value="{future}"' in html
    assert 'value="06-99988877"' in html and 'value="Schiedam"' in html
    assert re.search(r'name="household-1-name"[^>]*value="Kees van Dijk"', html) or re.search(
        r'value="Kees van Dijk"[^>]*name="household-1-name"', html
    )
    assert saved(person) == before


def test_it_shows_a_household_row_error_by_its_field(client, owner, team):
    person = ria_with_a_son(owner, team).client
    before = saved(person)
    rows = [
        {"name": "Sem van Dijk", "relation": "child", "date_of_birth": "2015-01-09"},
        {"name": "", "relation": "partner", "date_of_birth": "1958-07-30"},
    ]
    client.force_login(owner)
    html = client.post(
        reverse("client_edit", args=[person.pk]), form_data(person, rows, phone="06-99988877")
    ).content.decode()
    assert 'id="id_household-1-name_error"' in html
    assert 'value="1958-07-30"' in html and 'value="06-99988877"' in html
    assert saved(person) == before


def test_it_refuses_a_bad_postcode(client, owner, team):
    person = ria_with_a_son(owner, team).client
    before = saved(person)
    client.force_login(owner)
    html = client.post(
        reverse("client_edit", args=[person.pk]), form_data(person, postcode="ABCD 12")
    ).content.decode()
    assert 'id="id_postcode_error"' in html and 'value="ABCD 12"' in html
    assert saved(person) == before


def test_it_logs_the_change(client, owner, team):
    person = ria_with_a_son(owner, team).client
    client.force_login(owner)
    client.post(reverse("client_edit", args=[person.pk]), form_data(person, phone="06-1"))
    entry = AccessLogEntry.objects.get(action="change")
    assert (entry.record_type, entry.client_id, entry.team_id) == (
        "cases.client",
        person.pk,
        team.pk,
    )


def test_it_is_a_404_for_another_teams_client(client, owner, outsider, team):
    person = ria_with_a_son(owner, team).client
    before = saved(person)
    client.force_login(outsider)
    assert client.get(reverse("client_edit", args=[person.pk])).status_code == 404
    response = client.post(
        reverse("client_edit", args=[person.pk]), form_data(person, phone="06-66666666")
    )
    assert response.status_code == 404
    assert saved(person) == before


def test_it_writes_nothing_to_the_timeline_when_nothing_changed(client, owner, team):
    person = ria_with_a_son(owner, team).client
    before = saved(person)
    rows = [{"name": "Sem van Dijk", "relation": "child", "date_of_birth": "2015-01-09"}]
    client.force_login(owner)
    response = client.post(reverse("client_edit", args=[person.pk]), form_data(person, rows))
    assert response.status_code == 302
    assert saved(person) == before


def test_it_keeps_the_first_save_and_shows_both_to_the_second_of_two_workers(
    owner, colleague, team
):
    person = ria_with_a_son(owner, team).client
    first, second = two_workers(owner, colleague)
    url = reverse("client_edit", args=[person.pk])
    version = opened_version(first.get(url))
    assert opened_version(second.get(url)) == version
    son = [{"name": "Sem van Dijk", "relation": "child", "date_of_birth": "2015-01-09"}]

    saved_first = first.post(
        url, form_data(person, son, phone="0611111111", expected_version=version)
    )
    response = second.post(
        url, form_data(person, son, phone="0622222222", expected_version=version)
    )

    assert saved_first.status_code == 302
    html = assert_conflict_page(response, stored=["0611111111"], typed=["0622222222"])
    # The form comes back with what the second worker typed, now on the stored version.
    assert 'value="0622222222"' in html
    assert opened_version(response) == version + 1
    stored = Client.objects.get(pk=person.pk)
    assert (stored.phone, stored.version) == ("0611111111", version + 1)

    # Saving again from the conflict page is a deliberate overwrite, and it goes through.
    again = second.post(
        url, form_data(person, son, phone="0622222222", expected_version=version + 1)
    )
    assert again.status_code == 302
    assert Client.objects.get(pk=person.pk).phone == "0622222222"
