import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from cases.models import ContactAttempt
from cases.phases import Phase
from outreach.models import AccessLogEntry
from tests.cases.factories import case_in_phase, snapshot


def at(moment):
    return timezone.localtime(moment).strftime("%Y-%m-%dT%H:%M")


def form_data(**extra):
    return {
        "attempted_at": at(timezone.now() - timedelta(hours=2)),
        "method": "door",
        "result": "contact",
        "note": "Deur ging na twee keer bellen open.",
        "observations": "Veel post in de gang.",
        "urgent_needs": "Eten in huis.",
        "client_problem": "Ik red het niet meer met de brieven.",
        **extra,
    }


pytestmark = pytest.mark.case_phase(Phase.EERSTE_CONTACT)


def test_it_records_the_attempt_and_returns_to_the_case(client, owner, case):
    client.force_login(owner)
    data = form_data()
    response = client.post(reverse("attempt_add", args=[case.pk]), data)
    assert response.status_code == 302 and response.url == case.get_absolute_url()
    attempt = ContactAttempt.objects.get()
    assert (attempt.case, attempt.method, attempt.result, attempt.recorded_by) == (
        case,
        "door",
        "contact",
        owner,
    )
    assert at(attempt.attempted_at) == data["attempted_at"]
    event = case.events.get(kind="attempt")
    assert (event.data["number"], event.data["client_problem"]) == (
        1,
        "Ik red het niet meer met de brieven.",
    )
    case.refresh_from_db()
    assert case.last_contact_at == attempt.attempted_at
    assert "Ik red het niet meer met de brieven." in client.get(response.url).content.decode()


def test_it_counts_a_failed_attempt_without_touching_last_contact(client, owner, case):
    client.force_login(owner)
    client.post(reverse("attempt_add", args=[case.pk]), form_data(result="not_home"))
    assert ContactAttempt.objects.get().result == "not_home"
    case.refresh_from_db()
    assert case.last_contact_at is None


def test_it_refuses_a_moment_in_the_future_and_keeps_everything_typed(client, owner, case):
    before = snapshot(case)
    tomorrow = at(timezone.now() + timedelta(days=1))
    client.force_login(owner)
    response = client.post(reverse("attempt_add", args=[case.pk]), form_data(attempted_at=tomorrow))
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_attempted_at_error"' in html
    assert f'value="{tomorrow}"' in html
    for text in ("Deur ging na twee keer bellen open.", "Veel post in de gang.", "Eten in huis."):
        assert text in html
    assert re.search(r'value="contact"[^>]*checked', html)
    assert not ContactAttempt.objects.exists()
    assert snapshot(case) == before


def test_it_asks_how_the_attempt_was_made(client, owner, case):
    before = snapshot(case)
    client.force_login(owner)
    html = client.post(
        reverse("attempt_add", args=[case.pk]), form_data(method="")
    ).content.decode()
    group = re.search(r'<fieldset class="field choice-group has-error">.*?</fieldset>', html, re.S)
    assert group and 'name="method"' in group.group(0) and "field-error" in group.group(0)
    assert not ContactAttempt.objects.exists()
    assert snapshot(case) == before


@pytest.mark.parametrize("phase", [Phase.SIGNAAL, Phase.CONTRACT])
def test_it_is_a_404_outside_first_contact(client, owner, team, phase):
    case = case_in_phase(phase, acting_user=owner, team=team)
    before = snapshot(case)
    client.force_login(owner)
    assert client.get(reverse("attempt_add", args=[case.pk])).status_code == 404
    assert client.post(reverse("attempt_add", args=[case.pk]), form_data()).status_code == 404
    assert snapshot(case) == before


def test_it_logs_the_change_to_the_case(client, owner, case):
    client.force_login(owner)
    client.post(reverse("attempt_add", args=[case.pk]), form_data())
    entry = AccessLogEntry.objects.get(action="change")
    assert (entry.record_type, entry.record_id) == ("cases.case", str(case.pk))


def test_it_is_a_404_for_another_teams_case(client, owner, outsider, case):
    client.force_login(outsider)
    assert client.post(reverse("attempt_add", args=[case.pk]), form_data()).status_code == 404
    assert not ContactAttempt.objects.exists()


def test_it_offers_the_form_with_today_filled_in(client, owner, case):
    client.force_login(owner)
    html = client.get(reverse("attempt_add", args=[case.pk])).content.decode()
    assert re.search(rf'name="attempted_at" value="{timezone.localdate().isoformat()}T', html)
    assert 'name="method"' in html and 'name="result"' in html
    assert not ContactAttempt.objects.exists()
