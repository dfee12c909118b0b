"""Reads of network maps; the zrm app reads these too (never the other way round)."""

from dataclasses import dataclass
from statistics import mean

from cases.models import Case
from network.measures import Measures, as_dict
from network.models import NetworkSnapshot
from outreach.rounding import one_decimal


def live_members(case):
    """The case's members now, as dicts the measures and the drawing take, and as objects."""
    members = list(case.network_members.prefetch_related("agreements").order_by("ring", "name"))
    return members, [as_dict(m) for m in members]


def snapshot_measures(snapshot):
    return Measures.from_json(snapshot.measures)


def begin_and_end(case):
    """The latest begin and the latest end snapshot of a case (either may be None)."""
    found = {}
    for snapshot in NetworkSnapshot.objects.filter(
        case=case, kind__in=[NetworkSnapshot.Kind.BEGIN, NetworkSnapshot.Kind.END]
    ):
        found.setdefault(snapshot.kind, snapshot)  # newest first by the model's ordering
    return found.get(NetworkSnapshot.Kind.BEGIN), found.get(NetworkSnapshot.Kind.END)


@dataclass
class TeamNetworkSummary:
    cases: int
    with_both: int
    mean_change_supporters: float | None
    mean_change_kinds: float | None
    ending_overloaded: int


def team_network_summary(team, start, end):
    """Over the team's cases closed in [start, end]: the mean change in informal supporters and in
    kinds of support covered between the begin and end snapshots, and how many cases end with an
    overload warning. Two queries."""
    case_ids = list(
        Case.objects.filter(team=team, closed_on__gte=start, closed_on__lte=end).values_list(
            "pk", flat=True
        )
    )
    latest = {}
    for snapshot in NetworkSnapshot.objects.filter(
        case__in=case_ids, kind__in=[NetworkSnapshot.Kind.BEGIN, NetworkSnapshot.Kind.END]
    ):
        latest.setdefault((snapshot.case_id, snapshot.kind), snapshot)
    supporters, kinds, overloaded, both = [], [], 0, 0
    for case_id in case_ids:
        begin = latest.get((case_id, NetworkSnapshot.Kind.BEGIN))
        end_ = latest.get((case_id, NetworkSnapshot.Kind.END))
        if end_ is not None and "overloaded_supporter" in end_.measures["warnings"]:
            overloaded += 1
        if begin is None or end_ is None:
            continue
        both += 1
        supporters.append(
            end_.measures["informal_supporters"] - begin.measures["informal_supporters"]
        )
        kinds.append(end_.measures["kinds_covered"] - begin.measures["kinds_covered"])
    return TeamNetworkSummary(
        cases=len(case_ids),
        with_both=both,
        mean_change_supporters=one_decimal(mean(supporters)) if supporters else None,
        mean_change_kinds=one_decimal(mean(kinds)) if kinds else None,
        ending_overloaded=overloaded,
    )
