"""Every URL that takes a record id: a user of another team gets a 404 on GET and POST, the
attempt is in the access log, and nothing changes. A new URL with a record id fails the first test
until it is added to RECORD_URLS with a way to build its record."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from cases import services
from cases.models import Case, Signal, TimelineEvent
from network.models import NetworkMember, NetworkSnapshot
from outreach import clock
from outreach.models import AccessLogEntry, Membership
from tests.conftest import make_member
from tests.urlwalk import record_url_names
from zrm.models import ZrmAssessment, ZrmScore


def _ids(kind, key):
    return lambda r: ({key: r[kind].pk}, r[kind]._meta.label_lower, r[kind].pk)


def _partner(records):
    """An entry of the team's directory, made by a lead of the team (once: a test that walks
    every URL asks for it twice)."""
    if "partner" not in records:
        lead = make_member("gidsbeheerder", records["team"], Membership.Role.LEAD)
        records["partner"] = services.partner_create(
            acting_user=lead, team=records["team"], name="GGZ Delfland", kind="ggz"
        )
    return records["partner"]


def _partner_ids(records):
    partner = _partner(records)
    return {"partner_id": partner.pk}, "cases.partnerorganisation", partner.pk


def _contact_ids(records):
    partner = _partner(records)
    if "partner_contact" not in records:
        records["partner_contact"] = services.partner_contact_add(
            acting_user=partner.changes.earliest("at").by, partner=partner, name="Petra"
        )
    contact = records["partner_contact"]
    return {"contact_id": contact.pk}, "cases.partnercontact", contact.pk


def _meeting(records):
    """A meeting of the team, today, with the fixture's case on its agenda (made once)."""
    if "meeting" not in records:
        worker = records["case"].assigned_worker
        records["meeting"] = services.meeting_plan(
            acting_user=worker, team=records["team"], kind="intake", planned_on=clock.today()
        )
        # A full file has its case waiting for the next meeting: the meeting just planned took it.
        records["agenda_item"] = records["case"].agenda_items.first() or services.agenda_item_add(
            acting_user=worker, case=records["case"], question="Wie pakt het op?"
        )
    return records["meeting"]


def _meeting_ids(records):
    meeting = _meeting(records)
    return {"meeting_id": meeting.pk}, "cases.casemeeting", meeting.pk


def _agenda_item_ids(records):
    _meeting(records)
    item = records["agenda_item"]
    return {"item_id": item.pk}, "cases.agendaitem", item.pk


def _coworker_ids(records):
    """A colleague covering the case, added by its worker (once, as the partner entry)."""
    if "coworker" not in records:
        case = records["case"]
        colleague = make_member("invaller", records["team"], Membership.Role.WORKER)
        records["coworker"] = services.coworker_add(
            acting_user=case.assigned_worker,
            case=case,
            user=colleague,
            role="cover",
            starts_on=timezone.localdate(),
            ends_on=timezone.localdate() + timedelta(days=14),
        )
    coworker = records["coworker"]
    return {"coworker_id": coworker.pk}, "cases.casecoworker", coworker.pk


def _phrase_ids(records):
    """One of the team's snelteksten, added by a lead of the team (once)."""
    if "phrase" not in records:
        lead = make_member("tekstbeheerder", records["team"], Membership.Role.LEAD)
        records["phrase"] = services.note_phrase_add(
            acting_user=lead, team=records["team"], text="Huis is opgeruimd."
        )
    phrase = records["phrase"]
    return {"phrase_id": phrase.pk}, "cases.notephrase", phrase.pk


def _volunteer_service(records):
    """A service of the team's catalogue, made by a lead of the team (once)."""
    if "volunteer_service" not in records:
        lead = make_member("catalogusbeheerder", records["team"], Membership.Role.LEAD)
        records["volunteer_service"] = services.volunteer_service_create(
            acting_user=lead, team=records["team"], name="Postwijzer"
        )
    return records["volunteer_service"]


def _volunteer_service_ids(records):
    service = _volunteer_service(records)
    return {"service_id": service.pk}, "cases.volunteerservice", service.pk


def _volunteer_request_ids(records):
    if "volunteer_request" not in records:
        case = records["case"]
        records["volunteer_request"] = services.volunteer_request_add(
            acting_user=case.assigned_worker,
            case=case,
            service=_volunteer_service(records),
            requested_on=case.opened_on,
        )
    request = records["volunteer_request"]
    return {"request_id": request.pk}, "cases.volunteerrequest", request.pk


def _team(records):
    return {"team_id": records["team"].pk}, "outreach.team", records["team"].pk


# url name -> function(records) -> (kwargs, record type logged, record id logged)
RECORD_URLS = {
    "partner_detail": _partner_ids,
    "partner_edit": _partner_ids,
    "partner_contact_add": _partner_ids,
    "partner_contact_edit": _contact_ids,
    "volunteer_service_detail": _volunteer_service_ids,
    "volunteer_service_edit": _volunteer_service_ids,
    "case_volunteers": _ids("case", "case_id"),
    "volunteer_request_add": _ids("case", "case_id"),
    "volunteer_request_status": _volunteer_request_ids,
    "network_volunteer_match": _volunteer_request_ids,
    "network_worker_place": _ids("case", "case_id"),
    "team_detail": _team,
    "meeting_detail": _meeting_ids,
    "meeting_record": _meeting_ids,
    "agenda_item_add": _ids("case", "case_id"),
    "agenda_item_remove": _agenda_item_ids,
    "case_discussion": _agenda_item_ids,
    "client_detail": _ids("client", "client_id"),
    "client_edit": _ids("client", "client_id"),
    "client_access_log": _ids("client", "client_id"),
    "client_inspection_request": _ids("client", "client_id"),
    "client_inspection_pdf": _ids("client", "client_id"),
    "client_inspection_json": _ids("client", "client_id"),
    "client_delete": _ids("client", "client_id"),
    "signal_detail": _ids("signal", "signal_id"),
    "signal_client_search": _ids("signal", "signal_id"),
    "signal_link": _ids("waiting_signal", "signal_id"),
    "signal_new_client": _ids("waiting_signal", "signal_id"),
    "signal_decline": _ids("waiting_signal", "signal_id"),
    "signal_feedback": _ids("signal", "signal_id"),
    "case_detail": _ids("case", "case_id"),
    "case_delete": _ids("case", "case_id"),
    "case_move": _ids("case", "case_id"),
    "case_transition": lambda r: (
        {"case_id": r["case"].pk, "move": "eerste-contact"},
        "cases.case",
        r["case"].pk,
    ),
    "contact_add": _ids("case", "case_id"),
    "attempt_add": _ids("case", "case_id"),
    "agreement_add": _ids("case", "case_id"),
    "prephase_edit": _ids("case", "case_id"),
    "prior_information_add": _ids("case", "case_id"),
    "sensitive_detail_add": _ids("case", "case_id"),
    "plan_edit": _ids("case", "case_id"),
    "visit_plan": _ids("case", "case_id"),
    "coworker_add": _ids("case", "case_id"),
    "coworker_end": _coworker_ids,
    "coworker_access": _coworker_ids,
    "agreement_status": _ids("agreement", "agreement_id"),
    "event_correct": _ids("event", "event_id"),
    "meldcode_start": _ids("case", "case_id"),
    "meldcode_detail": _ids("trajectory", "trajectory_id"),
    "meldcode_pdf": _ids("trajectory", "trajectory_id"),
    "meldcode_step": lambda r: (
        {"trajectory_id": r["trajectory"].pk, "key": "consultation"},
        "cases.meldcodetrajectory",
        r["trajectory"].pk,
    ),
    "meldcode_overview": _team,
    "meldcode_export": _team,
    "meldcode_terms": _team,
    "zrm_case": _ids("case", "case_id"),
    "zrm_start": _ids("case", "case_id"),
    "zrm_targets": _ids("case", "case_id"),
    "zrm_report": _ids("case", "case_id"),
    "zrm_assessment": _ids("assessment", "assessment_id"),
    "zrm_correct": _ids("assessment", "assessment_id"),
    "zrm_team": _team,
    "network_case": _ids("case", "case_id"),
    "network_member_add": _ids("case", "case_id"),
    "network_interview": _ids("case", "case_id"),
    "network_snapshot": _ids("case", "case_id"),
    "network_begin_record": _ids("case", "case_id"),
    "network_compare": _ids("case", "case_id"),
    "network_member_edit": _ids("member", "member_id"),
    "network_member_remove": _ids("member", "member_id"),
    "network_team": _team,
    "team_worker": lambda r: (
        {"team_id": r["team"].pk, "user_id": r["case"].assigned_worker_id},
        "outreach.team",
        r["team"].pk,
    ),
    "team_reassign": _team,
    "team_policy": _team,
    "team_phrases": _team,
    "team_phrase_add": _team,
    "team_phrases_defaults": _team,
    "team_phrase_edit": _phrase_ids,
    "team_phrase_move": _phrase_ids,
    "team_phrase_remove": _phrase_ids,
    "team_year": _team,
    "team_year_export": _team,
    "team_year_target": lambda r: (
        {"team_id": r["team"].pk, "year": timezone.localdate().year},
        "outreach.team",
        r["team"].pk,
    ),
    "team_week": _team,
    "team_export": lambda r: (
        {"team_id": r["team"].pk, "what": "caseload"},
        "outreach.team",
        r["team"].pk,
    ),
}
# Views that only take POST answer a GET with 405 before looking at the record.
POST_ONLY = {
    "agenda_item_remove",
    "signal_client_search",
    "signal_link",
    "agreement_status",
    "coworker_end",
    "coworker_access",
    "team_reassign",
    "network_member_add",
    "network_snapshot",
    "network_begin_record",
    "network_member_remove",
    "team_phrases_defaults",
    "team_phrase_move",
    "team_phrase_remove",
    "volunteer_request_add",
    "network_worker_place",
}


# They take a year, not a record: the manager's yearly report (tests/figures).
NOT_RECORDS = {"yearly_report_pdf", "yearly_report_csv"}


def test_it_covers_every_url_that_takes_a_record_id():
    assert sorted(set(record_url_names()) - NOT_RECORDS) == sorted(RECORD_URLS)


def snapshot():
    return (
        list(ZrmAssessment.objects.values_list("status", "kind")),
        list(NetworkMember.objects.values_list("name", "status")),
        NetworkSnapshot.objects.count(),
        list(ZrmScore.objects.values_list("level", flat=True)),
        list(Case.objects.values_list("phase", "assigned_worker_id", "client_id")),
        list(Signal.objects.values_list("status", "case_id")),
        TimelineEvent.objects.count(),
    )


@pytest.mark.parametrize("name", sorted(RECORD_URLS))
@pytest.mark.parametrize("method", ["get", "post"])
def test_it_is_a_404_for_another_team_and_logged(client, records, outsider, name, method):
    kwargs, record_type, record_id = RECORD_URLS[name](records)
    before = snapshot()
    client.force_login(outsider)
    data = {
        "client": records["client"].pk,
        "assigned_worker": outsider.pk,
        "status": "done",
        "reason": "no_concern",
        "text": "x",
        "name": "Wit",
        "description": "x",
        "responsible": "client",
        "kind": "begin",
        "assessed_on": "2026-01-01",
        "action": "finalise",
        "relation": "friend",
        "ring": 1,
        "label": "x",
    }
    response = getattr(client, method)(reverse(name, kwargs=kwargs), data)
    if method == "get" and name in POST_ONLY:
        assert response.status_code == 405
        assert not AccessLogEntry.objects.filter(user=outsider).exists()
        return
    assert response.status_code == 404
    entry = AccessLogEntry.objects.get(user=outsider)
    assert entry.result == AccessLogEntry.Result.DENIED
    assert (entry.record_type, entry.record_id) == (record_type, str(record_id))
    assert snapshot() == before
