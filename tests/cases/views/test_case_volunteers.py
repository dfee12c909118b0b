"""A case's volunteer requests: the page, requesting (with htmx), the status page."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse

from cases.models import VolunteerRequest
from cases.phases import Phase
from network.services import volunteer_match
from outreach import clock
from outreach.models import AccessLogEntry
from tests.cases.volunteer_data import catalogue, request_for

pytestmark = pytest.mark.case_phase(Phase.CONTRACT)


def token(html):
    return re.search(r'name="submission" value="([^"]+)"', html).group(1)


def test_it_requests_a_service_and_answers_htmx_with_the_list(client, owner, lead, team, case):
    service = catalogue(lead, team)["Postwijzer"]
    client.force_login(owner)
    url = reverse("case_volunteers", args=[case.pk])
    page = client.get(url).content.decode()
    response = client.post(
        reverse("volunteer_request_add", args=[case.pk]),
        {
            "service": service.pk,
            "requested_on": clock.today().isoformat(),
            "submission": token(page),
        },
        headers={"HX-Request": "true"},
    )
    html = response.content.decode()
    assert response.status_code == 200 and html.lstrip().startswith('<div id="volunteer-requests"')
    assert "Postwijzer" in html and "aangevraagd" in html
    assert VolunteerRequest.objects.get().requested_by == owner


def test_it_shows_bad_input_by_the_field(client, owner, lead, team, case):
    service = catalogue(lead, team)["Postwijzer"]
    client.force_login(owner)
    future = (clock.today() + timedelta(days=3)).isoformat()
    html = client.post(
        reverse("volunteer_request_add", args=[case.pk]),
        {"service": service.pk, "requested_on": future},
    ).content.decode()
    assert 'id="id_requested_on_error"' in html and "in de toekomst" in html
    assert f'value="{future}"' in html
    assert not VolunteerRequest.objects.exists()


def test_it_offers_only_the_moves_a_request_still_has(client, owner, lead, team, case):
    services = catalogue(lead, team)
    asked = request_for(owner, case, services["Postwijzer"])
    matched = request_for(owner, case, services["Zorgmaatje"])
    volunteer_match(
        acting_user=owner, volunteer_request=matched, volunteer_name="Joke", on=clock.today()
    )
    client.force_login(owner)
    html = client.get(reverse("case_volunteers", args=[case.pk])).content.decode()
    status = reverse("volunteer_request_status", args=[asked.pk])
    assert f'<a href="{status}">Wachtlijst of stoppen<' in html
    status = reverse("volunteer_request_status", args=[matched.pk])
    assert f'<a href="{status}">Deze aanvraag stoppen<' in html


def test_it_refuses_an_invalid_move_in_dutch_next_to_the_field(client, owner, lead, team, case):
    request = request_for(owner, case, catalogue(lead, team)["Zorgmaatje"])
    volunteer_match(
        acting_user=owner, volunteer_request=request, volunteer_name="Joke", on=clock.today()
    )
    client.force_login(owner)
    html = client.post(
        reverse("volunteer_request_status", args=[request.pk]),
        {"status": "waiting", "on": clock.today().isoformat(), "expected_version": 2},
    ).content.decode()
    assert (
        '<small class="field-error">Een aanvraag met status gekoppeld kan niet naar wachtlijst.'
        in html
    )
    assert VolunteerRequest.objects.get().status == "matched"


def test_it_stops_a_request_with_a_reason(client, owner, lead, team, case):
    request = request_for(owner, case, catalogue(lead, team)["Zorgmaatje"])
    client.force_login(owner)
    response = client.post(
        reverse("volunteer_request_status", args=[request.pk]),
        {
            "status": "stopped",
            "on": clock.today().isoformat(),
            "reason": "Verhuisd",
            "expected_version": 1,
        },
    )
    assert response.status_code == 302
    html = client.get(reverse("case_volunteers", args=[case.pk])).content.decode()
    assert "gestopt" in html and "Verhuisd" in html


def test_it_is_a_logged_404_for_another_teams_case_and_request(
    client, owner, lead, team, case, outsider
):
    request = request_for(owner, case, catalogue(lead, team)["Zorgmaatje"])
    client.force_login(outsider)
    assert client.get(reverse("case_volunteers", args=[case.pk])).status_code == 404
    assert client.get(reverse("volunteer_request_status", args=[request.pk])).status_code == 404
    assert client.get(reverse("network_volunteer_match", args=[request.pk])).status_code == 404
    assert AccessLogEntry.objects.filter(user=outsider, result="denied").count() == 3


def test_it_makes_the_same_number_of_queries_for_2_and_20_requests(
    client, owner, lead, team, case, django_assert_num_queries
):
    offered = list(catalogue(lead, team).values())
    for service in offered[:2]:
        request_for(owner, case, service)
    client.force_login(owner)
    url = reverse("case_volunteers", args=[case.pk])
    client.get(url)
    with django_assert_num_queries(9) as small:
        client.get(url)
    for i, service in enumerate(offered * 2):
        request = request_for(owner, case, service)
        if i % 3 == 0:
            volunteer_match(
                acting_user=owner,
                volunteer_request=request,
                volunteer_name=f"V{i}",
                on=clock.today(),
            )
    with django_assert_num_queries(len(small.captured_queries)):
        html = client.get(url).content.decode()
    assert html.count('class="case-card"') == 20
