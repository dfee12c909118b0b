"""A team lead's inspection file on one client: every record about them, as a PDF to read and as
JSON, with the access log; never a namesake's data; producing it is logged."""

import io
import json
from datetime import date

import pypdf
import pytest
from django.apps import apps
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.text import capfirst

from cases import services
from cases.models import Case
from cases.phases import Phase
from network.models import NetworkSnapshot
from network.services import member_add, snapshot_take
from outreach.models import AccessLogEntry
from tests.cases.factories import walk_to
from tests.full_file import full_file

SECTIONS = [
    "client",
    "household",
    "cases",
    "signals",
    "signal_feedback",
    "phase_spans",
    "prior_information",
    "sensitive_details",
    "meldcode_trajectories",
    "meldcode_steps",
    "attempts",
    "contacts",
    "agreements",
    "planned_visits",
    "agenda_items",
    "coworkers",
    "volunteer_requests",
    "timeline",
    "network_members",
    "network_answers",
    "network_snapshots",
    "zrm_assessments",
    "zrm_scores",
    "zrm_targets",
    "access_log",
]


# Which section holds each model that holds data about a client.
SECTION_OF_MODEL = {
    "cases.client": "client",
    "cases.householdmember": "household",
    "cases.case": "cases",
    "cases.signal": "signals",
    "cases.signalfeedback": "signal_feedback",
    "cases.phasespan": "phase_spans",
    "cases.priorinformation": "prior_information",
    "cases.sensitivedetail": "sensitive_details",
    "cases.meldcodetrajectory": "meldcode_trajectories",
    "cases.meldcodestep": "meldcode_steps",
    "cases.contactattempt": "attempts",
    "cases.contactmoment": "contacts",
    "cases.agreement": "agreements",
    "cases.plannedvisit": "planned_visits",
    "cases.agendaitem": "agenda_items",
    "cases.casecoworker": "coworkers",
    "cases.volunteerrequest": "volunteer_requests",
    "cases.timelineevent": "timeline",
    "network.networkmember": "network_members",
    "network.interviewanswer": "network_answers",
    "network.networksnapshot": "network_snapshots",
    "zrm.zrmassessment": "zrm_assessments",
    "zrm.zrmscore": "zrm_scores",
    "zrm.zrmtarget": "zrm_targets",
}


def models_about_clients():
    """Every model in cases, network and zrm that points at a client, directly or through another
    such model: what a complete file must hold."""
    found = {apps.get_model("cases", "Client")}
    grown = True
    while grown:
        grown = False
        for model in apps.get_models():
            if model in found or model._meta.app_label not in {"cases", "network", "zrm"}:
                continue
            if any(f.many_to_one and f.related_model in found for f in model._meta.fields):
                found.add(model)
                grown = True
    return {model._meta.label_lower for model in found}


def test_it_has_a_section_for_every_model_that_holds_client_data():
    assert models_about_clients() == set(SECTION_OF_MODEL)
    assert set(SECTION_OF_MODEL.values()) <= set(SECTIONS)


def pdf_text(response):
    assert response["Content-Type"] == "application/pdf"
    reader = pypdf.PdfReader(io.BytesIO(response.content))
    return "\n".join(page.extract_text() for page in reader.pages)


def pdf_pages(response):
    return len(pypdf.PdfReader(io.BytesIO(response.content)).pages)


def export(client, user, case, fmt, **choices):
    client.force_login(user)
    return client.get(reverse(f"client_inspection_{fmt}", args=[case.client_id]), choices)


@pytest.fixture
def jan(owner, team):
    return full_file(owner=owner, team=team, marker="SENTINEL-JAN")


@pytest.fixture
def namesakes(jan, owner, team, outsider, other_team):
    """Two more Jan de Vries: one in the same team born on another day, one in another team
    born on the same day."""
    return [
        full_file(owner=owner, team=team, marker="SENTINEL-SAMETEAM", born=date(1971, 2, 3)),
        full_file(owner=outsider, team=other_team, marker="SENTINEL-OTHERTEAM"),
    ]


def test_it_exports_every_record_about_the_client_as_json(client, lead, owner, jan):
    client.force_login(owner)
    client.get(reverse("client_detail", args=[jan.client_id]))  # a read to find in the log
    response = export(client, lead, jan, "json")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    data = json.loads(response.content)
    assert data["client_id"] == jan.client_id
    assert list(data["sections"]) == SECTIONS
    assert all(data["sections"][key] for key in SECTIONS), "every kind of record is present"
    assert data["sections"]["client"][0]["first_name"] == "Jan"
    assert data["sections"]["contacts"][0]["notes"] == "SENTINEL-JAN"
    assert {s["note"] for s in data["sections"]["zrm_scores"]} == {"SENTINEL-JAN"}
    assert {s["level"] for s in data["sections"]["zrm_scores"]} == {3}
    assert data["sections"]["network_answers"][0]["answer"] == "SENTINEL-JAN"
    agreement = data["sections"]["agreements"][0]["id"]
    assert data["sections"]["network_members"][0]["agreements"] == [agreement]
    assert data["sections"]["signals"][0]["observed"] == "SENTINEL-JAN observed\nsecond line"
    assert data["third_parties"] == "anonymise"
    assert (
        data["sections"]["signals"][0]["reporter_name"] == "(weggelaten: gaat over iemand anders)"
    )
    reads = [e for e in data["sections"]["access_log"] if e["user_id"] == owner.pk]
    assert reads and reads[0]["action"] == "read"


def test_it_makes_a_readable_dutch_pdf(client, lead, jan):
    response = export(client, lead, jan, "pdf")
    text = pdf_text(response)
    assert "Inzagedossier: Jan de Vries" in text
    assert "04-05-1960" in text  # dd-mm-jjjj
    for heading in (
        "Wie wij zijn",
        "Je rechten",
        "Zo vraag je om een verbetering",
        "Je huishouden",
        "Contactmomenten",
        "Afspraken",
        "ZRM-metingen",
        "Wie je dossier heeft ingezien",
    ):
        assert heading in text
    assert "Alle tijden in dit dossier zijn Nederlandse tijd." in text
    assert "SENTINEL-JAN" in text


# What the issue found in the old file: field and model names, raw codes and JSON, UTC labels.
INTERNAL = [
    "Version",
    "Phase since",
    "Zrm begin at",
    "Kind:",
    "contactpoging\n",
    "cases.",
    "network.",
    "zrm.",
    "Soort gegeven",
    "Opgeslagen gegevens",
    "UTC",
    '["',
    "{",
    "home_visit",
    "domestic_violence",
    "None",
    "Nummer",
    "Uiterlijk",
]


def test_it_reads_as_a_letter_without_internal_names(client, lead, jan):
    text = pdf_text(export(client, lead, jan, "pdf"))
    found = [word for word in INTERNAL if word in text]
    assert not found, found
    assert "Begeleiding " + jan.reference in text
    assert "Je outreachwerker: Olga Tester, Outreach Noord" in text
    # The chosen descriptor of the ZRM 2013 for finances at level 3, with its level's name.
    assert "Financiën: 3 beperkt zelfredzaam" in text
    assert "Eventuele schulden" in text


def test_it_is_in_english_on_request(client, lead, jan):
    text = pdf_text(export(client, lead, jan, "pdf", third_parties="anonymise", language="en"))
    assert "Inspection file: Jan de Vries" in text
    assert "Who looked at your file" in text
    assert "All times in this file are Dutch local time." in text


def test_it_summarises_the_access_log_per_month_and_person(client, lead, owner, outsider, jan):
    client.force_login(owner)
    for _n in range(3):
        client.get(reverse("client_detail", args=[jan.client_id]))
    client.force_login(outsider)
    client.get(reverse("client_detail", args=[jan.client_id]))
    export(client, lead, jan, "json")
    text = pdf_text(export(client, lead, jan, "pdf"))
    summary = text.split("Wie je dossier heeft ingezien")[-1]
    with translation.override("nl"):
        assert capfirst(date_format(timezone.localdate(), "F Y")) in summary  # "December 2026"
    assert (
        "Olga Tester (outreachwerker, Outreach Noord): bekeek de cliëntgegevens (3 keer)" in summary
    )
    assert "Gemaakte kopieën" in summary
    assert "Lotte Tester (teamleider, Outreach Noord) exporteerde het inzagedossier" in summary
    assert "Geweigerde pogingen" in summary
    assert "Otto Tester (Outreach Zuid): bekeek de cliëntgegevens (1 keer)" in summary


def test_its_length_does_not_follow_the_length_of_the_log(client, lead, owner, jan):
    def pages():
        return pdf_pages(export(client, lead, jan, "pdf"))

    client.force_login(owner)
    client.get(reverse("client_detail", args=[jan.client_id]))
    few = pages()
    client.force_login(owner)
    for _n in range(80):
        client.get(reverse("client_detail", args=[jan.client_id]))
    assert pages() == few


@pytest.mark.parametrize("fmt", ["json", "pdf"])
def test_it_never_shows_a_namesakes_data(client, lead, jan, namesakes, fmt):
    response = export(client, lead, jan, fmt)
    text = response.content.decode() if fmt == "json" else pdf_text(response)
    assert "SENTINEL-JAN" in text
    assert "SENTINEL-SAMETEAM" not in text
    assert "SENTINEL-OTHERTEAM" not in text
    # The same-team namesake's date of birth, in either format ("1971" alone can be a timestamp's
    # microseconds).
    assert "1971-02-03" not in text and "03-02-1971" not in text
    for other in namesakes:
        assert other.reference not in text


@pytest.mark.parametrize("fmt,action", [("json", "export"), ("pdf", "print")])
def test_it_logs_producing_the_file(client, lead, jan, fmt, action):
    export(client, lead, jan, fmt)
    entry = AccessLogEntry.objects.filter(user=lead).get()
    assert (entry.action, entry.result, entry.client_id) == (action, "allowed", jan.client_id)
    assert (entry.record_type, entry.record_id) == ("cases.client", str(jan.client_id))


@pytest.mark.parametrize("fmt", ["json", "pdf"])
def test_it_is_a_logged_403_for_a_worker_of_the_team(client, owner, jan, fmt):
    before = AccessLogEntry.objects.count()
    response = export(client, owner, jan, fmt)
    assert response.status_code == 403
    assert "teamleiders" in response.content.decode()
    entry = AccessLogEntry.objects.order_by("id")[before:].get()
    assert (entry.result, entry.client_id) == ("denied", jan.client_id)


@pytest.mark.parametrize("fmt", ["json", "pdf"])
def test_it_runs_as_many_queries_for_a_big_file_as_for_a_small_one(client, lead, owner, jan, fmt):
    client.force_login(lead)
    url = reverse(f"client_inspection_{fmt}", args=[jan.client_id])

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    client.get(url)  # the session's first request does more
    small = count()
    now = timezone.now()
    for n in range(3):
        services.contact_log(
            acting_user=owner, case=jan, kind="phone", occurred_at=now, notes=f"extra {n}"
        )
        services.agreement_add(
            acting_user=owner, case=jan, description=f"extra {n}", responsible="worker"
        )
        member_add(acting_user=owner, case=jan, name=f"Extra {n}", relation="friend")
        client.get(reverse("client_detail", args=[jan.client_id]))
    big = count()
    assert big == small


def test_it_draws_each_network_snapshot_as_a_map_in_the_pdf(client, lead, jan):
    snapshots = NetworkSnapshot.objects.filter(case__client_id=jan.client_id).count()
    assert snapshots
    text = pdf_text(export(client, lead, jan, "pdf"))
    # The sector label appears only in the wijkecogram drawing, once per map.
    assert text.count("Vrienden en kennissen") == snapshots


# A soft-deleted case ------------------------------------------------------------------------


@pytest.fixture
def with_deleted_case(owner, lead, team):
    """Jan with two full cases: the first closed (SENTINEL-KEPT), the second (SENTINEL-GONE)
    deleted by a lead. Returns (kept, gone)."""
    kept = full_file(owner=owner, team=team, marker="SENTINEL-KEPT")
    kept = walk_to(kept, Phase.AFGESLOTEN, acting_user=owner)
    gone = full_file(owner=owner, team=team, marker="SENTINEL-GONE", client=kept.client)
    services.case_delete(acting_user=lead, case=gone, reason="Bij de verkeerde client.")
    return kept, gone


def ids_of_case(case):
    """Per section, the ids of the records hanging off `case`, read past the soft delete."""
    found = {}
    for label, key in SECTION_OF_MODEL.items():
        model = apps.get_model(label)
        if model is Case:
            rows = Case.all_objects.filter(pk=case.pk)
        else:
            names = {f.name for f in model._meta.fields}
            via = next(
                (
                    p
                    for p in ("case", "signal__case", "assessment__case")
                    if p.split("__")[0] in names
                ),
                None,
            )
            if via is None:
                continue  # the client's own records: the client and their household
            rows = model.objects.filter(**{via: case.pk})
        found[key] = set(rows.values_list("pk", flat=True))
    return found


def test_it_leaves_everything_of_a_deleted_case_out_of_the_json(client, lead, with_deleted_case):
    kept, gone = with_deleted_case
    gone_ids = ids_of_case(gone)
    assert all(gone_ids.values()), "the deleted case has every kind of record"
    response = export(client, lead, kept, "json")
    text = response.content.decode()
    assert "SENTINEL-KEPT" in text
    assert "SENTINEL-GONE" not in text
    assert gone.reference not in text
    exported = json.loads(text)["sections"]
    for key, ids in gone_ids.items():
        assert exported[key], key  # the kept case's records are there
        assert not ids & {r["id"] for r in exported[key]}, key
        assert all(r.get("case_id") != gone.pk for r in exported[key]), key


def test_it_leaves_everything_of_a_deleted_case_out_of_the_pdf(client, lead, with_deleted_case):
    kept, gone = with_deleted_case
    text = pdf_text(export(client, lead, kept, "pdf"))
    assert "SENTINEL-KEPT" in text
    assert "SENTINEL-GONE" not in text
    assert gone.reference not in text
    # One map per snapshot of the kept case only.
    assert text.count("Vrienden en kennissen") == NetworkSnapshot.objects.filter(case=kept).count()


def test_it_holds_a_case_again_once_an_admin_restored_it(
    client, lead, admin_user, with_deleted_case
):
    kept, gone = with_deleted_case
    services.case_restore(acting_user=admin_user, case=gone)
    for fmt in ("json", "pdf"):
        response = export(client, lead, kept, fmt)
        text = response.content.decode() if fmt == "json" else pdf_text(response)
        assert "SENTINEL-GONE" in text and gone.reference in text


# Third parties (AVG art. 15(4)) ----------------------------------------------------------------


@pytest.fixture
def with_others(owner, team):
    """Jan with a named reporter, a neighbour and an organisation on his network map."""
    case = full_file(owner=owner, team=team, marker="SENTINEL-JAN", reporter="Henk Melder")
    member_add(acting_user=owner, case=case, name="Truus Buurvrouw", relation="neighbour")
    member_add(acting_user=owner, case=case, name="Perspect bewindvoering", relation="organisation")
    snapshot_take(acting_user=owner, case=case, kind="manual", label="Met Truus")
    return case


def test_it_names_other_people_by_their_role_by_default(client, lead, with_others):
    pdf = pdf_text(export(client, lead, with_others, "pdf"))
    data = export(client, lead, with_others, "json").content.decode()
    for text in (pdf, data):
        assert "Henk Melder" not in text
        assert "Truus Buurvrouw" not in text
        assert "Perspect bewindvoering" in text  # an organisation is not a person
    assert "buurtbewoner 2" in pdf  # the marker's neighbour is 1, Truus 2, on every map
    assert "noemen we hen naar hun rol" in pdf


def test_it_leaves_other_people_out_on_request(client, lead, with_others):
    response = export(client, lead, with_others, "pdf", third_parties="leave_out", language="nl")
    pdf = pdf_text(response)
    assert "Henk Melder" not in pdf and "Truus Buurvrouw" not in pdf
    assert "De mensen om je heen" not in pdf
    assert "Vrienden en kennissen" not in pdf  # no drawing of them
    assert "hebben we die gegevens weggelaten" in pdf


def test_it_shows_other_people_in_full_for_an_inspector(client, lead, with_others):
    pdf = pdf_text(export(client, lead, with_others, "pdf", third_parties="show", language="nl"))
    assert "Henk Melder" in pdf and "Truus Buurvrouw" in pdf
    assert "bedoeld voor een inspecteur" in pdf


def test_it_refuses_a_bad_choice_with_the_request_page_and_makes_nothing(client, lead, jan):
    response = export(client, lead, jan, "pdf", third_parties="everything", language="nl")
    assert response.status_code == 400
    assert "Selecteer een geldige keuze" in response.content.decode()
    assert not AccessLogEntry.objects.filter(user=lead, action="print").exists()


def test_its_request_page_offers_the_choices_to_a_lead(client, lead, jan):
    client.force_login(lead)
    response = client.get(reverse("client_inspection_request", args=[jan.client_id]))
    html = response.content.decode()
    assert response.status_code == 200
    assert 'value="anonymise"' in html and "checked" in html
    assert reverse("client_inspection_json", args=[jan.client_id]) in html
