"""The rules that put a case on the team lead's attention list, defined once.

Each rule is a database condition (so the list is one query however large the team) and a way to
say how many days the problem has lasted. The thresholds come from the team's TeamPolicy.
"""

from dataclasses import dataclass
from datetime import datetime, time, timedelta

from django.db.models import BooleanField, Count, ExpressionWrapper, Q
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from cases.models import Case, ContactAttempt, ContactMoment, TeamPolicy
from cases.phases import CLOSED_PHASES, TRAJECTORY_PHASES, Phase

STALLED_AFTER_ATTEMPTS = 5


def policy_for(team):
    return TeamPolicy.objects.filter(team=team).first() or TeamPolicy(team=team)


@dataclass(frozen=True)
class Rule:
    key: str
    label: str
    condition: callable  # (policy, now, today) -> Q over the annotated open cases
    days: callable  # (case, now, today) -> whole days the problem has lasted

    @property
    def flag(self):
        return f"attention_{self.key}"


def _days_since(moment, now):
    # Whole calendar days, as the home page counts them.
    return (timezone.localdate(now) - timezone.localdate(moment)).days if moment else None


def _before(today, days):
    """The first moment of the day `days` days ago: a time before it is more than `days` whole
    days ago."""
    return timezone.make_aware(datetime.combine(today - timedelta(days=days), time.min))


def _stalled_label():
    return gettext("first contact: %(attempts)s or more attempts, no contact") % {
        "attempts": STALLED_AFTER_ATTEMPTS
    }


RULES = [
    Rule(
        "no_contact",
        _("no contact"),
        lambda p, now, today: (
            Q(
                phase__in=[Phase.EERSTE_CONTACT, Phase.CONTRACT],
                contact_since__lt=_before(today, p.quiet_days_early),
            )
            | Q(
                phase__in=sorted(TRAJECTORY_PHASES),
                contact_since__lt=_before(today, p.quiet_days_trajectory),
            )
        ),
        lambda c, now, today: _days_since(c.contact_since, now),
    ),
    Rule(
        "follow_up_passed",
        _("follow-up date passed"),
        lambda p, now, today: Q(follow_up_on__lt=today),
        lambda c, now, today: (today - c.follow_up_on).days,
    ),
    Rule(
        "first_contact_stalled",
        lazy(_stalled_label, str)(),
        lambda p, now, today: Q(
            phase=Phase.EERSTE_CONTACT,
            attempt_count__gte=STALLED_AFTER_ATTEMPTS,
            contact_count=0,
            visit_count=0,
        ),
        lambda c, now, today: _days_since(c.phase_since, now),
    ),
    Rule(
        "nazorg_check_due",
        _("aftercare check due"),
        lambda p, now, today: (
            Q(phase=Phase.NAZORG)
            & (
                Q(nazorg_until__lte=today)
                | Q(contact_since__lt=_before(today, p.nazorg_check_days))
            )
        ),
        # An aftercare period that has ended counts from its end, else from the last contact.
        lambda c, now, today: (
            (today - c.nazorg_until).days
            if c.nazorg_until and c.nazorg_until <= today
            else _days_since(c.contact_since, now)
        ),
    ),
    Rule(
        "long_voorfase",
        _("in the pre-phase too long"),
        lambda p, now, today: Q(
            phase=Phase.VOORFASE, phase_since__lt=_before(today, p.voorfase_max_days)
        ),
        lambda c, now, today: _days_since(c.phase_since, now),
    ),
    Rule(
        "handover_unconfirmed",
        _("handover: arrival not confirmed"),
        lambda p, now, today: Q(
            phase=Phase.OVERDRACHT,
            handover_on__lt=today - timedelta(days=p.handover_confirm_days),
        ),
        lambda c, now, today: _days_since(c.phase_since, now),
    ),
]


@dataclass
class Flagged:
    """A case on the attention list before its details are loaded: what the rules and the sort
    need, as plain values."""

    pk: int
    phase: str
    phase_since: object
    contact_since: object
    follow_up_on: object
    nazorg_until: object
    reasons: list = None
    longest: int = 0


def attention_rows(team, *, now=None):
    """The team's open cases that need attention, as light rows with `reasons`: [(rule, days)],
    longest lasting first. One query; the rules run in the database."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    policy = policy_for(team)
    flags = {
        rule.flag: ExpressionWrapper(rule.condition(policy, now, today), BooleanField())
        for rule in RULES
    }
    any_rule = Q()
    for rule in RULES:
        any_rule |= Q(**{rule.flag: True})
    found = (
        Case.objects.filter(team=team)
        .exclude(phase__in=CLOSED_PHASES)
        # Never contacted counts from when the case entered its phase.
        .annotate(
            contact_since=Coalesce("last_contact_at", "phase_since"),
            attempt_count=Count("attempts", distinct=True),
            contact_count=Count(
                "attempts",
                filter=Q(attempts__result__in=ContactAttempt.CONTACT_RESULTS),
                distinct=True,
            ),
            # A logged contact that was not a failed attempt is contact too (phases.contact_made).
            visit_count=Count(
                "contacts",
                filter=~Q(contacts__kind__in=ContactMoment.NOT_CONTACT_KINDS),
                distinct=True,
            ),
            **flags,
        )
        .filter(any_rule)
        .values_list(
            "pk", "phase", "phase_since", "contact_since", "follow_up_on", "nazorg_until", *flags
        )
    )
    rows = []
    for values in found:
        row = Flagged(*values[:6])
        row.reasons = [
            (rule, rule.days(row, now, today))
            for rule, flagged in zip(RULES, values[6:], strict=True)
            if flagged
        ]
        row.longest = max((days or 0) for _rule, days in row.reasons)
        rows.append(row)
    rows.sort(key=lambda row: (-row.longest, row.pk))
    return rows


def with_details(rows):
    """The cases of some attention rows (a page of them), with client and worker, in row order,
    each carrying its `reasons` and `longest`. One query."""
    cases = Case.objects.select_related("client", "assigned_worker").in_bulk([r.pk for r in rows])
    result = []
    for row in rows:
        case = cases[row.pk]
        case.reasons, case.longest = row.reasons, row.longest
        result.append(case)
    return result


def attention_cases(team, *, now=None):
    """All of the team's cases that need attention, with their details (for the CSV export)."""
    return with_details(attention_rows(team, now=now))
