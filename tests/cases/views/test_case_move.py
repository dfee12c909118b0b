"""Moving a case to another team (case.case_move): for a lead of the case's team who also works
in the other team; a plain form."""

import re

import pytest
from django.urls import reverse

from cases.models import Case, Client
from outreach.models import Membership
from outreach.services import membership_set
from tests.cases.factories import open_case


def url(case):
    return reverse("case_move", args=[case.pk])


@pytest.fixture
def lead_of_both(lead, other_team):
    membership_set(acting_user=None, team=other_team, user=lead, role=Membership.Role.WORKER)
    return lead


def test_it_moves_the_case_and_its_client(client, owner, lead_of_both, team, other_team, outsider):
    case = open_case(acting_user=owner, team=team)
    client.force_login(lead_of_both)
    assert f'href="{url(case)}"' in client.get(case.get_absolute_url()).content.decode()
    html = client.get(url(case)).content.decode()
    choices = re.search(r'<select name="to_team".*?</select>', html, re.S).group(0)
    assert "Outreach Zuid" in choices and "Outreach Noord" not in choices

    response = client.post(
        url(case),
        {"to_team": other_team.pk, "assigned_worker": outsider.pk, "reason": "Verhuisd."},
    )

    assert response.status_code == 302
    stored = Case.objects.get(pk=case.pk)
    assert (stored.team, stored.assigned_worker) == (other_team, outsider)
    assert Client.objects.get(pk=case.client_id).team == other_team


def test_it_offers_no_worker_outside_the_lead_s_other_teams(
    client, owner, lead_of_both, team, other_team
):
    case = open_case(acting_user=owner, team=team)
    client.force_login(lead_of_both)
    html = client.post(
        url(case), {"to_team": other_team.pk, "assigned_worker": owner.pk, "reason": "Verhuisd."}
    ).content.decode()
    assert "Selecteer een geldige keuze" in html
    assert Case.objects.get(pk=case.pk).team == team


def test_it_is_not_offered_to_a_lead_of_one_team_or_a_worker(client, owner, lead, team):
    case = open_case(acting_user=owner, team=team)
    for user in (lead, owner):
        client.force_login(user)
        assert url(case) not in client.get(case.get_absolute_url()).content.decode()
        assert client.get(url(case)).status_code == 403
