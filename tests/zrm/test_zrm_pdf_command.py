"""python manage.py zrm_pdf REFERENCE --out FILE [--language en]"""

import io

import pytest
from django.core.management import CommandError, call_command
from pypdf import PdfReader

from tests.zrm.factories import begin_end_case, draft_assessment, trajectory_case


def text_of(path):
    return "".join(p.extract_text() for p in PdfReader(io.BytesIO(path.read_bytes())).pages)


def test_it_writes_the_report(owner, team, tmp_path):
    case, _begin, _end = begin_end_case(owner, team, first_name="Ria", last_name="van Dijk")
    out = tmp_path / "x.pdf"
    stdout = io.StringIO()

    call_command("zrm_pdf", case.reference, out=str(out), stdout=stdout)

    assert out.read_bytes().startswith(b"%PDF")
    text = text_of(out)
    assert "Ria van Dijk" in text and case.reference in text and "Financiën" in text
    assert str(out) in stdout.getvalue()


def test_it_writes_english_on_request(owner, team, tmp_path):
    case, _begin, _end = begin_end_case(owner, team)
    out = tmp_path / "x.pdf"
    call_command("zrm_pdf", case.reference, out=str(out), language="en", stdout=io.StringIO())
    text = text_of(out)
    assert "Finances" in text and "Financiën" not in text


def test_it_refuses_an_unknown_reference(db, tmp_path):
    out = tmp_path / "x.pdf"
    with pytest.raises(CommandError, match="NO-2099-9999"):
        call_command("zrm_pdf", "NO-2099-9999", out=str(out))
    assert not out.exists()


def test_it_refuses_a_case_without_a_finalised_assessment(owner, team, tmp_path):
    case = trajectory_case(owner, team)
    draft_assessment(case, owner)
    out = tmp_path / "x.pdf"
    with pytest.raises(CommandError, match=case.reference):
        call_command("zrm_pdf", case.reference, out=str(out))
    assert not out.exists()
