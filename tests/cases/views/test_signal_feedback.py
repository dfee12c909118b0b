from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from cases.models import SignalFeedback, TimelineEvent
from outreach.models import AccessLogEntry
from tests.cases.factories import open_case, register_signal


def form_data(**extra):
    return {
        "given_on": timezone.localdate().isoformat(),
        "shared": "We zijn langs geweest en blijven contact houden.",
        "client_consented": "yes",
        **extra,
    }


def counts():
    return (SignalFeedback.objects.count(), TimelineEvent.objects.count())


def test_it_records_feedback_on_an_accepted_signal_on_its_case(client, owner, team):
    case = open_case(acting_user=owner, team=team)
    signal = case.signals.get()
    client.force_login(owner)
    response = client.post(reverse("signal_feedback", args=[signal.pk]), form_data())
    assert response.status_code == 302 and response.url == signal.get_absolute_url()
    feedback = SignalFeedback.objects.get()
    assert (feedback.signal, feedback.given_by, feedback.client_consented) == (
        signal,
        owner,
        "yes",
    )
    event = case.events.get(kind="feedback")
    assert event.data["shared"] == "We zijn langs geweest en blijven contact houden."
    assert "We zijn langs geweest" in client.get(response.url).content.decode()


def test_it_records_feedback_on_a_waiting_signal_without_a_timeline(client, owner, team):
    signal = register_signal(acting_user=owner, team=team)
    client.force_login(owner)
    client.post(
        reverse("signal_feedback", args=[signal.pk]), form_data(client_consented="not_needed")
    )
    assert SignalFeedback.objects.get().signal == signal
    assert not TimelineEvent.objects.exists()


def test_it_refuses_a_date_in_the_future_and_keeps_what_was_typed(client, owner, team):
    signal = open_case(acting_user=owner, team=team).signals.get()
    before = counts()
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    client.force_login(owner)
    html = client.post(
        reverse("signal_feedback", args=[signal.pk]), form_data(given_on=tomorrow)
    ).content.decode()
    assert 'id="id_given_on_error"' in html
    assert f'value="{tomorrow}"' in html
    assert "We zijn langs geweest en blijven contact houden." in html
    assert counts() == before


def test_it_asks_what_was_shared(client, owner, team):
    signal = open_case(acting_user=owner, team=team).signals.get()
    before = counts()
    client.force_login(owner)
    html = client.post(
        reverse("signal_feedback", args=[signal.pk]), form_data(shared="   ")
    ).content.decode()
    assert 'id="id_shared_error"' in html
    assert counts() == before


def test_it_logs_the_change(client, owner, team):
    signal = register_signal(acting_user=owner, team=team)
    client.force_login(owner)
    client.post(reverse("signal_feedback", args=[signal.pk]), form_data())
    entry = AccessLogEntry.objects.get(action="change")
    assert (entry.record_type, entry.record_id) == ("cases.signal", str(signal.pk))


def test_it_is_a_404_for_another_teams_signal(client, owner, outsider, team):
    signal = register_signal(acting_user=owner, team=team)
    client.force_login(outsider)
    assert client.get(reverse("signal_feedback", args=[signal.pk])).status_code == 404
    assert client.post(reverse("signal_feedback", args=[signal.pk]), form_data()).status_code == 404
    assert counts() == (0, 0)
