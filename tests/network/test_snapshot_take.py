"""network.services.snapshot_take, by hand and with the ZRM begin and end assessments."""

from datetime import UTC, datetime

import pytest
from django.core.exceptions import ValidationError

from cases.phases import Phase
from network.measures import as_dict, network_measures
from network.models import NetworkSnapshot
from network.selectors import begin_and_end
from network.services import member_add, member_remove, member_update, snapshot_take
from tests.cases.factories import events, snapshot
from tests.zrm.factories import finalised_assessment, trajectory_case
from zrm.services import assessment_correct, assessment_finalise

pytestmark = pytest.mark.case_phase(Phase.EERSTE_CONTACT)


def add(owner, case, name, relation="friend", **fields):
    return member_add(acting_user=owner, case=case, name=name, relation=relation, **fields)


def test_it_freezes_the_members_and_their_measures(owner, colleague, case):
    anna = add(owner, case, "Anna", ring=1, support_emotional="receives")
    hulp = add(owner, case, "Hulp", "professional", ring=3, support_practical="receives")
    oud = add(owner, case, "Oud", status="sleeping")

    taken = snapshot_take(acting_user=colleague, case=case, kind="manual", label="  Na gesprek ")

    stored = NetworkSnapshot.objects.get()
    assert stored == taken
    assert (stored.kind, stored.label, stored.taken_by, stored.case) == (
        "manual",
        "Na gesprek",
        colleague,
        case,
    )
    assert [m["name"] for m in stored.members] == ["Anna", "Oud", "Hulp"]  # ring, then name
    assert stored.members == [as_dict(m) for m in (anna, oud, hulp)]
    assert stored.measures == network_measures(stored.members).as_json()
    assert (stored.measures["informal_supporters"], stored.measures["members"]) == (1, 2)
    assert stored.measures["professional_share"] == 0.5
    assert events(case, "network")[-1].data == {
        "action": "snapshot",
        "snapshot_kind": "manual",
        "members": 3,
    }


def test_it_does_not_change_when_the_map_changes_later(owner, case):
    anna = add(owner, case, "Anna", support_emotional="receives")
    bram = add(owner, case, "Bram", "neighbour")
    taken = snapshot_take(acting_user=owner, case=case, kind="begin")
    members, measures = taken.members, taken.measures

    member_update(acting_user=owner, member=anna, name="Anna K.", support_emotional="")
    member_remove(acting_user=owner, member=bram)
    add(owner, case, "Carla", support_practical="receives", support_material="receives")

    stored = NetworkSnapshot.objects.get(pk=taken.pk)
    assert (stored.members, stored.measures) == (members, measures)
    assert [m["name"] for m in stored.members] == ["Anna", "Bram"]
    assert stored.measures["informal_supporters"] == 1


def test_it_is_never_saved_again(owner, case):
    add(owner, case, "Anna")
    taken = snapshot_take(acting_user=owner, case=case, kind="manual", label="eerst")
    taken.label = "later"
    taken.members = []
    with pytest.raises(ValueError, match="never changed"):
        taken.save()
    stored = NetworkSnapshot.objects.get(pk=taken.pk)
    assert (stored.label, len(stored.members)) == ("eerst", 1)


def test_it_freezes_an_empty_map_too(owner, case):
    taken = snapshot_take(acting_user=owner, case=case, kind="manual")
    assert taken.members == []
    assert taken.measures["warnings"] == ["no_informal_supporter"]
    assert taken.measures["professional_share"] is None


def test_it_refuses_an_unknown_kind(owner, case):
    before = snapshot(case)
    with pytest.raises(ValidationError) as error:
        snapshot_take(acting_user=owner, case=case, kind="evaluation")
    assert "kind" in error.value.message_dict
    assert not NetworkSnapshot.objects.exists()
    assert snapshot(case) == before


def test_it_names_the_day_it_was_taken_in_amsterdam(owner, case):
    taken = snapshot_take(acting_user=owner, case=case, kind="manual")
    # Moved as a clock would, bypassing save(): 23:30 UTC on 1 March is 00:30 on 2 March in
    # Amsterdam, the day the worker saw on the wall.
    NetworkSnapshot.objects.filter(pk=taken.pk).update(
        taken_at=datetime(2025, 3, 1, 23, 30, tzinfo=UTC)
    )
    assert str(NetworkSnapshot.objects.get(pk=taken.pk)).endswith("02-03-2025")


# With the ZRM -----------------------------------------------------------------------------------


@pytest.fixture
def trajectory(owner, team):
    return trajectory_case(owner, team)


def test_it_is_taken_when_a_begin_and_an_end_assessment_are_finalised(owner, trajectory):
    add(owner, trajectory, "Hulp", "professional", support_practical="receives")
    finalised_assessment(trajectory, owner, "begin")
    assert [(s.kind, len(s.members)) for s in NetworkSnapshot.objects.all()] == [("begin", 1)]

    add(owner, trajectory, "Anna", support_emotional="receives")
    finalised_assessment(trajectory, owner, "evaluation")
    assert NetworkSnapshot.objects.count() == 1  # an evaluation takes none

    add(owner, trajectory, "Bram", "neighbour", support_practical="both")
    finalised_assessment(trajectory, owner, "end")

    begin, end = begin_and_end(trajectory)
    assert [m["name"] for m in begin.members] == ["Hulp"]
    assert sorted(m["name"] for m in end.members) == ["Anna", "Bram", "Hulp"]
    assert (begin.measures["informal_supporters"], end.measures["informal_supporters"]) == (0, 2)
    assert (begin.taken_by, end.taken_by) == (owner, owner)
    snapshot_events = [
        e.data for e in events(trajectory, "network") if e.data["action"] == "snapshot"
    ]
    assert [d["snapshot_kind"] for d in snapshot_events] == ["begin", "end"]


def test_it_keeps_the_begin_network_when_the_begin_assessment_is_corrected(owner, trajectory):
    add(owner, trajectory, "Hulp", "professional", support_practical="receives")
    begin_assessment = finalised_assessment(trajectory, owner, "begin")
    original = NetworkSnapshot.objects.get(kind="begin")

    # Months of work later the network has grown; then a typo in the begin ZRM is corrected.
    add(owner, trajectory, "Anna", support_emotional="receives")
    add(owner, trajectory, "Bram", "neighbour", support_practical="receives")
    correction = assessment_correct(
        acting_user=owner, assessment=begin_assessment, reason="Verkeerd niveau bij financiën."
    )
    assessment_finalise(acting_user=owner, assessment=correction)

    # The begin of the trajectory is still the network as it was at the begin.
    begin, _end = begin_and_end(trajectory)
    assert begin.members == original.members
    assert begin.measures["informal_supporters"] == 0


@pytest.mark.parametrize("empty_map", ["no_network", "not_mapped"])
def test_it_records_what_an_empty_begin_map_means(owner, case, empty_map):
    taken = snapshot_take(acting_user=owner, case=case, kind="begin", empty_map=empty_map)
    assert (taken.members, taken.empty_map) == ([], empty_map)
    assert taken.begin_not_mapped == (empty_map == "not_mapped")
    assert events(case, "network")[-1].data["empty_map"] == empty_map


@pytest.mark.parametrize("empty_map", ["", "nobody"])
def test_it_refuses_an_empty_begin_map_without_saying_what_it_means(owner, case, empty_map):
    before = snapshot(case)
    with pytest.raises(ValidationError) as error:
        snapshot_take(acting_user=owner, case=case, kind="begin", empty_map=empty_map)
    assert "empty_map" in error.value.message_dict
    assert not NetworkSnapshot.objects.exists()
    assert snapshot(case) == before


def test_it_keeps_no_empty_map_answer_for_a_map_with_people_or_another_kind(owner, case):
    assert snapshot_take(acting_user=owner, case=case, kind="end", empty_map="x").empty_map == ""
    add(owner, case, "Anna")
    taken = snapshot_take(acting_user=owner, case=case, kind="begin", empty_map="not_mapped")
    assert (taken.empty_map, taken.begin_not_mapped) == ("", False)
