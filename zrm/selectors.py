"""Reads for the ZRM: the current assessments of a case, the begin/end comparison, the radar chart
and the team's outcome table. Each runs a fixed number of queries."""

import math
from dataclasses import dataclass, field
from statistics import mean

from django.db.models import Prefetch
from django.utils.formats import date_format
from django.utils.translation import gettext

from cases.models import Case
from outreach.rounding import one_decimal
from zrm.models import CURRENT_MATRIX, ZrmAssessment, ZrmDomain, ZrmScore, ZrmTarget

Kind = ZrmAssessment.Kind


def assessments_of(case):
    """All assessments of a case, newest first, with their scores and domains."""
    return (
        ZrmAssessment.objects.filter(case=case)
        .select_related("matrix", "assessor", "corrects")
        .prefetch_related(
            Prefetch("scores", queryset=ZrmScore.objects.select_related("domain")),
            "matrix__levels",
        )
        .order_by("-assessed_on", "-finalised_at", "-id")
    )


def superseded_ids(assessments):
    """Assessments that a finalised correction stands in for."""
    return {a.corrects_id for a in assessments if a.is_final and a.corrects_id}


def current_by_kind(assessments):
    """{kind: the current assessment of that kind}: the finalised one with the latest date, leaving
    out those that a finalised correction replaces."""
    superseded = superseded_ids(assessments)
    current = {}
    for assessment in assessments:
        if not assessment.is_final or assessment.pk in superseded:
            continue
        best = current.get(assessment.kind)
        key = (assessment.assessed_on, assessment.finalised_at, assessment.pk)
        if best is None or key > (best.assessed_on, best.finalised_at, best.pk):
            current[assessment.kind] = assessment
    return current


@dataclass
class Row:
    domain: ZrmDomain
    first: int | None
    second: int | None
    target: int | None = None
    first_note: str = ""
    second_note: str = ""

    @property
    def change(self):
        if self.first is None or self.second is None:
            return None
        return self.second - self.first

    @property
    def direction(self):
        change = self.change
        if change is None:
            return "not_assessed"
        return "improved" if change > 0 else "worse" if change < 0 else "same"


@dataclass
class Comparison:
    first: ZrmAssessment | None
    second: ZrmAssessment | None
    rows: list = field(default_factory=list)
    versions_differ: bool = False

    def _levels(self, attr):
        return [getattr(r, attr) for r in self.rows if getattr(r, attr) is not None]

    @property
    def mean_first(self):
        levels = self._levels("first")
        return one_decimal(mean(levels)) if levels else None

    @property
    def mean_second(self):
        levels = self._levels("second")
        return one_decimal(mean(levels)) if levels else None

    def count(self, direction):
        return sum(1 for r in self.rows if r.direction == direction)

    @property
    def improved(self):
        return self.count("improved")

    @property
    def worse(self):
        return self.count("worse")

    @property
    def same(self):
        return self.count("same")

    @property
    def at_level_one_first(self):
        return sum(1 for r in self.rows if r.first == 1)

    @property
    def at_level_one_second(self):
        return sum(1 for r in self.rows if r.second == 1)


def _levels_by_domain(assessment):
    if assessment is None:
        return {}
    return {s.domain_id: s for s in assessment.scores.all()}


def compare(first, second, targets=()):
    """Begin versus end (or the latest evaluation). Assessments of different matrix versions are
    not compared domain by domain: the comparison says so instead."""
    if first and second and first.matrix_id != second.matrix_id:
        return Comparison(first, second, versions_differ=True)
    base = first or second
    if base is None:
        return Comparison(None, None)
    targets = {t.domain_id: t.level for t in targets}
    a, b = _levels_by_domain(first), _levels_by_domain(second)
    rows = []
    for score in sorted(base.scores.all(), key=lambda s: s.domain.order):
        one, two = a.get(score.domain_id), b.get(score.domain_id)
        rows.append(
            Row(
                domain=score.domain,
                first=one.level if one else None,
                second=two.level if two else None,
                target=targets.get(score.domain_id),
                first_note=one.note if one else "",
                second_note=two.note if two else "",
            )
        )
    return Comparison(first, second, rows)


def case_comparison(case):
    """The case's assessments, the current one per kind, and begin versus end (else versus the
    latest evaluation)."""
    assessments = list(assessments_of(case))
    current = current_by_kind(assessments)
    targets = list(ZrmTarget.objects.filter(case=case))
    second = current.get(Kind.END) or current.get(Kind.EVALUATION)
    return assessments, current, compare(current.get(Kind.BEGIN), second, targets), targets


# The radar chart --------------------------------------------------------------------------------

# Wider than high, so the longest domain names fit beside the circle. Every number reaches the
# template as a preformatted string: Django would print a float with a Dutch decimal comma.
CHART_WIDTH = 700
CHART_HEIGHT = 540
CX, CY = 350, 255
RADIUS = 165
LABEL_RADIUS = 182


def _point(index, count, level, radius=RADIUS):
    angle = -math.pi / 2 + 2 * math.pi * index / count
    r = radius * level / 5
    return CX + r * math.cos(angle), CY + r * math.sin(angle)


def _points(values, count):
    # A domain that was not assessed has no point: the line joins the domains that were.
    return " ".join(
        f"{x:.1f},{y:.1f}"
        for i, v in enumerate(values)
        if v is not None
        for x, y in [_point(i, count, v)]
    )


def radar(comparison):
    """Coordinates for zrm/_radar.html: rings for levels 1-5, one axis per domain, and a line per
    assessment (begin dashed, end solid, target dotted) so it reads in black and white."""
    rows = comparison.rows
    count = len(rows)
    if not count:
        return None
    axes = []
    for i, row in enumerate(rows):
        x, y = _point(i, count, 5)
        lx, ly = _point(i, count, 5, LABEL_RADIUS)
        anchor = "middle" if abs(lx - CX) < 20 else ("start" if lx > CX else "end")
        axes.append(
            {
                "x": f"{x:.1f}",
                "y": f"{y:.1f}",
                "lx": f"{lx:.1f}",
                "ly": f"{ly:.1f}",
                "anchor": anchor,
                "label": row.domain.name,
            }
        )
    rings = [
        {
            "level": level,
            "points": _points([level] * count, count),
            "lx": f"{CX + 3:.1f}",
            "ly": f"{CY - RADIUS * level / 5 + 11:.1f}",
        }
        for level in range(1, 6)
    ]
    series = []
    for name, attr, dash, width, colour, assessment in (
        ("first", "first", "8 5", "2.5", "#4b5563", comparison.first),
        ("second", "second", "", "3", "#0b4f8a", comparison.second),
        ("target", "target", "2 4", "2", "#166534", None),
    ):
        values = [getattr(r, attr) for r in rows]
        if any(v is not None for v in values):
            marks = [
                {"x": f"{x:.1f}", "y": f"{y:.1f}"}
                for i, v in enumerate(values)
                if v is not None
                for x, y in [_point(i, count, v)]
            ]
            if assessment:
                kind = assessment.get_kind_display().capitalize()
                label = f"{kind} {date_format(assessment.assessed_on)}"
            else:
                label = gettext("target").capitalize()
            series.append(
                {
                    "name": name,
                    "points": _points(values, count),
                    "dash": dash,
                    "width": width,
                    "colour": colour,
                    "marks": marks,
                    "label": label,
                }
            )
    legend = [
        {**line, "y": str(CHART_HEIGHT - 14 - 18 * (len(series) - 1 - i))}
        for i, line in enumerate(series)
    ]
    return {
        "width": str(CHART_WIDTH),
        "height": str(CHART_HEIGHT),
        "cx": str(CX),
        "cy": str(CY),
        "axes": axes,
        "rings": rings,
        "series": series,
        "legend": legend,
    }


# The team's outcomes -----------------------------------------------------------------------------


@dataclass
class OutcomeRow:
    domain: ZrmDomain
    pairs: list  # (begin level, end level) of the cases that have both

    @property
    def cases(self):
        return len(self.pairs)

    @property
    def mean_begin(self):
        return one_decimal(mean(b for b, _e in self.pairs)) if self.pairs else None

    @property
    def mean_end(self):
        return one_decimal(mean(e for _b, e in self.pairs)) if self.pairs else None

    def _share(self, test):
        return sum(1 for b, e in self.pairs if test(b, e)) / len(self.pairs) if self.pairs else None

    @property
    def improved(self):
        return self._share(lambda b, e: e > b)

    @property
    def same(self):
        return self._share(lambda b, e: e == b)

    @property
    def worse(self):
        return self._share(lambda b, e: e < b)


@dataclass
class Outcomes:
    rows: list
    closed: int
    without_end: int


def team_outcomes(team, start, end, matrix_key=CURRENT_MATRIX):
    """Per domain, over the team's cases closed in [start, end]: the mean begin and end score and
    the shares improved, same and worse, counting the cases with both assessments scored in that
    domain; and how many closed cases have no end assessment."""
    case_ids = list(
        Case.objects.filter(team=team, closed_on__gte=start, closed_on__lte=end).values_list(
            "pk", flat=True
        )
    )
    finals = (
        ZrmAssessment.objects.filter(
            case__in=case_ids,
            status="final",
            kind__in=[Kind.BEGIN, Kind.END],
            matrix__key=matrix_key,
        )
        .prefetch_related("scores")
        .order_by("finalised_at", "pk")
    )
    grouped = {}
    for assessment in finals:
        grouped.setdefault(assessment.case_id, []).append(assessment)
    by_case = {case_id: current_by_kind(found) for case_id, found in grouped.items()}
    domains = list(ZrmDomain.objects.filter(matrix__key=matrix_key).order_by("order"))
    pairs = {d.pk: [] for d in domains}
    for current in by_case.values():
        if Kind.BEGIN in current and Kind.END in current:
            begin = {s.domain_id: s.level for s in current[Kind.BEGIN].scores.all()}
            for score in current[Kind.END].scores.all():
                if score.level is not None and begin.get(score.domain_id) is not None:
                    pairs[score.domain_id].append((begin[score.domain_id], score.level))
    with_end = sum(1 for current in by_case.values() if Kind.END in current)
    return Outcomes(
        rows=[OutcomeRow(d, pairs[d.pk]) for d in domains],
        closed=len(case_ids),
        without_end=len(case_ids) - with_end,
    )
