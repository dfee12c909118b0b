"""A team lead, on a phone, checks who opened a client's file and downloads the inspection file."""

import io
import json
from pathlib import Path

import pypdf

from outreach.models import AccessLogEntry
from tests.browser.conftest import assert_accessible
from tests.cases.factories import open_case


def test_it_shows_the_access_log_and_downloads_the_inspection_file(login_as, owner, lead, team):
    case = open_case(acting_user=owner, team=team, first_name="Ria", last_name="Bos")
    page = login_as(lead, f"/clienten/{case.client_id}/")
    page.get_by_role("link", name="Toegangslog").click()
    page.get_by_role("heading", name="Toegangslog").wait_for()
    assert page.locator("table.access-log tbody tr").count() >= 1
    assert "Lotte Tester" in page.locator("table.access-log").inner_text()
    assert_accessible(page)

    page.go_back()
    with page.expect_download() as pdf:
        page.get_by_role("link", name="Inzagedossier (PDF)").click()
    reader = pypdf.PdfReader(io.BytesIO(Path(pdf.value.path()).read_bytes()))
    assert "Inzagedossier: Ria Bos" in reader.pages[0].extract_text()
    with page.expect_download() as export:
        page.get_by_role("link", name="Inzagedossier (JSON)").click()
    data = json.loads(Path(export.value.path()).read_text(encoding="utf-8"))
    assert data["sections"]["client"][0]["last_name"] == "Bos"
    actions = set(AccessLogEntry.objects.filter(user=lead).values_list("action", flat=True))
    assert {"print", "export"} <= actions
