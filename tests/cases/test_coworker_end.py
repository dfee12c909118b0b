"""Taking a co-worker off a case (cases.services.coworker_end), or cancelling a planned one."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from cases import services
from cases.models import CaseCoworker
from cases.phases import Phase
from tests.cases.factories import add_coworker, case_in_phase, events


@pytest.fixture
def case(owner, team):
    return case_in_phase(Phase.CONTRACT, acting_user=owner, team=team)


def test_it_ends_a_coworker_now_on_the_timeline(case, owner, colleague):
    coworker = add_coworker(case, colleague, acting_user=owner)
    services.coworker_end(acting_user=owner, coworker=coworker)
    coworker.refresh_from_db()
    assert coworker.ended_at is not None and coworker.ended_by == owner
    assert not CaseCoworker.objects.current(coworker.starts_on).filter(pk=coworker.pk).exists()
    added, ended = events(case, "coworker")
    assert (added.data["action"], ended.data["action"]) == ("added", "ended")


def test_it_refuses_to_end_twice(case, owner, colleague):
    coworker = add_coworker(case, colleague, acting_user=owner, start=3)
    services.coworker_end(acting_user=owner, coworker=coworker)
    with pytest.raises(ValidationError):
        services.coworker_end(acting_user=owner, coworker=coworker)
    assert len(events(case, "coworker")) == 2


def test_it_lets_a_lead_end_it_but_not_the_coworker_themselves(case, owner, colleague, lead):
    coworker = add_coworker(case, colleague, acting_user=owner)
    with pytest.raises(PermissionDenied):
        services.coworker_end(acting_user=colleague, coworker=coworker)
    services.coworker_end(acting_user=lead, coworker=coworker)
