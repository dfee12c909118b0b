"""The team's week for a team lead (team_week): the same as Mijn week, per worker."""

from django.urls import reverse
from django.utils import timezone

from cases import services
from cases.phases import Phase
from outreach.models import AccessLogEntry
from tests.cases.factories import case_in_phase


def planned(owner, team, worker, last_name):
    case = case_in_phase(
        Phase.CONTRACT, acting_user=owner, team=team, assigned_worker=worker, last_name=last_name
    )
    services.visit_plan(acting_user=owner, case=case, planned_on=timezone.localdate())
    return case


def test_it_shows_the_lead_each_workers_week(client, lead, owner, colleague, team):
    planned(owner, team, owner, "Olgaklant")
    planned(owner, team, colleague, "Corklant")
    client.force_login(lead)
    html = client.get(reverse("team_week", args=[team.pk])).content.decode()
    assert html.index("Cor Tester") < html.index("Corklant") < html.index("Olga Tester")
    assert html.index("Olga Tester") < html.index("Olgaklant")
    assert "In de agenda van je telefoon" not in html


def test_it_is_a_403_for_a_worker_and_a_logged_404_for_another_team(
    client, owner, outsider_lead, team
):
    client.force_login(owner)
    assert client.get(reverse("team_week", args=[team.pk])).status_code == 403
    client.force_login(outsider_lead)
    assert client.get(reverse("team_week", args=[team.pk])).status_code == 404
    assert AccessLogEntry.objects.filter(user=outsider_lead, result="denied").exists()


def test_it_makes_the_same_number_of_queries_for_2_and_12_cases(
    client, lead, owner, colleague, team, django_assert_num_queries
):
    for i in range(2):
        planned(owner, team, (owner, colleague)[i % 2], f"K{i}")
    client.force_login(lead)
    client.get(reverse("team_week", args=[team.pk]))
    with django_assert_num_queries(7) as small:
        client.get(reverse("team_week", args=[team.pk]))
    for i in range(2, 12):
        planned(owner, team, (owner, colleague)[i % 2], f"K{i}")
    with django_assert_num_queries(len(small.captured_queries)):
        client.get(reverse("team_week", args=[team.pk]))
