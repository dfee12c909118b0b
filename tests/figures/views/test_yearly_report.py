"""The yearly report: PDF and CSV from the same figures, for managers only."""

import io

from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from cases.phases import Phase
from tests.cases.factories import case_in_phase


def test_it_makes_the_pdf_with_the_definitions(client, manager, owner, team):
    for _ in range(6):
        case_in_phase(Phase.SIGNAAL, acting_user=owner, team=team)
    client.force_login(manager)
    year = timezone.localdate().year
    response = client.get(reverse("yearly_report_pdf", args=[year]))
    assert response["Content-Type"] == "application/pdf"
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert f"Jaarverslag {year}" in text
    assert "Bijlage: definities" in text
    assert "Jansen" not in text


def test_it_makes_the_csv_from_the_same_rows(client, manager, owner, team):
    case_in_phase(Phase.SIGNAAL, acting_user=owner, team=team)
    client.force_login(manager)
    year = timezone.localdate().year
    text = client.get(reverse("yearly_report_csv", args=[year])).content.decode("utf-8-sig")
    assert "Signalen ontvangen;< 5;< 5" in text


def test_it_is_a_404_for_a_worker_and_for_a_year_out_of_range(client, manager, owner):
    client.force_login(owner)
    year = timezone.localdate().year
    assert client.get(reverse("yearly_report_pdf", args=[year])).status_code == 404
    client.force_login(manager)
    assert client.get(reverse("yearly_report_csv", args=[year + 1])).status_code == 404
