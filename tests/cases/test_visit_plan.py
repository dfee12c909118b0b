"""Planning a visit (cases.services.visit_plan) and a contact fulfilling it."""

from datetime import time, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from cases import services
from cases.models import PlannedVisit
from cases.phases import Phase
from tests.cases.factories import case_in_phase, events


def plan(case, user, days=2, **extra):
    return services.visit_plan(
        acting_user=user,
        case=case,
        planned_on=timezone.localdate() + timedelta(days=days),
        **extra,
    )


def test_it_plans_a_visit_with_a_time_and_place_on_the_timeline(owner, team):
    case = case_in_phase(Phase.CONTRACT, acting_user=owner, team=team)
    visit = plan(case, owner, at=time(10, 30), place="  Buurthuis De Pijp ")
    assert (visit.at, visit.place, visit.kind) == (time(10, 30), "Buurthuis De Pijp", "home_visit")
    (event,) = events(case, "planned")
    assert event.data == {
        "visit_id": visit.pk,
        "kind": "home_visit",
        "planned_on": visit.planned_on.isoformat(),
        "at": "10:30",
        "place": "Buurthuis De Pijp",
    }


def test_it_refuses_a_day_in_the_past_and_a_closed_case(owner, team):
    case = case_in_phase(Phase.CONTRACT, acting_user=owner, team=team)
    with pytest.raises(ValidationError) as refused:
        plan(case, owner, days=-1)
    assert "planned_on" in refused.value.message_dict
    closed = case_in_phase(Phase.AFGESLOTEN, acting_user=owner, team=team, last_name="Dicht")
    with pytest.raises(ValidationError):
        plan(closed, owner)
    assert not PlannedVisit.objects.exists()


def test_it_is_fulfilled_by_a_contact_on_or_after_its_day(owner, team):
    case = case_in_phase(Phase.CONTRACT, acting_user=owner, team=team)
    today_visit = plan(case, owner, days=0)
    later = plan(case, owner, days=3)
    services.contact_log(acting_user=owner, case=case, kind="home_visit")
    today_visit.refresh_from_db()
    later.refresh_from_db()
    assert today_visit.done_at is not None
    assert later.done_at is None


def test_it_is_not_fulfilled_by_a_failed_attempt(owner, team):
    case = case_in_phase(Phase.CONTRACT, acting_user=owner, team=team)
    visit = plan(case, owner, days=0)
    services.contact_log(acting_user=owner, case=case, kind="failed")
    visit.refresh_from_db()
    assert visit.done_at is None
