"""The network part of the ZRM report (templates/network/_story.html in zrm/report.html), read
back from the PDF: no label clipped, the overload marker with the right person, numbers as on
the network page."""

import io
import re
import unicodedata

import pytest
from django.utils import translation
from pypdf import PdfReader

from network.services import member_add
from tests.zrm.factories import finalised_assessment, trajectory_case
from zrm.report import report_pdf


def pdf_text(pdf):
    reader = PdfReader(io.BytesIO(pdf))
    return unicodedata.normalize("NFC", "\n".join(page.extract_text() for page in reader.pages))


@pytest.fixture
def case(owner, team):
    """Begin: the daughter gives three kinds of support (overloaded, by the measures), three
    organisations in the outer ring, Perspect bewindvoering nearest the left edge; support from
    professionals 1 of 4 kinds (25%). End: a neighbour keeps her company, 1 of 5 (20%)."""
    case = trajectory_case(owner, team)
    member_add(
        acting_user=owner,
        case=case,
        name="dochter Sandra",
        relation="child",
        ring=1,
        support_practical="receives",
        support_emotional="receives",
        support_decisions="receives",
    )
    for name in ("Wijkteam", "Buurtwerk"):
        member_add(acting_user=owner, case=case, name=name, relation="organisation", ring=3)
    member_add(
        acting_user=owner,
        case=case,
        name="Perspect bewindvoering",
        relation="organisation",
        ring=3,
        support_material="receives",
    )
    finalised_assessment(case, owner, "begin")
    member_add(
        acting_user=owner,
        case=case,
        name="buurvrouw Ineke",
        relation="neighbour",
        support_company="receives",
    )
    finalised_assessment(case, owner, "end")
    return case


@pytest.fixture
def text(case):
    with translation.override("nl"):
        return pdf_text(report_pdf(case))


def test_it_writes_a_name_too_long_for_its_place_in_full_under_the_drawing(text):
    # Shortened beside its mark in both drawings, listed in full under each.
    assert text.count("(1) Perspect bewindvoering") == 2
    assert "ct bewind" not in text.replace("Perspect bewind", "")


def test_it_puts_the_overload_marker_with_the_person_who_carries_too_much(text):
    assert re.search(r"⚠\s*dochter Sandra", text)
    assert len(re.findall(r"⚠\s*\S", text)) == 2 + 2  # her, in both drawings, and the legends
    assert not re.search(r"⚠\s*(buurvrouw|Wijkteam|Buurtwerk|Pers)", text)


def test_it_writes_the_share_of_professionals_as_a_percentage(text):
    table = text[text.index("De activeringsmaat") :]
    assert re.search(r"25%\s*20%\s*-5\s*procentpunt", table), table[:800]
    assert not re.search(r"\b0,\d", table)
