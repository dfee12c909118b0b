"""The team page's CSV downloads (team_export): caseload and attention list, read back as Dutch
Excel would (UTF-8 with a byte-order mark, semicolon-separated)."""

import csv
import io
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from cases.models import Case
from cases.phases import Phase
from outreach.models import AccessLogEntry
from tests.cases.factories import case_in_phase, open_case

BOM = "\ufeff"


def url(team, what):
    return reverse("team_export", args=[team.pk, what])


def read_csv(response):
    text = response.content.decode("utf-8")
    assert text.startswith(BOM)
    return list(csv.reader(io.StringIO(text.removeprefix(BOM)), delimiter=";"))


def test_it_exports_the_caseload_per_worker(
    client, lead, owner, colleague, team, other_team, outsider
):
    case_in_phase(Phase.CONTRACT, acting_user=owner, team=team, last_name="A")
    case_in_phase(Phase.TRAJECT_BEGIN, acting_user=owner, team=team, last_name="B")
    case_in_phase(Phase.AFGESLOTEN, acting_user=owner, team=team, last_name="C")
    open_case(acting_user=owner, team=team, assigned_worker=colleague, last_name="D")
    open_case(acting_user=outsider, team=other_team, last_name="E")
    client.force_login(lead)
    response = client.get(url(team, "caseload"))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    today = timezone.localdate()
    assert response["Content-Disposition"] == (
        f'attachment; filename="caseload-NO-{today:%Y%m%d}.csv"'
    )
    assert read_csv(response) == [
        [
            "werker",
            "signaal",
            "voorfase",
            "eerste contact",
            "contract",
            "traject",
            "nazorg",
            "open",
            "geopend in 90 dagen",
            "afgesloten in 90 dagen",
        ],
        ["Cor Tester", "1", "0", "0", "0", "0", "0", "1", "1", "0"],
        ["Lotte Tester", "0", "0", "0", "0", "0", "0", "0", "0", "0"],
        ["Olga Tester", "0", "0", "0", "1", "1", "0", "2", "3", "1"],
    ]


def test_it_exports_the_attention_list_one_row_per_reason(client, lead, owner, team):
    today = timezone.localdate()
    quiet = case_in_phase(Phase.EERSTE_CONTACT, acting_user=owner, team=team, last_name="Stil")
    late = open_case(acting_user=owner, team=team, first_name="Piet", last_name="Laat")
    case_in_phase(Phase.CONTRACT, acting_user=owner, team=team, last_name="Vers")
    # The clock: first contact entered 20 days ago and never made; follow-ups passed.
    Case.objects.filter(pk=quiet.pk).update(
        phase_since=timezone.now() - timedelta(days=20), follow_up_on=today - timedelta(days=4)
    )
    Case.objects.filter(pk=late.pk).update(follow_up_on=today - timedelta(days=2))
    client.force_login(lead)
    response = client.get(url(team, "aandacht"))
    assert response["Content-Disposition"] == (
        f'attachment; filename="aandacht-NO-{today:%Y%m%d}.csv"'
    )
    assert read_csv(response) == [
        ["casusnummer", "cliënt", "werker", "fase", "reden", "dagen"],
        [quiet.reference, "Jan Stil", "Olga Tester", "eerste contact", "geen contact", "20"],
        [
            quiet.reference,
            "Jan Stil",
            "Olga Tester",
            "eerste contact",
            "vervolgdatum verstreken",
            "4",
        ],
        [late.reference, "Piet Laat", "Olga Tester", "signaal", "vervolgdatum verstreken", "2"],
    ]


def test_it_exports_only_a_header_when_nothing_needs_attention(client, lead, owner, team):
    case_in_phase(Phase.CONTRACT, acting_user=owner, team=team)
    client.force_login(lead)
    assert read_csv(client.get(url(team, "aandacht"))) == [
        ["casusnummer", "cliënt", "werker", "fase", "reden", "dagen"]
    ]


@pytest.mark.parametrize("what", ["caseload", "aandacht"])
def test_it_logs_the_export(what, client, lead, team):
    client.force_login(lead)
    client.get(url(team, what))
    entry = AccessLogEntry.objects.get(user=lead)
    assert (entry.action, entry.result, entry.record_type, entry.team_id) == (
        "export",
        "allowed",
        f"cases.team_{what}",
        team.pk,
    )
    assert entry.request == f"GET {url(team, what)}"


def test_it_is_a_404_for_an_unknown_export(client, lead, team):
    client.force_login(lead)
    assert client.get(url(team, "clienten")).status_code == 404
    assert not AccessLogEntry.objects.filter(action="export").exists()


@pytest.mark.parametrize("what", ["caseload", "aandacht"])
def test_it_explains_in_dutch_that_a_worker_may_not_export(what, client, owner, team):
    open_case(acting_user=owner, team=team, last_name="Geheim")
    client.force_login(owner)
    response = client.get(url(team, what))
    assert response.status_code == 403
    html = response.content.decode()
    assert "Alleen de teamleiders van Outreach Noord" in html and "Geheim" not in html
    assert not AccessLogEntry.objects.filter(action="export").exists()


@pytest.mark.parametrize("what", ["caseload", "aandacht"])
def test_it_is_a_404_for_a_lead_of_another_team(what, client, outsider_lead, owner, team):
    open_case(acting_user=owner, team=team, last_name="Geheim")
    client.force_login(outsider_lead)
    response = client.get(url(team, what))
    assert response.status_code == 404
    assert "Geheim" not in response.content.decode()
    assert not AccessLogEntry.objects.filter(action="export").exists()
