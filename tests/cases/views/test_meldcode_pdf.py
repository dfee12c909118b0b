import io
import os

import pytest
from django.urls import reverse
from pypdf import PdfReader

from cases import services
from cases.phases import Phase
from outreach.models import AccessLogEntry
from tests.cases.factories import case_in_phase
from tests.cases.meldcode_data import FACTS, help_decision, start, walk


@pytest.fixture
def trajectory(owner, team):
    case = case_in_phase(Phase.EERSTE_CONTACT, acting_user=owner, team=team)
    trajectory = walk(acting_user=owner, trajectory=start(acting_user=owner, case=case))
    services.meldcode_step_record(
        acting_user=owner, trajectory=trajectory, key="decision", **help_decision()
    )
    return trajectory


def test_it_prints_the_steps_the_facts_apart_the_weighing_and_the_decision(
    client, owner, trajectory
):
    client.force_login(owner)
    response = client.get(reverse("meldcode_pdf", args=[trajectory.pk]))
    assert response["Content-Type"] == "application/pdf"
    if os.environ.get("MELDCODE_PDF_OUT"):
        with open(os.environ["MELDCODE_PDF_OUT"], "wb") as out:
            out.write(response.content)
    text = " ".join(
        page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages
    ).replace("\n", " ")
    for expected in (
        "Stap 1: Signalen in kaart brengen",
        "Feiten: wat is er gezien of gehoord",
        "Duiding en hypotheses",
        "Stap 4: Wegen met het afwegingskader",
        "Onderbouwing",
        "Hulp bieden of organiseren",
        "Stap 5: Beslissen",
        "rijksoverheid.nl",
    ):
        assert expected in text, expected
    assert FACTS.split()[0] in text
    assert (
        AccessLogEntry.objects.filter(
            user=owner, action="print", record_type="cases.meldcodetrajectory"
        ).count()
        == 1
    )
