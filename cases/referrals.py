"""Where the team's cases go: the share that stays with the team against the share referred, and
to which organisations (the study: about 70% stays). Read for the team page; a fixed number of
queries whatever the size of the team."""

from dataclasses import dataclass
from datetime import timedelta

from django.db.models import Count, Q, Value
from django.db.models.functions import Coalesce, NullIf
from django.utils import timezone

from cases.models import Case
from cases.phases import EXIT_PHASES, Phase

# The window of the figures: cases closed in the last year.
REFERRAL_WINDOW_DAYS = 365


@dataclass
class ReferralFigures:
    closed: int
    referred: int
    in_handover: int
    organisations: list  # (name, count), most first

    @property
    def stayed(self):
        return self.closed - self.referred

    def _share(self, part):
        return round(100 * part / self.closed) if self.closed else None

    @property
    def stayed_pct(self):
        return self._share(self.stayed)

    @property
    def referred_pct(self):
        return self._share(self.referred)


def referred_to():
    """The organisation a case went to: its directory entry's name, or the one-off name typed."""
    return Coalesce("referral_partner__name", NullIf("referred_to", Value("")))


def referral_figures(team, *, today=None):
    today = today or timezone.localdate()
    since = today - timedelta(days=REFERRAL_WINDOW_DAYS)
    cases = Case.objects.filter(team=team)
    # Closed as the year figures count it (cases/team_year.py): a case in nazorg closed its
    # trajectory with the team, so it stayed.
    closed = Q(phase__in=EXIT_PHASES, closed_on__gte=since)
    counts = cases.aggregate(
        closed=Count("id", filter=closed),
        referred=Count("id", filter=closed & Q(phase=Phase.DOORVERWEZEN)),
        in_handover=Count("id", filter=Q(phase=Phase.OVERDRACHT)),
    )
    organisations = (
        cases.filter(closed, phase=Phase.DOORVERWEZEN)
        .annotate(to=referred_to())
        .values_list("to")
        .annotate(n=Count("id"))
        .order_by("-n", "to")
    )
    return ReferralFigures(**counts, organisations=[(to or "—", n) for to, n in organisations])
