"""A team's figures for one calendar year (the practice study's point 9): the cases closed against
the target the lead set for that year, how they ended (per exit), and to which organisations the
referred ones went. Counts only, no client data; three queries whatever the size of the team.

A case counts in the year of its `closed_on` with the phase it is in now: a case that went into
nazorg counts as closed on the day its trajectory closed (as on the team page), first as *in
nazorg*, after its aftercare as *afgesloten*. A reopened case loses its closing date and counts
again in the year it is closed again.
"""

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Min, Q

from cases.models import Case, TeamYearTarget
from cases.phases import EXIT_PHASES, Phase
from cases.referrals import referred_to

# The name a referral without an organisation is listed under (none is made today; older data).
NO_ORGANISATION = "—"


@dataclass
class TeamYear:
    year: int
    target: int | None
    exits: list  # (Phase, count), in EXIT_PHASES order
    organisations: list  # (name, count), most first
    # The share of the year that has passed (1 for a past year), for the target so far.
    elapsed: float = 1.0

    @property
    def closed(self):
        return sum(n for _phase, n in self.exits)

    @property
    def referred(self):
        return dict(self.exits)[Phase.DOORVERWEZEN]

    @property
    def target_pct(self):
        return round(100 * self.closed / self.target) if self.target else None

    @property
    def target_so_far(self):
        """The part of the target the team would have reached by today at an even pace (this
        year only)."""
        if not self.target or self.elapsed >= 1:
            return None
        return round(self.target * self.elapsed)


def _closed_in(team, year):
    return Case.objects.filter(
        team=team,
        closed_on__gte=date(year, 1, 1),
        closed_on__lte=date(year, 12, 31),
        phase__in=EXIT_PHASES,
    )


def team_years(team, today):
    """The years to choose from: from the team's first closed case to this year, newest first."""
    first = Case.objects.filter(team=team).aggregate(first=Min("closed_on"))["first"]
    start = min(first.year, today.year) if first else today.year
    return list(range(today.year, start - 1, -1))


def year_target(team, year):
    """The team's target for `year` (cases.models.targets), or None."""
    return (
        TeamYearTarget.objects.filter(team=team, year=year).values_list("target", flat=True).first()
    )


def team_year_figures(team, year, *, today):
    cases = _closed_in(team, year)
    counts = cases.aggregate(
        **{phase.value: Count("id", filter=Q(phase=phase)) for phase in EXIT_PHASES}
    )
    organisations = (
        cases.filter(phase=Phase.DOORVERWEZEN)
        .annotate(to=referred_to())
        .values_list("to")
        .annotate(n=Count("id"))
        .order_by("-n", "to")
    )
    if year < today.year:
        elapsed = 1.0
    elif year > today.year:
        elapsed = 0.0
    else:
        days = (date(year, 12, 31) - date(year, 1, 1)).days + 1
        elapsed = ((today - date(year, 1, 1)).days + 1) / days
    return TeamYear(
        year=year,
        target=year_target(team, year),
        exits=[(phase, counts[phase.value]) for phase in EXIT_PHASES],
        organisations=[(to or NO_ORGANISATION, n) for to, n in organisations],
        elapsed=elapsed,
    )
