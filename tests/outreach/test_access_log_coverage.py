"""Every page that shows client data writes the access log (NEN 7513): each record URL, read by
someone of the team, logs that record as allowed, with its client; writes, searches, prints and
exports log their own action."""

import pytest
from django.urls import reverse

from outreach.models import AccessLogEntry, Membership
from outreach.services import membership_set, team_create
from tests.cases.views.test_signal_create import form_data as signal_form_data
from tests.conflicts import as_opened
from tests.outreach.test_record_urls import POST_ONLY, RECORD_URLS
from tests.urlwalk import our_patterns

LEAD_ONLY = {
    "team_detail",
    "team_worker",
    "team_week",
    "team_policy",
    "team_export",
    "team_year",
    "team_year_export",
    "team_year_target",
    "zrm_team",
    "network_team",
    "client_access_log",
    "client_inspection_request",
    "client_inspection_pdf",
    "client_inspection_json",
    "client_delete",
    "case_delete",
    "case_move",
    "meldcode_overview",
    "meldcode_export",
    "meldcode_terms",
    "partner_edit",
    "partner_contact_add",
    "partner_contact_edit",
    "team_phrases",
    "team_phrase_add",
    "team_phrase_edit",
    "volunteer_service_edit",
}
ACTION = {
    "meldcode_export": "export",
    "meldcode_pdf": "print",
    "team_export": "export",
    "team_year_export": "export",
    "client_inspection_json": "export",
    "client_inspection_pdf": "print",
}
# Pages the fixture's case is in the wrong phase (or has too few snapshots) for: the record is read
# (and logged) before the page says no.
NOT_NOW = {"plan_edit", "prephase_edit", "prior_information_add", "network_compare"}
# The waiting signal is about nobody known yet.
NO_CLIENT_YET = {"signal_decline", "signal_new_client"}
# The directory of partner organisations holds no client data; its reads are logged all the same.
DIRECTORY = {
    "partner_detail",
    "partner_edit",
    "partner_contact_add",
    "partner_contact_edit",
    # The catalogue of volunteer services, likewise.
    "volunteer_service_detail",
    "volunteer_service_edit",
}
# A case meeting is about several clients: its own reads are logged without one (its agenda's
# cases with theirs).
MEETINGS = {"meeting_detail", "meeting_record"}
# Team pages log what they show (the team's cases, figures); the thresholds and yearly target
# pages show no client data.
TEAM_NOTHING_SHOWN = {
    "team_policy",
    "team_year_target",
    "meldcode_terms",
    "team_phrases",
    "team_phrase_add",
}
# The team's snelteksten hold no client data either; a phrase's page is logged all the same.
PHRASES = {"team_phrase_edit"}
# Pages without client data: nothing to log.
NO_CLIENT_DATA = {
    "login",
    "logout",
    "set_language",
    "team_switch",
    "signal_create",
    # The directory of partner organisations.
    "partner_list",
    "partner_create",
    # Planning a case meeting: a kind and a date.
    "meeting_plan",
    # The catalogue of volunteer services.
    "volunteer_service_list",
    "volunteer_service_create",
    "volunteer_catalogue_seed",
    # The second factor: the user's own account, no client data.
    "otp_verify",
    "otp_setup",
    "otp_setup_qr",
    "backup_codes",
    # The user's own calendar address (logged as a change; tests/cases/views/test_calendar_feed).
    "calendar_feed_renew",
    # Signing in with the provider; the manager's figures, counts only (tests/figures).
    "oidc_authentication_init",
    "oidc_authentication_callback",
    "organisation_figures",
}


def new_entries(user, before):
    return list(AccessLogEntry.objects.filter(user=user, id__gt=before))


def last_id():
    return AccessLogEntry.objects.order_by("-id").values_list("id", flat=True).first() or 0


@pytest.mark.parametrize("name", sorted(set(RECORD_URLS) - POST_ONLY))
def test_it_logs_every_read_of_a_record(client, records, owner, lead, name):
    kwargs, record_type, record_id = RECORD_URLS[name](records)
    if name == "case_transition":
        kwargs["move"] = "contract"  # a move the case can make now
    if name == "case_move":  # open only to a lead who also works in another team
        west = team_create(acting_user=None, name="Outreach West", code="WE")
        membership_set(acting_user=None, team=west, user=lead, role=Membership.Role.LEAD)
    user = lead if name in LEAD_ONLY else owner
    client.force_login(user)
    before = last_id()
    response = client.get(reverse(name, kwargs=kwargs))
    assert response.status_code in ((200, 302, 404) if name in NOT_NOW else (200, 302))
    entries = new_entries(user, before)
    assert {e.result for e in entries} <= {"allowed"}
    if record_type == "outreach.team":
        assert bool(entries) is (name not in TEAM_NOTHING_SHOWN)
        assert {e.team_id for e in entries} <= {records["team"].pk}
    else:
        logged = {(e.record_type, e.record_id) for e in entries}
        assert (record_type, str(record_id)) in logged
        not_about_a_client = NO_CLIENT_YET | DIRECTORY | MEETINGS | PHRASES
        client_id = None if name in not_about_a_client else records["client"].pk
        assert {e.client_id for e in entries if e.record_type == record_type} == {client_id}
    assert ACTION.get(name, "read") in {e.action for e in entries} or not entries


@pytest.mark.parametrize(
    "name", sorted({n for n, converters in our_patterns() if not converters} - NO_CLIENT_DATA)
)
def test_it_logs_every_list_page(client, records, owner, name):
    client.force_login(owner)
    before = last_id()
    method = client.post if name == "search" else client.get
    response = method(reverse(name), {"name": "Wit"})
    assert response.status_code == 200
    assert new_entries(owner, before)


def test_it_logs_a_search_per_client_found(client, records, owner):
    client.force_login(owner)
    client.post(reverse("search"), {"name": "Wit"})
    entry = AccessLogEntry.objects.get(user=owner, action="search")
    assert (entry.record_type, entry.client_id) == ("cases.client", records["client"].pk)


def test_it_logs_a_change_and_a_create(client, records, owner, team):
    client.force_login(owner)
    client_id = records["client"].pk
    response = client.post(
        reverse("client_edit", args=[client_id]),
        as_opened(
            records["client"],
            {
                "first_name": "Kees",
                "last_name": "de Wit",
                "household-TOTAL_FORMS": "0",
                "household-INITIAL_FORMS": "0",
            },
        ),
    )
    assert response.status_code == 302
    change = AccessLogEntry.objects.get(user=owner, action="change")
    assert (change.record_type, change.client_id) == ("cases.client", client_id)
    response = client.post(reverse("signal_create"), signal_form_data())
    assert response.status_code == 302
    assert AccessLogEntry.objects.filter(user=owner, action="create").exists()
