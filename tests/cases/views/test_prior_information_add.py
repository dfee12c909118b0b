from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from cases.models import PriorInformation
from cases.phases import Phase
from outreach.models import AccessLogEntry
from tests.cases.factories import case_in_phase, snapshot


def form_data(**extra):
    return {
        "gathered_on": (timezone.localdate() - timedelta(days=1)).isoformat(),
        "source": "Woonstad, huismeester",
        "content": "Huurachterstand van drie maanden; deur gaat zelden open.",
        "without_client_knowledge": "on",
        **extra,
    }


pytestmark = pytest.mark.case_phase(Phase.VOORFASE)


def test_it_adds_the_information_and_keeps_its_content_off_the_timeline(client, owner, case):
    client.force_login(owner)
    response = client.post(reverse("prior_information_add", args=[case.pk]), form_data())
    assert response.status_code == 302 and response.url == case.get_absolute_url()
    info = PriorInformation.objects.get()
    assert (info.case, info.source, info.without_client_knowledge, info.recorded_by) == (
        case,
        "Woonstad, huismeester",
        True,
        owner,
    )
    assert info.content == "Huurachterstand van drie maanden; deur gaat zelden open."
    event = case.events.get(kind="prior_info")
    assert "Huurachterstand" not in str(event.data)
    html = client.get(response.url).content.decode()
    timeline = html[html.index('id="timeline"') :]
    assert "Huurachterstand van drie maanden" in html
    assert "Huurachterstand" not in timeline


def test_it_records_information_gathered_with_the_clients_knowledge(client, owner, case):
    client.force_login(owner)
    data = form_data()
    del data["without_client_knowledge"]
    client.post(reverse("prior_information_add", args=[case.pk]), data)
    assert PriorInformation.objects.get().without_client_knowledge is False


def test_it_asks_for_the_source_and_keeps_everything_typed(client, owner, case):
    before = snapshot(case)
    client.force_login(owner)
    data = form_data(source="")
    html = client.post(reverse("prior_information_add", args=[case.pk]), data).content.decode()
    assert 'id="id_source_error"' in html
    assert "Huurachterstand van drie maanden; deur gaat zelden open." in html
    assert f'value="{data["gathered_on"]}"' in html
    assert not PriorInformation.objects.exists()
    assert snapshot(case) == before


def test_it_refuses_a_bad_date(client, owner, case):
    before = snapshot(case)
    client.force_login(owner)
    html = client.post(
        reverse("prior_information_add", args=[case.pk]), form_data(gathered_on="gisteren")
    ).content.decode()
    assert 'id="id_gathered_on_error"' in html and 'value="gisteren"' in html
    assert not PriorInformation.objects.exists()
    assert snapshot(case) == before


@pytest.mark.parametrize("phase", [Phase.EERSTE_CONTACT, Phase.CONTRACT])
def test_it_is_a_404_after_the_prephase(client, owner, team, phase):
    case = case_in_phase(phase, acting_user=owner, team=team)
    client.force_login(owner)
    assert client.get(reverse("prior_information_add", args=[case.pk])).status_code == 404
    response = client.post(reverse("prior_information_add", args=[case.pk]), form_data())
    assert response.status_code == 404
    assert not PriorInformation.objects.exists()


def test_it_logs_the_change_to_the_case(client, owner, case):
    client.force_login(owner)
    client.post(reverse("prior_information_add", args=[case.pk]), form_data())
    entry = AccessLogEntry.objects.get(action="change")
    assert (entry.record_type, entry.record_id) == ("cases.case", str(case.pk))


def test_it_is_a_404_for_another_teams_case(client, outsider, case):
    client.force_login(outsider)
    response = client.post(reverse("prior_information_add", args=[case.pk]), form_data())
    assert response.status_code == 404
    assert not PriorInformation.objects.exists()
