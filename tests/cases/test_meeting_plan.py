"""Planning a case meeting (cases.services.meeting_plan)."""

import pytest
from django.core.exceptions import ValidationError

from cases.models import AgendaItem, CaseMeeting
from cases.phases import Phase
from tests.cases.factories import case_in_phase
from tests.cases.meeting_data import on_agenda, plan_meeting


def test_it_plans_a_meeting_of_the_team(owner, team):
    meeting = plan_meeting(acting_user=owner, team=team, kind="lzn")
    assert (meeting.team, meeting.kind, meeting.status) == (team, "lzn", "planned")
    assert meeting.planned_by == owner


def test_it_refuses_a_day_in_the_past_and_an_unknown_kind(owner, team):
    with pytest.raises(ValidationError) as refused:
        plan_meeting(acting_user=owner, team=team, days=-1)
    assert "planned_on" in refused.value.message_dict
    with pytest.raises(ValidationError) as refused:
        plan_meeting(acting_user=owner, team=team, kind="borrel")
    assert "kind" in refused.value.message_dict
    assert not CaseMeeting.objects.exists()


def test_it_takes_the_cases_waiting_for_the_next_meeting(owner, team, other_team, outsider):
    case = case_in_phase(Phase.EERSTE_CONTACT, acting_user=owner, team=team)
    theirs = case_in_phase(Phase.EERSTE_CONTACT, acting_user=outsider, team=other_team)
    waiting = on_agenda(case, acting_user=owner)
    elsewhere = on_agenda(theirs, acting_user=outsider)
    assert waiting.meeting is None
    meeting = plan_meeting(acting_user=owner, team=team)
    assert AgendaItem.objects.get(pk=waiting.pk).meeting == meeting
    assert AgendaItem.objects.get(pk=elsewhere.pk).meeting is None
