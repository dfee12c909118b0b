"""Referral as a phase of its own: the overdracht form, arrival, the case page, the attention list
and the team page's share of cases that stayed or were referred."""

import re
from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from cases import services
from cases.attention import attention_rows
from cases.models import Case, PartnerContact
from cases.phases import Phase
from tests.cases.factories import case_in_phase, confirm_arrival, events, refer, snapshot
from tests.cases.test_partner_directory import add_partner


def url(case, move):
    return reverse("case_transition", args=[case.pk, move])


def token(client, address):
    page = client.get(address).content.decode()
    return re.search(r'name="submission" value="([^"]+)"', page).group(1)


def test_it_refers_to_a_directory_entry_with_a_warm_handover(client, owner, lead, team):
    partner = add_partner(lead, team)
    contact = services.partner_contact_add(
        acting_user=lead, partner=partner, name="Petra de Wit", role="trajectbegeleider"
    )
    case = case_in_phase(Phase.EERSTE_CONTACT, acting_user=owner, team=team)
    client.force_login(owner)
    address = url(case, "doorverwijzen")
    html = client.get(address).content.decode()
    assert "GGZ Delfland – Petra de Wit (trajectbegeleider)" in html
    today = timezone.localdate()
    response = client.post(
        address,
        {
            "submission": token(client, address),
            "referral_partner": partner.pk,
            "referral_contact": contact.pk,
            "reason": "Psychische klachten; specialistische zorg nodig.",
            "referral_consent": "Naam, adres en de zorgen delen met de GGZ.",
            "handover_on": today.isoformat(),
        },
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert (case.phase, case.referral_partner, case.referral_contact) == (
        Phase.OVERDRACHT,
        partner,
        contact,
    )
    assert case.is_open and case.handover_on == today
    event = events(case, "phase")[-1]
    assert event.data["referral_partner"] == "GGZ Delfland"
    assert event.data["referral_contact"] == "Petra de Wit (trajectbegeleider)"
    page = client.get(case.get_absolute_url()).content.decode()
    assert "Overdracht loopt" in page and url(case, "aangekomen") in page


def test_it_refuses_a_contact_of_another_organisation_by_the_field(client, owner, lead, team):
    partner = add_partner(lead, team)
    other = add_partner(lead, team, name="Woonstad", kind="housing")
    contact = PartnerContact.objects.create(partner=other, name="Wim")
    case = case_in_phase(Phase.VOORFASE, acting_user=owner, team=team)
    before = snapshot(case)
    client.force_login(owner)
    html = client.post(
        url(case, "doorverwijzen"),
        {
            "referral_partner": partner.pk,
            "referral_contact": contact.pk,
            "reason": "Zorg nodig.",
            "referral_consent": "Alles.",
            "handover_on": timezone.localdate().isoformat(),
        },
    ).content.decode()
    assert 'id="id_referral_contact_error"' in html
    assert "Kies een contactpersoon van deze organisatie." in html
    assert "Zorg nodig." in html
    assert snapshot(case) == before


def test_it_does_not_offer_another_teams_directory(client, owner, outsider_lead, team, other_team):
    theirs = add_partner(outsider_lead, other_team, name="Zuid GGZ")
    case = case_in_phase(Phase.VOORFASE, acting_user=owner, team=team)
    before = snapshot(case)
    client.force_login(owner)
    address = url(case, "doorverwijzen")
    assert "Zuid GGZ" not in client.get(address).content.decode()
    html = client.post(
        address,
        {
            "referral_partner": theirs.pk,
            "reason": "Zorg nodig.",
            "referral_consent": "Alles.",
            "handover_on": timezone.localdate().isoformat(),
        },
    ).content.decode()
    assert 'id="id_referral_partner_error"' in html
    assert snapshot(case) == before


def test_it_asks_for_an_organisation(client, owner, team):
    case = case_in_phase(Phase.VOORFASE, acting_user=owner, team=team)
    client.force_login(owner)
    html = client.post(
        url(case, "doorverwijzen"),
        {
            "reason": "Zorg nodig.",
            "referral_consent": "Alles.",
            "handover_on": timezone.localdate().isoformat(),
        },
    ).content.decode()
    assert "Kies de organisatie, of typ de naam." in html
    assert Case.objects.get(pk=case.pk).phase == Phase.VOORFASE


def test_it_closes_as_referred_once_the_client_arrived_with_a_check(client, owner, team):
    case = case_in_phase(Phase.OVERDRACHT, acting_user=owner, team=team)
    client.force_login(owner)
    address = url(case, "aangekomen")
    html = client.get(address).content.decode()
    check = timezone.localdate() + timedelta(days=90)  # the team's default
    assert f'value="{check.isoformat()}"' in html
    response = client.post(
        address,
        {
            "submission": token(client, address),
            "arrival_confirmed_on": timezone.localdate().isoformat(),
            "referral_check_on": check.isoformat(),
        },
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert (case.phase, case.referral_check_on) == (Phase.DOORVERWEZEN, check)
    assert case.closed_on == timezone.localdate()


def test_it_refuses_an_arrival_in_the_future(client, owner, team):
    case = case_in_phase(Phase.OVERDRACHT, acting_user=owner, team=team)
    client.force_login(owner)
    tomorrow = timezone.localdate() + timedelta(days=1)
    html = client.post(
        url(case, "aangekomen"),
        {
            "arrival_confirmed_on": tomorrow.isoformat(),
            "referral_check_on": (tomorrow + timedelta(days=30)).isoformat(),
        },
    ).content.decode()
    assert 'id="id_arrival_confirmed_on_error"' in html
    assert Case.objects.get(pk=case.pk).phase == Phase.OVERDRACHT


def test_it_takes_up_contact_again_when_the_client_did_not_arrive(owner, team):
    case = case_in_phase(Phase.OVERDRACHT, acting_user=owner, team=team)
    services.case_transition(
        acting_user=owner, case=case, move="niet-aangekomen", reason="Niet verschenen."
    )
    case.refresh_from_db()
    assert case.phase == Phase.EERSTE_CONTACT and case.is_open


def test_it_puts_an_unconfirmed_handover_on_the_attention_list(owner, team):
    late = case_in_phase(Phase.VOORFASE, acting_user=owner, team=team)
    refer(late, acting_user=owner, handover_on=timezone.localdate() - timedelta(days=15))
    recent = case_in_phase(Phase.VOORFASE, acting_user=owner, team=team, last_name="Pietersen")
    refer(recent, acting_user=owner, handover_on=timezone.localdate() - timedelta(days=13))
    flagged = {row.pk: [rule.key for rule, _days in row.reasons] for row in attention_rows(team)}
    assert flagged == {late.pk: ["handover_unconfirmed"]}


def test_it_is_a_404_for_another_teams_case(client, owner, outsider, team):
    case = case_in_phase(Phase.OVERDRACHT, acting_user=owner, team=team)
    client.force_login(outsider)
    assert client.get(url(case, "aangekomen")).status_code == 404
    assert Case.objects.get(pk=case.pk).phase == Phase.OVERDRACHT


def test_it_shows_the_share_that_stayed_and_where_cases_were_referred(client, owner, lead, team):
    partner = add_partner(lead, team)
    for i in range(2):
        case = case_in_phase(Phase.VOORFASE, acting_user=owner, team=team, last_name=f"R{i}")
        confirm_arrival(refer(case, acting_user=owner, partner=partner), acting_user=owner)
    case_in_phase(Phase.DOORVERWEZEN, acting_user=owner, team=team, last_name="Eenmalig")
    for i in range(3):
        case_in_phase(Phase.AFGESLOTEN, acting_user=owner, team=team, last_name=f"A{i}")
    # In aftercare: its trajectory closed with the team, so it stayed (as the year figures count).
    nazorg = case_in_phase(Phase.NAZORG, acting_user=owner, team=team, last_name="Nazorg")
    assert Case.objects.get(pk=nazorg.pk).closed_on is not None
    case_in_phase(Phase.OVERDRACHT, acting_user=owner, team=team, last_name="Loopt")
    client.force_login(lead)
    html = client.get(reverse("team_detail", args=[team.pk])).content.decode()
    assert "bleven er 4 bij het team (57%) en werden er 3 doorverwezen (43%)" in html
    rows = re.findall(r'<tr><th scope="row">([^<]+)</th><td>(\d+)</td></tr>', html)
    assert ("GGZ Delfland", "2") in rows and ("GGZ Noord", "1") in rows
    assert "1 casus is nu in overdracht." in html
