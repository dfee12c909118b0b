"""Reads of network maps; the zrm app reads these too (never the other way round)."""

from dataclasses import dataclass
from statistics import mean

from cases.models import Case
from cases.phases import TRAJECTORY_PHASES
from network import guide
from network.measures import Measures, as_dict
from network.models import NetworkSnapshot
from outreach.rounding import one_decimal


def live_members(case):
    """The case's members now, as dicts the measures and the drawing take, and as objects."""
    members = list(
        case.network_members.select_related("partner_organisation", "partner_contact").order_by(
            "ring", "name"
        )
    )
    return members, [as_dict(m) for m in members]


def snapshot_measures(snapshot):
    return Measures.from_json(snapshot.measures)


def _current(snapshots):
    """Leave out begin snapshots that a begin network recorded afterwards replaced."""
    return snapshots.filter(replaced_by__isnull=True)


@dataclass
class InterviewRow:
    question: str  # the question's text in the reader's language (its key if a guide lacks it)
    guide_version: str
    first: str
    second: str


def interview_side_by_side(first, second):
    """The interview answers frozen in two snapshots, per question asked in either, in the
    guide's order (questions of another guide version after them)."""
    answers = {}
    for side, snapshot in ((0, first), (1, second)):
        for item in snapshot.interview:
            key = (item["guide_version"], item["question"])
            answers.setdefault(key, ["", ""])[side] = item["answer"]
    order = {key: i for i, key in enumerate(guide.question_keys())}
    current = guide.version()

    def position(key):
        version, question = key
        return (version != current, order.get(question, len(order)), version, question)

    return [
        InterviewRow(
            guide.text(guide.question(question)) if version == current else question,
            version,
            *answers[(version, question)],
        )
        for version, question in sorted(answers, key=position)
    ]


def case_snapshots(case):
    """The case's snapshots, newest first, each with who took it and what replaced it."""
    return case.network_snapshots.select_related("taken_by", "replaced_by__taken_by")


def begin_and_end(case):
    """The current begin and the latest end snapshot of a case (either may be None): the newest
    of each kind that was not replaced."""
    found = {}
    for snapshot in _current(
        NetworkSnapshot.objects.filter(
            case=case, kind__in=[NetworkSnapshot.Kind.BEGIN, NetworkSnapshot.Kind.END]
        )
    ):
        found.setdefault(snapshot.kind, snapshot)  # newest first by the model's ordering
    return found.get(NetworkSnapshot.Kind.BEGIN), found.get(NetworkSnapshot.Kind.END)


def recordable_begin(case, snapshots=None):
    """The current begin snapshot if its map was empty, so that the begin network can still be
    recorded afterwards (a "not mapped yet", or a "no network" the client turns out to have
    people for); else None. From `snapshots` (case_snapshots, already read) without a query."""
    if snapshots is None:
        begin = _current(NetworkSnapshot.objects.filter(case=case, kind="begin")).first()
    else:
        begin = next((s for s in snapshots if s.kind == "begin" and not s.is_replaced), None)
    return begin if begin is not None and not begin.members else None


def current_begin(case, snapshots=None):
    """The current begin snapshot (the newest not replaced), or None; from `snapshots`
    (case_snapshots, already read) without a query."""
    if snapshots is None:
        return _current(NetworkSnapshot.objects.filter(case=case, kind="begin")).first()
    return next((s for s in snapshots if s.kind == "begin" and not s.is_replaced), None)


@dataclass
class TeamNetworkSummary:
    cases: int
    with_both: int
    begin_not_mapped: int
    mean_change_supporters: float | None
    mean_change_kinds: float | None
    ending_overloaded: int
    # Open trajectories compared with their latest map, not yet with an end: a tussenstand.
    interim: bool = False


def _summarise(case_ids, pairs, *, interim=False):
    """The figures over `case_ids`, of which `pairs` maps those with a current begin snapshot to
    (begin, the snapshot it is compared with: the end, or the latest so far). A case whose begin
    network was not mapped is left out of the means and counted in `begin_not_mapped`: its
    "change" would be drawing the map, not activating the network."""
    supporters, kinds, overloaded, both, not_mapped = [], [], 0, 0, 0
    for case_id in case_ids:
        begin, later = pairs.get(case_id, (None, None))
        if later is not None and "overloaded_supporter" in later.measures["warnings"]:
            overloaded += 1
        if begin is None or later is None:
            continue
        both += 1
        if begin.begin_not_mapped:
            not_mapped += 1
            continue
        supporters.append(
            later.measures["informal_supporters"] - begin.measures["informal_supporters"]
        )
        kinds.append(later.measures["kinds_covered"] - begin.measures["kinds_covered"])
    return TeamNetworkSummary(
        cases=len(case_ids),
        with_both=both,
        begin_not_mapped=not_mapped,
        mean_change_supporters=one_decimal(mean(supporters)) if supporters else None,
        mean_change_kinds=one_decimal(mean(kinds)) if kinds else None,
        ending_overloaded=overloaded,
        interim=interim,
    )


def team_network_summary(team, start, end):
    """Over the team's cases closed in [start, end]: the mean change in informal supporters and in
    kinds of support covered between the current begin and the end snapshots, and how many cases
    end with an overload warning. Two queries."""
    case_ids = list(
        Case.objects.filter(team=team, closed_on__gte=start, closed_on__lte=end).values_list(
            "pk", flat=True
        )
    )
    latest = {}
    snapshots = _current(
        NetworkSnapshot.objects.filter(
            case__in=case_ids, kind__in=[NetworkSnapshot.Kind.BEGIN, NetworkSnapshot.Kind.END]
        )
    )
    for snapshot in snapshots:
        latest.setdefault((snapshot.case_id, snapshot.kind), snapshot)
    pairs = {
        case_id: (latest.get((case_id, "begin")), latest.get((case_id, "end")))
        for case_id in case_ids
    }
    return _summarise(case_ids, pairs)


def team_network_interim(team):
    """The same figures over the team's trajectories still open, from the first day: each case's
    current begin against its latest snapshot taken after it (an end, or one taken by hand at an
    evaluation), marked interim. Two queries."""
    case_ids = list(
        Case.objects.filter(team=team, phase__in=TRAJECTORY_PHASES).values_list("pk", flat=True)
    )
    begins, latest = {}, {}
    for snapshot in _current(NetworkSnapshot.objects.filter(case__in=case_ids)):
        # Newest first (the model's ordering): the first of each is the current one.
        if snapshot.kind == NetworkSnapshot.Kind.BEGIN:
            begins.setdefault(snapshot.case_id, snapshot)
        else:
            latest.setdefault(snapshot.case_id, snapshot)
    pairs = {}
    for case_id, begin in begins.items():
        later = latest.get(case_id)
        pairs[case_id] = (begin, later if later and later.taken_at > begin.taken_at else None)
    return _summarise(case_ids, pairs, interim=True)


def worker_map_name(user):
    """The name a worker stands on a map under when they put themselves on it."""
    return (user.get_full_name() or user.get_username())[:80]


def is_on_map(user, members):
    """Whether `user` put themselves on this map (network.services.worker_place): once per
    worker and case, so a co-worker still can."""
    name = worker_map_name(user)
    return any(m.outreach_worker and m.name == name for m in members)
