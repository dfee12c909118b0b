import re

import pytest
from django.urls import reverse

from cases.models import Case
from cases.phases import Phase
from outreach.models import AccessLogEntry
from tests.cases.factories import case_in_phase, open_case, snapshot
from tests.conflicts import as_opened, assert_conflict_page, opened_version, two_workers

FIELDS = [
    "prior_info_decision",
    "prior_info_reason",
    "prior_info_basis",
    "suitability_analysis",
    "approach_plan",
]


def form_data(**extra):
    return {
        "prior_info_decision": "yes",
        "prior_info_reason": "Signaal van de politie over mogelijke verwaarlozing.",
        "prior_info_basis": "Gerechtvaardigd belang, afgestemd met de teamleider.",
        "suitability_analysis": "Geen hulp in beeld, zorgmijdend.",
        "approach_plan": "Eerst via de huismeester, dan aanbellen.",
        **extra,
    }


def stored(case):
    return Case.objects.filter(pk=case.pk).values(*FIELDS)[0]


def test_it_saves_the_prephase_and_shows_it_on_the_case(client, owner, team):
    case = case_in_phase(Phase.VOORFASE, acting_user=owner, team=team)
    client.force_login(owner)
    response = client.post(reverse("prephase_edit", args=[case.pk]), as_opened(case, form_data()))
    assert response.status_code == 302 and response.url == case.get_absolute_url()
    assert stored(case) == form_data()
    event = case.events.get(kind="plan")
    assert set(event.data["fields"]) == set(FIELDS)
    assert "Eerst via de huismeester, dan aanbellen." in client.get(response.url).content.decode()


def test_it_shows_what_was_saved_before(client, owner, team):
    case = open_case(acting_user=owner, team=team)  # the pre-phase may start in phase signaal
    client.force_login(owner)
    client.post(reverse("prephase_edit", args=[case.pk]), as_opened(case, form_data()))
    html = client.get(reverse("prephase_edit", args=[case.pk])).content.decode()
    assert "Geen hulp in beeld, zorgmijdend." in html
    assert re.search(r'value="yes"[^>]*checked', html)


def test_it_asks_why_and_keeps_everything_typed(client, owner, team):
    case = case_in_phase(Phase.VOORFASE, acting_user=owner, team=team)
    before = (stored(case), snapshot(case))
    client.force_login(owner)
    response = client.post(
        reverse("prephase_edit", args=[case.pk]), as_opened(case, form_data(prior_info_reason="  "))
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_prior_info_reason_error"' in html
    assert re.search(r'value="yes"[^>]*checked', html)
    for text in ("Gerechtvaardigd belang", "Geen hulp in beeld", "Eerst via de huismeester"):
        assert text in html
    assert (stored(case), snapshot(case)) == before


def test_it_writes_no_event_when_nothing_changed(client, owner, team):
    case = case_in_phase(Phase.VOORFASE, acting_user=owner, team=team)
    client.force_login(owner)
    client.post(reverse("prephase_edit", args=[case.pk]), as_opened(case, form_data()))
    before = snapshot(case)
    client.post(reverse("prephase_edit", args=[case.pk]), as_opened(case, form_data()))
    assert snapshot(case) == before


@pytest.mark.parametrize("phase", [Phase.EERSTE_CONTACT, Phase.AFGESLOTEN])
def test_it_is_a_404_after_the_prephase(client, owner, team, phase):
    case = case_in_phase(phase, acting_user=owner, team=team)
    before = (stored(case), snapshot(case))
    client.force_login(owner)
    assert client.get(reverse("prephase_edit", args=[case.pk])).status_code == 404
    assert client.post(reverse("prephase_edit", args=[case.pk]), form_data()).status_code == 404
    assert (stored(case), snapshot(case)) == before


def test_it_logs_the_change_to_the_case(client, owner, team):
    case = case_in_phase(Phase.VOORFASE, acting_user=owner, team=team)
    client.force_login(owner)
    client.post(reverse("prephase_edit", args=[case.pk]), as_opened(case, form_data()))
    entry = AccessLogEntry.objects.get(action="change")
    assert (entry.record_type, entry.record_id) == ("cases.case", str(case.pk))


def test_it_is_a_404_for_another_teams_case(client, owner, outsider, team):
    case = case_in_phase(Phase.VOORFASE, acting_user=owner, team=team)
    before = stored(case)
    client.force_login(outsider)
    assert client.post(reverse("prephase_edit", args=[case.pk]), form_data()).status_code == 404
    assert stored(case) == before


def test_it_keeps_the_first_save_and_shows_both_to_the_second_of_two_workers(owner, lead, team):
    # The voorfase is shielded: the case's worker and a lead are the two who may edit it.
    case = case_in_phase(Phase.VOORFASE, acting_user=owner, team=team)
    first, second = two_workers(owner, lead)
    url = reverse("prephase_edit", args=[case.pk])
    version = opened_version(first.get(url))
    assert opened_version(second.get(url)) == version

    first.post(url, form_data(approach_plan="Via de huismeester.", expected_version=version))
    response = second.post(
        url, form_data(approach_plan="Via de wijkagent.", expected_version=version)
    )

    assert_conflict_page(response, stored=["Via de huismeester."], typed=["Via de wijkagent."])
    assert stored(case)["approach_plan"] == "Via de huismeester."
