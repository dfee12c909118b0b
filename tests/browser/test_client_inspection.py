"""A team lead, on a phone, checks who opened a client's file and makes the inspection file: the
access log reads as sentences, the request page asks how other people appear, and the PDF and
JSON come as downloads."""

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
    rows = page.locator("ol.access-log")
    assert rows.locator("li").count() >= 1
    assert "Lotte Tester" in rows.inner_text()
    assert "bekeek de cliëntgegevens" in rows.inner_text()
    assert_accessible(page)

    page.go_back()
    page.get_by_role("link", name="Inzagedossier").click()
    page.get_by_role("heading", name="Inzagedossier").wait_for()
    assert page.get_by_label("geanonimiseerd: genoemd naar hun rol, niet bij naam").is_checked()
    assert_accessible(page)
    with page.expect_download() as pdf:
        page.get_by_role("button", name="Inzagedossier maken (PDF)").click()
    reader = pypdf.PdfReader(io.BytesIO(Path(pdf.value.path()).read_bytes()))
    text = "\n".join(p.extract_text() for p in reader.pages)
    assert "Inzagedossier: Ria Bos" in reader.pages[0].extract_text()
    assert "Wie je dossier heeft ingezien" in text
    assert "Lotte Tester (teamleider, Outreach Noord)" in text
    with page.expect_download() as export:
        page.get_by_role("button", name="Inzagedossier maken (JSON)").click()
    data = json.loads(Path(export.value.path()).read_text(encoding="utf-8"))
    assert data["sections"]["client"][0]["last_name"] == "Bos"
    assert data["third_parties"] == "anonymise"
    actions = set(AccessLogEntry.objects.filter(user=lead).values_list("action", flat=True))
    assert {"print", "export"} <= actions
