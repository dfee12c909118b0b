"""Reads for the team lead's page: caseload per worker, time in phase, signal figures and sources.
Each is a fixed number of queries whatever the size of the team."""

import math
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import timedelta
from statistics import median

from django.db.models import Count, DurationField, ExpressionWrapper, F, Q
from django.db.models.functions import TruncMonth
from django.utils import dateformat, timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from cases.models import Case, PhaseSpan, Signal, VolunteerRequest, VolunteerService
from cases.phases import CLOSED_PHASES, TRAJECTORY_PHASES, Phase
from outreach.models import User

# The caseload columns: the trajectory's three steps count as one.
PHASE_GROUPS = [
    ("signaal", Phase.SIGNAAL.label, [Phase.SIGNAAL]),
    ("voorfase", Phase.VOORFASE.label, [Phase.VOORFASE]),
    ("eerste_contact", Phase.EERSTE_CONTACT.label, [Phase.EERSTE_CONTACT]),
    ("contract", Phase.CONTRACT.label, [Phase.CONTRACT]),
    ("traject", _("trajectory"), sorted(TRAJECTORY_PHASES)),
    ("nazorg", Phase.NAZORG.label, [Phase.NAZORG]),
]
CASELOAD_SORTS = ["name", "open", *[g for g, _l, _p in PHASE_GROUPS], "opened_90", "closed_90"]
# The window of the page's recent figures: cases opened and closed, signals decided in time.
RECENT_DAYS = 90
# The long-open cases listed on the team page, longest in their phase first.
LONG_OPEN_SHOWN = 50
LONG_OPEN_FIELDS = (
    "reference",
    "phase",
    "phase_since",
    "client__first_name",
    "client__last_name",
    "assigned_worker__first_name",
    "assigned_worker__last_name",
    "assigned_worker__username",
)
# A signal is decided in time within this many working days of coming in.
DECIDE_WITHIN_WORKING_DAYS = 5


@dataclass
class WorkerLoad:
    worker: User
    counts: dict = field(default_factory=dict)

    @property
    def per_group(self):
        """(label, count) per phase group, in the order of the table's columns."""
        return [(label, self.counts[key]) for key, label, _phases in PHASE_GROUPS]

    def __getattr__(self, name):
        try:
            return self.__dict__["counts"][name]
        except KeyError:
            raise AttributeError(name) from None


def worker_caseloads(team, *, sort="name", today=None):
    """One row per member of the team (and per former member who still has cases here)."""
    today = today or timezone.localdate()
    since = today - timedelta(days=RECENT_DAYS)
    is_open = ~Q(phase__in=CLOSED_PHASES)
    aggregates = {g: Count("id", filter=Q(phase__in=phases)) for g, _l, phases in PHASE_GROUPS}
    aggregates.update(
        open=Count("id", filter=is_open),
        opened_90=Count("id", filter=Q(opened_on__gte=since)),
        closed_90=Count("id", filter=Q(closed_on__gte=since)),
    )
    counts = {
        row.pop("assigned_worker"): row
        for row in Case.objects.filter(team=team).values("assigned_worker").annotate(**aggregates)
    }
    workers = User.objects.filter(Q(memberships__team=team) | Q(pk__in=list(counts))).distinct()
    empty = dict.fromkeys(aggregates, 0)
    rows = [WorkerLoad(w, {**empty, **counts.get(w.pk, {})}) for w in workers]
    if sort == "name" or sort not in CASELOAD_SORTS:
        rows.sort(key=lambda r: (str(r.worker).lower(), r.worker.pk))
    else:
        rows.sort(key=lambda r: (-r.counts[sort], str(r.worker).lower()))
    return rows


def _percentile(sorted_values, share):
    # Nearest rank: the smallest value with at least `share` of the values at or below it.
    return sorted_values[max(0, math.ceil(share * len(sorted_values)) - 1)]


@dataclass
class PhaseTime:
    phase: str
    label: str
    count: int
    median_days: float | None
    p90_days: float | None


def time_in_phase(team, *, now=None):
    """Per open phase: how many days cases spent there, over the spans that ended in the last 12
    months (median and 90th percentile); and the open cases now in a phase for longer than its
    90th percentile."""
    now = now or timezone.now()
    durations = defaultdict(list)
    # A soft-deleted case counts nowhere.
    spans = PhaseSpan.objects.filter(team=team, ended_at__gte=now - timedelta(days=365)).exclude(
        case__in=_deleted_cases(team)
    )
    # The database subtracts: one value per span to read instead of two timestamps, which
    # for a team's thousands of spans is most of the page's time in Python.
    spent = ExpressionWrapper(F("ended_at") - F("started_at"), output_field=DurationField())
    for phase, duration in spans.values_list("phase", spent):
        durations[phase].append(duration.total_seconds() / 86400)
    figures = []
    for phase, label in Phase.choices:
        if phase in CLOSED_PHASES:
            continue
        values = sorted(durations.get(phase, []))
        figures.append(
            PhaseTime(
                phase,
                label,
                len(values),
                round(median(values), 1) if values else None,
                round(_percentile(values, 0.9), 1) if values else None,
            )
        )
    overdue = Q()
    for figure in figures:
        if figure.p90_days is not None:
            overdue |= Q(phase=figure.phase, phase_since__lt=now - timedelta(days=figure.p90_days))
    long_open = []
    if overdue:
        # The shown cases chosen by the team's index alone, then joined to their clients and
        # workers: joining first would read every client of the organisation.
        shown = Case.objects.filter(overdue, team=team).order_by("phase_since")[:LONG_OPEN_SHOWN]
        long_open = list(
            Case.objects.filter(pk__in=shown.values("pk"))
            .select_related("client", "assigned_worker")
            # What the list shows: whole rows of the three tables were most of its time.
            .only(*LONG_OPEN_FIELDS)
            .order_by("phase_since", "pk")
        )
        for case in long_open:
            case.days_in_phase = (now - case.phase_since).days
    return figures, long_open


def working_days_between(start, end):
    """Weekdays after `start` up to and including `end` (public holidays are not counted out)."""
    if end <= start:
        return 0
    days = (end - start).days
    weeks, rest = divmod(days, 7)
    count = weeks * 5
    for offset in range(1, rest + 1):
        if (start + timedelta(days=offset)).weekday() < 5:
            count += 1
    return count


@dataclass
class SignalFigures:
    waiting: int
    received_90: int
    decided_in_time: int

    @property
    def share_in_time(self):
        return self.decided_in_time / self.received_90 if self.received_90 else None


def _deleted_cases(team):
    """The team's soft-deleted cases, from a small partial index. The team's figures leave them
    out with these rather than with a join that tests every case of the organisation for
    `deleted_at IS NULL`. A case's phase spans and signals are always in its team
    (cases.services.lifecycle._into_team)."""
    return Case.all_objects.filter(team=team, deleted_at__isnull=False).values("pk")


def _team_signals(team):
    # A signal taken into a soft-deleted case counts nowhere, as it shows nowhere; a waiting
    # signal has no case and counts.
    return Signal.objects.filter(team=team).exclude(case__in=_deleted_cases(team))


def signal_figures(team, *, today=None, within_working_days=DECIDE_WITHIN_WORKING_DAYS):
    """The share of the signals received in the last RECENT_DAYS days that were decided within
    `within_working_days` working days. Signals still inside those days are not counted yet: they
    can still make it."""
    today = today or timezone.localdate()
    waiting = _team_signals(team).filter(status=Signal.Status.WAITING).count()
    received, in_time = 0, 0
    rows = _team_signals(team).filter(received_on__gte=today - timedelta(days=RECENT_DAYS))
    for received_on, decided_at in rows.values_list("received_on", "decided_at"):
        if decided_at is not None:
            decided_on = timezone.localdate(decided_at)
            received += 1
            in_time += working_days_between(received_on, decided_on) <= within_working_days
        elif working_days_between(received_on, today) > within_working_days:
            received += 1
    return SignalFigures(waiting, received, in_time)


# The phone's bar chart (templates/cases/team_detail.html): a row per source, its name (14 high)
# above a bar of at most PHONE_BAR_MAX, room for the total beside the longest.
PHONE_BARS_WIDTH = 340
PHONE_BAR_ROW = 46
PHONE_BAR_MAX = 280


@dataclass
class SignalSources:
    months: list
    rows: list  # (source label, [count per month], total)

    @cached_property
    def month_labels(self):
        # Formatted once here, not in each of the table's cells.
        return [dateformat.format(month, "M y") for month in self.months]

    @property
    def labelled_rows(self):
        """The rows with each count beside its month's label (which labels a cell on a phone)."""
        return [
            (label, list(zip(self.month_labels, counts, strict=True)), total)
            for label, counts, total in self.rows
        ]

    @property
    def bars(self):
        """Rows for the horizontal bar chart of 12-month totals; lengths as strings, because
        Django would print a float with a Dutch decimal comma."""
        largest = max((total for _label, _counts, total in self.rows), default=0) or 1
        return [
            {
                "label": label,
                "total": total,
                "y": str(8 + 26 * i),
                "width": f"{300 * total / largest:.1f}",
            }
            for i, (label, _counts, total) in enumerate(self.rows)
        ]

    @property
    def chart_height(self):
        return str(16 + 26 * len(self.rows))

    @property
    def phone_bars(self):
        """The same bars for a phone (PHONE_BARS_WIDTH wide, drawn at about its own size on a
        360 px screen): each source's name above its bar, so both are large enough to read."""
        largest = max((total for _label, _counts, total in self.rows), default=0) or 1
        return [
            {
                "label": label,
                "total": total,
                "y": str(PHONE_BAR_ROW * i),
                "width": f"{PHONE_BAR_MAX * total / largest:.1f}",
            }
            for i, (label, _counts, total) in enumerate(self.rows)
        ]

    @property
    def phone_chart_height(self):
        return str(PHONE_BAR_ROW * len(self.rows))


def signal_sources(team, *, today=None):
    """Signals per source type per month over the last 12 months (this month included)."""
    today = today or timezone.localdate()
    first = today.replace(day=1)
    months = []
    for _month in range(12):
        months.insert(0, first)
        first = (first - timedelta(days=1)).replace(day=1)
    counts = defaultdict(int)
    rows = (
        _team_signals(team)
        .filter(received_on__gte=months[0])
        .annotate(month=TruncMonth("received_on"))
        .values_list("source", "month")
        .annotate(n=Count("id"))
    )
    for source, month, n in rows:
        counts[(source, month)] += n
    table = []
    for source, label in Signal.Source.choices:
        per_month = [counts.get((source, month), 0) for month in months]
        if any(per_month):
            table.append((label, per_month, sum(per_month)))
    table.sort(key=lambda row: -row[2])
    return SignalSources(months, table)


# Waiting times for volunteer services: over the requests matched in this many days.
VOLUNTEER_WAIT_WINDOW_DAYS = 365


@dataclass
class VolunteerWait:
    service: str
    matched: int
    median_days: float | None
    waiting: int


def volunteer_waits(team, *, today=None):
    """Per service of the team's catalogue (still offered, or with someone waiting): how long
    from request to match (median days to one decimal, as the phase times, over requests
    matched in the last VOLUNTEER_WAIT_WINDOW_DAYS) and how many requests wait now (requested
    or on the waiting list). Two queries, whatever the numbers. Requests on deleted cases are
    left out."""
    today = today or timezone.localdate()
    waiting_now = Q(
        requests__status__in=[VolunteerRequest.Status.REQUESTED, VolunteerRequest.Status.WAITING],
        requests__case__deleted_at__isnull=True,
    )
    services_ = (
        VolunteerService.objects.filter(team=team)
        .annotate(waiting=Count("requests", filter=waiting_now))
        .filter(Q(active=True) | Q(waiting__gt=0))
        .order_by("name", "id")
    )
    spans = defaultdict(list)
    for service_id, requested_on, matched_on in VolunteerRequest.objects.filter(
        service__team=team,
        case__deleted_at__isnull=True,
        matched_on__gte=today - timedelta(days=VOLUNTEER_WAIT_WINDOW_DAYS),
    ).values_list("service_id", "requested_on", "matched_on"):
        spans[service_id].append((matched_on - requested_on).days)
    return [
        VolunteerWait(
            service=service.name,
            matched=len(spans[service.pk]),
            median_days=round(float(median(spans[service.pk])), 1) if spans[service.pk] else None,
            waiting=service.waiting,
        )
        for service in services_
    ]
