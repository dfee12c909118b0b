"""Meldcode trajectories on a case (cases/meldcode): starting one with step 1, recording a step
(again), and the team's own terms. Re-exported by cases.services. Only those who may see a
trajectory (outreach.access.may_see_meldcode) write to it; the timeline says which step was
recorded, never what, and is shielded like the trajectory."""

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from cases import meldcode
from cases.models import (
    POLICY_DAYS_MESSAGE,
    Case,
    MeldcodeStep,
    MeldcodeTerms,
    MeldcodeTrajectory,
    TimelineEvent,
)
from cases.services.core import check_case_open, timeline_record
from outreach import clock
from outreach.access import MELDCODE_REFUSED, may_see_meldcode

Status = MeldcodeTrajectory.Status
TEXT_MAX_LENGTH = 8000
LINE_MAX_LENGTH = 200
# Which decisions follow where the weighing led; another needs its reason (deviation_reason).
DECISIONS_FOLLOWING = {
    meldcode.REPORT: {"report", "report_help"},
    meldcode.HELP: {"help", "report_help"},
    meldcode.CLOSE: {"close"},
}
REPORTING_DECISIONS = {"report", "report_help"}
HELPING_DECISIONS = {"help", "report_help"}


def meldcode_data(trajectory, step):
    """The timeline event's payload: which trajectory and step, never what was recorded."""
    return {"trajectory_id": trajectory.pk, "step": step.key}


def _check_may(acting_user, case):
    if acting_user is not None and not may_see_meldcode(acting_user, case):
        raise PermissionDenied(MELDCODE_REFUSED)


def _clean(key, values, version):
    """The record's data as stored: only the framework's fields, text stripped, dates as ISO;
    empty fields left out. Refuses over-long text."""
    data, errors = {}, {}
    for field in meldcode.fields(key, version):
        name, value = field["name"], values.get(field["name"])
        if isinstance(value, date):
            data[name] = value.isoformat()
            continue
        value = (value or "").strip() if isinstance(value, str) or value is None else value
        if value in ("", None):
            continue
        limit = LINE_MAX_LENGTH if field["type"] == "line" else TEXT_MAX_LENGTH
        if field["type"] in ("yesno", "choice"):
            allowed = (
                {"yes", "no"}
                if field["type"] == "yesno"
                else {c["value"] for c in field["choices"]}
            )
            if value not in allowed:
                errors[name] = _("Choose one of the options.")
                continue
        elif len(str(value)) > limit:
            errors[name] = _("Keep this under %(n)s characters.") % {"n": limit}
            continue
        data[name] = value
    if errors:
        raise ValidationError(errors)
    return data


def _require(errors, data, *names):
    for name in names:
        if name not in data:
            errors.setdefault(name, _("Fill this in."))


def _not_future(errors, data, name, today):
    if name in data and date.fromisoformat(data[name]) > today:
        errors[name] = _("The date cannot lie in the future.")


def _check_signals(data, errors, today, trajectory):
    _require(errors, data, "observed_on", "source", "facts", "children")
    _not_future(errors, data, "observed_on", today)
    if data.get("children") == "yes":
        _require(errors, data, "child_check")


def _check_consultation(data, errors, today, trajectory):
    _require(errors, data, "consulted_on", "kind", "with_whom", "advice")
    _not_future(errors, data, "consulted_on", today)


def _check_conversation(data, errors, today, trajectory):
    _require(errors, data, "held")
    if data.get("held") == "yes":
        _require(errors, data, "held_on", "with_whom", "said", "reaction")
        _not_future(errors, data, "held_on", today)
    elif data.get("held") == "no":
        _require(errors, data, "not_held_reason")


def _weigh(data, errors, numbers, version):
    """The answers in their order, each with its reasoning, up to where they lead."""
    answers = {n: data.get(f"q{n}") for n in numbers}
    outcome, unanswered = meldcode.route(answers, numbers, version)
    if unanswered is not None:
        errors[f"q{unanswered}"] = _("Answer this question: your answers so far lead to it.")
    for number in numbers:
        if data.get(f"q{number}"):
            _require(errors, data, f"q{number}_reason")
    return outcome


def _check_decision(data, errors, today, trajectory):
    _require(errors, data, "decision")
    decision = data.get("decision")
    if decision in REPORTING_DECISIONS:
        _require(errors, data, "reported_on", "report_content", "client_told", "client_told_how")
        _not_future(errors, data, "reported_on", today)
    if decision in HELPING_DECISIONS:
        _require(errors, data, "agreements", "check_on")
        if "check_on" in data and date.fromisoformat(data["check_on"]) <= today:
            errors["check_on"] = _("Choose a date after today to check question 5.")
    if decision == "close":
        _require(errors, data, "close_reason")
    weighed = trajectory.steps.filter(key=meldcode.WEIGHING).order_by("-recorded_at", "-id")
    advice = weighed.values_list("outcome", flat=True).first()
    if decision and advice and decision not in DECISIONS_FOLLOWING.get(advice, {decision}):
        _require(errors, data, "deviation_reason")


CHECKS = {
    "signals": _check_signals,
    "consultation": _check_consultation,
    "conversation": _check_conversation,
    meldcode.DECISION: _check_decision,
}


def _validated(trajectory_or_none, key, values, version):
    today = clock.today()
    data = _clean(key, values, version)
    errors, outcome = {}, ""
    kind = meldcode.record_kind(key, version)
    if kind.get("questions"):
        outcome = _weigh(data, errors, kind["questions"], version) or ""
    else:
        CHECKS[key](data, errors, today, trajectory_or_none)
    if errors:
        raise ValidationError(errors)
    return data, outcome


def _append(*, acting_user, trajectory, key, data, outcome):
    step = MeldcodeStep.objects.create(
        trajectory=trajectory,
        key=key,
        number=meldcode.step_number(key, trajectory.framework_version),
        recorded_at=clock.now(),
        recorded_by=acting_user,
        data=data,
        outcome=outcome,
    )
    timeline_record(
        acting_user=acting_user,
        case=trajectory.case,
        kind=TimelineEvent.Kind.MELDCODE,
        data=meldcode_data(trajectory, step),
    )
    return step


@transaction.atomic
def meldcode_start(*, acting_user, case, **values):
    """Start a meldcode trajectory on an open case by recording step 1, the signals. More than
    one per case over time is possible; the days since step 1 count from now."""
    case = Case.objects.select_for_update().get(pk=case.pk)
    _check_may(acting_user, case)
    check_case_open(case)
    version = meldcode.VERSION
    data, outcome = _validated(None, meldcode.SIGNALS, values, version)
    trajectory = MeldcodeTrajectory.objects.create(
        case=case,
        framework_version=version,
        started_at=clock.now(),
        started_by=acting_user,
    )
    _append(
        acting_user=acting_user,
        trajectory=trajectory,
        key=meldcode.SIGNALS,
        data=data,
        outcome=outcome,
    )
    return trajectory


def _apply(trajectory, step):
    """What a recorded step changes on its trajectory: the step reached, and after a decision
    or a check of question 5 its status and dates."""
    data = step.data
    trajectory.step_reached = max(trajectory.step_reached, step.number)
    if step.key == meldcode.DECISION:
        decision = data["decision"]
        if decision in REPORTING_DECISIONS:
            trajectory.reported_on = date.fromisoformat(data["reported_on"])
        if decision in HELPING_DECISIONS:
            trajectory.status = Status.HELP
            trajectory.check_on = date.fromisoformat(data["check_on"])
        else:
            trajectory.status = Status.REPORTED if decision == "report" else Status.CLOSED
            trajectory.check_on = None
            trajectory.ended_at = clock.now()
    elif step.key == meldcode.RESULT_CHECK:
        trajectory.check_on = None
        if step.outcome == meldcode.CLOSE:
            trajectory.status, trajectory.ended_at = Status.CLOSED, clock.now()
        else:
            # The help does not work: back to deciding, which the afwegingskader says is a
            # (new) report to Veilig Thuis.
            trajectory.status = Status.OPEN
    trajectory.save(update_fields=["step_reached", "status", "reported_on", "check_on", "ended_at"])


@transaction.atomic
def meldcode_step_record(*, acting_user, trajectory, key, **values):
    """Record a step of an open trajectory (again), or the check of question 5 once help was
    decided on. The order is guided, not forced: any step can be recorded at any time, so an
    acute situation can go from the signals straight to a report."""
    trajectory = (
        MeldcodeTrajectory.objects.select_for_update().select_related("case").get(pk=trajectory.pk)
    )
    _check_may(acting_user, trajectory.case)
    version = trajectory.framework_version
    if key not in meldcode.record_keys(version):
        raise ValidationError({None: _("This is not a step of the meldcode.")})
    if not trajectory.is_open:
        raise ValidationError({None: _("This meldcode trajectory has ended.")})
    if key == meldcode.RESULT_CHECK and trajectory.status != Status.HELP:
        raise ValidationError(
            {None: _("Question 5 is checked once help has been decided on in step 5.")}
        )
    data, outcome = _validated(trajectory, key, values, version)
    step = _append(
        acting_user=acting_user, trajectory=trajectory, key=key, data=data, outcome=outcome
    )
    _apply(trajectory, step)
    return step


@transaction.atomic
def meldcode_terms_set(*, acting_user, team, **terms):
    """The team's own meldcode terms (days from step 1 for each later step)."""
    current, _created = MeldcodeTerms.objects.select_for_update().get_or_create(team=team)
    for name, value in terms.items():
        if not isinstance(value, int):
            raise ValidationError({name: POLICY_DAYS_MESSAGE})
        setattr(current, name, value)
    current.clean_fields(
        exclude=[f.name for f in MeldcodeTerms._meta.fields if f.name not in terms]
    )
    current.save(update_fields=list(terms))
    return current
