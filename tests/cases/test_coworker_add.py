"""Putting a co-worker on a case (cases.services.coworker_add): who, in which role, for which
period; every refusal keyed to its field and changing nothing."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from cases import services
from cases.models import CaseCoworker
from cases.phases import Phase
from outreach.models import Membership
from outreach.services import user_active_set
from tests.cases.factories import add_coworker, case_in_phase, events, snapshot
from tests.conftest import make_member


@pytest.fixture
def case(owner, team):
    return case_in_phase(Phase.CONTRACT, acting_user=owner, team=team)


def refusal(call, **kwargs):
    before = CaseCoworker.objects.count()
    with pytest.raises(ValidationError) as refused:
        call(**kwargs)
    assert CaseCoworker.objects.count() == before
    return refused.value.message_dict


def test_it_adds_a_cover_with_its_period_on_the_timeline(case, owner, colleague):
    coworker = add_coworker(case, colleague, acting_user=owner, start=1, end=15)
    today = timezone.localdate()
    assert (coworker.role, coworker.starts_on, coworker.ends_on, coworker.added_by) == (
        "cover",
        today + timedelta(days=1),
        today + timedelta(days=15),
        owner,
    )
    (event,) = events(case, "coworker")
    assert event.data == {
        "coworker_id": coworker.pk,
        "action": "added",
        "user": str(colleague),
        "role": "cover",
        "starts_on": (today + timedelta(days=1)).isoformat(),
        "ends_on": (today + timedelta(days=15)).isoformat(),
    }
    assert event.actor == owner


def test_it_lets_a_lead_add_an_open_ended_intern(case, lead, colleague):
    coworker = add_coworker(case, colleague, acting_user=lead, role="intern", end=None)
    assert coworker.ends_on is None and coworker.role == "intern"


def test_it_refuses_a_cover_without_an_end_and_an_end_before_the_start(case, owner, colleague):
    today = timezone.localdate()
    kwargs = {"acting_user": owner, "case": case, "user": colleague, "starts_on": today}
    assert "ends_on" in refusal(services.coworker_add, role="cover", ends_on=None, **kwargs)
    errors = refusal(
        services.coworker_add, role="second", ends_on=today - timedelta(days=1), **kwargs
    )
    assert errors["ends_on"] == ["De einddatum kan niet voor de start liggen."]


def test_it_refuses_a_start_in_the_past_or_more_than_a_year_ahead(case, owner, colleague):
    today = timezone.localdate()
    for start in (today - timedelta(days=1), today + timedelta(days=400)):
        errors = refusal(
            services.coworker_add,
            acting_user=owner,
            case=case,
            user=colleague,
            role="intern",
            starts_on=start,
        )
        assert "starts_on" in errors


def test_it_refuses_the_cases_own_worker_an_outsider_and_an_inactive_colleague(
    case, owner, colleague, outsider
):
    today = timezone.localdate()
    for user in (owner, outsider):
        errors = refusal(
            services.coworker_add,
            acting_user=owner,
            case=case,
            user=user,
            role="intern",
            starts_on=today,
        )
        assert "user" in errors
    user_active_set(acting_user=None, user=colleague, active=False)
    colleague.refresh_from_db()
    assert "user" in refusal(
        services.coworker_add,
        acting_user=owner,
        case=case,
        user=colleague,
        role="intern",
        starts_on=today,
    )


def test_it_refuses_an_overlapping_period_but_not_a_later_one(case, owner, colleague):
    add_coworker(case, colleague, acting_user=owner, start=0, end=10)
    today = timezone.localdate()
    errors = refusal(
        services.coworker_add,
        acting_user=owner,
        case=case,
        user=colleague,
        role="second",
        starts_on=today + timedelta(days=10),
    )
    assert errors["user"] == [f"{colleague} staat in die periode al op deze casus."]
    later = add_coworker(case, colleague, acting_user=owner, start=11, end=20)
    assert later.pk


def test_it_refuses_a_worker_who_is_not_on_the_case_and_not_a_lead(case, colleague, team):
    other = make_member("derde", team, Membership.Role.WORKER)
    before = snapshot(case)
    with pytest.raises(PermissionDenied):
        add_coworker(case, other, acting_user=colleague)
    assert snapshot(case) == before


def test_it_refuses_a_closed_case(owner, team, colleague):
    closed = case_in_phase(Phase.AFGESLOTEN, acting_user=owner, team=team)
    with pytest.raises(ValidationError):
        add_coworker(closed, colleague, acting_user=owner)
