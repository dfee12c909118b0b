"""Demo teams and people. seed_demo runs each app's demo.seed() in INSTALLED_APPS order."""

import time
from base64 import b32encode

from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from outreach.models import Membership, Team, User
from outreach.services import (
    backup_codes_regenerate,
    membership_set,
    team_create,
    totp_device_confirm,
    totp_device_start,
    user_create,
)

# Printed by seed_demo; only ever used on a development machine.
DEMO_PASSWORD = "outreach-demo-2026"  # noqa: S105

# The teams' aandachtsfunctionaris for the meldcode (a task next to their role).
AANDACHTSFUNCTIONARISSEN = {"youssef", "priya"}

TEAMS = [
    (
        "Outreach Prins Alexander",
        "PA",
        [
            ("marieke", "Marieke", "de Vries", Membership.Role.LEAD),
            ("sanne", "Sanne", "Bakker", Membership.Role.WORKER),
            ("youssef", "Youssef", "El Amrani", Membership.Role.WORKER),
            ("kees", "Kees", "Jansen", Membership.Role.WORKER),
        ],
    ),
    (
        "Outreach Ommoord",
        "OM",
        [
            ("ingrid", "Ingrid", "Visser", Membership.Role.LEAD),
            ("fatima", "Fatima", "Ouali", Membership.Role.WORKER),
            ("jeroen", "Jeroen", "Smit", Membership.Role.WORKER),
            ("priya", "Priya", "Ramdin", Membership.Role.WORKER),
        ],
    ),
]


def current_code(device, *, steps_ahead=0):
    """The code the device's authenticator app shows now, or `steps_ahead` time steps (of 30
    seconds) later: the device accepts the next step's code too, and a code once accepted never
    again, so a second login within the same 30 seconds needs the next one."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + steps_ahead * device.step
    return f"{totp.token():0{device.digits}d}"


def authenticator_for(user):
    """The user's confirmed authenticator device; if they have none, one is linked through the
    real set-up services, confirmed with the code an app would show now."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        new = totp_device_start(acting_user=user, user=user)
        result, _codes = totp_device_confirm(
            acting_user=user, user=user, key=new.key, code=current_code(new)
        )
        device = result.device
    return device


def pass_second_step(session, user):
    """Mark a logged-in session as having passed the second step, the way django_otp.login does
    once a code was accepted: the session names the user's (real, confirmed) device. For test
    clients and the benchmarks, which log in with force_login; the app itself has no bypass."""
    session[DEVICE_ID_SESSION_KEY] = authenticator_for(user).persistent_id
    session.save()


def seed(out):
    logins = []
    for team_name, code, people in TEAMS:
        team = Team.objects.filter(code=code).first() or team_create(
            acting_user=None, name=team_name, code=code
        )
        for username, first_name, last_name, role in people:
            user = User.objects.filter(username=username).first() or user_create(
                acting_user=None,
                username=username,
                password=DEMO_PASSWORD,
                first_name=first_name,
                last_name=last_name,
            )
            membership_set(
                acting_user=None,
                team=team,
                user=user,
                role=role,
                aandachtsfunctionaris=username in AANDACHTSFUNCTIONARISSEN,
            )
            logins.append((username, f"{first_name} {last_name}", team.name, role.label))
    if not User.objects.filter(username="beheer").exists():
        User.objects.create_superuser(
            username="beheer", password=DEMO_PASSWORD, first_name="Beheerder", last_name="Demo"
        )
    logins.append(("beheer", "Beheerder Demo", "—", "administrator (/admin/)"))
    out.write(f"Demo logins (password for all: {DEMO_PASSWORD})")
    for username, name, team_name, role in logins:
        out.write(f"  {username:<10} {name:<20} {team_name:<26} {role}")
    # Backup codes work once, so each run prints a new set (the old one stops working).
    out.write(
        "Second step: type one of the user's backup codes below (each works once; seed_demo "
        "prints a new set every run), or add the TOTP key to an authenticator app."
    )
    for username, *_ in logins:
        user = User.objects.get(username=username)
        key = b32encode(authenticator_for(user).bin_key).decode()
        codes = backup_codes_regenerate(acting_user=None, user=user)
        out.write(f"  {username:<10} backup codes: {' '.join(codes)}")
        out.write(f"  {'':<10} TOTP key:     {key}")
