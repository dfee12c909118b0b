"""The rules that put a case on the team lead's attention list, defined once.

Each rule is a database condition (so the list is one query however large the team) and a way to
say how many days the problem has lasted. The thresholds come from the team's TeamPolicy.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.db.models import BooleanField, Count, ExpressionWrapper, Q
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cases.models import Case, TeamPolicy
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
    return (now - moment).days if moment else None


RULES = [
    Rule(
        "no_contact",
        _("no contact"),
        lambda p, now, today: (
            Q(
                phase__in=[Phase.EERSTE_CONTACT, Phase.CONTRACT],
                contact_since__lt=now - timedelta(days=p.quiet_days_early),
            )
            | Q(
                phase__in=sorted(TRAJECTORY_PHASES),
                contact_since__lt=now - timedelta(days=p.quiet_days_trajectory),
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
        _("first contact: five or more attempts, no contact"),
        lambda p, now, today: Q(
            phase=Phase.EERSTE_CONTACT, attempt_count__gte=STALLED_AFTER_ATTEMPTS, contact_count=0
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
                | Q(contact_since__lt=now - timedelta(days=p.nazorg_check_days))
            )
        ),
        lambda c, now, today: _days_since(c.contact_since, now),
    ),
    Rule(
        "long_voorfase",
        _("in the pre-phase too long"),
        lambda p, now, today: Q(
            phase=Phase.VOORFASE, phase_since__lt=now - timedelta(days=p.voorfase_max_days)
        ),
        lambda c, now, today: _days_since(c.phase_since, now),
    ),
]


def attention_cases(team, *, now=None):
    """The team's open cases that need attention, each with `reasons`: [(rule, days)], longest
    lasting first. One query."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    policy = policy_for(team)
    cases = (
        Case.objects.filter(team=team)
        .exclude(phase__in=CLOSED_PHASES)
        .select_related("client", "assigned_worker")
        # Never contacted counts from when the case entered its phase.
        .annotate(
            contact_since=Coalesce("last_contact_at", "phase_since"),
            attempt_count=Count("attempts", distinct=True),
            contact_count=Count("attempts", filter=Q(attempts__result="contact"), distinct=True),
        )
    )
    flags = {
        rule.flag: ExpressionWrapper(rule.condition(policy, now, today), BooleanField())
        for rule in RULES
    }
    any_rule = Q()
    for rule in RULES:
        any_rule |= Q(**{rule.flag: True})
    rows = list(cases.annotate(**flags).filter(any_rule))
    for case in rows:
        case.reasons = [
            (rule, rule.days(case, now, today)) for rule in RULES if getattr(case, rule.flag)
        ]
        case.longest = max((days or 0) for _rule, days in case.reasons)
    rows.sort(key=lambda case: (-case.longest, case.pk))
    return rows
