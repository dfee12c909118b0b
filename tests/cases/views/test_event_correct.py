import re

import pytest
from django.urls import reverse

from cases import services
from cases.models import TimelineEvent
from cases.phases import Phase
from outreach.models import AccessLogEntry
from tests.cases.factories import record_contact, snapshot

pytestmark = pytest.mark.case_phase(Phase.EERSTE_CONTACT)


@pytest.fixture
def attempt_event(owner, case):
    record_contact(acting_user=owner, case=case)
    return case.events.get(kind="attempt")


def stored(event):
    return TimelineEvent.objects.filter(pk=event.pk).values(
        "kind", "data", "occurred_at", "recorded_at", "actor", "corrects"
    )[0]


def event_item(html, event):
    return re.search(rf'<li class="event[^"]*" id="event-{event.pk}">.*?</li>', html, re.S).group(0)


def test_it_adds_a_correction_next_to_the_original(client, owner, colleague, case, attempt_event):
    original = stored(attempt_event)
    client.force_login(colleague)
    response = client.post(
        reverse("event_correct", args=[attempt_event.pk]),
        {"text": "Het was via de buurvrouw, niet aan de deur."},
    )
    assert response.status_code == 302 and response.url == case.get_absolute_url()
    correction = TimelineEvent.objects.get(kind="correction")
    assert (correction.case, correction.corrects, correction.actor) == (
        case,
        attempt_event,
        colleague,
    )
    assert correction.data == {"text": "Het was via de buurvrouw, niet aan de deur."}
    assert stored(attempt_event) == original
    html = client.get(response.url).content.decode()
    assert "Het was via de buurvrouw, niet aan de deur." in event_item(html, attempt_event)
    assert f'href="#event-{attempt_event.pk}"' in event_item(html, correction)


def test_it_shows_what_is_being_corrected(client, owner, attempt_event):
    client.force_login(owner)
    response = client.get(reverse("event_correct", args=[attempt_event.pk]))
    assert response.status_code == 200
    assert 'name="text"' in response.content.decode()
    assert not TimelineEvent.objects.filter(kind="correction").exists()


def test_it_asks_what_the_correction_is(client, owner, case, attempt_event):
    before = (snapshot(case), stored(attempt_event))
    client.force_login(owner)
    html = client.post(
        reverse("event_correct", args=[attempt_event.pk]), {"text": "   "}
    ).content.decode()
    assert 'id="id_text_error"' in html
    assert (snapshot(case), stored(attempt_event)) == before


def test_it_refuses_to_correct_a_correction_and_keeps_the_text(client, owner, case, attempt_event):
    correction = services.timeline_correct(acting_user=owner, event=attempt_event, text="Eerste.")
    before = (snapshot(case), stored(correction))
    client.force_login(owner)
    html = client.post(
        reverse("event_correct", args=[correction.pk]), {"text": "Correctie op de correctie."}
    ).content.decode()
    assert 'class="form-errors"' in html
    assert "Correctie op de correctie." in html
    assert (snapshot(case), stored(correction)) == before


def test_it_logs_the_change(client, owner, case, attempt_event):
    client.force_login(owner)
    client.post(reverse("event_correct", args=[attempt_event.pk]), {"text": "Andere tijd."})
    entry = AccessLogEntry.objects.get(action="change")
    assert (entry.record_type, entry.record_id, entry.client_id) == (
        "cases.timelineevent",
        str(attempt_event.pk),
        case.client_id,
    )


def test_it_is_a_404_for_another_teams_event(client, outsider, case, attempt_event):
    before = snapshot(case)
    client.force_login(outsider)
    assert client.get(reverse("event_correct", args=[attempt_event.pk])).status_code == 404
    response = client.post(reverse("event_correct", args=[attempt_event.pk]), {"text": "Niet."})
    assert response.status_code == 404
    assert snapshot(case) == before
