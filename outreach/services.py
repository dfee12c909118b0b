"""Writes to accounts and teams. Keyword-only, atomic; acting_user is None for the system."""

import math
from dataclasses import dataclass

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from outreach.models import Membership, Team, User

BACKUP_CODE_COUNT = 10


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


# Second factor. A user has at most one confirmed TOTP device (their authenticator app) and one
# static device holding their one-time backup codes. django-otp's devices do the checking: a TOTP
# code is refused at or before the last accepted time step (no code works twice), a backup code
# is deleted when used, and every wrong code doubles the wait before the device checks another.


@dataclass(frozen=True)
class SecondFactorResult:
    device: object = None  # the device that accepted the code, or None
    retry_in: int = 0  # when no code was checked: seconds until one will be (throttled)


def _retry_in(devices):
    now = timezone.now()
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
    kind = TOTPDevice if len(code) == 6 and code.isdigit() else StaticDevice
    for device in devices:
        if isinstance(device, kind) and device.verify_token(code):
            return SecondFactorResult(device=device)
    return SecondFactorResult()


@transaction.atomic
def totp_device_start(*, acting_user, user):
    """The authenticator device being set up for a user who has none confirmed yet."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    return device or TOTPDevice.objects.create(user=user, name="Authenticator-app", confirmed=False)


@transaction.atomic
def totp_device_confirm(*, acting_user, device, code):
    """Confirm the device being set up with a code it produced. Returns the confirmed device and
    a fresh set of backup codes (to be shown once), or a result with no device."""
    device = TOTPDevice.objects.select_for_update().get(pk=device.pk, confirmed=False)
    retry_in = _retry_in([device])
    if retry_in:
        return SecondFactorResult(retry_in=retry_in), []
    if not device.verify_token(_normalised(code)):
        return SecondFactorResult(), []
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    # One authenticator per user: any earlier set-up left unfinished goes.
    TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
    codes = backup_codes_regenerate(acting_user=acting_user, user=device.user)
    return SecondFactorResult(device=device), codes


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
