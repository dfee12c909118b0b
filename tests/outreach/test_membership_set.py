"""Changes to roles, team membership and accounts are logged: who changed whose access to which
team, from what to what."""

import pytest
from django.core.exceptions import ValidationError

from outreach.models import Membership, RoleChange
from outreach.services import membership_remove, membership_set, user_active_set


def changes():
    return list(
        RoleChange.objects.order_by("id").values_list(
            "changed_by__username", "user__username", "team__code", "kind", "old_role", "new_role"
        )
    )


def test_it_logs_a_grant_a_role_change_and_a_removal(team, lead, owner):
    before = RoleChange.objects.count()
    membership_set(acting_user=lead, team=team, user=owner, role=Membership.Role.WORKER)
    assert RoleChange.objects.count() == before  # same role again: nothing changed, nothing logged
    granted = Membership.objects.get(user=owner).granted_at
    membership_set(acting_user=lead, team=team, user=owner, role=Membership.Role.LEAD)
    membership_remove(acting_user=lead, team=team, user=owner)
    assert changes()[-2:] == [
        ("lead", "owner", "NO", "role", "worker", "lead"),
        ("lead", "owner", "NO", "removed", "lead", ""),
    ]
    assert not Membership.objects.filter(user=owner).exists()
    assert granted is not None


def test_it_logs_a_new_membership_with_the_system_as_actor(team, owner):
    assert changes()[-1] == (None, "owner", "NO", "granted", "", "worker")


def test_it_moves_the_granted_date_when_the_role_changes(team, owner, lead):
    first = Membership.objects.get(user=owner).granted_at
    membership_set(acting_user=lead, team=team, user=owner, role=Membership.Role.LEAD)
    assert Membership.objects.get(user=owner).granted_at > first


def test_it_logs_deactivation_and_ends_the_sessions(owner, lead):
    epoch = owner.session_epoch
    user_active_set(acting_user=lead, user=owner, active=False)
    user_active_set(acting_user=lead, user=owner, active=False)
    user_active_set(acting_user=lead, user=owner, active=True)
    owner.refresh_from_db()
    assert owner.is_active
    assert owner.session_epoch == epoch + 1
    assert [c[3] for c in changes() if c[1] == "owner"][-2:] == ["deactivated", "activated"]


def test_it_keeps_role_changes_append_only(owner):
    change = RoleChange.objects.filter(user=owner).first()
    with pytest.raises(ValidationError):
        change.save()
    with pytest.raises(ValidationError):
        RoleChange.objects.all().delete()


def test_it_gives_and_takes_the_aandachtsfunctionaris_task_logged_and_keeps_the_role(
    team, owner, lead
):
    membership_set(
        acting_user=lead, team=team, user=owner, role="worker", aandachtsfunctionaris=True
    )
    membership = Membership.objects.get(team=team, user=owner)
    assert membership.is_aandachtsfunctionaris and membership.role == "worker"
    # Leaving it out (as a role change does) keeps the task as it is.
    membership_set(acting_user=lead, team=team, user=owner, role="lead")
    assert Membership.objects.get(team=team, user=owner).is_aandachtsfunctionaris
    membership_set(
        acting_user=lead, team=team, user=owner, role="lead", aandachtsfunctionaris=False
    )
    assert not Membership.objects.get(team=team, user=owner).is_aandachtsfunctionaris
    kinds = list(
        RoleChange.objects.filter(user=owner).order_by("at", "id").values_list("kind", flat=True)
    )
    assert kinds == ["granted", "af_granted", "role", "af_removed"]
