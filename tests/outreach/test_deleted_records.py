"""Nothing disappears silently, and nothing deleted shows: a soft-deleted client and its case
vanish from every page, list, search, count and export for the team's own workers and leads
(every record URL is a 404, logged as denied), yet stay in the database."""

import pytest
from django.urls import reverse

from cases import services
from cases.models import Case, Client
from outreach.models import AccessLogEntry
from tests.outreach.test_record_urls import RECORD_URLS, _coworker_ids, _meeting

# Pages about the team or a waiting signal, not about the deleted client's records. (The signal
# that led to the deleted case goes with it: signal_detail, signal_client_search, signal_feedback.)
NOT_ABOUT_THE_CLIENT = {
    "team_detail",
    "team_worker",
    "team_reassign",
    "team_policy",
    "team_export",
    "team_year",
    "team_year_export",
    "team_year_target",
    "team_week",
    "zrm_team",
    "network_team",
    "meldcode_overview",
    "meldcode_export",
    "meldcode_terms",
    "signal_link",
    "signal_new_client",
    "signal_decline",
    # The team's case meetings (the deleted case's agenda item is a 404: agenda_item_*).
    "meeting_detail",
    "meeting_record",
    # The team's directory of partner organisations.
    "partner_detail",
    "partner_edit",
    "partner_contact_add",
    "partner_contact_edit",
    # The team's snelteksten.
    "team_phrases",
    "team_phrase_add",
    "team_phrases_defaults",
    "team_phrase_edit",
    "team_phrase_move",
    "team_phrase_remove",
    # The team's catalogue of volunteer services.
    "volunteer_service_detail",
    "volunteer_service_edit",
}
CLIENT_URLS = sorted(set(RECORD_URLS) - NOT_ABOUT_THE_CLIENT)


@pytest.fixture
def deleted(records, lead):
    _meeting(records)  # the case on a meeting's agenda before it is deleted
    _coworker_ids(records)  # made while the case is live: it goes out of sight with it
    services.client_delete(acting_user=lead, client=records["client"], reason="Dubbel.")
    return records


@pytest.mark.parametrize("name", CLIENT_URLS)
def test_it_is_a_404_for_the_teams_own_worker_and_lead(client, deleted, owner, lead, name):
    kwargs, record_type, record_id = RECORD_URLS[name](deleted)
    for user in (owner, lead):
        client.force_login(user)
        assert client.get(reverse(name, kwargs=kwargs)).status_code in (404, 405)
        assert client.post(reverse(name, kwargs=kwargs), {}).status_code == 404
    entry = AccessLogEntry.objects.filter(user=lead).latest("id")
    assert entry.result == "denied" and entry.record_id == str(record_id)


def test_it_leaves_no_trace_on_the_lists_search_team_pages_and_exports(
    client, deleted, owner, lead, team
):
    case = Case.all_objects.get(pk=deleted["case"].pk)
    pages = [
        (owner, "get", reverse("home"), {}),
        (owner, "post", reverse("search"), {"name": "Wit"}),
        (lead, "get", reverse("team_detail", args=[team.pk]), {}),
        (lead, "get", reverse("team_worker", args=[team.pk, owner.pk]), {}),
        (lead, "get", reverse("team_export", args=[team.pk, "caseload"]), {}),
        (lead, "get", reverse("team_export", args=[team.pk, "aandacht"]), {}),
        (owner, "get", reverse("signal_detail", args=[deleted["waiting_signal"].pk]), {}),
    ]
    for user, method, url, data in pages:
        client.force_login(user)
        response = getattr(client, method)(url, data)
        assert response.status_code == 200, url
        text = response.content.decode("utf-8")
        # (The waiting signal is about a "Kees de Wit" too: look for the records, not the name.)
        for trace in (case.reference, case.get_absolute_url(), case.client.get_absolute_url()):
            assert trace not in text, (url, trace)


def test_it_cannot_be_reassigned_by_its_id(client, deleted, lead, colleague, team):
    client.force_login(lead)
    client.post(
        reverse("team_reassign", args=[team.pk]),
        {"cases": [deleted["case"].pk], "to_worker": colleague.pk, "reason": "Verlof."},
    )
    assert Case.all_objects.get(pk=deleted["case"].pk).assigned_worker_id != colleague.pk


def test_it_keeps_the_records_in_the_database(deleted):
    assert Client.all_objects.filter(pk=deleted["client"].pk, deleted_at__isnull=False).exists()
    assert Case.all_objects.filter(pk=deleted["case"].pk, deleted_at__isnull=False).exists()
