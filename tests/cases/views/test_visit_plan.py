"""Planning a visit from the case page (visit_plan)."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from cases.models import PlannedVisit
from cases.phases import Phase
from outreach.models import AccessLogEntry
from tests.cases.factories import case_in_phase


def test_it_plans_a_visit_and_returns_to_the_case(client, owner, team):
    case = case_in_phase(Phase.CONTRACT, acting_user=owner, team=team)
    client.force_login(owner)
    page = client.get(reverse("case_detail", args=[case.pk])).content.decode()
    assert reverse("visit_plan", args=[case.pk]) in page
    day = timezone.localdate() + timedelta(days=2)
    response = client.post(
        reverse("visit_plan", args=[case.pk]),
        {"kind": "home_visit", "planned_on": day.isoformat(), "at": "09:30", "place": "Thuis"},
    )
    assert response.status_code == 302 and response.url == case.get_absolute_url()
    visit = PlannedVisit.objects.get()
    assert (visit.planned_on, visit.at.strftime("%H:%M"), visit.place) == (day, "09:30", "Thuis")


def test_it_refuses_a_past_day_next_to_the_field_with_the_place_kept(client, owner, team):
    case = case_in_phase(Phase.CONTRACT, acting_user=owner, team=team)
    client.force_login(owner)
    yesterday = timezone.localdate() - timedelta(days=1)
    html = client.post(
        reverse("visit_plan", args=[case.pk]),
        {"kind": "home_visit", "planned_on": yesterday.isoformat(), "place": "Buurthuis"},
    ).content.decode()
    assert 'id="id_planned_on_error"' in html
    assert 'value="Buurthuis"' in html
    assert not PlannedVisit.objects.exists()


def test_it_is_a_logged_404_for_another_teams_case(client, owner, outsider, team):
    case = case_in_phase(Phase.CONTRACT, acting_user=owner, team=team)
    client.force_login(outsider)
    day = (timezone.localdate() + timedelta(days=1)).isoformat()
    response = client.post(
        reverse("visit_plan", args=[case.pk]), {"kind": "home_visit", "planned_on": day}
    )
    assert response.status_code == 404
    assert AccessLogEntry.objects.filter(user=outsider, result="denied").exists()
    assert not PlannedVisit.objects.exists()
