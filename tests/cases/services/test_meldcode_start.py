import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from cases.models import MeldcodeTrajectory, TimelineEvent
from cases.phases import Phase
from outreach.models import Membership
from outreach.services import membership_set
from tests.cases.factories import case_in_phase
from tests.cases.meldcode_data import signals, start


@pytest.fixture
def case(owner, team):
    return case_in_phase(Phase.EERSTE_CONTACT, acting_user=owner, team=team)


def test_it_starts_with_step_1_and_a_content_free_timeline_event(owner, case):
    trajectory = start(acting_user=owner, case=case)
    assert trajectory.step_reached == 1
    assert trajectory.status == MeldcodeTrajectory.Status.OPEN
    assert trajectory.framework_version == "2019"
    step = trajectory.steps.get()
    assert step.key == "signals" and step.number == 1
    assert step.data["children"] == "yes"
    assert step.data["observed_on"] == signals()["observed_on"].isoformat()
    event = case.events.get(kind=TimelineEvent.Kind.MELDCODE)
    assert event.data == {"trajectory_id": trajectory.pk, "step": "signals"}


def test_it_allows_more_than_one_trajectory_per_case(owner, case):
    start(acting_user=owner, case=case)
    start(acting_user=owner, case=case)
    assert case.meldcode_trajectories.count() == 2


def test_it_refuses_missing_facts_and_a_missing_child_check(owner, case):
    with pytest.raises(ValidationError) as refused:
        start(acting_user=owner, case=case, facts="  ", child_check="")
    assert set(refused.value.message_dict) == {"facts", "child_check"}
    assert not MeldcodeTrajectory.objects.exists()


def test_it_refuses_a_date_in_the_future(owner, case):
    from datetime import timedelta

    with pytest.raises(ValidationError) as refused:
        start(acting_user=owner, case=case, observed_on=signals()["observed_on"] + timedelta(9))
    assert "observed_on" in refused.value.message_dict


def test_it_refuses_a_colleague_without_the_right(colleague, case):
    with pytest.raises(PermissionDenied):
        start(acting_user=colleague, case=case)
    assert not MeldcodeTrajectory.objects.exists()


def test_it_lets_the_aandachtsfunctionaris_start_one(colleague, team, case):
    membership_set(
        acting_user=None,
        team=team,
        user=colleague,
        role=Membership.Role.WORKER,
        aandachtsfunctionaris=True,
    )
    assert start(acting_user=colleague, case=case).pk


def test_it_refuses_a_closed_case(owner, team):
    case = case_in_phase(Phase.AFGESLOTEN, acting_user=owner, team=team)
    with pytest.raises(ValidationError):
        start(acting_user=owner, case=case)
