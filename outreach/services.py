"""Writes to accounts and teams. Keyword-only, atomic; acting_user is None for the system."""

from django.db import transaction
from django.db.models import F

from outreach.models import Membership, Team, User


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
    """Make user a member of team with role, or change the role they have there."""
    membership, created = Membership.objects.select_for_update().get_or_create(
        team=team, user=user, defaults={"role": role}
    )
    if not created and membership.role != role:
        membership.role = role
        membership.save(update_fields=["role"])
    return membership
