"""Reads for the ZRM: the current assessments of a case, the begin/end comparison, the radar chart
and the team's outcome table. Each runs a fixed number of queries."""

import math
from dataclasses import dataclass, field
from statistics import mean

from django.db.models import Prefetch, Q
from django.utils.formats import date_format
from django.utils.translation import gettext

from cases.models import Case
from outreach.rounding import one_decimal
from zrm.models import ZrmAssessment, ZrmDomain, ZrmMatrix, ZrmScore, ZrmTarget

Kind = ZrmAssessment.Kind


def current_matrix():
    """The version new trajectories use (zrm.services.matrix_make_current)."""
    return ZrmMatrix.objects.get(is_current=True)


def trajectory_matrix(case, assessments=None):
    """The version a case is measured with from its begin to its end: that of its first
    assessment (normally the begin), else of its targets, else the current one. A version made
    current meanwhile does not change a running trajectory. A page that has read all of the
    case's assessments with their matrix (assessments_of) passes them: no query for it then."""
    if assessments is not None:
        first = min(assessments, key=lambda a: (a.created_at, a.pk), default=None)
    else:
        first = (
            ZrmAssessment.objects.filter(case=case)
            .select_related("matrix")
            .order_by("created_at", "pk")
            .first()
        )
    if first is not None:
        return first.matrix
    target = ZrmTarget.objects.filter(case=case).select_related("domain__matrix").first()
    return target.domain.matrix if target is not None else current_matrix()


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
    # The scores themselves, for their sources, reason and split.
    first_score: ZrmScore | None = None
    second_score: ZrmScore | None = None

    @property
    def has_split(self):
        return any(s is not None and s.split for s in (self.first_score, self.second_score))

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
    """Begin versus end (or the latest evaluation): both are in the trajectory's matrix version
    (zrm.selectors.trajectory_matrix), so they compare domain by domain."""
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
                first_score=one,
                second_score=two,
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
# The phone's chart (templates/zrm/_radar.html with chart.phone) is drawn at about 330/400 of its
# size on a 360 px screen: a number at each axis instead of the domain's name (listed under the
# chart), text at 14 and 16, so nothing shows below 11 px.
PHONE_WIDTH = 400
PHONE_CX, PHONE_CY = 200, 182
PHONE_RADIUS = 146
PHONE_LABEL_RADIUS = 168
PHONE_LEGEND_LINE = 28
# What differs in the SVG besides the coordinates: font sizes, the weight of the axes' text, and
# the legend's line and text x positions (x1, x2, text x).
LOOK = {
    "id": "radar",
    "ring_font": "10",
    "axis_font": "11",
    "axis_weight": "",
    "legend_font": "12",
    "legend_x": ("12", "48", "56"),
}
PHONE_LOOK = {
    "id": "radar-phone",
    "ring_font": "14",
    "axis_font": "16",
    "axis_weight": "bold",
    "legend_font": "16",
    "legend_x": ("8", "52", "62"),
}


def _point(index, count, level, radius=RADIUS, centre=(CX, CY)):
    angle = -math.pi / 2 + 2 * math.pi * index / count
    r = radius * level / 5
    return centre[0] + r * math.cos(angle), centre[1] + r * math.sin(angle)


def _points(values, count, radius=RADIUS, centre=(CX, CY)):
    # A domain that was not assessed has no point: the line joins the domains that were.
    return " ".join(
        f"{x:.1f},{y:.1f}"
        for i, v in enumerate(values)
        if v is not None
        for x, y in [_point(i, count, v, radius, centre)]
    )


def _phone_radar(rows, series):
    """The phone's chart of the same lines: smaller, numbered axes, larger text."""
    count = len(rows)
    centre = (PHONE_CX, PHONE_CY)
    axes = []
    for i in range(count):
        x, y = _point(i, count, 5, PHONE_RADIUS, centre)
        lx, ly = _point(i, count, 5, PHONE_LABEL_RADIUS, centre)
        axes.append(
            {
                "x": f"{x:.1f}",
                "y": f"{y:.1f}",
                "lx": f"{lx:.1f}",
                "ly": f"{ly:.1f}",
                "anchor": "middle",
                # A number at the axis; the domain's name is in the key under the chart.
                "text": str(i + 1),
            }
        )
    rings = [
        {
            "level": level,
            "points": _points([level] * count, count, PHONE_RADIUS, centre),
            "lx": f"{PHONE_CX + 4:.1f}",
            "ly": f"{PHONE_CY - PHONE_RADIUS * level / 5 + 15:.1f}",
        }
        for level in range(1, 6)
    ]
    lines = []
    for line in series:
        values = [getattr(r, line["name"]) for r in rows]
        lines.append(
            {
                **line,
                "points": _points(values, count, PHONE_RADIUS, centre),
                "marks": [
                    {"x": f"{x:.1f}", "y": f"{y:.1f}"}
                    for i, v in enumerate(values)
                    if v is not None
                    for x, y in [_point(i, count, v, PHONE_RADIUS, centre)]
                ],
            }
        )
    top = PHONE_CY + PHONE_LABEL_RADIUS + 30
    legend = [{**line, "y": str(top + PHONE_LEGEND_LINE * i)} for i, line in enumerate(lines)]
    return {
        "width": str(PHONE_WIDTH),
        "height": str(top + PHONE_LEGEND_LINE * len(lines) - 8),
        "cx": str(PHONE_CX),
        "cy": str(PHONE_CY),
        "axes": axes,
        "rings": rings,
        "series": lines,
        "legend": legend,
        "look": PHONE_LOOK,
        "key": [row.domain.name for row in rows],
    }


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
                "text": row.domain.name,
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
        "look": LOOK,
        "phone": _phone_radar(rows, series),
    }


# The team's outcomes -----------------------------------------------------------------------------


@dataclass
class OutcomeRow:
    domain: ZrmDomain
    pairs: list  # (begin level, end level) of the cases that have both
    # (begin, end) share of professional help in percent, of the cases with a split at both.
    help_pairs: list = field(default_factory=list)

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

    @property
    def help_begin(self):
        return one_decimal(mean(b for b, _e in self.help_pairs)) if self.help_pairs else None

    @property
    def help_end(self):
        return one_decimal(mean(e for _b, e in self.help_pairs)) if self.help_pairs else None


@dataclass
class OutcomeTable:
    """Begin versus end (closed cases) or versus the latest evaluation (open ones, an interim
    result), per domain of one matrix version."""

    rows: list
    cases: int  # the cases with a begin and a second assessment in this version

    @property
    def help_pairs(self):
        return [pair for row in self.rows for pair in row.help_pairs]

    @property
    def help_begin(self):
        pairs = self.help_pairs
        return one_decimal(mean(b for b, _e in pairs)) if pairs else None

    @property
    def help_end(self):
        pairs = self.help_pairs
        return one_decimal(mean(e for _b, e in pairs)) if pairs else None


@dataclass
class VersionUse:
    matrix: ZrmMatrix
    closed: int  # closed cases of the period measured with this version
    open: int  # open cases measured with it


@dataclass
class Outcomes:
    matrix: ZrmMatrix | None  # the version shown
    versions: list  # VersionUse for every version the team's cases here were measured with
    closed_table: OutcomeTable
    interim_table: OutcomeTable
    closed: int
    without_end: int

    @property
    def rows(self):
        return self.closed_table.rows

    @property
    def other_versions(self):
        return [v for v in self.versions if v.matrix != self.matrix]


def _table(domains, pairs_of_cases):
    """An OutcomeTable over (begin, second) assessment pairs."""
    pairs = {d.pk: [] for d in domains}
    help_pairs = {d.pk: [] for d in domains}
    for begin, second in pairs_of_cases:
        before = {s.domain_id: s for s in begin.scores.all()}
        for score in second.scores.all():
            first = before.get(score.domain_id)
            if first is None or score.domain_id not in pairs:
                continue
            if score.level is not None and first.level is not None:
                pairs[score.domain_id].append((first.level, score.level))
            if score.help_share is not None and first.help_share is not None:
                help_pairs[score.domain_id].append((first.help_share, score.help_share))
    return OutcomeTable(
        rows=[OutcomeRow(d, pairs[d.pk], help_pairs[d.pk]) for d in domains],
        cases=len(pairs_of_cases),
    )


def team_outcomes(team, start, end, matrix_key=None):
    """Per domain of one matrix version: over the team's cases closed in [start, end], the mean
    begin and end score, the shares improved, same and worse (counting the cases with both
    assessments scored in that domain) and the mean share of professional help at both; the same
    for the team's open cases, begin versus the latest evaluation (an interim result); how many
    closed cases have no end assessment; and which versions the cases were measured with, so a
    case of another version is never silently left out. Without `matrix_key`: the version most
    of these cases use. A fixed number of queries."""
    cases = list(
        Case.objects.filter(team=team)
        .filter(Q(closed_on__gte=start, closed_on__lte=end) | Q(closed_on__isnull=True))
        .values_list("pk", "closed_on")
    )
    closed_ids = {pk for pk, closed_on in cases if closed_on is not None}
    finals = (
        ZrmAssessment.objects.filter(case__in=[pk for pk, _c in cases], status="final")
        .prefetch_related("scores")
        .order_by("finalised_at", "pk")
    )
    grouped = {}
    for assessment in finals:
        grouped.setdefault(assessment.case_id, []).append(assessment)
    by_case = {case_id: current_by_kind(found) for case_id, found in grouped.items()}
    # A case's version is that of its begin (all of a trajectory's assessments share it).
    version_of = {
        case_id: current[Kind.BEGIN].matrix_id
        for case_id, current in by_case.items()
        if Kind.BEGIN in current
    }
    matrices = {m.pk: m for m in ZrmMatrix.objects.filter(pk__in=set(version_of.values()))}
    uses = {pk: VersionUse(matrix, 0, 0) for pk, matrix in matrices.items()}
    for case_id, matrix_id in version_of.items():
        if case_id in closed_ids:
            uses[matrix_id].closed += 1
        else:
            uses[matrix_id].open += 1
    versions = sorted(uses.values(), key=lambda v: (-v.closed, -v.open, v.matrix.key))
    chosen = next((v.matrix for v in versions if v.matrix.key == matrix_key), None)
    if chosen is None:
        # With nothing measured yet, the empty table of the version new trajectories use.
        chosen = versions[0].matrix if versions else current_matrix()
    domains = list(ZrmDomain.objects.filter(matrix=chosen).order_by("order"))
    closed_pairs, interim_pairs = [], []
    for case_id, current in by_case.items():
        if version_of.get(case_id) != chosen.pk:
            continue
        if case_id in closed_ids:
            if Kind.END in current:
                closed_pairs.append((current[Kind.BEGIN], current[Kind.END]))
        else:
            second = current.get(Kind.END) or current.get(Kind.EVALUATION)
            if second is not None:
                interim_pairs.append((current[Kind.BEGIN], second))
    with_end = sum(1 for pk, c in by_case.items() if pk in closed_ids and Kind.END in c)
    return Outcomes(
        matrix=chosen,
        versions=versions,
        closed_table=_table(domains, closed_pairs),
        interim_table=_table(domains, interim_pairs),
        closed=len(closed_ids),
        without_end=len(closed_ids) - with_end,
    )
