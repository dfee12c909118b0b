"""The match page (a network URL): the request becomes matched and the volunteer is on the map
as new network."""

import re

import pytest
from django.urls import reverse

from cases.models import VolunteerRequest
from cases.phases import Phase
from network.models import NetworkMember
from network.services import snapshot_take
from outreach import clock
from tests.cases.factories import add_coworker
from tests.cases.volunteer_data import catalogue, request_for

pytestmark = pytest.mark.case_phase(Phase.TRAJECT_BEGIN)


def test_it_matches_and_shows_the_volunteer_on_the_map_as_new_network(
    client, owner, lead, team, case
):
    snapshot_take(acting_user=owner, case=case, kind="begin", empty_map="no_network")
    request = request_for(owner, case, catalogue(lead, team)["Zorgmaatje"])
    client.force_login(owner)
    url = reverse("network_volunteer_match", args=[request.pk])
    page = client.get(url).content.decode()
    token = re.search(r'name="submission" value="([^"]+)"', page).group(1)
    response = client.post(
        url,
        {
            "volunteer_name": "Joke",
            "on": clock.today().isoformat(),
            "expected_version": 1,
            "submission": token,
        },
    )
    assert response.url == reverse("network_case", args=[case.pk])
    member = NetworkMember.objects.get()
    assert (member.name, member.relation, member.volunteer_request_id) == (
        "Joke",
        "volunteer",
        request.pk,
    )
    html = client.get(response.url).content.decode()
    row = re.search(r"<th scope=\"row\">Joke</th>.*?</tr>", html, re.S).group(0)
    assert "nieuw netwerk" in row and "vrijwilliger" in row


def test_it_keeps_the_input_and_says_why_in_dutch(client, owner, lead, team, case):
    request = request_for(owner, case, catalogue(lead, team)["Zorgmaatje"], days_ago=3)
    client.force_login(owner)
    before = clock.today().replace(year=clock.today().year - 1).isoformat()
    html = client.post(
        reverse("network_volunteer_match", args=[request.pk]),
        {"volunteer_name": "Joke", "on": before, "expected_version": 1},
    ).content.decode()
    assert "vóór de aanvraag" in html and 'value="Joke"' in html
    assert not NetworkMember.objects.exists()
    assert VolunteerRequest.objects.get().status == "requested"


def test_it_puts_the_worker_on_the_map_counted_nowhere(client, owner, case):
    client.force_login(owner)
    page = client.get(reverse("network_case", args=[case.pk])).content.decode()
    assert reverse("network_worker_place", args=[case.pk]) in page
    client.post(reverse("network_worker_place", args=[case.pk]))
    member = NetworkMember.objects.get()
    assert (member.relation, member.outreach_worker) == ("professional", True)
    html = client.get(reverse("network_case", args=[case.pk])).content.decode()
    assert "de outreachend werker: telt in geen maat mee" in html
    assert reverse("network_worker_place", args=[case.pk]) not in html


def test_it_refuses_the_worker_a_second_place_but_offers_a_coworker_theirs(
    client, owner, colleague, case
):
    add_coworker(case, colleague, acting_user=owner, role="second", end=None)
    place = reverse("network_worker_place", args=[case.pk])
    client.force_login(owner)
    client.post(place)
    again = client.post(place, follow=True).content.decode()
    assert "Je staat al op deze kaart." in again
    assert NetworkMember.objects.filter(outreach_worker=True).count() == 1
    client.force_login(colleague)
    assert place in client.get(reverse("network_case", args=[case.pk])).content.decode()
    client.post(place)
    assert NetworkMember.objects.filter(outreach_worker=True).count() == 2
