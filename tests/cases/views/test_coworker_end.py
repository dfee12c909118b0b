"""Taking someone off a case from the section "Mensen op deze casus" (coworker_end)."""

import pytest
from django.urls import reverse

from cases.models import CaseCoworker
from cases.phases import Phase
from outreach.models import AccessLogEntry
from tests.cases.factories import add_coworker, case_in_phase


@pytest.fixture
def coworker(owner, team, colleague):
    case = case_in_phase(Phase.CONTRACT, acting_user=owner, team=team)
    return add_coworker(case, colleague, acting_user=owner)


def test_it_ends_it_and_answers_htmx_with_the_section(client, coworker, owner):
    client.force_login(owner)
    response = client.post(reverse("coworker_end", args=[coworker.pk]), HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in html and 'id="people"' in html
    assert "staat niet meer op de casus" in html
    assert CaseCoworker.objects.get().ended_at is not None
    assert AccessLogEntry.objects.filter(
        user=owner, record_type="cases.casecoworker", action="change", result="allowed"
    ).exists()


def test_it_ends_it_without_javascript_and_says_so_on_the_case(client, coworker, owner):
    client.force_login(owner)
    response = client.post(reverse("coworker_end", args=[coworker.pk]), follow=True)
    assert response.redirect_chain[-1][0] == f"{coworker.case.get_absolute_url()}#people"
    assert "staat niet meer op de casus" in response.content.decode()
    again = client.post(reverse("coworker_end", args=[coworker.pk]), HTTP_HX_REQUEST="true")
    assert again.status_code == 422 and "staat niet meer op deze casus" in again.content.decode()


def test_it_is_a_logged_403_for_the_coworker_themselves(client, coworker, colleague):
    client.force_login(colleague)
    assert client.post(reverse("coworker_end", args=[coworker.pk])).status_code == 403
    assert AccessLogEntry.objects.filter(
        user=colleague, record_type="cases.casecoworker", result="denied"
    ).exists()
    assert CaseCoworker.objects.get().ended_at is None


def test_it_is_a_logged_404_for_another_team(client, coworker, outsider_lead):
    client.force_login(outsider_lead)
    assert client.post(reverse("coworker_end", args=[coworker.pk])).status_code == 404
    assert AccessLogEntry.objects.filter(user=outsider_lead, result="denied").exists()
    assert CaseCoworker.objects.get().ended_at is None
