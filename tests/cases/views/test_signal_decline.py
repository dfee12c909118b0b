import re

from django.urls import reverse

from cases.models import Signal
from outreach.models import AccessLogEntry
from tests.cases.factories import open_case, register_signal


def decision(signal):
    return Signal.objects.filter(pk=signal.pk).values(
        "status", "decline_reason", "decline_note", "decided_at", "decided_by"
    )[0]


def test_it_declines_the_signal_and_returns_to_the_list(client, owner, team):
    signal = register_signal(acting_user=owner, team=team, subject_name="Ria van Dijk")
    client.force_login(owner)
    response = client.post(
        reverse("signal_decline", args=[signal.pk]),
        {"reason": "other_org", "note": "  Wijkteam is al betrokken.  "},
    )
    assert response.status_code == 302 and response.url == reverse("signal_list")
    signal.refresh_from_db()
    assert (signal.status, signal.decline_reason, signal.decline_note) == (
        "declined",
        "other_org",
        "Wijkteam is al betrokken.",
    )
    assert signal.decided_by == owner and signal.decided_at is not None
    assert "Ria van Dijk" not in client.get(response.url).content.decode()


def test_it_shows_the_reasons_to_choose_from(client, owner, team):
    signal = register_signal(acting_user=owner, team=team)
    client.force_login(owner)
    html = client.get(reverse("signal_decline", args=[signal.pk])).content.decode()
    for value in Signal.DeclineReason.values:
        assert f'name="reason" value="{value}"' in html
    assert 'name="note"' in html
    assert decision(signal)["status"] == "waiting"


def test_it_asks_for_an_explanation_of_other_and_keeps_the_choice(client, owner, team):
    signal = register_signal(acting_user=owner, team=team)
    before = decision(signal)
    client.force_login(owner)
    html = client.post(
        reverse("signal_decline", args=[signal.pk]), {"reason": "other", "note": "  "}
    ).content.decode()
    assert 'id="id_note_error"' in html
    assert re.search(r'value="other"[^>]*checked', html)
    assert decision(signal) == before


def test_it_asks_for_a_reason(client, owner, team):
    signal = register_signal(acting_user=owner, team=team)
    before = decision(signal)
    client.force_login(owner)
    html = client.post(
        reverse("signal_decline", args=[signal.pk]), {"note": "Geen zorgen volgens de wijkagent."}
    ).content.decode()
    reasons = re.search(
        r'<fieldset class="field choice-group has-error">.*?</fieldset>', html, re.S
    )
    assert reasons and 'name="reason"' in reasons.group(0)
    assert 'class="field-error"' in reasons.group(0)
    assert "Geen zorgen volgens de wijkagent." in html
    assert decision(signal) == before


def test_it_refuses_a_signal_that_was_already_accepted(client, owner, team):
    signal = open_case(acting_user=owner, team=team).signals.get()
    before = decision(signal)
    client.force_login(owner)
    html = client.post(
        reverse("signal_decline", args=[signal.pk]), {"reason": "no_concern"}
    ).content.decode()
    assert 'class="form-errors"' in html
    assert decision(signal) == before


def test_it_logs_the_change(client, owner, team):
    signal = register_signal(acting_user=owner, team=team)
    client.force_login(owner)
    client.post(reverse("signal_decline", args=[signal.pk]), {"reason": "no_concern"})
    entry = AccessLogEntry.objects.get(action="change")
    assert (entry.record_type, entry.record_id, entry.team_id) == (
        "cases.signal",
        str(signal.pk),
        team.pk,
    )


def test_it_is_a_404_for_another_teams_signal(client, owner, outsider, team):
    signal = register_signal(acting_user=owner, team=team)
    before = decision(signal)
    client.force_login(outsider)
    response = client.post(reverse("signal_decline", args=[signal.pk]), {"reason": "no_concern"})
    assert response.status_code == 404
    assert decision(signal) == before
