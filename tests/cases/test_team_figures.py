"""The team lead's figures (cases/team.py): caseload per worker, time in phase, signal figures,
signal sources and working days.

Where a service stamps "now" (opened_on, closed_on, PhaseSpan times, decided_at) the stored value
is shifted with a queryset .update() afterwards, the way a clock would have moved it.
"""

from datetime import date, datetime, time, timedelta
from statistics import median

import pytest
from django.utils import timezone, translation

from cases import services
from cases.models import Case, PhaseSpan, Signal
from cases.phases import Phase
from cases.team import (
    CASELOAD_SORTS,
    PHASE_GROUPS,
    PHONE_BAR_MAX,
    PHONE_BAR_ROW,
    signal_figures,
    signal_sources,
    time_in_phase,
    worker_caseloads,
    working_days_between,
)
from outreach.models import Membership
from tests.cases.factories import case_in_phase, register_signal
from tests.conftest import make_member

COLUMNS = [
    "signaal",
    "voorfase",
    "eerste_contact",
    "contract",
    "traject",
    "nazorg",
    "open",
    "opened_90",
    "closed_90",
]


DUTCH_MONTHS = ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec")


def shift(case, **values):
    Case.objects.filter(pk=case.pk).update(**values)


# Caseload -----------------------------------------------------------------------------------


@pytest.fixture
def caseload_team(team, other_team, owner, colleague, lead, outsider):
    """A hand-made team; returns what each worker's row should hold, in COLUMNS order."""
    today = timezone.localdate()
    former = make_member(
        "former", team, Membership.Role.WORKER, first_name="Fenna", last_name="Oud"
    )
    gone = make_member("gone", team, Membership.Role.WORKER, first_name="Gijs", last_name="Weg")

    def make(phase, worker, name):
        return case_in_phase(
            phase, acting_user=worker, team=team, assigned_worker=worker, last_name=name
        )

    signaal = make(Phase.SIGNAAL, owner, "O1")
    voorfase = make(Phase.VOORFASE, owner, "O2")
    make(Phase.CONTRACT, owner, "O3")
    make(Phase.TRAJECT_BEGIN, owner, "O4")
    make(Phase.TRAJECT_EVALUATIE, owner, "O5")
    make(Phase.NAZORG, owner, "O6")
    closed_in = make(Phase.AFGESLOTEN, owner, "O7")
    make(Phase.EERSTE_CONTACT, colleague, "C1")
    make(Phase.EERSTE_CONTACT, colleague, "C2")
    closed_out = make(Phase.DOORVERWEZEN, colleague, "C3")
    make(Phase.VOORFASE, former, "F1")
    # Another team's case counts nowhere here.
    case_in_phase(Phase.CONTRACT, acting_user=outsider, team=other_team, last_name="Z")
    # The clock: opened 91 and 90 days ago, closed 90 and 91 days ago.
    shift(signaal, opened_on=today - timedelta(days=91))
    shift(voorfase, opened_on=today - timedelta(days=90))
    shift(closed_in, opened_on=today - timedelta(days=120), closed_on=today - timedelta(days=90))
    shift(closed_out, opened_on=today - timedelta(days=120), closed_on=today - timedelta(days=91))
    # Two workers leave the team (there is no service for that yet); one still has a case here.
    Membership.objects.filter(user__in=[former, gone], team=team).delete()
    # Olga's closed_90 holds O7 and O6: moving into aftercare closes the trajectory and sets
    # closed_on (case_transition, move "nazorg" closes=True), while nazorg still counts as open.
    return {
        "Olga Tester": [1, 1, 0, 1, 2, 1, 6, 5, 2],
        "Cor Tester": [0, 0, 2, 0, 0, 0, 2, 2, 0],
        "Lotte Tester": [0] * 9,
        "Fenna Oud": [0, 1, 0, 0, 0, 0, 1, 1, 0],
    }


def table(rows):
    return {str(row.worker): [getattr(row, column) for column in COLUMNS] for row in rows}


def test_it_counts_each_workers_cases_per_phase_group(caseload_team, team):
    rows = worker_caseloads(team)
    assert table(rows) == caseload_team
    # The phase groups' cells with their labels, in the table's column order.
    for row in rows:
        assert row.per_group == [(label, row.counts[key]) for key, label, _p in PHASE_GROUPS]


def test_it_gives_a_member_without_cases_a_row_of_zeros(team, lead, owner):
    rows = worker_caseloads(team)
    assert table(rows) == {"Lotte Tester": [0] * 9, "Olga Tester": [0] * 9}
    assert all(row.counts[column] == 0 for row in rows for column in COLUMNS)


def test_it_counts_opened_and_closed_in_the_last_90_days_inclusive(team, owner):
    today = timezone.localdate()
    cases = {
        days: case_in_phase(Phase.AFGESLOTEN, acting_user=owner, team=team, last_name=f"D{days}")
        for days in (89, 90, 91)
    }
    for days, case in cases.items():
        # The clock: opened and closed `days` days ago.
        shift(case, opened_on=today - timedelta(days=days), closed_on=today - timedelta(days=days))
    (row,) = worker_caseloads(team)
    assert (row.open, row.opened_90, row.closed_90) == (0, 2, 2)
    # Seen from tomorrow, the 90-day-old ones drop out.
    (row,) = worker_caseloads(team, today=today + timedelta(days=1))
    assert (row.opened_90, row.closed_90) == (1, 1)


@pytest.mark.parametrize("sort", CASELOAD_SORTS)
def test_it_sorts_by_each_column(sort, caseload_team, team):
    names = [str(row.worker) for row in worker_caseloads(team, sort=sort)]
    if sort == "name":
        expected = sorted(caseload_team, key=str.lower)
    else:
        column = COLUMNS.index(sort)
        expected = sorted(caseload_team, key=lambda n: (-caseload_team[n][column], n.lower()))
    assert names == expected


def test_it_sorts_by_name_when_the_column_is_unknown(caseload_team, team):
    names = [str(row.worker) for row in worker_caseloads(team, sort="drop table")]
    assert names == ["Cor Tester", "Fenna Oud", "Lotte Tester", "Olga Tester"]


# Time in phase ------------------------------------------------------------------------------


def voorfase_spans(durations, *, team, user, ended_days_ago, now):
    """Cases that went through the pre-phase (case_transition writes the spans); each span is then
    set to last `durations[i]` days and to have ended `ended_days_ago` days before `now`."""
    for i, days in enumerate(durations):
        case = case_in_phase(
            Phase.EERSTE_CONTACT, acting_user=user, team=team, last_name=f"S{ended_days_ago}-{i}"
        )
        ended = now - timedelta(days=ended_days_ago)
        spans = PhaseSpan.objects.filter(case=case, phase=Phase.VOORFASE)
        assert spans.count() == 1 and spans.get().ended_at is not None
        spans.update(started_at=ended - timedelta(days=days), ended_at=ended)


def figure(figures, phase):
    (found,) = [f for f in figures if f.phase == phase]
    return found.count, found.median_days, found.p90_days


def test_it_gives_the_median_and_nearest_rank_90th_percentile(team, owner):
    now = timezone.now()
    voorfase_spans(range(1, 11), team=team, user=owner, ended_days_ago=20, now=now)
    figures, _long_open = time_in_phase(team, now=now)
    # Nearest rank: the 9th of 10 values (interpolation would give 9.1).
    assert figure(figures, Phase.VOORFASE) == (10, 5.5, 9.0)
    # The cases are still in first contact: no span there has ended.
    assert figure(figures, Phase.EERSTE_CONTACT) == (0, None, None)
    assert [f.phase for f in figures] == [
        Phase.SIGNAAL,
        Phase.VOORFASE,
        Phase.EERSTE_CONTACT,
        Phase.CONTRACT,
        Phase.TRAJECT_BEGIN,
        Phase.TRAJECT_EVALUATIE,
        Phase.TRAJECT_AFSLUITING,
        Phase.NAZORG,
        Phase.OVERDRACHT,
        Phase.MINIMAAL_CONTACT,
    ]


@pytest.mark.parametrize("count", [1, 2, 3, 4, 5, 6, 7, 8, 20, 70])
def test_it_gives_the_median_and_nearest_rank_of_any_count(team, owner, count):
    # The figures of the values sorted, with ties, for odd and even counts, small and large.
    now = timezone.now()
    case = case_in_phase(Phase.EERSTE_CONTACT, acting_user=owner, team=team)
    days = [(7 * i) % (count + 3) + 1 for i in range(count)]
    ended = now - timedelta(days=10)
    PhaseSpan.objects.bulk_create(
        PhaseSpan(
            case=case,
            team=team,
            phase=Phase.CONTRACT,
            started_at=ended - timedelta(days=d),
            ended_at=ended,
        )
        for d in days
    )
    ordered = sorted(days)
    nearest_rank = -(-9 * count // 10)
    expected = (count, round(median(ordered), 1), float(ordered[nearest_rank - 1]))
    assert figure(time_in_phase(team, now=now)[0], Phase.CONTRACT) == expected


def test_it_takes_the_90th_percentile_as_a_value_that_occurred(team, owner):
    now = timezone.now()
    voorfase_spans([30, 2, 4], team=team, user=owner, ended_days_ago=5, now=now)
    figures, _long_open = time_in_phase(team, now=now)
    assert figure(figures, Phase.VOORFASE) == (3, 4.0, 30.0)


def test_it_leaves_out_spans_that_ended_more_than_12_months_ago(team, owner, other_team, outsider):
    now = timezone.now()
    voorfase_spans(range(1, 11), team=team, user=owner, ended_days_ago=20, now=now)
    voorfase_spans([11], team=team, user=owner, ended_days_ago=364, now=now)
    voorfase_spans([500], team=team, user=owner, ended_days_ago=366, now=now)
    # Another team's spans are not this team's figures.
    voorfase_spans([700, 800], team=other_team, user=outsider, ended_days_ago=10, now=now)
    figures, _long_open = time_in_phase(team, now=now)
    assert figure(figures, Phase.VOORFASE) == (11, 6.0, 10.0)


def test_it_leaves_out_deleted_cases_everywhere(team, owner, lead):
    now = timezone.now()
    voorfase_spans([3, 5], team=team, user=owner, ended_days_ago=20, now=now)
    voorfase_spans([90], team=team, user=owner, ended_days_ago=21, now=now)
    deleted = Case.objects.get(client__last_name="S21-0")
    services.client_delete(acting_user=lead, client=deleted.client, reason="Dubbel.")

    figures, _long_open = time_in_phase(team, now=now)

    assert figure(figures, Phase.VOORFASE)[0] == 2
    caseload = {row.worker: row.counts for row in worker_caseloads(team)}
    assert caseload[owner]["open"] == 2


def test_it_lists_open_cases_in_their_phase_longer_than_the_90th_percentile(team, owner):
    now = timezone.now()
    voorfase_spans(range(1, 11), team=team, user=owner, ended_days_ago=20, now=now)
    over = case_in_phase(Phase.VOORFASE, acting_user=owner, team=team, last_name="Over")
    under = case_in_phase(Phase.VOORFASE, acting_user=owner, team=team, last_name="Onder")
    way_over = case_in_phase(Phase.VOORFASE, acting_user=owner, team=team, last_name="Ver")
    # The clock: they entered the pre-phase 10, 8 and 30 days ago (the 90th percentile is 9).
    shift(over, phase_since=now - timedelta(days=10))
    shift(under, phase_since=now - timedelta(days=8))
    shift(way_over, phase_since=now - timedelta(days=30))
    # The ten cases in first contact have been there long, but no span there has ended.
    Case.objects.filter(phase=Phase.EERSTE_CONTACT).update(phase_since=now - timedelta(days=90))
    _figures, long_open = time_in_phase(team, now=now)
    assert [(case.pk, case.days_in_phase) for case in long_open] == [
        (way_over.pk, 30),
        (over.pk, 10),
    ]


# Signal figures -----------------------------------------------------------------------------


def at_noon(day):
    return timezone.make_aware(datetime.combine(day, time(12)))


def decided(signal, on):
    services.signal_decline(acting_user=signal.registered_by, signal=signal, reason="no_concern")
    # The clock: the decision was taken on `on`.
    Signal.objects.filter(pk=signal.pk).update(decided_at=at_noon(on))


@pytest.fixture
def wednesday():
    today = timezone.localdate()
    return today - timedelta(days=(today.weekday() - 2) % 7)


def test_it_counts_signals_decided_within_five_working_days(team, owner, wednesday, other_team):
    friday = wednesday - timedelta(days=12)
    assert friday.weekday() == 4

    def signal(received_on, team=team):
        return register_signal(acting_user=owner, team=team, received_on=received_on)

    decided(signal(friday), friday + timedelta(days=7))  # Mon-Fri: 5, in time
    decided(signal(friday), friday + timedelta(days=10))  # the Monday after: 6, late
    decided(signal(friday + timedelta(days=1)), friday + timedelta(days=7))  # Sat to Fri: 5
    decided(signal(wednesday - timedelta(days=90)), wednesday - timedelta(days=89))  # in time
    decided(signal(wednesday - timedelta(days=91)), wednesday - timedelta(days=91))  # too old
    signal(wednesday - timedelta(days=7))  # waits 5 working days: can still make it
    signal(wednesday - timedelta(days=8))  # waits 6 working days: late
    signal(wednesday - timedelta(days=200))  # waits long ago: late, but out of the 90 days
    signal(wednesday, team=other_team)

    figures = signal_figures(team, today=wednesday)
    assert (figures.waiting, figures.received_90, figures.decided_in_time) == (3, 5, 3)
    assert figures.share_in_time == pytest.approx(3 / 5)


def test_it_has_no_share_without_signals(team):
    figures = signal_figures(team)
    assert (figures.waiting, figures.received_90, figures.share_in_time) == (0, 0, None)


def test_it_counts_a_decision_by_the_local_date(team, owner, wednesday):
    friday = wednesday - timedelta(days=12)
    signal = register_signal(acting_user=owner, team=team, received_on=friday)
    services.signal_decline(acting_user=owner, signal=signal, reason="no_concern")
    # The clock: decided at 23:30 on the fifth working day, Amsterdam time (21:30 or 22:30 UTC).
    late_evening = timezone.make_aware(datetime.combine(friday + timedelta(days=7), time(23, 30)))
    Signal.objects.filter(pk=signal.pk).update(decided_at=late_evening)
    assert signal_figures(team, today=wednesday).decided_in_time == 1
    # Half an hour later it is the Saturday: still five working days.
    Signal.objects.filter(pk=signal.pk).update(decided_at=late_evening + timedelta(hours=1))
    assert signal_figures(team, today=wednesday).decided_in_time == 1
    # The Monday after is the sixth.
    Signal.objects.filter(pk=signal.pk).update(decided_at=late_evening + timedelta(days=2, hours=1))
    assert signal_figures(team, today=wednesday).decided_in_time == 0


# Signal sources -----------------------------------------------------------------------------


def months_back(day, n):
    """The first day of the month n months before `day`'s."""
    index = day.year * 12 + day.month - 1 - n
    return date(index // 12, index % 12 + 1, 1)


def test_it_counts_signals_per_source_per_month_over_twelve_months(
    team, owner, other_team, outsider
):
    today = timezone.localdate()
    this_month = today.replace(day=1)
    first_month = months_back(today, 11)

    def signal(received_on, source, team=team, user=owner):
        register_signal(acting_user=user, team=team, received_on=received_on, source=source)

    signal(today, Signal.Source.POLICE)
    signal(this_month, Signal.Source.POLICE)
    signal(first_month, Signal.Source.POLICE)
    signal(first_month - timedelta(days=1), Signal.Source.POLICE)  # 13 months ago: left out
    signal(months_back(today, 1), Signal.Source.NEIGHBOUR)
    signal(months_back(today, 5) + timedelta(days=20), Signal.Source.NEIGHBOUR)
    signal(months_back(today, 5), Signal.Source.GP)
    signal(today, Signal.Source.GP, team=other_team, user=outsider)
    signal(today, Signal.Source.LZN, team=other_team, user=outsider)

    sources = signal_sources(team, today=today)
    assert sources.months == [months_back(today, n) for n in range(11, -1, -1)]
    assert sources.months[-1] == this_month
    rows = [(str(label), counts, total) for label, counts, total in sources.rows]
    assert rows == [
        ("politie", [1] + [0] * 10 + [2], 3),
        ("buurtbewoner", [0] * 6 + [1] + [0] * 3 + [1, 0], 2),
        ("huisarts", [0] * 6 + [1] + [0] * 5, 1),
    ]
    # Each count beside its month for a cell's label on a phone; the phone's bars, the longest
    # PHONE_BAR_MAX, one row each.
    with translation.override("nl"):
        dutch = DUTCH_MONTHS[this_month.month - 1]
        assert sources.labelled_rows[0][1][-1] == (f"{dutch.title()} {this_month:%y}", 2)
    assert [(b["width"], b["y"]) for b in sources.phone_bars] == [
        (f"{PHONE_BAR_MAX:.1f}", "0"),
        (f"{PHONE_BAR_MAX * 2 / 3:.1f}", str(PHONE_BAR_ROW)),
        (f"{PHONE_BAR_MAX / 3:.1f}", str(2 * PHONE_BAR_ROW)),
    ]
    assert sources.phone_chart_height == str(3 * PHONE_BAR_ROW)


def test_it_has_no_source_rows_without_signals(team, other_team, outsider):
    register_signal(acting_user=outsider, team=other_team)
    sources = signal_sources(team)
    assert (len(sources.months), sources.rows, sources.bars) == (12, [], [])
    assert (sources.phone_bars, sources.labelled_rows) == ([], [])


# Working days -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "start, end, expected",
    [
        (date(2025, 6, 6), date(2025, 6, 9), 1),  # Friday to Monday
        (date(2025, 6, 6), date(2025, 6, 7), 0),  # Friday to Saturday
        (date(2025, 6, 7), date(2025, 6, 8), 0),  # Saturday to Sunday
        (date(2025, 6, 7), date(2025, 6, 9), 1),  # Saturday to Monday
        (date(2025, 6, 2), date(2025, 6, 9), 5),  # Monday to Monday
        (date(2025, 6, 4), date(2025, 6, 4), 0),  # the same day
        (date(2025, 6, 4), date(2025, 6, 3), 0),  # backwards
        (date(2025, 6, 4), date(2025, 6, 25), 15),  # three weeks
        (date(2025, 12, 31), date(2026, 1, 2), 2),  # over the new year (Thu, Fri)
    ],
)
def test_it_counts_weekdays_after_the_start_up_to_the_end(start, end, expected):
    assert working_days_between(start, end) == expected


def test_it_agrees_with_counting_day_by_day():
    for start in (date(2025, 3, 1) + timedelta(days=n) for n in range(14)):
        for length in range(30):
            end = start + timedelta(days=length)
            by_hand = sum((start + timedelta(days=n)).weekday() < 5 for n in range(1, length + 1))
            assert working_days_between(start, end) == by_hand, (start, end)


def test_it_leaves_the_signal_of_a_deleted_case_out_of_the_signal_figures(team, owner, lead):
    today = timezone.localdate()
    case_in_phase(Phase.SIGNAAL, acting_user=owner, team=team, last_name="Blijft")
    gone = case_in_phase(Phase.SIGNAAL, acting_user=owner, team=team, last_name="Weg")
    services.case_delete(acting_user=lead, case=gone, reason="Per ongeluk.")

    assert signal_figures(team, today=today).received_90 == 1
    rows = [(str(label), total) for label, _counts, total in signal_sources(team).rows]
    assert rows == [("buurtbewoner", 1)]
