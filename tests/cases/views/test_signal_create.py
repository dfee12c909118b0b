import re
from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from cases import services
from cases.models import Signal
from outreach.models import AccessLogEntry, Membership
from outreach.services import membership_set

URL = reverse("signal_create")


def form_data(**extra):
    return {
        "received_on": (timezone.localdate() - timedelta(days=1)).isoformat(),
        "source": "housing",
        "reporter_name": "Huismeester Piet",
        "reporter_organisation": "Woonstad",
        "reporter_contact": "010-1234567",
        "subject_name": "Ria van Dijk",
        "subject_address": "Zwaanshals 12",
        "subject_postcode": "3035kb",
        "observed": "Stank uit de brievenbus, gordijnen al weken dicht.",
        "concerns": ["housing", "isolation"],
        "urgency": "high",
        **extra,
    }


def test_it_registers_the_signal_for_the_current_team_and_shows_it(client, owner, team):
    client.force_login(owner)
    response = client.post(URL, form_data())
    signal = Signal.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("signal_detail", args=[signal.pk])
    assert (signal.team, signal.registered_by, signal.status) == (team, owner, "waiting")
    assert (signal.subject_name, signal.subject_postcode) == ("Ria van Dijk", "3035 KB")
    assert (signal.concerns, signal.urgency, signal.source) == (
        ["housing", "isolation"],
        "high",
        "housing",
    )
    assert "Zwaanshals 12" in client.get(response.url).content.decode()


def test_it_logs_the_creation_without_content(client, owner, team):
    client.force_login(owner)
    client.post(URL, form_data())
    signal = Signal.objects.get()
    entry = AccessLogEntry.objects.get(action="create")
    assert (entry.record_type, entry.record_id, entry.team_id, entry.user) == (
        "cases.signal",
        str(signal.pk),
        team.pk,
        owner,
    )
    assert "Dijk" not in entry.request


def test_it_registers_for_the_team_chosen_in_the_top_bar(client, owner, team, other_team):
    membership_set(acting_user=None, team=other_team, user=owner, role=Membership.Role.WORKER)
    client.force_login(owner)
    client.post(reverse("team_switch"), {"team": other_team.pk})
    client.post(URL, form_data())
    assert Signal.objects.get().team == other_team


def test_it_asks_for_a_name_or_an_address_and_keeps_what_was_typed(client, owner):
    client.force_login(owner)
    response = client.post(URL, form_data(subject_name="", subject_address=""))
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_subject_name_error"' in html
    assert "Stank uit de brievenbus, gordijnen al weken dicht." in html
    assert 'value="Huismeester Piet"' in html and 'value="Woonstad"' in html
    assert re.search(r'value="isolation"[^>]*checked', html)
    assert re.search(r'value="high"[^>]*checked', html)
    assert not Signal.objects.exists()
    assert not AccessLogEntry.objects.filter(action="create").exists()


def test_it_refuses_a_date_in_the_future_and_a_bad_postcode(client, owner):
    client.force_login(owner)
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    html = client.post(
        URL, form_data(received_on=tomorrow, subject_postcode="12345")
    ).content.decode()
    assert 'id="id_received_on_error"' in html
    assert 'id="id_subject_postcode_error"' in html
    assert f'value="{tomorrow}"' in html and 'value="12345"' in html
    assert not Signal.objects.exists()


def test_it_shows_an_empty_form(client, owner):
    client.force_login(owner)
    response = client.get(URL)
    html = response.content.decode()
    assert response.status_code == 200
    for name in ("received_on", "source", "subject_name", "observed", "concerns", "urgency"):
        assert f'name="{name}"' in html
    assert not Signal.objects.exists()


def test_it_offers_the_teams_directory_for_the_reporter_and_shows_its_name(
    client, owner, lead, team, other_team, outsider_lead
):
    woonstad = services.partner_create(acting_user=lead, team=team, name="Woonstad", kind="housing")
    old = services.partner_create(acting_user=lead, team=team, name="Oud Woon", kind="housing")
    services.partner_update(acting_user=lead, partner=old, active=False)
    services.partner_create(
        acting_user=outsider_lead, team=other_team, name="Havensteder", kind="housing"
    )
    client.force_login(owner)
    html = client.get(URL).content.decode()
    picker = re.search(r'<select name="reporter_partner".*?</select>', html, re.S).group(0)
    assert "Woonstad" in picker
    assert "Oud Woon" not in picker and "Havensteder" not in picker
    response = client.post(
        URL, form_data(reporter_partner=woonstad.pk, reporter_organisation="afdeling Noord")
    )
    signal = Signal.objects.get()
    assert signal.reporter_partner == woonstad
    page = client.get(response["Location"]).content.decode()
    assert f'<a href="/partners/{woonstad.pk}/">Woonstad</a>, afdeling Noord' in page


def test_it_refuses_another_teams_directory_entry_next_to_the_field(
    client, owner, other_team, outsider_lead
):
    theirs = services.partner_create(
        acting_user=outsider_lead, team=other_team, name="Havensteder", kind="housing"
    )
    client.force_login(owner)
    response = client.post(URL, form_data(reporter_partner=theirs.pk))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="id_reporter_partner_error"' in html
    assert not Signal.objects.exists()
