"""network.services.member_update."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from cases.phases import Phase
from network.models import NetworkMember
from network.services import member_add, member_update
from outreach.versioning import EditConflict
from tests.cases.factories import add_agreement, case_in_phase, events, snapshot, walk_to

pytestmark = pytest.mark.case_phase(Phase.EERSTE_CONTACT)


@pytest.fixture
def member(owner, case):
    return member_add(acting_user=owner, case=case, name="Anna", relation="friend")


def network_events(case):
    return [e for e in events(case) if e.kind == "network"]


def test_it_changes_the_fields_given_and_writes_one_event(owner, colleague, case, member):
    before = len(network_events(case))
    member_update(
        acting_user=colleague,
        member=member,
        name="Anna",
        ring=1,
        support_emotional="receives",
        overloaded=True,
    )
    stored = NetworkMember.objects.get(pk=member.pk)
    assert (stored.name, stored.ring, stored.support_emotional, stored.overloaded) == (
        "Anna",
        1,
        "receives",
        True,
    )
    after = network_events(case)
    assert len(after) == before + 1
    assert after[-1].actor == colleague
    assert after[-1].data == {
        "action": "changed",
        "name": "Anna",
        "fields": ["ring", "support_emotional", "overloaded"],
        "status": "active",
    }


def test_it_writes_no_event_when_nothing_changes(owner, case, member):
    before = len(events(case))
    member_update(acting_user=owner, member=member, name="Anna", relation="friend", agreements=[])
    assert len(events(case)) == before


def test_it_records_changed_agreements(owner, case, member):
    agreement = add_agreement(acting_user=owner, case=case)
    member_update(acting_user=owner, member=member, agreements=[agreement])
    assert list(member.agreements.all()) == [agreement]
    assert network_events(case)[-1].data["fields"] == ["agreements"]
    member_update(acting_user=owner, member=member, agreements=[])
    assert not member.agreements.exists()


def test_it_makes_a_sleeping_contact_set_to_active_reactivated(owner, case):
    oud = member_add(
        acting_user=owner, case=case, name="Oud-collega", relation="colleague", status="sleeping"
    )
    member_update(acting_user=owner, member=oud, status="active")
    assert NetworkMember.objects.get(pk=oud.pk).status == "reactivated"
    event = network_events(case)[-1]
    assert (event.data["fields"], event.data["status"]) == (["status"], "reactivated")


def test_it_keeps_active_for_a_member_who_was_not_sleeping(owner, case, member):
    member_update(acting_user=owner, member=member, status="active", ring=3)
    assert NetworkMember.objects.get(pk=member.pk).status == "active"


def test_it_lets_a_contact_fall_asleep(owner, case, member):
    member_update(acting_user=owner, member=member, status="sleeping")
    assert NetworkMember.objects.get(pk=member.pk).status == "sleeping"


def test_it_refuses_on_a_closed_case(owner, case, member):
    walk_to(case, Phase.NIET_PASSEND, acting_user=owner)
    before = snapshot(case)
    with translation.override("en"), pytest.raises(ValidationError) as error:
        member_update(acting_user=owner, member=member, name="Anna B.")
    assert error.value.messages == ["This case is closed."]
    assert NetworkMember.objects.get(pk=member.pk).name == "Anna"
    assert snapshot(case) == before


def test_it_refuses_an_agreement_of_another_case_and_keeps_the_rest(owner, team, case, member):
    other = case_in_phase(Phase.EERSTE_CONTACT, acting_user=owner, team=team, last_name="Smit")
    theirs = add_agreement(acting_user=owner, case=other)
    before = snapshot(case)
    with pytest.raises(ValidationError) as error:
        member_update(acting_user=owner, member=member, name="Anna B.", agreements=[theirs])
    assert "agreements" in error.value.message_dict
    stored = NetworkMember.objects.get(pk=member.pk)
    assert stored.name == "Anna" and not stored.agreements.exists()
    assert snapshot(case) == before


def test_it_refuses_an_invalid_value_and_saves_nothing(owner, case, member):
    before = snapshot(case)
    with pytest.raises(ValidationError) as error:
        member_update(acting_user=owner, member=member, name="Anna B.", ring=7)
    assert "ring" in error.value.message_dict
    assert NetworkMember.objects.get(pk=member.pk).ring == 2
    assert NetworkMember.objects.get(pk=member.pk).name == "Anna"
    assert snapshot(case) == before


def test_it_refuses_a_stale_version_and_keeps_the_first_save(owner, colleague, member):
    member_update(acting_user=owner, member=member, note="Eerste.", expected_version=1)
    with pytest.raises(EditConflict):
        member_update(acting_user=colleague, member=member, note="Tweede.", expected_version=1)
    stored = NetworkMember.objects.get(pk=member.pk)
    assert (stored.note, stored.version) == ("Eerste.", 2)


def test_it_counts_a_change_of_agreements_as_a_version(owner, case, member):
    agreement = add_agreement(acting_user=owner, case=case)
    member_update(acting_user=owner, member=member, agreements=[agreement], expected_version=1)
    assert NetworkMember.objects.get(pk=member.pk).version == 2
