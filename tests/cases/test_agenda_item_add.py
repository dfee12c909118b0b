"""Putting a case on a meeting's agenda (cases.services.agenda_item_add)."""

import pytest
from django.core.exceptions import ValidationError

from cases.models import AgendaItem
from cases.phases import Phase
from tests.cases.factories import case_in_phase, events
from tests.cases.meeting_data import on_agenda, plan_meeting


def test_it_puts_the_case_on_the_next_planned_meeting_with_a_timeline_event(owner, team):
    later = plan_meeting(acting_user=owner, team=team, days=10)
    sooner = plan_meeting(acting_user=owner, team=team, days=2, kind="consultation")
    case = case_in_phase(Phase.EERSTE_CONTACT, acting_user=owner, team=team)
    item = on_agenda(case, acting_user=owner, question="  Wie pakt de schulden op? ")
    assert (item.meeting, item.question) == (sooner, "Wie pakt de schulden op?")
    (event,) = events(case, "meeting")
    assert event.data == {
        "action": "agenda",
        "item_id": item.pk,
        "question": "Wie pakt de schulden op?",
        "meeting_id": sooner.pk,
        "meeting_kind": "consultation",
        "meeting_on": sooner.planned_on.isoformat(),
    }
    assert on_agenda(case, acting_user=owner, meeting=later).meeting == later


def test_it_waits_for_the_next_meeting_when_none_is_planned(owner, team):
    case = case_in_phase(Phase.EERSTE_CONTACT, acting_user=owner, team=team)
    item = on_agenda(case, acting_user=owner)
    assert item.meeting is None
    assert events(case, "meeting")[0].data["action"] == "agenda"


def test_it_refuses_no_question_twice_the_same_meeting_and_another_teams_meeting(
    owner, team, outsider, other_team
):
    case = case_in_phase(Phase.EERSTE_CONTACT, acting_user=owner, team=team)
    meeting = plan_meeting(acting_user=owner, team=team)
    with pytest.raises(ValidationError) as refused:
        on_agenda(case, acting_user=owner, question="  ")
    assert "question" in refused.value.message_dict
    on_agenda(case, acting_user=owner)
    with pytest.raises(ValidationError) as refused:
        on_agenda(case, acting_user=owner, meeting=meeting)
    assert "meeting" in refused.value.message_dict
    theirs = plan_meeting(acting_user=outsider, team=other_team)
    with pytest.raises(ValidationError) as refused:
        on_agenda(case, acting_user=owner, meeting=theirs)
    assert "meeting" in refused.value.message_dict
    assert AgendaItem.objects.count() == 1


def test_it_refuses_a_closed_case(owner, team):
    plan_meeting(acting_user=owner, team=team)
    closed = case_in_phase(Phase.AFGESLOTEN, acting_user=owner, team=team)
    with pytest.raises(ValidationError):
        on_agenda(closed, acting_user=owner)
    assert not AgendaItem.objects.exists()
