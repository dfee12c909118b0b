"""network.services.begin_network_record: the begin network recorded after the begin ZRM was
finalised on an empty map. The first begin snapshot stays, marked replaced."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone, translation

from cases.timeline import describe
from network.inspection import sections
from network.models import NetworkSnapshot
from network.selectors import begin_and_end, recordable_begin
from network.services import begin_network_record, member_add
from outreach.inspection import Wanted
from tests.cases.factories import events, snapshot
from tests.zrm.factories import close, finalised_assessment, trajectory_case


def add(owner, case, name, relation="friend", **fields):
    return member_add(acting_user=owner, case=case, name=name, relation=relation, **fields)


@pytest.fixture
def case(owner, team):
    """A begin ZRM finalised while the map was still empty: "not mapped yet"."""
    case = trajectory_case(owner, team)
    finalised_assessment(case, owner, "begin", empty_map="not_mapped")
    return case


def test_it_replaces_the_empty_begin_snapshot_and_keeps_it_marked(owner, colleague, case):
    (first,) = NetworkSnapshot.objects.all()
    add(owner, case, "Zus Wilma", "sibling", support_emotional="receives")
    start = timezone.now()

    recorded = begin_network_record(acting_user=colleague, case=case)

    assert (recorded.kind, recorded.replaces, recorded.taken_by) == ("begin", first, colleague)
    assert [m["name"] for m in recorded.members] == ["Zus Wilma"]
    assert recorded.measures["informal_supporters"] == 1
    assert recorded.empty_map == ""
    kept = NetworkSnapshot.objects.get(pk=first.pk)
    assert (kept.members, kept.empty_map, kept.is_replaced) == ([], "not_mapped", True)
    # Replaced by which, when and who: the replacing snapshot.
    assert kept.replaced_by == recorded and start <= recorded.taken_at <= timezone.now()
    assert begin_and_end(case) == (recorded, None)
    assert recordable_begin(case) is None
    event = events(case, "network")[-1].data
    assert event == {
        "action": "begin_recorded",
        "snapshot_kind": "begin",
        "members": 1,
        "replaces_snapshot_id": first.pk,
        "replaces_taken_on": timezone.localtime(first.taken_at).date().isoformat(),
    }


def test_it_tells_the_replacement_on_the_timeline(owner, case):
    (first,) = NetworkSnapshot.objects.all()
    add(owner, case, "Zus Wilma", "sibling")
    begin_network_record(acting_user=owner, case=case)
    with translation.override("nl"):
        view = describe(events(case, "network")[-1])
        facts = [(str(label), value) for label, value in view.facts]
    assert str(view.title) == "Netwerk: beginnetwerk achteraf vastgelegd"
    day = timezone.localtime(first.taken_at).strftime("%d-%m-%Y")
    assert ("vervangt de beginmomentopname van", day) in facts


def test_it_tells_an_empty_begin_map_on_the_timeline(owner, case):
    with translation.override("nl"):
        view = describe(events(case, "network")[-1])
        facts = [(str(label), str(value)) for label, value in view.facts]
    assert ("lege kaart bij het begin", "nog niet in kaart gebracht") in facts


def test_it_records_no_network_when_the_map_stays_empty(owner, case):
    recorded = begin_network_record(acting_user=owner, case=case, empty_map="no_network")
    assert (recorded.members, recorded.empty_map, recorded.begin_not_mapped) == (
        [],
        "no_network",
        False,
    )
    # "No network" can still be replaced if people from the begin turn up later.
    assert recordable_begin(case) == recorded
    add(owner, case, "Buurman", "neighbour")
    again = begin_network_record(acting_user=owner, case=case)
    assert again.replaces == recorded
    assert NetworkSnapshot.objects.filter(kind="begin").count() == 3


@pytest.mark.parametrize("empty_map", ["", "not_mapped"])
def test_it_refuses_an_empty_map_that_does_not_say_no_network(owner, case, empty_map):
    before = snapshot(case)
    with pytest.raises(ValidationError, match="nog leeg"):
        begin_network_record(acting_user=owner, case=case, empty_map=empty_map)
    assert NetworkSnapshot.objects.count() == 1
    assert snapshot(case) == before


def test_it_refuses_to_record_no_network_twice(owner, case):
    begin_network_record(acting_user=owner, case=case, empty_map="no_network")
    with pytest.raises(ValidationError, match="nog leeg"):
        begin_network_record(acting_user=owner, case=case, empty_map="no_network")


def test_it_refuses_when_the_begin_network_was_mapped(owner, team):
    case = trajectory_case(owner, team)
    add(owner, case, "Anna")
    finalised_assessment(case, owner, "begin")
    add(owner, case, "Bram")
    with pytest.raises(ValidationError, match="geen lege beginmomentopname"):
        begin_network_record(acting_user=owner, case=case)
    assert NetworkSnapshot.objects.count() == 1


def test_it_refuses_without_a_begin_snapshot(owner, team):
    case = trajectory_case(owner, team)
    add(owner, case, "Anna")
    with pytest.raises(ValidationError, match="geen lege beginmomentopname"):
        begin_network_record(acting_user=owner, case=case)
    assert not NetworkSnapshot.objects.exists()


def test_it_refuses_a_closed_case(owner, case):
    finalised_assessment(case, owner, "end")
    add_before_close = NetworkSnapshot.objects.count()
    case = close(case, owner)
    with pytest.raises(ValidationError):
        begin_network_record(acting_user=owner, case=case, empty_map="no_network")
    assert NetworkSnapshot.objects.count() == add_before_close


def test_it_puts_both_snapshots_and_the_replacement_in_the_inspection_file(owner, case):
    (first,) = NetworkSnapshot.objects.all()
    add(owner, case, "Zus Wilma", "sibling")
    recorded = begin_network_record(acting_user=owner, case=case)
    with translation.override("nl"):
        (section,) = [s for s in sections(case.client, Wanted()) if s.key == "network_snapshots"]
        old, new = section.records
        assert old.as_json()["empty_map"] == "not_mapped"
        assert old.as_json()["replaces_id"] is None
        assert new.as_json()["replaces_id"] == first.pk
        old_lines, new_lines = dict(old.lines), dict(new.lines)
        assert old_lines["Wat de kaart laat zien"] == "nog niet in kaart gebracht"
        replaced = old_lines["Vervangen"]
        assert str(owner) in replaced
        assert timezone.localtime(recorded.taken_at).strftime("%d-%m-%Y %H:%M") in replaced
        assert "Vervangen" not in new_lines
