"""A lead opens or closes the shielded parts to a co-worker from the case page
(coworker_access); the grant is on the timeline and in the access log."""

import pytest
from django.urls import reverse

from cases.models import CaseCoworker
from cases.phases import Phase
from outreach.models import AccessLogEntry
from tests.cases.factories import add_coworker, case_in_phase, events


@pytest.fixture
def coworker(owner, team, colleague):
    case = case_in_phase(Phase.CONTRACT, acting_user=owner, team=team)
    return add_coworker(case, colleague, acting_user=owner)


def test_it_grants_and_revokes_with_htmx_on_the_timeline_and_in_the_log(client, coworker, lead):
    client.force_login(lead)
    url = reverse("coworker_access", args=[coworker.pk])
    html = client.post(url, {"access": "grant"}, HTTP_HX_REQUEST="true").content.decode()
    assert 'id="people"' in html and "ziet de afgeschermde delen" in html
    assert "Afgeschermde delen dichtzetten" in html
    assert CaseCoworker.objects.get().has_access
    assert AccessLogEntry.objects.filter(
        user=lead, record_type="cases.casecoworker", record_id=str(coworker.pk), action="change"
    ).exists()
    page = client.get(coworker.case.get_absolute_url()).content.decode()
    assert "mag de afgeschermde delen zien" in page  # the timeline
    client.post(url, {"access": "revoke"})
    assert not CaseCoworker.objects.get().has_access
    assert [e.data["action"] for e in events(coworker.case, "coworker")] == [
        "added",
        "granted",
        "revoked",
    ]


def test_it_is_a_logged_403_for_the_cases_worker_and_offers_them_no_button(client, coworker, owner):
    client.force_login(owner)
    url = reverse("coworker_access", args=[coworker.pk])
    assert url not in client.get(coworker.case.get_absolute_url()).content.decode()
    assert client.post(url, {"access": "grant"}).status_code == 403
    assert AccessLogEntry.objects.filter(user=owner, result="denied").exists()
    assert not CaseCoworker.objects.get().has_access


def test_it_is_a_logged_404_for_another_teams_lead(client, coworker, outsider_lead):
    client.force_login(outsider_lead)
    url = reverse("coworker_access", args=[coworker.pk])
    assert client.post(url, {"access": "grant"}).status_code == 404
    assert AccessLogEntry.objects.filter(user=outsider_lead, result="denied").exists()
    assert not CaseCoworker.objects.get().has_access
