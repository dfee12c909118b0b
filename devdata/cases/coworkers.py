"""Demo co-workers (cases.services.coworkers), so the home page and *Mijn week* show a case
someone else carries: Kees covers one of Sanne's open cases during her holiday (started three
days ago, two weeks long, with the shielded parts opened to him by Marieke, the lead), and
Youssef is an intern on one of Kees's cases, since three weeks, until further notice."""

from datetime import timedelta

from django.utils import timezone

from cases import services as s
from cases.models import Case
from cases.phases import CLOSED_PHASES

HOLIDAY_DAYS = 14


def _open_case_of(ctx, username):
    return (
        Case.objects.filter(team=ctx.teams["PA"], assigned_worker=ctx.users[username])
        .exclude(phase__in=CLOSED_PHASES)
        .order_by("reference")
        .first()
    )


def seed(ctx, moment_of):
    lead = ctx.users["marieke"]
    covered = _open_case_of(ctx, "sanne")
    if covered is not None:
        ctx.clock.moment = moment_of(3)
        start = timezone.localdate(ctx.clock.moment)
        cover = s.coworker_add(
            acting_user=covered.assigned_worker,
            case=covered,
            user=ctx.users["kees"],
            role="cover",
            starts_on=start,
            ends_on=start + timedelta(days=HOLIDAY_DAYS),
        )
        s.coworker_grant_access(acting_user=lead, coworker=cover)
    taught = _open_case_of(ctx, "kees")
    if taught is not None:
        ctx.clock.moment = moment_of(21)
        s.coworker_add(
            acting_user=taught.assigned_worker,
            case=taught,
            user=ctx.users["youssef"],
            role="intern",
            starts_on=timezone.localdate(ctx.clock.moment),
        )
    ctx.clock.moment = None
