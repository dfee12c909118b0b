"""Demo planned visits, so that "Mijn week" shows a worker's week from the first login: for
team PA's open cases in first contact or a trajectory, one visit this week (some with a time
and a place), and one visit that was planned for yesterday and has not been logged yet."""

from datetime import time, timedelta

from cases import services as s
from cases.models import Case, ContactMoment
from cases.phases import TRAJECTORY_PHASES, Phase

# (working days from today, time or None, place, kind), one per case in turn.
PLAN = [
    (0, time(10, 30), "bij cliënt thuis", ContactMoment.Kind.HOME_VISIT),
    (1, time(14, 0), "", ContactMoment.Kind.HOME_VISIT),
    (2, None, "wijkcentrum De Schakel", ContactMoment.Kind.OFFICE),
    (3, time(9, 15), "bij cliënt thuis", ContactMoment.Kind.HOME_VISIT),
    (4, None, "", ContactMoment.Kind.PHONE),
]
PLANNABLE = {Phase.EERSTE_CONTACT, *TRAJECTORY_PHASES}


def _working_day(today, n):
    """The n-th working day from today (today itself when n is 0 and today is a weekday)."""
    day = today
    while day.weekday() >= 5:
        day += timedelta(days=1)
    for _ in range(n):
        day += timedelta(days=1)
        while day.weekday() >= 5:
            day += timedelta(days=1)
    return day


def seed(ctx, moment_of):
    cases = list(
        Case.objects.filter(team=ctx.teams["PA"], phase__in=PLANNABLE)
        .select_related("assigned_worker")
        .order_by("reference")[: len(PLAN) + 1]
    )
    if not cases:
        return
    overdue, *this_week = cases
    # Planned three days ago for yesterday: on "Mijn week" it stands on top, as overdue.
    ctx.clock.moment = moment_of(3)
    s.visit_plan(
        acting_user=overdue.assigned_worker,
        case=overdue,
        planned_on=ctx.today - timedelta(days=1),
        place="bij cliënt thuis",
    )
    ctx.clock.moment = None
    for case, (days, at, place, kind) in zip(this_week, PLAN, strict=False):
        s.visit_plan(
            acting_user=case.assigned_worker,
            case=case,
            planned_on=_working_day(ctx.today, days),
            at=at,
            place=place,
            kind=kind,
        )
