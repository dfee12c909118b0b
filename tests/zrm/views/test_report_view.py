"""Downloading the ZRM report (zrm.views.report)."""

import io

from django.urls import reverse
from pypdf import PdfReader

from outreach.models import AccessLogEntry
from tests.zrm.factories import begin_end_case, draft_assessment, trajectory_case


def test_it_downloads_the_pdf_and_logs_the_print(client, owner, colleague, team):
    case, _begin, _end = begin_end_case(owner, team, first_name="Ria", last_name="van Dijk")
    client.force_login(colleague)

    response = client.get(reverse("zrm_report", args=[case.pk]))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'attachment; filename="zrm-{case.reference}.pdf"'
    assert response.content.startswith(b"%PDF-")
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
    assert "Ria van Dijk" in text and case.reference in text
    entry = AccessLogEntry.objects.get(user=colleague, action="print")
    assert (entry.record_type, entry.record_id, entry.result) == (
        "cases.case",
        str(case.pk),
        "allowed",
    )
    assert (entry.team_id, entry.client_id) == (team.pk, case.client_id)
    assert "Ria" not in entry.request  # the log holds ids, never names


def test_it_goes_back_to_the_tab_without_a_finalised_assessment(client, owner, team):
    case = trajectory_case(owner, team)
    draft_assessment(case, owner)
    client.force_login(owner)

    response = client.get(reverse("zrm_report", args=[case.pk]), follow=True)

    assert response.redirect_chain == [(reverse("zrm_case", args=[case.pk]), 302)]
    assert response["Content-Type"].startswith("text/html")
    assert 'class="message message-error"' in response.content.decode()
