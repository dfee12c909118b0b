"""The PDF made by zrm.report.report_pdf, read back with pypdf."""

import io
import re
import unicodedata
from datetime import date

import pytest
from django.utils import translation
from pypdf import PdfReader

from tests.zrm.factories import (
    domains,
    draft_assessment,
    example_matrix,
    finalised_assessment,
    levels_list,
    trajectory_case,
)
from zrm.models import ZrmDescriptor
from zrm.report import NothingToReport, report_pdf

#        fin  day  hou  dom  men  phy  add  adl  soc  com  jus
BEGIN = [1, 2, 3, 4, 5, 1, 2, 3, None, 2, 2]
END = [2, 2, 1, 5, 5, 2, 4, 4, 3, 2, 5]


def pdf_text(pdf):
    assert pdf[:5] == b"%PDF-"
    reader = PdfReader(io.BytesIO(pdf))
    return unicodedata.normalize("NFC", "\n".join(page.extract_text() for page in reader.pages))


def squeeze(text):
    """Without any whitespace: a long text wraps over lines in the PDF."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFC", text))


def descriptor(key, level):
    return ZrmDescriptor.objects.get(domain__matrix__key="2013", domain__key=key, level=level).text


@pytest.fixture
def case(owner, team):
    return trajectory_case(
        owner, team, first_name="Ria", last_name="van Dijk", date_of_birth=date(1968, 4, 9)
    )


def test_it_reports_begin_and_end_with_the_descriptor_of_each_chosen_level(case, owner):
    finalised_assessment(case, owner, "begin", levels_list(BEGIN), assessed_on=date(2025, 1, 6))
    finalised_assessment(case, owner, "end", levels_list(END))

    text = pdf_text(report_pdf(case))

    flat = squeeze(text)
    assert "Ria van Dijk" in text
    assert "09-04-1968" in text
    assert case.reference in text
    assert "06-01-2025" in text
    for d in domains():
        assert squeeze(d.name) in flat, d.name
    keys = [d.key for d in domains()]
    for key, level in [*zip(keys, BEGIN, strict=True), *zip(keys, END, strict=True)]:
        if level is not None:
            assert squeeze(descriptor(key, level)) in flat, (key, level)
    # A level that was not chosen in either assessment is not described.
    assert squeeze(descriptor("finances", 5)) not in flat
    assert squeeze(descriptor("justice", 1)) not in flat


def test_it_reports_a_begin_on_its_own(case, owner):
    finalised_assessment(case, owner, "begin", levels_list(BEGIN))

    text = pdf_text(report_pdf(case))

    flat = squeeze(text)
    assert "Ria van Dijk" in text and case.reference in text
    assert all(squeeze(d.name) in flat for d in domains())
    assert squeeze(descriptor("mental_health", 5)) in flat
    assert squeeze(descriptor("justice", 2)) in flat


def test_it_has_nothing_to_report_without_a_finalised_assessment(case, owner):
    with pytest.raises(NothingToReport):
        report_pdf(case)
    draft_assessment(case, owner, "begin")  # scored in full, but not finalised
    with pytest.raises(NothingToReport):
        report_pdf(case)


def test_it_speaks_english_on_request(case, owner):
    finalised_assessment(case, owner, "begin", levels_list(BEGIN))
    finalised_assessment(case, owner, "end", levels_list(END))

    with translation.override("en"):
        text = pdf_text(report_pdf(case))
        names = [d.name for d in domains()]
        housing_at_end = descriptor("housing", 1)

    flat = squeeze(text)
    assert "Domestic relations" in names and "Justice" in names
    assert all(squeeze(name) in flat for name in names)
    assert squeeze(housing_at_end) in flat
    assert "Huiselijke" not in text and "Justitie" not in text


def test_it_reports_a_trajectory_of_another_version_in_its_texts(case, owner):
    example_matrix(owner, current=True)
    finalised_assessment(case, owner, "begin", {"finances": 1})
    finalised_assessment(case, owner, "end", {"finances": 4})

    text = squeeze(pdf_text(report_pdf(case)))

    assert squeeze("Ria van Dijk") in text and case.reference in text
    assert squeeze("Voorbeeldmatrix (verzonnen teksten, niet de ZRM)") in text
    assert squeeze("Voorbeeldtekst: geldzaken op niveau 4 (sterk).") in text
    assert squeeze(descriptor("finances", 1)) not in text
