from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from cases import services
from cases.models import MeldcodeStep, MeldcodeTrajectory, TimelineEvent
from cases.phases import Phase
from tests.cases.factories import case_in_phase
from tests.cases.meldcode_data import STEP_VALUES, help_decision, report, start, today, walk

Status = MeldcodeTrajectory.Status


@pytest.fixture
def trajectory(owner, team):
    case = case_in_phase(Phase.EERSTE_CONTACT, acting_user=owner, team=team)
    return start(acting_user=owner, case=case)


def record(user, trajectory, key, **values):
    return services.meldcode_step_record(acting_user=user, trajectory=trajectory, key=key, **values)


def test_it_walks_the_five_steps_to_a_report(owner, trajectory):
    walk(acting_user=owner, trajectory=trajectory, to_step=4)
    weighing = trajectory.steps.get(key="weighing")
    assert weighing.outcome == "help"
    record(owner, trajectory, "decision", **report(deviation_reason="Moeder vraagt het zelf."))
    trajectory.refresh_from_db()
    assert trajectory.step_reached == 5
    assert trajectory.status == Status.REPORTED
    assert trajectory.reported_on == today()
    assert trajectory.ended_at is not None
    assert trajectory.case.events.filter(kind=TimelineEvent.Kind.MELDCODE).count() == 5


def test_it_lets_the_answers_lead_the_way(owner, trajectory):
    step = record(
        owner, trajectory, "weighing", q1="yes", q1_reason="ja", q2="yes", q2_reason="acuut"
    )
    assert step.outcome == "report"
    step = record(owner, trajectory, "weighing", q1="no", q1_reason="geen vermoeden")
    assert step.outcome == "close"


def test_it_asks_for_the_next_question_the_answers_lead_to(owner, trajectory):
    with pytest.raises(ValidationError) as refused:
        record(owner, trajectory, "weighing", q1="yes", q1_reason="ja", q2="no")
    assert set(refused.value.message_dict) == {"q2_reason", "q3"}
    assert not trajectory.steps.filter(key="weighing").exists()


def test_it_lets_an_acute_situation_go_straight_to_a_report(owner, trajectory):
    record(owner, trajectory, "decision", **report())
    trajectory.refresh_from_db()
    assert trajectory.status == Status.REPORTED and trajectory.step_reached == 5


def test_it_asks_why_when_the_decision_departs_from_the_weighing(owner, trajectory):
    record(owner, trajectory, "weighing", q1="yes", q1_reason="ja", q2="yes", q2_reason="acuut")
    with pytest.raises(ValidationError) as refused:
        record(owner, trajectory, "decision", **help_decision())
    assert set(refused.value.message_dict) == {"deviation_reason"}


def test_it_needs_what_a_report_records(owner, trajectory):
    with pytest.raises(ValidationError) as refused:
        record(owner, trajectory, "decision", decision="report", client_told="maybe")
    assert set(refused.value.message_dict) == {"client_told"}
    with pytest.raises(ValidationError) as refused:
        record(owner, trajectory, "decision", decision="report")
    assert set(refused.value.message_dict) == {
        "reported_on",
        "report_content",
        "client_told",
        "client_told_how",
    }


def test_it_puts_help_on_a_check_of_question_5_and_closes_after_it(owner, trajectory):
    walk(acting_user=owner, trajectory=trajectory)
    record(owner, trajectory, "decision", **help_decision())
    trajectory.refresh_from_db()
    assert trajectory.status == Status.HELP
    assert trajectory.check_on == today() + timedelta(days=30)
    record(owner, trajectory, "result_check", q5="yes", q5_reason="Veilig, afspraken nagekomen.")
    trajectory.refresh_from_db()
    assert trajectory.status == Status.CLOSED and trajectory.check_on is None


def test_it_reopens_when_the_help_does_not_work(owner, trajectory):
    walk(acting_user=owner, trajectory=trajectory)
    record(owner, trajectory, "decision", **help_decision())
    step = record(owner, trajectory, "result_check", q5="no", q5_reason="Weer incident.")
    assert step.outcome == "report"
    trajectory.refresh_from_db()
    assert trajectory.status == Status.OPEN and trajectory.check_on is None


def test_it_refuses_a_check_date_that_is_not_in_the_future(owner, trajectory):
    with pytest.raises(ValidationError) as refused:
        record(owner, trajectory, "decision", **help_decision(check_on=today()))
    assert set(refused.value.message_dict) == {"check_on"}


def test_it_refuses_the_check_before_help_and_any_step_after_the_end(owner, trajectory):
    with pytest.raises(ValidationError):
        record(owner, trajectory, "result_check", q5="yes", q5_reason="x")
    record(owner, trajectory, "decision", **report())
    with pytest.raises(ValidationError):
        record(owner, trajectory, "consultation", **STEP_VALUES["consultation"]())
    with pytest.raises(ValidationError):
        record(owner, trajectory, "no-such-step")


def test_it_records_a_step_again_as_things_change(owner, trajectory):
    record(owner, trajectory, "consultation", **STEP_VALUES["consultation"]())
    record(owner, trajectory, "consultation", **STEP_VALUES["consultation"]())
    assert trajectory.steps.filter(key="consultation").count() == 2


def test_it_refuses_a_colleague_without_the_right(colleague, trajectory):
    with pytest.raises(PermissionDenied):
        record(colleague, trajectory, "consultation", **STEP_VALUES["consultation"]())
    assert MeldcodeStep.objects.count() == 1


def test_it_records_a_conversation_not_held_with_its_reason(owner, trajectory):
    with pytest.raises(ValidationError) as refused:
        record(owner, trajectory, "conversation", held="no")
    assert set(refused.value.message_dict) == {"not_held_reason"}
    record(owner, trajectory, "conversation", held="no", not_held_reason="Gevaar voor moeder.")
    trajectory.refresh_from_db()
    assert trajectory.step_reached == 3
