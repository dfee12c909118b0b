import re

import pytest
from django.urls import reverse

from cases.models import Agreement
from cases.phases import Phase
from outreach.models import AccessLogEntry
from tests.cases.factories import add_agreement, snapshot
from tests.conflicts import as_opened, assert_conflict_page, opened_version, two_workers

HTMX = {"HTTP_HX_REQUEST": "true"}


pytestmark = pytest.mark.case_phase(Phase.CONTRACT)


@pytest.fixture
def agreement(owner, case):
    return add_agreement(acting_user=owner, case=case, description="Samen de post openen.")


def status_of(agreement):
    return Agreement.objects.get(pk=agreement.pk).status


def selected(html):
    return re.findall(r'<option value="(\w+)" selected>', html)


def test_it_sets_the_status_and_returns_to_the_case(client, owner, case, agreement):
    events = case.events.filter(kind="agreement").count()
    client.force_login(owner)
    response = client.post(
        reverse("agreement_status", args=[agreement.pk]), as_opened(agreement, {"status": "done"})
    )
    assert response.status_code == 302 and response.url == case.get_absolute_url()
    assert status_of(agreement) == "done"
    assert case.events.filter(kind="agreement").count() == events + 1
    assert case.events.filter(kind="agreement").latest("id").data["status"] == "done"


def test_it_answers_htmx_with_only_the_agreement(client, owner, case, agreement):
    other = add_agreement(acting_user=owner, case=case, description="Huisarts bellen.")
    client.force_login(owner)
    response = client.post(
        reverse("agreement_status", args=[agreement.pk]),
        as_opened(agreement, {"status": "dropped"}),
        **HTMX,
    )
    html = response.content.decode().strip()
    assert response.status_code == 200
    assert html.startswith(f'<li id="agreement-{agreement.pk}"') and html.endswith("</li>")
    assert "<html" not in html and f"agreement-{other.pk}" not in html
    assert "status-dropped" in html and selected(html) == ["dropped"]
    assert status_of(agreement) == "dropped"


def test_it_changes_nothing_for_an_unknown_status(client, owner, case, agreement):
    before = snapshot(case)
    client.force_login(owner)
    html = client.post(
        reverse("agreement_status", args=[agreement.pk]),
        as_opened(agreement, {"status": "vergeten"}),
        **HTMX,
    ).content.decode()
    assert selected(html) == ["open"]
    response = client.post(
        reverse("agreement_status", args=[agreement.pk]),
        as_opened(agreement, {"status": "vergeten"}),
        follow=True,
    )
    assert 'class="message message-error"' in response.content.decode()
    assert status_of(agreement) == "open"
    assert snapshot(case) == before


def test_it_writes_no_event_when_the_status_stays_the_same(client, owner, case, agreement):
    before = snapshot(case)
    client.force_login(owner)
    client.post(
        reverse("agreement_status", args=[agreement.pk]), as_opened(agreement, {"status": "open"})
    )
    assert snapshot(case) == before


def test_it_logs_the_change_to_the_agreement(client, owner, case, agreement):
    client.force_login(owner)
    client.post(
        reverse("agreement_status", args=[agreement.pk]), as_opened(agreement, {"status": "done"})
    )
    entry = AccessLogEntry.objects.get(action="change")
    assert (entry.record_type, entry.record_id, entry.client_id) == (
        "cases.agreement",
        str(agreement.pk),
        case.client_id,
    )


def test_it_is_post_only(client, owner, agreement):
    client.force_login(owner)
    assert client.get(reverse("agreement_status", args=[agreement.pk])).status_code == 405


def test_it_is_a_404_for_another_teams_agreement(client, outsider, case, agreement):
    before = snapshot(case)
    client.force_login(outsider)
    response = client.post(
        reverse("agreement_status", args=[agreement.pk]), {"status": "done"}, **HTMX
    )
    assert response.status_code == 404
    assert "Samen de post openen." not in response.content.decode()
    assert status_of(agreement) == "open"
    assert snapshot(case) == before


def test_it_keeps_the_first_status_and_shows_both_to_the_second_of_two_workers(
    owner, colleague, case, agreement
):
    first, second = two_workers(owner, colleague)
    url = reverse("agreement_status", args=[agreement.pk])
    page = case.get_absolute_url()
    version = opened_version(first.get(page))
    assert opened_version(second.get(page)) == version

    assert first.post(url, {"status": "done", "expected_version": version}).status_code == 302
    response = second.post(url, {"status": "dropped", "expected_version": version})

    # Dutch labels: gedaan (stored) and vervallen (typed).
    assert_conflict_page(response, stored=["gedaan"], typed=["vervallen"])
    assert opened_version(response) == version + 1
    assert status_of(agreement) == "done"


def test_it_answers_a_conflicting_htmx_toggle_with_the_stored_status_and_a_message(
    owner, colleague, case, agreement
):
    first, second = two_workers(owner, colleague)
    url = reverse("agreement_status", args=[agreement.pk])
    version = opened_version(second.get(case.get_absolute_url()))
    first.post(url, {"status": "done", "expected_version": version}, **HTMX)

    response = second.post(url, {"status": "dropped", "expected_version": version}, **HTMX)

    html = response.content.decode().strip()
    assert response.status_code == 409
    assert html.startswith(f'<li id="agreement-{agreement.pk}"')
    assert selected(html) == ["done"] and opened_version(response) == version + 1
    assert "Iemand anders heeft dit intussen gewijzigd" in html and "vervallen" in html
    assert status_of(agreement) == "done"
