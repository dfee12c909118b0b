"""Correcting a finalised assessment (zrm.views.assessment_correct)."""

import pytest
from django.urls import reverse

from cases.phases import Phase
from tests.zrm.factories import draft_assessment, finalised_assessment
from zrm.models import ZrmAssessment

pytestmark = pytest.mark.case_phase(Phase.TRAJECT_BEGIN)


def test_it_starts_a_correction_and_opens_it(client, owner, colleague, case):
    final = finalised_assessment(case, owner, "begin", {"finances": 2})
    client.force_login(colleague)

    response = client.post(
        reverse("zrm_correct", args=[final.pk]), {"reason": "Financiën was 3, niet 2."}
    )

    correction = ZrmAssessment.objects.get(corrects=final)
    assert response.status_code == 302
    assert response.url == reverse("zrm_assessment", args=[correction.pk])
    assert (correction.status, correction.assessor) == ("draft", colleague)
    assert correction.correction_reason == "Financiën was 3, niet 2."
    assert correction.scores.get(domain__key="finances").level == 2
    # The draft opens as a form to change, showing why it is being corrected.
    html = client.get(response.url).content.decode()
    assert 'class="zrm-form"' in html and "Financiën was 3, niet 2." in html


def test_it_asks_why(client, owner, case):
    final = finalised_assessment(case, owner, "begin")
    client.force_login(owner)
    response = client.post(reverse("zrm_correct", args=[final.pk]), {"reason": "  "})
    assert response.status_code == 200
    assert 'id="id_reason_error"' in response.content.decode()
    assert ZrmAssessment.objects.count() == 1


def test_it_refuses_to_correct_a_draft(client, owner, case):
    draft = draft_assessment(case, owner, "begin")
    client.force_login(owner)
    response = client.post(reverse("zrm_correct", args=[draft.pk]), {"reason": "Fout."})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="form-errors"' in html and "Fout." in html
    assert ZrmAssessment.objects.count() == 1
