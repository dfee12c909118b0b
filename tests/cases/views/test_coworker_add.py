"""Adding someone to a case from the section "Mensen op deze casus" (coworker_add)."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from cases.models import CaseCoworker
from cases.phases import Phase
from outreach.models import AccessLogEntry
from tests.cases.factories import case_in_phase


@pytest.fixture
def case(owner, team):
    return case_in_phase(Phase.CONTRACT, acting_user=owner, team=team)


def days(n):
    return (timezone.localdate() + timedelta(days=n)).isoformat()


def test_it_adds_a_cover_for_a_colleague_and_shows_it_on_the_case(client, case, lead, colleague):
    client.force_login(lead)
    form = client.get(reverse("coworker_add", args=[case.pk])).content.decode()
    assert f'value="{colleague.pk}"' in form
    assert f'value="{case.assigned_worker_id}"' not in form  # the case's own worker
    response = client.post(
        reverse("coworker_add", args=[case.pk]),
        {"user": colleague.pk, "role": "cover", "starts_on": days(0), "ends_on": days(14)},
    )
    assert response.status_code == 302 and response.url == f"{case.get_absolute_url()}#people"
    coworker = CaseCoworker.objects.get()
    assert (coworker.user, coworker.role, coworker.added_by) == (colleague, "cover", lead)
    html = client.get(case.get_absolute_url()).content.decode()
    assert "Mensen op deze casus" in html and str(colleague) in html
    assert "vervanging tijdens afwezigheid" in html
    end = (timezone.localdate() + timedelta(days=14)).strftime("%d-%m-%Y")
    assert f"t/m {end}" in html
    assert reverse("coworker_access", args=[coworker.pk]) in html  # a lead may grant


def test_it_refuses_a_cover_without_an_end_next_to_the_field_with_the_input_kept(
    client, case, owner, colleague
):
    client.force_login(owner)
    html = client.post(
        reverse("coworker_add", args=[case.pk]),
        {"user": colleague.pk, "role": "cover", "starts_on": days(3)},
    ).content.decode()
    assert 'id="id_ends_on_error"' in html
    assert "Vervanging tijdens afwezigheid heeft een einddatum nodig." in html
    assert f'value="{days(3)}"' in html
    assert not CaseCoworker.objects.exists()


def test_it_refuses_a_colleague_who_is_not_the_worker_nor_a_lead_with_a_logged_403(
    client, case, colleague
):
    client.force_login(colleague)
    response = client.get(reverse("coworker_add", args=[case.pk]))
    assert response.status_code == 403
    assert AccessLogEntry.objects.filter(user=colleague, result="denied").exists()
    html = client.get(case.get_absolute_url()).content.decode()
    assert reverse("coworker_add", args=[case.pk]) not in html


def test_it_is_a_logged_404_for_another_teams_case(client, case, outsider):
    client.force_login(outsider)
    response = client.post(
        reverse("coworker_add", args=[case.pk]),
        {"user": outsider.pk, "role": "intern", "starts_on": days(0)},
    )
    assert response.status_code == 404
    assert AccessLogEntry.objects.filter(user=outsider, result="denied").exists()
    assert not CaseCoworker.objects.exists()


def test_it_offers_no_worker_of_another_team(client, case, owner, outsider):
    client.force_login(owner)
    html = client.post(
        reverse("coworker_add", args=[case.pk]),
        {"user": outsider.pk, "role": "intern", "starts_on": days(0)},
    ).content.decode()
    assert 'id="id_user_error"' in html
    assert not CaseCoworker.objects.exists()
