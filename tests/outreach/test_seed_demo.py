from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from outreach.models import Membership, Team, User


def seed():
    out = StringIO()
    call_command("seed_demo", "--allow-without-debug", stdout=out)
    return out.getvalue()


def test_it_creates_two_teams_with_a_lead_and_three_workers_and_prints_logins(db):
    output = seed()
    assert Team.objects.count() == 2
    for team in Team.objects.all():
        roles = sorted(team.memberships.values_list("role", flat=True))
        assert roles == ["lead", "worker", "worker", "worker"]
    assert "marieke" in output and "outreach-demo-2026" in output
    assert User.objects.get(username="marieke").check_password("outreach-demo-2026")


def test_it_is_idempotent(db):
    seed()
    counts = (Team.objects.count(), User.objects.count(), Membership.objects.count())
    seed()
    assert (Team.objects.count(), User.objects.count(), Membership.objects.count()) == counts


def test_it_refuses_to_run_without_debug(db):
    with pytest.raises(CommandError, match="DEBUG=true"):
        call_command("seed_demo", stdout=StringIO())
    assert not User.objects.exists()
