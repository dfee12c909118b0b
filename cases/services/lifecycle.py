"""The file's life beyond the phases: deleting (a soft delete) and restoring clients and cases,
reassigning cases within a team, moving a case to another team, and the team's thresholds and
yearly targets. Same rules as cases.services.core: keyword-only, atomic, with acting_user, writing
the timeline (the team's settings have no case timeline: a target keeps who set it)."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from cases.models import (
    POLICY_DAYS_MESSAGE,
    Case,
    Client,
    PhaseSpan,
    Signal,
    TeamPolicy,
    TeamYearTarget,
)
from cases.models.targets import YEARLY_TARGET_MESSAGE
from cases.services.core import Kind, _check_worker, _text, timeline_record
from cases.services.coworkers import coworkers_end_for_move, coworkers_end_for_reassign
from cases.team_year import team_years
from outreach import clock
from outreach.models import Membership


def _check_lead(team, user):
    if not Membership.objects.filter(
        team=team, user=user, role=Membership.Role.LEAD, user__is_active=True
    ).exists():
        raise ValidationError({None: _("Only a team lead of this team can do this.")})


def _check_admin(user):
    if not (user.is_active and user.is_staff):
        raise ValidationError({None: _("Only an administrator can restore a deleted record.")})


def _deletion_reason(reason):
    reason = _text(reason)
    if not reason:
        raise ValidationError({"reason": _("Say why this is deleted.")})
    return reason


def _soft_delete(record, acting_user, reason, at):
    record.deleted_at, record.deleted_by, record.deletion_reason = at, acting_user, reason
    record.save(update_fields=["deleted_at", "deleted_by", "deletion_reason"])


def _undelete(record):
    record.deleted_at, record.deleted_by, record.deletion_reason = None, None, ""
    record.save(update_fields=["deleted_at", "deleted_by", "deletion_reason"])


def _record_deletion(acting_user, case, action, reason=""):
    timeline_record(
        acting_user=acting_user,
        case=case,
        kind=Kind.DELETION,
        data={"action": action, "reference": case.reference, "reason": reason},
    )


@transaction.atomic
def client_delete(*, acting_user, client, reason):
    """Soft-delete a client and their cases: hidden from every page, kept until the retention
    purge, restorable by an admin. Only a lead of the client's team may delete."""
    reason = _deletion_reason(reason)
    client = Client.objects.select_for_update().get(pk=client.pk)
    _check_lead(client.team_id, acting_user)
    now = clock.now()
    # The same moment on the client and its cases: restoring the client brings back exactly
    # the cases deleted with it.
    for case in Case.objects.select_for_update().filter(client=client):
        _soft_delete(case, acting_user, reason, now)
        _record_deletion(acting_user, case, "deleted", reason)
    _soft_delete(client, acting_user, reason, now)
    return client


@transaction.atomic
def case_delete(*, acting_user, case, reason):
    """Soft-delete one case (registered by mistake, say); only a lead of its team may."""
    reason = _deletion_reason(reason)
    case = Case.objects.select_for_update().get(pk=case.pk)
    _check_lead(case.team_id, acting_user)
    _soft_delete(case, acting_user, reason, clock.now())
    _record_deletion(acting_user, case, "deleted", reason)
    return case


def _into_team(cases, team):
    """Put cases, and what is scoped by team through them (their signals and phase spans), in
    `team`: a client and all their cases, deleted or not, are always in one team."""
    for moved in cases:
        moved.team = team
    Case.all_objects.filter(pk__in=[c.pk for c in cases]).update(team=team)
    PhaseSpan.objects.filter(case__in=cases).update(team=team)
    Signal.objects.filter(case__in=cases).update(team=team)


def _restore_case(acting_user, case, client):
    try:
        with transaction.atomic():
            _undelete(case)
    except IntegrityError:
        raise ValidationError(
            {
                None: _("Case %(reference)s cannot come back: its client has another open case.")
                % {"reference": case.reference}
            }
        ) from None
    _record_deletion(acting_user, case, "restored")
    if case.team_id != client.team_id:
        # Deleted before moves took deleted cases along: it comes back where its client is.
        from_team = case.team
        _into_team([case], client.team)
        timeline_record(
            acting_user=acting_user,
            case=case,
            kind=Kind.ASSIGNMENT,
            data={"from_team": from_team.name, "to_team": client.team.name},
        )


@transaction.atomic
def client_restore(*, acting_user, client):
    """Bring back a soft-deleted client with the cases that were deleted with it."""
    _check_admin(acting_user)
    client = Client.all_objects.select_for_update().get(pk=client.pk)
    if not client.is_deleted:
        return client
    cases = Case.all_objects.select_for_update().filter(client=client, deleted_at=client.deleted_at)
    _undelete(client)
    for case in cases:
        _restore_case(acting_user, case, client)
    return client


@transaction.atomic
def case_restore(*, acting_user, case):
    """Bring back one soft-deleted case, in its client's team."""
    _check_admin(acting_user)
    # The client first, then the case: the order case_move_team locks them in. No join in a
    # locking query: PostgreSQL would drop a row whose team a concurrent move just changed.
    client = Client.all_objects.select_for_update().get(pk=case.client_id)
    case = Case.all_objects.select_for_update().get(pk=case.pk)
    if not case.is_deleted:
        return case
    if client.is_deleted:
        raise ValidationError({None: _("Restore the client first.")})
    _restore_case(acting_user, case, client)
    return case


# Phases -------------------------------------------------------------------------------------


@transaction.atomic
def case_reassign(*, acting_user, team, cases, to_worker, reason):
    """Give open cases of a team to another worker of that team, each with a timeline event.
    Cases the worker already has are left as they are; when they have all of them, nothing is
    reassigned and the worker is refused."""
    reason = _text(reason)
    if not reason:
        raise ValidationError({"reason": _("Say why the cases are reassigned.")})
    _check_worker(team, to_worker)
    ids = [case.pk for case in cases]
    if not ids:
        raise ValidationError({"cases": _("Choose one or more cases.")})
    locked = list(
        Case.objects.select_for_update().select_related("assigned_worker").filter(pk__in=ids)
    )
    if len(locked) != len(set(ids)) or any(
        case.team_id != team.pk or not case.is_open for case in locked
    ):
        raise ValidationError({"cases": _("Only open cases of this team can be reassigned.")})
    if all(case.assigned_worker_id == to_worker.pk for case in locked):
        # Nothing would move: say so rather than report "0 cases reassigned".
        raise ValidationError(
            {
                "to_worker": _("%(worker)s already has these cases: choose another worker.")
                % {"worker": to_worker}
            }
        )
    moved = []
    for case in locked:
        if case.assigned_worker_id == to_worker.pk:
            continue
        previous = case.assigned_worker
        case.assigned_worker = to_worker
        case.save(update_fields=["assigned_worker"])
        timeline_record(
            acting_user=acting_user,
            case=case,
            kind=Kind.ASSIGNMENT,
            data={"from": str(previous), "to": str(to_worker), "reason": reason},
        )
        moved.append(case)
    coworkers_end_for_reassign(acting_user=acting_user, cases=moved, to_worker=to_worker)
    return moved


@transaction.atomic
def case_move_team(*, acting_user, case, to_team, assigned_worker, reason):
    """Move a client's file to another team (the client moved house, say): the client and all
    their cases, deleted ones included, with their signals and phase spans, in one transaction, so
    a client and their cases are always in one team and a restored case comes back where its
    client is. The open case goes to `assigned_worker` of the new team; the other cases keep the
    worker who had them. A lead of the case's team who is also a member of the new team may do
    this, or an administrator. Everything recorded on the cases follows through their case.
    References keep their number: they are identifiers, quoted in letters."""
    reason = _text(reason)
    if not reason:
        raise ValidationError({"reason": _("Say why the case moves to another team.")})
    # Lock the client first, then its cases: the same order as everything that locks both, so
    # a concurrent edit or restore waits instead of deadlocking, and no one sees a half-moved file.
    # A client a lead deleted since the move form was opened is no longer there to move.
    client = Client.objects.select_for_update().filter(pk=case.client_id).first()
    cases = list(Case.all_objects.select_for_update().filter(client=client).order_by("pk"))
    case = next((c for c in cases if c.pk == case.pk), None)
    if client is None or case is None or case.is_deleted or not case.is_open:
        raise ValidationError({None: _("Only an open case can move to another team.")})
    from_team = case.team
    if to_team.pk == from_team.pk:
        raise ValidationError({"to_team": _("Choose another team.")})
    if not acting_user.is_staff:
        _check_lead(from_team, acting_user)
        if not Membership.objects.filter(team=to_team, user=acting_user).exists():
            raise ValidationError({"to_team": _("Choose a team you are a member of.")})
    _check_worker(to_team, assigned_worker)
    client.team = to_team
    client.save(update_fields=["team"])
    _into_team(cases, to_team)
    coworkers_end_for_move(acting_user=acting_user, cases=cases)
    case.assigned_worker = assigned_worker
    case.save(update_fields=["assigned_worker"])
    timeline_record(
        acting_user=acting_user,
        case=case,
        kind=Kind.ASSIGNMENT,
        data={
            "from_team": from_team.name,
            "to_team": to_team.name,
            "to": str(assigned_worker),
            "reason": reason,
        },
    )
    return case


@transaction.atomic
def team_policy_set(*, acting_user, team, **thresholds):
    policy, _created = TeamPolicy.objects.get_or_create(team=team)
    for name, value in thresholds.items():
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValidationError({name: POLICY_DAYS_MESSAGE})
        setattr(policy, name, value)
    # The range is the model's (cases.models.POLICY_DAYS).
    policy.clean_fields(
        exclude=[f.name for f in TeamPolicy._meta.fields if f.name not in thresholds]
    )
    policy.save(update_fields=list(thresholds))
    return policy


@transaction.atomic
def team_year_target_set(*, acting_user, team, year, target):
    """The number of cases the team means to close in `year`; None takes the target away.
    Any year the year page offers (cases.team_year.team_years), so a lead can also enter a past
    year's target afterwards. Each year keeps its own target."""
    _check_lead(team, acting_user)
    if year not in team_years(team, clock.today()):
        raise ValidationError({"year": _("Choose a year from the list.")})
    if target is None:
        TeamYearTarget.objects.filter(team=team, year=year).delete()
        return None
    if isinstance(target, bool) or not isinstance(target, int):
        raise ValidationError({"target": YEARLY_TARGET_MESSAGE})
    # The range is the model's (cases.models.targets).
    TeamYearTarget(team=team, year=year, target=target).clean_fields(exclude=["team", "set_by"])
    row, _created = TeamYearTarget.objects.update_or_create(
        team=team,
        year=year,
        defaults={"target": target, "set_by": acting_user, "set_at": clock.now()},
    )
    return row
