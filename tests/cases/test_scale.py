"""The bulk data for benchmarks (seed_demo --scale N) has the shapes the pages read."""

from io import StringIO

from django.core.management import call_command
from django.urls import reverse

from cases.models import Case, PhaseSpan, TimelineEvent
from cases.phases import CLOSED_PHASES
from outreach.models import Team, User


def test_it_adds_cases_over_twenty_teams_and_is_additive(db):
    call_command("seed_demo", "--allow-without-debug", "--scale", "60", stdout=StringIO())
    teams = Team.objects.filter(code__startswith="S")
    assert teams.count() == 20
    assert User.objects.filter(username__regex=r"^s\d\dw\d\d$").count() == 200
    assert Case.objects.filter(team__in=teams).count() == 60
    events = TimelineEvent.objects.filter(case__team__in=teams).count()
    assert 20 * 60 <= events <= 80 * 60
    # Every open case has exactly one running phase span, in its current phase.
    for case in Case.objects.filter(team__in=teams).exclude(phase__in=CLOSED_PHASES):
        running = PhaseSpan.objects.get(case=case, ended_at__isnull=True)
        assert running.phase == case.phase
    out = StringIO()
    call_command("seed_demo", "--allow-without-debug", "--scale", "60", stdout=out)
    assert "nothing added" in out.getvalue()
    call_command("seed_demo", "--allow-without-debug", "--scale", "80", stdout=StringIO())
    assert Case.objects.filter(team__in=teams).count() == 80


def test_it_makes_data_the_team_home_and_case_pages_show(client, db):
    call_command("seed_demo", "--allow-without-debug", "--scale", "40", stdout=StringIO())
    team = Team.objects.get(code="S01")
    client.force_login(User.objects.get(username="s01lead"))
    assert client.get(reverse("team_detail", args=[team.pk])).status_code == 200
    case = Case.objects.filter(team=team).first()
    client.force_login(case.assigned_worker)
    assert client.get(reverse("case_detail", args=[case.pk])).status_code == 200
    assert client.get(reverse("home")).status_code == 200
