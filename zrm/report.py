"""The ZRM begin/end report as PDF, made with WeasyPrint from a template, so the view, the
zrm_pdf command and the benchmark make exactly the same document."""

from dataclasses import dataclass

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone

from outreach.pdf import render_pdf
from zrm.models import ZrmDescriptor
from zrm.network_story import network_story
from zrm.selectors import Row, case_comparison, radar


class NothingToReport(Exception):
    """The case has no finalised assessment yet."""


@dataclass
class ReportRow:
    row: Row
    first_level: str = ""
    first_text: str = ""
    second_level: str = ""
    second_text: str = ""

    def __getattr__(self, name):
        return getattr(self.row, name)


def report_context(case):
    _assessments, _current, comparison, _targets = case_comparison(case)
    if comparison.first is None and comparison.second is None:
        raise NothingToReport
    matrix = (comparison.first or comparison.second).matrix
    levels = {level.level: level.name for level in matrix.levels.all()}
    texts = {
        (d.domain_id, d.level): d.text for d in ZrmDescriptor.objects.filter(domain__matrix=matrix)
    }
    rows = [
        ReportRow(
            row,
            first_level=levels.get(row.first, ""),
            first_text=texts.get((row.domain.pk, row.first), ""),
            second_level=levels.get(row.second, ""),
            second_text=texts.get((row.domain.pk, row.second), ""),
        )
        for row in comparison.rows
    ]
    notes = [
        (row.domain.name, assessment.get_kind_display(), note)
        for row in comparison.rows
        for assessment, note in (
            (comparison.first, row.first_note),
            (comparison.second, row.second_note),
        )
        if assessment and note
    ]
    # Where each score comes from (the sources and the reason the assessor gave).
    bases = [
        (row.domain.name, assessment.get_kind_display(), score.source_labels(), score.rationale)
        for row in comparison.rows
        for assessment, score in (
            (comparison.first, row.first_score),
            (comparison.second, row.second_score),
        )
        if assessment and score is not None and (score.sources or score.rationale)
    ]
    return {
        "case": case,
        "comparison": comparison,
        "rows": rows,
        "notes": notes,
        "bases": bases,
        "chart": radar(comparison),
        "network": network_story(case, comparison),
        "matrix": matrix,
        "organisation": settings.ORGANISATION_NAME,
        "printed_at": timezone.localtime(),
        "begin_only": comparison.second is None,
    }


def report_pdf(case):
    html = render_to_string("zrm/report.html", report_context(case))
    return render_pdf(html)
