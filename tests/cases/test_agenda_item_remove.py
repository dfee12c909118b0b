"""Taking a case off the agenda (cases.services.agenda_item_remove)."""

import pytest
from django.core.exceptions import ValidationError

from cases import services
from cases.models import AgendaItem
from cases.phases import Phase
from tests.cases.factories import case_in_phase, events
from tests.cases.meeting_data import held_meeting, on_agenda, plan_meeting


def test_it_takes_the_case_off_and_the_timeline_says_so(owner, team):
    plan_meeting(acting_user=owner, team=team)
    case = case_in_phase(Phase.EERSTE_CONTACT, acting_user=owner, team=team)
    item = on_agenda(case, acting_user=owner)
    services.agenda_item_remove(acting_user=owner, item=item)
    assert not AgendaItem.objects.exists()
    added, removed = events(case, "meeting")
    assert (removed.data["action"], added.data["action"]) == ("removed", "agenda")
    assert removed.data["item_id"] == item.pk


def test_it_keeps_a_case_that_was_discussed(owner, team):
    case = case_in_phase(Phase.EERSTE_CONTACT, acting_user=owner, team=team)
    _meeting, (item,) = held_meeting(acting_user=owner, team=team, cases=[case])
    services.case_discussion_record(acting_user=owner, item=item, consent="yes")
    with pytest.raises(ValidationError):
        services.agenda_item_remove(acting_user=owner, item=item)
    assert AgendaItem.objects.filter(pk=item.pk).exists()
