"""Writes to accounts and teams. Keyword-only, atomic; acting_user is None for the system."""

import math
import time
from dataclasses import dataclass

from django.contrib.auth import authenticate
from django.db import transaction
from django.db.models import F
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp.util import random_hex

from outreach import clock
from outreach.models import (
    AccessLogEntry,
    ExternalIdentity,
    GroupClaimMapping,
    Membership,
    RoleChange,
    Team,
    User,
)
from outreach.retention import find_expired, retention_modules

BACKUP_CODE_COUNT = 10
TOTP_DEVICE_NAME = "Authenticator-app"
TOTP_KEY_BYTES = 20  # django-otp's default: a 160-bit secret, as RFC 4226 recommends
TOTP_CODE_DIGITS = 6


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
def membership_set(*, acting_user, team, user, role, aandachtsfunctionaris=None):
    """Make user a member of team with role, or change the role they have there; logged.
    `aandachtsfunctionaris` gives or takes that task in the team (None: leave it as it is)."""
    membership, created = Membership.objects.select_for_update().get_or_create(
        team=team,
        user=user,
        defaults={"role": role, "is_aandachtsfunctionaris": bool(aandachtsfunctionaris)},
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
        membership.granted_at = clock.now()
        membership.save(update_fields=["role", "granted_at"])
    if created:
        changed = bool(aandachtsfunctionaris)
    else:
        changed = aandachtsfunctionaris is not None and (
            membership.is_aandachtsfunctionaris != aandachtsfunctionaris
        )
    if changed:
        kind = RoleChange.Kind
        RoleChange.objects.create(
            changed_by=acting_user,
            user=user,
            team=team,
            kind=(
                kind.AANDACHTSFUNCTIONARIS_GRANTED
                if aandachtsfunctionaris
                else kind.AANDACHTSFUNCTIONARIS_REMOVED
            ),
            old_role=membership.role,
            new_role=membership.role,
        )
        if not created:
            membership.is_aandachtsfunctionaris = aandachtsfunctionaris
            membership.save(update_fields=["is_aandachtsfunctionaris"])
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
def user_manager_set(*, acting_user, user, manager):
    """Give or take the organisation-wide manager role (figures across teams); logged."""
    if User.objects.filter(pk=user.pk, is_manager=manager).exists():
        return
    User.objects.filter(pk=user.pk).update(is_manager=manager)
    user.is_manager = manager
    RoleChange.objects.create(
        changed_by=acting_user,
        user=user,
        kind=RoleChange.Kind.MANAGER_ON if manager else RoleChange.Kind.MANAGER_OFF,
    )


# Usernames of users made at their first OpenID Connect login: the provider's preferred name,
# made unique with a number. Only a label; the user is found by ExternalIdentity.
SSO_USERNAME_MAX = 150


def _free_username(wanted):
    base = (wanted or "sso-user").strip()[: SSO_USERNAME_MAX - 6] or "sso-user"
    candidate, number = base, 1
    while User.objects.filter(username=candidate).exists():
        number += 1
        candidate = f"{base}-{number}"
    return candidate


@transaction.atomic
def oidc_user_get_or_create(*, acting_user, issuer, subject, claims):
    """The user the provider calls `subject`, made at their first login. Keyed on (issuer, sub)
    only: an e-mail address can be reassigned, so a matching address never links an account.
    Name and e-mail follow the provider at every login. The new user has no usable password."""
    identity = (
        ExternalIdentity.objects.select_related("user")
        .filter(issuer=issuer, subject=subject)
        .first()
    )
    names = {
        "first_name": (claims.get("given_name") or "")[:150],
        "last_name": (claims.get("family_name") or "")[:150],
        "email": (claims.get("email") or "")[:254],
    }
    if identity is None:
        user = User(
            username=_free_username(claims.get("preferred_username") or claims.get("email")),
            **names,
        )
        user.set_unusable_password()
        user.save()
        ExternalIdentity.objects.create(
            user=user, issuer=issuer, subject=subject, created_at=clock.now()
        )
        return user
    user = identity.user
    changed = [field for field, value in names.items() if getattr(user, field) != value]
    for field in changed:
        setattr(user, field, names[field])
    if changed:
        user.save(update_fields=changed)
    return user


@transaction.atomic
def oidc_roles_sync(*, acting_user, user, groups):
    """Make the user's memberships and manager role follow the provider's groups, through the
    same services (and RoleChange rows) as an admin's change. Groups without a mapping give
    nothing; two groups giving one team different roles give the higher (lead). A membership
    no group gives any more is removed, so a user whose groups give no team reaches nothing."""
    mappings = GroupClaimMapping.objects.filter(group__in=list(groups)).select_related("team")
    wanted = {}
    manager = False
    for mapping in mappings:
        if mapping.role == GroupClaimMapping.Role.MANAGER:
            manager = True
        elif wanted.get(mapping.team) != Membership.Role.LEAD:
            wanted[mapping.team] = mapping.role
    for membership in Membership.objects.filter(user=user).select_related("team"):
        if membership.team not in wanted:
            membership_remove(acting_user=acting_user, team=membership.team, user=user)
    for team, role in wanted.items():
        membership_set(acting_user=acting_user, team=team, user=user, role=role)
    user_manager_set(acting_user=acting_user, user=user, manager=manager)


@transaction.atomic
def retention_purge(*, acting_user):
    """Remove every record whose retention period has ended (outreach/retention.py) and log each
    removal in the access log, by id and never by content. Returns the groups removed."""
    groups = find_expired(clock.today())
    doomed = {}
    for group in groups:
        doomed.setdefault(group.record_type, set()).update(group.ids)
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


# Second factor. A user has at most one confirmed TOTP device (their authenticator app) and one
# static device holding their one-time backup codes. django-otp's devices do the checking: a TOTP
# code is refused at or before the last accepted time step (no code works twice), a backup code
# is deleted when used, and every wrong code doubles the wait before the device checks another.


@dataclass(frozen=True)
class SecondFactorResult:
    device: object = None  # the device that accepted the code, or None
    retry_in: int = 0  # when no code was checked: seconds until one will be (throttled)


@dataclass(frozen=True)
class Reverification:
    passed: bool = False
    retry_in: int = 0  # as in SecondFactorResult


def _retry_in(devices):
    now = clock.now()
    waits = [
        (info["locked_until"] - now).total_seconds()
        for allowed, info in (device.verify_is_allowed() for device in devices)
        if not allowed and info and "locked_until" in info
    ]
    return math.ceil(max(waits)) if waits else 0


def _normalised(code):
    return "".join(str(code).split()).lower()


@transaction.atomic
def second_factor_verify(*, acting_user, code):
    """Check a code from the user's authenticator app (six digits) or a backup code. While any of
    the user's devices is throttled no code is checked at all, the right one included."""
    devices = [
        *TOTPDevice.objects.select_for_update().filter(user=acting_user, confirmed=True),
        *StaticDevice.objects.select_for_update().filter(user=acting_user, confirmed=True),
    ]
    retry_in = _retry_in(devices)
    if retry_in:
        return SecondFactorResult(retry_in=retry_in)
    code = _normalised(code)
    kind = TOTPDevice if len(code) == TOTP_CODE_DIGITS and code.isdigit() else StaticDevice
    for device in devices:
        if isinstance(device, kind) and device.verify_token(code):
            return SecondFactorResult(device=device)
    return SecondFactorResult()


def totp_device_start(*, acting_user, user):
    """A new authenticator device for a user who has none confirmed yet, with a fresh secret, not
    saved: the caller keeps its key with the one session that set-up runs in, so no other session
    ever sees it, and a new start makes a new secret."""
    return TOTPDevice(user=user, name=TOTP_DEVICE_NAME, key=random_hex(TOTP_KEY_BYTES))


@transaction.atomic
def totp_device_confirm(*, acting_user, user, key, code):
    """Link the authenticator app set up with `key` once it shows a code for it. Returns the new,
    confirmed device and a fresh set of backup codes (to be shown once), or a result with no
    device: for a wrong code, or when the user has meanwhile linked an app in another session
    (one authenticator per user; that one stays as it is). Wrong codes are not throttled here:
    the secret is the set-up session's own, so guessing its code gains nothing."""
    # Two sessions of the same user confirming at once: the second waits, then finds the first.
    User.objects.select_for_update().filter(pk=user.pk).first()
    if TOTPDevice.objects.filter(user=user, confirmed=True).exists():
        return SecondFactorResult(), []
    device = TOTPDevice(user=user, name=TOTP_DEVICE_NAME, key=key, confirmed=True)
    code = _normalised(code)
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time()
    if not (code.isdigit() and totp.verify(int(code), device.tolerance)):
        return SecondFactorResult(), []
    # As django-otp records an accepted code: this one does not work again at the next login.
    device.last_t = totp.t()
    device.drift = totp.drift
    device.set_last_used_timestamp(commit=False)
    device.save()
    codes = backup_codes_regenerate(acting_user=acting_user, user=user)
    return SecondFactorResult(device=device), codes


@transaction.atomic
def user_reverify(*, acting_user, request, secret):
    """Ask a logged-in user again who they are, before a change to their second factor: their
    password, or a current code from their authenticator app (six digits). A password goes
    through django-axes (`request` gives the address it counts failures by), so wrong ones lock
    out as at login; a code is checked and throttled as at the second step."""
    code = _normalised(secret)
    if len(code) == TOTP_CODE_DIGITS and code.isdigit():
        result = second_factor_verify(acting_user=acting_user, code=secret)
        return Reverification(passed=result.device is not None, retry_in=result.retry_in)
    user = authenticate(request, username=acting_user.get_username(), password=secret)
    return Reverification(passed=user is not None and user.pk == acting_user.pk)


@transaction.atomic
def backup_codes_regenerate(*, acting_user, user):
    """Replace the user's backup codes with BACKUP_CODE_COUNT new ones, returned once: only the
    user ever sees them (the database keeps them to check against, like django-otp does)."""
    device, _ = StaticDevice.objects.get_or_create(
        user=user, name="Reservecodes", defaults={"confirmed": True}
    )
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(BACKUP_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=c) for c in codes)
    return codes
