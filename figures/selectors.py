"""The organisation's figures for managers and the yearly report: per team and in total, for a
period, never a client's name or record. Built from the teams' own figures where they exist
(zrm.selectors.team_outcomes, network.selectors.team_network_summary, cases.team.worker_caseloads)
and from counting queries over all teams at once for the rest, so the number of queries grows
with the number of teams, never with the number of cases.

Small numbers identify people: every figure that counts, or is computed from, fewer than
SMALL_COUNT clients is shown as "< 5" (`Figure.display`), on the page and in the CSV alike.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from statistics import mean, median

from django.db.models import Min
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from cases.models import Case, ContactAttempt, Signal
from cases.phases import CLOSED_PHASES, Phase
from cases.team import worker_caseloads
from network.selectors import team_network_summary
from outreach.models import Team
from outreach.rounding import one_decimal
from zrm.selectors import OutcomeRow, team_outcomes

# Fewer clients than this behind a figure, and it shows as "< 5" (CBS practice for counts).
SMALL_COUNT = 5
SMALL_LABEL = f"< {SMALL_COUNT}"
NOTHING = "—"
NOT_RECORDED = _("(not recorded)")
# How a closed case ended, in the order the report lists them.
ENDINGS = [Phase.AFGESLOTEN, Phase.DOORVERWEZEN, Phase.NIET_PASSEND, Phase.CLIENT_WIL_NIET]


@dataclass(frozen=True)
class Figure:
    """A number and how many clients it rests on. A count rests on itself."""

    value: object
    basis: int
    percent: bool = False

    @classmethod
    def count(cls, n):
        return cls(n, n)

    @property
    def suppressed(self):
        return 0 < self.basis < SMALL_COUNT

    @property
    def display(self):
        if self.suppressed:
            return SMALL_LABEL
        if self.value is None:
            return NOTHING
        if self.percent:
            return f"{formats.number_format(one_decimal(self.value * 100), 1)}%"
        if isinstance(self.value, float | Decimal):
            return formats.number_format(one_decimal(self.value), 1)
        return str(self.value)

    def __str__(self):
        return self.display


def _median(values):
    return Figure(one_decimal(median(values)) if values else None, len(values))


def _mean(values):
    return Figure(one_decimal(mean(values)) if values else None, len(values))


@dataclass
class ZrmDomainFigure:
    domain: str
    cases: Figure
    mean_begin: Figure
    mean_end: Figure
    improved: Figure


@dataclass
class TeamFigures:
    """One column of the manager's table: a team, or the organisation (team None)."""

    team: Team | None
    signals: Figure = None
    signals_by_source: dict = field(default_factory=dict)
    days_to_contact: Figure = None
    attempts_to_contact: Figure = None
    opened: Figure = None
    closed: Figure = None
    endings: dict = field(default_factory=dict)
    referred_share: Figure = None
    referred_to: list = field(default_factory=list)
    workers: int = 0
    open_cases: Figure = None
    caseload_mean: Figure = None
    caseload_max: Figure = None
    zrm: list = field(default_factory=list)
    network_cases: Figure = None
    network_supporters: Figure = None
    network_kinds: Figure = None
    network_overloaded: Figure = None

    @property
    def name(self):
        return self.team.name if self.team else _("All teams")


@dataclass
class OrganisationFigures:
    start: object
    end: object
    teams: list
    total: TeamFigures

    @property
    def columns(self):
        return [*self.teams, self.total]

    @property
    def sources(self):
        return [
            (s, label) for s, label in Signal.Source.choices if s in self.total.signals_by_source
        ]

    @property
    def endings(self):
        return [(p, Phase(p).label) for p in ENDINGS]


def _empty_raw():
    """A team's raw numbers before anything is counted (and the organisation's pool of them)."""
    return {
        "sources": Counter(),
        "days": [],
        "attempts": [],
        "opened": 0,
        "endings": Counter(),
        "referred_to": Counter(),
    }


def _raw(teams, start, end):
    """Per team id the raw numbers behind the figures, from four queries over all teams."""
    raw = defaultdict(_empty_raw)
    team_ids = [t.pk for t in teams]
    # Signals received in the period; one taken into a soft-deleted case counts nowhere.
    signals = (
        Signal.objects.filter(
            team__in=team_ids,
            received_on__gte=start,
            received_on__lte=end,
            case__deleted_at__isnull=True,
        )
        .values_list("team_id", "source")
        .order_by()
    )
    for team_id, source in signals:
        raw[team_id]["sources"][source] += 1
    # Cases opened in the period: from their first signal to the first attempt that made
    # contact, and how many attempts that took.
    opened = {
        pk: (team_id, first_signal)
        for pk, team_id, first_signal in Case.objects.filter(
            team__in=team_ids, opened_on__gte=start, opened_on__lte=end
        )
        .annotate(first_signal=Min("signals__received_on"))
        .values_list("pk", "team_id", "first_signal")
        .order_by()
    }
    for team_id, _first in opened.values():
        raw[team_id]["opened"] += 1
    counted, done = Counter(), set()
    attempts = (
        ContactAttempt.objects.filter(case__in=list(opened))
        .values_list("case_id", "attempted_at", "result")
        .order_by("case_id", "attempted_at", "pk")
    )
    for case_id, attempted_at, result in attempts:
        if case_id in done:
            continue
        counted[case_id] += 1
        if result in ContactAttempt.CONTACT_RESULTS:
            done.add(case_id)
            team_id, first_signal = opened[case_id]
            raw[team_id]["attempts"].append(counted[case_id])
            if first_signal is not None:
                contact_day = timezone.localdate(attempted_at)
                raw[team_id]["days"].append(max(0, (contact_day - first_signal).days))
    closed = Case.objects.filter(
        team__in=team_ids, closed_on__gte=start, closed_on__lte=end, phase__in=CLOSED_PHASES
    ).values_list("team_id", "phase", "referral_partner__name", "referred_to")
    for team_id, phase, partner, referred_to in closed.order_by():
        raw[team_id]["endings"][phase] += 1
        if phase == Phase.DOORVERWEZEN:
            # The directory's name where the referral picked one, else the one-off name typed.
            typed = " ".join(referred_to.split()).capitalize()
            raw[team_id]["referred_to"][partner or typed or str(NOT_RECORDED)] += 1
    return raw


def _column(team, raw, *, loads, outcomes, network):
    column = TeamFigures(team)
    sources = raw["sources"]
    column.signals = Figure.count(sum(sources.values()))
    column.signals_by_source = {s: Figure.count(n) for s, n in sources.items()}
    column.days_to_contact = _median(raw["days"])
    column.attempts_to_contact = _median(raw["attempts"])
    column.opened = Figure.count(raw["opened"])
    closed = sum(raw["endings"].values())
    column.closed = Figure.count(closed)
    column.endings = {p: Figure.count(raw["endings"][p]) for p in ENDINGS}
    referred = raw["endings"][Phase.DOORVERWEZEN]
    column.referred_share = Figure(referred / closed if closed else None, closed, percent=True)
    column.referred_to = sorted(
        ((name, Figure.count(n)) for name, n in raw["referred_to"].items()),
        key=lambda row: (-row[1].value, row[0]),
    )
    column.workers = len(loads)
    open_cases = sum(loads)
    column.open_cases = Figure.count(open_cases)
    column.caseload_mean = Figure(float(mean(loads)) if loads else None, open_cases)
    column.caseload_max = Figure(max(loads) if loads else None, open_cases)
    column.zrm = [
        ZrmDomainFigure(
            row.domain.name,
            Figure.count(row.cases),
            Figure(row.mean_begin, row.cases),
            Figure(row.mean_end, row.cases),
            Figure(row.improved, row.cases, percent=True),
        )
        for row in outcomes
    ]
    supporters, kinds, overloaded, with_both = network
    column.network_cases = Figure.count(with_both)
    column.network_supporters = _mean(supporters)
    column.network_kinds = _mean(kinds)
    column.network_overloaded = Figure.count(overloaded)
    return column


def _network_parts(summary):
    """The team summary's means as the lists they are the mean of, so teams can be pooled."""
    n = summary.with_both - summary.begin_not_mapped
    supporters = [float(summary.mean_change_supporters)] * n if n else []
    kinds = [float(summary.mean_change_kinds)] * n if n else []
    return supporters, kinds, summary.ending_overloaded, summary.with_both


def organisation_figures(start, end, *, today=None):
    """Every team's figures for [start, end] and the organisation's in total."""
    teams = list(Team.objects.order_by("name"))
    raw = _raw(teams, start, end)
    columns = []
    pooled = _empty_raw()
    all_loads, all_pairs, all_network = [], defaultdict(list), ([], [], 0, 0)
    domains = {}
    for team in teams:
        mine = raw[team.pk]
        for key in ("sources", "endings", "referred_to"):
            pooled[key].update(mine[key])
        pooled["days"] += mine["days"]
        pooled["attempts"] += mine["attempts"]
        pooled["opened"] += mine["opened"]
        # Open cases per worker now: the team lead's caseload table, without the names.
        loads = [row.open for row in worker_caseloads(team, today=today) if row.open]
        all_loads += loads
        outcomes = team_outcomes(team, start, end).rows
        for row in outcomes:
            domains.setdefault(row.domain.pk, row.domain)
            all_pairs[row.domain.pk] += row.pairs
        network = _network_parts(team_network_summary(team, start, end))
        all_network = (
            all_network[0] + network[0],
            all_network[1] + network[1],
            all_network[2] + network[2],
            all_network[3] + network[3],
        )
        columns.append(_column(team, mine, loads=loads, outcomes=outcomes, network=network))
    total_outcomes = [OutcomeRow(domain, all_pairs[pk]) for pk, domain in domains.items()]
    total = _column(None, pooled, loads=all_loads, outcomes=total_outcomes, network=all_network)
    return OrganisationFigures(start, end, columns, total)
