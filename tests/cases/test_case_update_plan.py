from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from cases import services
from cases.models import Case, TimelineEvent
from cases.phases import Phase, allows
from outreach.versioning import EditConflict
from tests.cases.factories import case_in_phase, events

PLAN_PHASES = [phase for phase in Phase if allows(phase, "plan")]
OTHER_PHASES = [phase for phase in Phase if phase not in PLAN_PHASES]


def update(case, user, plan="Schulden saneren.", due_on=None):
    return services.case_update_plan(
        acting_user=user, case=case, trajectory_plan=plan, evaluation_due_on=due_on
    )


@pytest.mark.parametrize("phase", PLAN_PHASES)
def test_it_saves_the_plan_and_notes_it(phase, owner, team):
    case = case_in_phase(phase, acting_user=owner, team=team)
    due_on = timezone.localdate() + timedelta(weeks=12)

    update(case, owner, plan="  Stap 1: post. Stap 2: budget.  ", due_on=due_on)

    case = Case.objects.get(pk=case.pk)
    assert case.trajectory_plan == "Stap 1: post. Stap 2: budget."
    assert case.evaluation_due_on == due_on
    event = events(case, TimelineEvent.Kind.PLAN)
    assert len(event) == 1
    assert event[0].data == {"fields": ["trajectory_plan", "evaluation_due_on"]}
    assert event[0].actor == owner


def test_it_clears_the_evaluation_date(owner, team):
    case = case_in_phase(Phase.CONTRACT, acting_user=owner, team=team)
    update(case, owner, due_on=timezone.localdate() + timedelta(days=30))

    update(case, owner, plan="", due_on=None)

    case = Case.objects.get(pk=case.pk)
    assert (case.trajectory_plan, case.evaluation_due_on) == ("", None)


@pytest.mark.parametrize("phase", OTHER_PHASES)
def test_it_refuses_a_plan_outside_the_contract_and_trajectory(phase, owner, team):
    case = case_in_phase(phase, acting_user=owner, team=team)
    before = len(events(case))

    with pytest.raises(ValidationError) as excinfo:
        update(case, owner, due_on=timezone.localdate())

    assert list(excinfo.value.message_dict) == [None]
    case = Case.objects.get(pk=case.pk)
    assert (case.trajectory_plan, case.evaluation_due_on) == ("", None)
    assert len(events(case)) == before


def test_it_refuses_a_stale_version_and_keeps_the_first_save(owner, colleague, team):
    case = case_in_phase(Phase.CONTRACT, acting_user=owner, team=team)
    opened = Case.objects.get(pk=case.pk).version
    services.case_update_plan(
        acting_user=owner,
        case=case,
        trajectory_plan="Eerste.",
        evaluation_due_on=None,
        expected_version=opened,
    )
    with pytest.raises(EditConflict):
        services.case_update_plan(
            acting_user=colleague,
            case=case,
            trajectory_plan="Tweede.",
            evaluation_due_on=None,
            expected_version=opened,
        )
    stored = Case.objects.get(pk=case.pk)
    assert (stored.trajectory_plan, stored.version) == ("Eerste.", opened + 1)
    assert len(events(case, TimelineEvent.Kind.PLAN)) == 1
