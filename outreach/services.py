"""Writes to accounts and teams. Keyword-only, atomic; acting_user is None for the system."""

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from outreach.models import AccessLogEntry, Membership, RoleChange, Team, User
from outreach.retention import find_expired, retention_modules


@transaction.atomic
def team_create(*, acting_user, name, code):
    return Team.objects.create(name=name, code=code.upper())


@transaction.atomic
def user_create(*, acting_user, username, password, first_name="", last_name="", email=""):
    return User.objects.create_user(
        username=username,
        password=password,
        first_name=first_name,
        last_name=last_name,
        email=email,
    )


@transaction.atomic
def user_sessions_end(*, acting_user, user):
    """End every session of `user`, on every device, at its next request (see
    outreach.middleware.session_limits)."""
    User.objects.filter(pk=user.pk).update(session_epoch=F("session_epoch") + 1)


@transaction.atomic
def membership_set(*, acting_user, team, user, role):
    """Make user a member of team with role, or change the role they have there; logged."""
    membership, created = Membership.objects.select_for_update().get_or_create(
        team=team, user=user, defaults={"role": role}
    )
    if created:
        RoleChange.objects.create(
            changed_by=acting_user,
            user=user,
            team=team,
            kind=RoleChange.Kind.GRANTED,
            new_role=role,
        )
    elif membership.role != role:
        RoleChange.objects.create(
            changed_by=acting_user,
            user=user,
            team=team,
            kind=RoleChange.Kind.ROLE,
            old_role=membership.role,
            new_role=role,
        )
        membership.role = role
        membership.granted_at = timezone.now()
        membership.save(update_fields=["role", "granted_at"])
    return membership


@transaction.atomic
def membership_remove(*, acting_user, team, user):
    """Take user out of team; logged. Removing a membership that is not there changes nothing."""
    membership = Membership.objects.select_for_update().filter(team=team, user=user).first()
    if membership is None:
        return
    RoleChange.objects.create(
        changed_by=acting_user,
        user=user,
        team=team,
        kind=RoleChange.Kind.REMOVED,
        old_role=membership.role,
    )
    membership.delete()


@transaction.atomic
def user_active_set(*, acting_user, user, active):
    """Activate or deactivate an account; logged. A deactivated user's sessions end too."""
    if User.objects.filter(pk=user.pk, is_active=active).exists():
        return
    User.objects.filter(pk=user.pk).update(is_active=active)
    user.is_active = active
    RoleChange.objects.create(
        changed_by=acting_user,
        user=user,
        kind=RoleChange.Kind.ACTIVATED if active else RoleChange.Kind.DEACTIVATED,
    )
    if not active:
        user_sessions_end(acting_user=acting_user, user=user)


@transaction.atomic
def retention_purge(*, acting_user):
    """Remove every record whose retention period has ended (outreach/retention.py) and log each
    removal in the access log, by id and never by content. Returns the groups removed."""
    groups = find_expired(timezone.localdate())
    doomed = {group.record_type: group for group in groups}
    # From the top of the dependency chain down: rows that point at a case go before the case.
    for module in reversed(retention_modules()):
        module.purge(doomed)
    entries = []
    for group in groups:
        common = {
            "user": acting_user,
            "record_type": group.record_type,
            "action": AccessLogEntry.Action.DELETE,
            "result": AccessLogEntry.Result.ALLOWED,
            "request": "purge_expired",
        }
        if group.records:
            entries.extend(
                AccessLogEntry(
                    team_id=team_id, client_id=client_id, record_id=str(record_id), **common
                )
                for record_id, client_id, team_id, _label in group.records
            )
        else:
            entries.append(
                AccessLogEntry(record_id=f"{group.count} < {group.cutoff.isoformat()}", **common)
            )
    AccessLogEntry.objects.bulk_create(entries)
    return groups
