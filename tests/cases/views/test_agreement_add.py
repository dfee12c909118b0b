import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from cases.models import Agreement
from cases.phases import Phase
from outreach.models import AccessLogEntry
from tests.cases.factories import case_in_phase, snapshot


def form_data(**extra):
    return {
        "description": "Samen de brieven van de Belastingdienst openen.",
        "responsible": "worker",
        "due_on": (timezone.localdate() + timedelta(days=14)).isoformat(),
        **extra,
    }


pytestmark = pytest.mark.case_phase(Phase.CONTRACT)


def test_it_adds_the_agreement_and_shows_it_on_the_case(client, owner, case):
    client.force_login(owner)
    response = client.post(reverse("agreement_add", args=[case.pk]), form_data())
    assert response.status_code == 302 and response.url == case.get_absolute_url()
    agreement = Agreement.objects.latest("id")
    assert (agreement.description, agreement.responsible, agreement.status) == (
        "Samen de brieven van de Belastingdienst openen.",
        "worker",
        "open",
    )
    assert agreement.due_on == timezone.localdate() + timedelta(days=14)
    event = case.events.filter(kind="agreement").latest("id")
    assert event.data["agreement_id"] == agreement.pk
    html = client.get(response.url).content.decode()
    assert f'id="agreement-{agreement.pk}"' in html


def test_it_asks_what_was_agreed_and_keeps_everything_typed(client, owner, case):
    before = (snapshot(case), Agreement.objects.count())
    client.force_login(owner)
    data = form_data(description="   ", responsible="network")
    html = client.post(reverse("agreement_add", args=[case.pk]), data).content.decode()
    assert 'id="id_description_error"' in html
    assert re.search(r'value="network"[^>]*checked', html)
    assert f'value="{data["due_on"]}"' in html
    assert (snapshot(case), Agreement.objects.count()) == before


def test_it_refuses_a_bad_date(client, owner, case):
    before = (snapshot(case), Agreement.objects.count())
    client.force_login(owner)
    html = client.post(
        reverse("agreement_add", args=[case.pk]), form_data(due_on="morgen")
    ).content.decode()
    assert 'id="id_due_on_error"' in html and 'value="morgen"' in html
    assert "Samen de brieven van de Belastingdienst openen." in html
    assert (snapshot(case), Agreement.objects.count()) == before


@pytest.mark.parametrize("phase", [Phase.VOORFASE, Phase.NAZORG, Phase.AFGESLOTEN])
def test_it_is_a_404_in_a_phase_without_agreements(client, owner, team, phase):
    case = case_in_phase(phase, acting_user=owner, team=team)
    before = (snapshot(case), Agreement.objects.count())
    client.force_login(owner)
    assert client.get(reverse("agreement_add", args=[case.pk])).status_code == 404
    assert client.post(reverse("agreement_add", args=[case.pk]), form_data()).status_code == 404
    assert (snapshot(case), Agreement.objects.count()) == before


def test_it_logs_the_change_to_the_case(client, owner, case):
    client.force_login(owner)
    client.post(reverse("agreement_add", args=[case.pk]), form_data())
    entry = AccessLogEntry.objects.get(action="change")
    assert (entry.record_type, entry.record_id) == ("cases.case", str(case.pk))


def test_it_is_a_404_for_another_teams_case(client, outsider, case):
    count = Agreement.objects.count()
    client.force_login(outsider)
    assert client.post(reverse("agreement_add", args=[case.pk]), form_data()).status_code == 404
    assert Agreement.objects.count() == count
