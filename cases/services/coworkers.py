"""The people on a case besides its worker (cases.models.CaseCoworker): adding a second worker,
an intern or cover for a period, ending it, and a lead opening or closing the case's shielded
parts to them. Re-exported by cases.services (see there for the rules every write follows)."""

from datetime import timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cases.models import Case, CaseCoworker, TimelineEvent
from cases.services.core import check_case_open, timeline_record
from cases.timeline import coworker_data
from outreach import clock
from outreach.access import is_lead
from outreach.models import Membership

Role = CaseCoworker.Role
# How far ahead a co-worker can be planned (a holiday is known months ahead, not years).
COWORKER_PLAN_AHEAD_DAYS = 366


MAY_ARRANGE_REFUSED = gettext_lazy(
    "Only the case's worker and the team leads can change who works on this case."
)
MAY_GRANT_REFUSED = gettext_lazy(
    "Only a team lead can open the shielded parts of a case to a co-worker."
)


def may_arrange(user, case):
    """The case's worker arranges their own cover and second worker; the team's leads too."""
    return user.pk == case.assigned_worker_id or is_lead(user, case.team_id)


def may_grant(user, case):
    """Opening the shielded parts to a co-worker is a lead's decision."""
    return is_lead(user, case.team_id)


def _check_may_arrange(acting_user, case):
    if acting_user is not None and not may_arrange(acting_user, case):
        raise PermissionDenied(MAY_ARRANGE_REFUSED)


def _check_lead(acting_user, case):
    if acting_user is not None and not may_grant(acting_user, case):
        raise PermissionDenied(MAY_GRANT_REFUSED)


def _check_dates(role, starts_on, ends_on, today):
    errors = {}
    if starts_on is None:
        errors["starts_on"] = _("Fill in the date they start.")
    elif starts_on < today:
        errors["starts_on"] = _("The start cannot lie in the past: today at the earliest.")
    elif starts_on > today + timedelta(days=COWORKER_PLAN_AHEAD_DAYS):
        errors["starts_on"] = _("The start can lie at most a year ahead.")
    if role == Role.COVER and ends_on is None:
        errors["ends_on"] = _("Cover during an absence needs an end date.")
    elif ends_on is not None and starts_on is not None and ends_on < starts_on:
        errors["ends_on"] = _("The end date cannot lie before the start.")
    if errors:
        raise ValidationError(errors)


def _overlapping(case, user, starts_on, ends_on):
    rows = CaseCoworker.objects.filter(case=case, user=user, ended_at__isnull=True).filter(
        Q(ends_on__isnull=True) | Q(ends_on__gte=starts_on)
    )
    return rows.filter(starts_on__lte=ends_on) if ends_on is not None else rows


@transaction.atomic
def coworker_add(*, acting_user, case, user, role, starts_on, ends_on=None):
    """Put a worker of the case's team on the case for a period. Cover needs an end date;
    a second worker and an intern may stay until further notice."""
    case = Case.objects.select_for_update().get(pk=case.pk)
    check_case_open(case)
    _check_may_arrange(acting_user, case)
    if role not in Role.values:
        raise ValidationError({"role": _("Choose one of the options.")})
    today = clock.today()
    _check_dates(role, starts_on, ends_on, today)
    if (
        user is None
        or not Membership.objects.filter(
            team_id=case.team_id, user=user, user__is_active=True
        ).exists()
    ):
        raise ValidationError({"user": _("Choose a worker of this team.")})
    if user.pk == case.assigned_worker_id:
        raise ValidationError(
            {"user": _("%(worker)s is the case's worker already.") % {"worker": user}}
        )
    if _overlapping(case, user, starts_on, ends_on).exists():
        raise ValidationError(
            {"user": _("%(worker)s is on this case already in that period.") % {"worker": user}}
        )
    coworker = CaseCoworker.objects.create(
        case=case,
        user=user,
        role=role,
        starts_on=starts_on,
        ends_on=ends_on,
        added_by=acting_user,
        added_at=clock.now(),
    )
    _record(acting_user, coworker, "added")
    return coworker


def _locked(coworker):
    coworker = (
        CaseCoworker.objects.select_for_update().select_related("case", "user").get(pk=coworker.pk)
    )
    if coworker.ended_at is not None or (
        coworker.ends_on is not None and coworker.ends_on < clock.today()
    ):
        raise ValidationError(
            {None: _("%(worker)s is no longer on this case.") % {"worker": coworker.user}}
        )
    return coworker


@transaction.atomic
def coworker_end(*, acting_user, coworker):
    """Take a co-worker off the case now (or cancel one planned): their access ends with it."""
    coworker = _locked(coworker)
    _check_may_arrange(acting_user, coworker.case)
    coworker.ended_at = clock.now()
    coworker.ended_by = acting_user
    coworker.save(update_fields=["ended_at", "ended_by"])
    _record(acting_user, coworker, "ended")
    return coworker


@transaction.atomic
def coworker_grant_access(*, acting_user, coworker):
    """A lead opens the case's shielded parts (sensitive details, prior information, meldcode)
    to a co-worker, for as long as they are on the case."""
    coworker = _locked(coworker)
    _check_lead(acting_user, coworker.case)
    check_case_open(coworker.case)
    if coworker.has_access:
        raise ValidationError(
            {None: _("%(worker)s may see the shielded parts already.") % {"worker": coworker.user}}
        )
    coworker.access_granted_at = clock.now()
    coworker.access_granted_by = acting_user
    coworker.save(update_fields=["access_granted_at", "access_granted_by"])
    _record(acting_user, coworker, "granted")
    return coworker


@transaction.atomic
def coworker_revoke_access(*, acting_user, coworker):
    coworker = _locked(coworker)
    _check_lead(acting_user, coworker.case)
    if not coworker.has_access:
        raise ValidationError(
            {None: _("%(worker)s cannot see the shielded parts.") % {"worker": coworker.user}}
        )
    coworker.access_granted_at = None
    coworker.access_granted_by = None
    coworker.save(update_fields=["access_granted_at", "access_granted_by"])
    _record(acting_user, coworker, "revoked")
    return coworker


def coworkers_end_for_move(*, acting_user, cases):
    """End the co-workers of cases whose file moves to another team (case_move_team, which
    checked who may move it): they work in the old team. Each ending on the timeline."""
    _end_all(acting_user, CaseCoworker.objects.filter(case__in=cases))


def coworkers_end_for_reassign(*, acting_user, cases, to_worker):
    """A co-worker who becomes the case's worker (case_reassign) is no longer a co-worker."""
    _end_all(acting_user, CaseCoworker.objects.filter(case__in=cases, user=to_worker))


def _end_all(acting_user, rows):
    today = clock.today()
    ending = list(
        rows.select_for_update()
        .select_related("case", "user")
        .filter(ended_at__isnull=True)
        .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=today))
    )
    for coworker in ending:
        coworker.ended_at = clock.now()
        coworker.ended_by = acting_user
        coworker.save(update_fields=["ended_at", "ended_by"])
        _record(acting_user, coworker, "ended")


def _record(acting_user, coworker, action):
    timeline_record(
        acting_user=acting_user,
        case=coworker.case,
        kind=TimelineEvent.Kind.COWORKER,
        data=coworker_data(coworker, action),
    )
