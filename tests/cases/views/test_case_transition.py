import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from cases.models import Case
from cases.phases import MOVES, Phase, moves_from
from outreach.models import AccessLogEntry
from tests.cases.factories import case_in_phase, events, open_case, record_contact, snapshot


def url(case, move):
    return reverse("case_transition", args=[case.pk, move])


def field_names(html):
    form = re.search(r'<form method="post" novalidate class="record-form">.*?</form>', html, re.S)
    return set(re.findall(r'name="(\w+)"', form.group(0))) - {"csrfmiddlewaretoken", "submission"}


def test_it_asks_only_for_the_fields_of_the_step(client, owner, team):
    case = case_in_phase(Phase.EERSTE_CONTACT, acting_user=owner, team=team)
    client.force_login(owner)
    response = client.get(url(case, "contract"))
    html = response.content.decode()
    assert response.status_code == 200
    assert field_names(html) == {"contract_agreed_on", "note"}
    assert f'value="{timezone.localdate().isoformat()}"' in html
    assert field_names(client.get(url(case, "doorverwijzen")).content.decode()) == {
        "referral_partner",
        "referral_contact",
        "referred_to",
        "reason",
        "referral_consent",
        "handover_on",
    }


def test_it_moves_the_case_on_and_records_it_on_the_timeline(client, owner, team):
    case = open_case(acting_user=owner, team=team)
    client.force_login(owner)
    response = client.post(url(case, "voorfase"), {"note": "Eerst informatie verzamelen."})
    assert response.status_code == 302 and response.url == case.get_absolute_url()
    case.refresh_from_db()
    assert case.phase == Phase.VOORFASE
    event = events(case, "phase")[-1]
    assert event.data == {
        "from": "signaal",
        "to": "voorfase",
        "move": "voorfase",
        "note": "Eerst informatie verzamelen.",
    }
    assert event.actor == owner
    assert "Eerst informatie verzamelen." in client.get(response.url).content.decode()


def test_it_makes_the_contract_on_the_date_given(client, owner, team):
    case = case_in_phase(Phase.EERSTE_CONTACT, acting_user=owner, team=team)
    record_contact(acting_user=owner, case=case)
    agreed = timezone.localdate() - timedelta(days=2)
    client.force_login(owner)
    response = client.post(url(case, "contract"), {"contract_agreed_on": agreed.isoformat()})
    assert response.status_code == 302
    case.refresh_from_db()
    assert (case.phase, case.contract_agreed_on) == (Phase.CONTRACT, agreed)


def test_it_reopens_a_closed_case(client, owner, team):
    case = case_in_phase(Phase.AFGESLOTEN, acting_user=owner, team=team)
    client.force_login(owner)
    client.post(url(case, "heropenen"), {"reason": "Terugval: huur weer achterstallig."})
    case.refresh_from_db()
    assert (case.phase, case.closed_on) == (Phase.EERSTE_CONTACT, None)


def test_it_logs_the_change_to_the_case(client, owner, team):
    case = open_case(acting_user=owner, team=team)
    client.force_login(owner)
    client.post(url(case, "voorfase"), {})
    entry = AccessLogEntry.objects.get(action="change")
    assert (entry.record_type, entry.record_id, entry.client_id) == (
        "cases.case",
        str(case.pk),
        case.client_id,
    )


@pytest.mark.parametrize("move", ["traject", "nazorg", "heropenen", "nazorg-beeindigen", "vliegen"])
def test_it_is_a_404_for_a_step_not_possible_from_the_phase(client, owner, team, move):
    case = open_case(acting_user=owner, team=team)
    before = snapshot(case)
    client.force_login(owner)
    assert client.get(url(case, move)).status_code == 404
    assert client.post(url(case, move), {"reason": "x", "note": "x"}).status_code == 404
    assert snapshot(case) == before


def test_it_shows_a_refused_guard_and_changes_nothing(client, owner, team):
    case = case_in_phase(Phase.EERSTE_CONTACT, acting_user=owner, team=team)  # no contact yet
    before = snapshot(case)
    agreed = timezone.localdate().isoformat()
    client.force_login(owner)
    response = client.post(
        url(case, "contract"), {"contract_agreed_on": agreed, "note": "Contract besproken."}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert re.search(r'<div class="form-errors" role="alert">\s*<p>.+</p>', html)
    assert f'value="{agreed}"' in html and "Contract besproken." in html
    assert snapshot(case) == before
    assert Case.objects.get(pk=case.pk).contract_agreed_on is None


def test_it_asks_for_a_required_field_by_the_field(client, owner, team):
    case = open_case(acting_user=owner, team=team)
    before = snapshot(case)
    client.force_login(owner)
    html = client.post(url(case, "doorverwijzen"), {"referred_to": "GGZ Noord"}).content.decode()
    assert 'id="id_reason_error"' in html
    assert 'value="GGZ Noord"' in html
    assert snapshot(case) == before


def test_it_shows_a_guard_about_one_field_by_that_field(client, owner, team):
    case = case_in_phase(Phase.TRAJECT_AFSLUITING, acting_user=owner, team=team)
    before = snapshot(case)
    client.force_login(owner)
    html = client.post(
        url(case, "nazorg"),
        {
            "reason": "Doelen bereikt.",
            "nazorg_until": timezone.localdate().isoformat(),
            "no_zrm_reason": "Client wilde niet.",
        },
    ).content.decode()
    assert 'id="id_nazorg_until_error"' in html
    assert "Doelen bereikt." in html and "Client wilde niet." in html
    assert snapshot(case) == before


@pytest.mark.parametrize(
    "phase",
    [
        Phase.SIGNAAL,
        Phase.EERSTE_CONTACT,
        Phase.TRAJECT_BEGIN,
        Phase.NAZORG,
        Phase.AFGESLOTEN,
        Phase.OVERDRACHT,
        Phase.DOORVERWEZEN,
    ],
)
def test_it_offers_every_step_possible_from_the_phase_on_the_case_page(client, owner, team, phase):
    case = case_in_phase(phase, acting_user=owner, team=team)
    client.force_login(owner)
    html = client.get(case.get_absolute_url()).content.decode()
    offered = {move.slug for move in MOVES if url(case, move.slug) in html}
    assert offered == {move.slug for move in moves_from(phase)}


def test_it_is_a_404_for_another_teams_case(client, owner, outsider, team):
    case = open_case(acting_user=owner, team=team)
    before = snapshot(case)
    client.force_login(outsider)
    assert client.get(url(case, "voorfase")).status_code == 404
    assert client.post(url(case, "voorfase"), {}).status_code == 404
    assert snapshot(case) == before


def test_it_proposes_a_monthly_check_in_for_minimal_contact(client, owner, team):
    case = case_in_phase(Phase.EERSTE_CONTACT, acting_user=owner, team=team)
    client.force_login(owner)
    html = client.get(url(case, "minimaal-contact")).content.decode()
    checkin = timezone.localdate() + timedelta(days=30)
    assert field_names(html) == {"reason", "follow_up_on"}
    assert f'value="{checkin.isoformat()}"' in html
