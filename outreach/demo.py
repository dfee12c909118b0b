"""Demo teams and people. seed_demo runs each app's demo.seed() in INSTALLED_APPS order."""

from outreach.models import Membership, Team, User
from outreach.services import membership_set, team_create, user_create

# Printed by seed_demo; only ever used on a development machine.
DEMO_PASSWORD = "outreach-demo-2026"  # noqa: S105

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
            membership_set(acting_user=None, team=team, user=user, role=role)
            logins.append((username, f"{first_name} {last_name}", team.name, role.label))
    if not User.objects.filter(username="beheer").exists():
        User.objects.create_superuser(
            username="beheer", password=DEMO_PASSWORD, first_name="Beheerder", last_name="Demo"
        )
    logins.append(("beheer", "Beheerder Demo", "—", "administrator (/admin/)"))
    out.write(f"Demo logins (password for all: {DEMO_PASSWORD})")
    for username, name, team_name, role in logins:
        out.write(f"  {username:<10} {name:<20} {team_name:<26} {role}")
