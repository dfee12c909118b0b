"""The rules that put a case on the team lead's attention list, defined once.

Each rule is a database condition (so the list is one query however large the team) and a way to
say how many days the problem has lasted. The thresholds come from the team's TeamPolicy.
"""

from dataclasses import dataclass
from datetime import datetime, time, timedelta

from django.db.models import (
    BooleanField,
    Count,
    Exists,
    ExpressionWrapper,
    F,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
)
from django.db.models.functions import Coalesce, TruncDate
from django.utils import timezone
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from cases.models import Case, ContactAttempt, ContactMoment, MeldcodeTrajectory, TeamPolicy
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
    # A rule is about open cases, unless it names the closed phase it watches (the check after
    # a referral).
    closed_phase: str = None

    def applies(self, policy, now, today):
        """The rule's condition, limited to the cases it is about."""
        condition = self.condition(policy, now, today)
        if self.closed_phase:
            return Q(phase=self.closed_phase) & condition
        return ~Q(phase__in=CLOSED_PHASES) & condition

    @property
    def flag(self):
        return f"attention_{self.key}"


def _days_since(day, today):
    # Whole calendar days, as the home page counts them, from the local date the database gave
    # (`*_on` in attention_rows): converting hundreds of timestamps in Python was a fifth of the
    # list's time.
    return (today - day).days if day else None


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
        lambda c, now, today: _days_since(c.contact_since_on, today),
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
        # The phase first: the database stops there for every other case, before the
        # per-case subqueries.
        lambda p, now, today: (
            Q(phase=Phase.EERSTE_CONTACT)
            & Q(attempt_count__gte=STALLED_AFTER_ATTEMPTS)
            & Q(contact_made=False)
        ),
        lambda c, now, today: _days_since(c.phase_since_on, today),
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
            else _days_since(c.contact_since_on, today)
        ),
    ),
    Rule(
        "long_voorfase",
        _("in the pre-phase too long"),
        lambda p, now, today: Q(
            phase=Phase.VOORFASE, phase_since__lt=_before(today, p.voorfase_max_days)
        ),
        lambda c, now, today: _days_since(c.phase_since_on, today),
    ),
    # Shown from the agreed date until the worker answers question 5 (cases.services.meldcode).
    Rule(
        "meldcode_check_due",
        _("meldcode: check question 5"),
        lambda p, now, today: Q(meldcode_check_on__lte=today),
        lambda c, now, today: (today - c.meldcode_check_on).days,
    ),
    Rule(
        "handover_unconfirmed",
        _("handover: arrival not confirmed"),
        lambda p, now, today: Q(
            phase=Phase.OVERDRACHT,
            handover_on__lt=today - timedelta(days=p.handover_confirm_days),
        ),
        lambda c, now, today: _days_since(c.phase_since_on, today),
    ),
    # A case closed as doorverwezen gets a check after the referral (the date the worker set at
    # "client arrived", the team's referral_check_days ahead). Shown from that date until a
    # contact (not a failed attempt) is logged on or after it: the worker rings the client or the
    # partner to hear whether it is going well. A contact in the aftercare period moves the case's
    # last contact (cases.phases.allows_on), so that is what the rule reads.
    Rule(
        "referral_check_due",
        _("referral: check whether it is going well"),
        lambda p, now, today: (
            Q(referral_check_on__lte=today)
            & (Q(last_contact_at__isnull=True) | Q(last_contact_on__lt=F("referral_check_on")))
        ),
        lambda c, now, today: (today - c.referral_check_on).days,
        closed_phase=Phase.DOORVERWEZEN,
    ),
]


def _meldcode_check_on():
    """The earliest date a trajectory of the case waits for its check of question 5."""
    return Subquery(
        MeldcodeTrajectory.objects.filter(
            case=OuterRef("pk"), status=MeldcodeTrajectory.Status.HELP
        )
        .order_by("check_on")
        .values("check_on")[:1]
    )


@dataclass
class Flagged:
    """A case on the attention list before its details are loaded: what the rules and the sort
    need, as plain values."""

    pk: int
    phase: str
    phase_since_on: object
    contact_since_on: object
    follow_up_on: object
    nazorg_until: object
    meldcode_check_on: object
    referral_check_on: object
    reasons: list = None
    longest: int = 0


def _per_case(queryset):
    """The rows of `queryset` that belong to the outer case. Per-case subqueries, not joins: a
    join of the open cases with their attempts and contacts, counted DISTINCT, multiplies each
    case's rows (115,000 intermediate rows for a team's 716 open cases, about 100 ms); and the
    rule that needs them asks only about cases in first contact, which the database tests
    first."""
    return queryset.filter(case=OuterRef("pk")).order_by()


def _attempt_count():
    attempts = _per_case(ContactAttempt.objects).values("case").annotate(n=Count("pk"))
    return Coalesce(Subquery(attempts.values("n"), output_field=IntegerField()), 0)


def _contact_made():
    # A contact attempt that reached the client, or a logged contact that was not a failed
    # attempt (phases.contact_made).
    return ExpressionWrapper(
        Exists(_per_case(ContactAttempt.objects).filter(result__in=ContactAttempt.CONTACT_RESULTS))
        | Exists(
            _per_case(ContactMoment.objects).exclude(kind__in=ContactMoment.NOT_CONTACT_KINDS)
        ),
        BooleanField(),
    )


def candidates(policy, now, today):
    """The cases the rules look at: the open ones, and the closed ones a rule watches that it
    flags (so the per-case subqueries never run over the team's closed history)."""
    condition = ~Q(phase__in=CLOSED_PHASES)
    for rule in RULES:
        if rule.closed_phase:
            condition |= rule.applies(policy, now, today)
    return condition


def annotations():
    """What the rules' conditions read besides the case's own fields."""
    return {
        # Never contacted counts from when the case entered its phase.
        "contact_since": Coalesce("last_contact_at", "phase_since"),
        "last_contact_on": TruncDate("last_contact_at"),
        "meldcode_check_on": _meldcode_check_on(),
    }


def attention_rows(team, *, now=None):
    """The team's open cases that need attention, as light rows with `reasons`: [(rule, days)],
    longest lasting first. One query; the rules run in the database."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    policy = policy_for(team)
    flags = {
        rule.flag: ExpressionWrapper(rule.applies(policy, now, today), BooleanField())
        for rule in RULES
    }
    any_rule = Q()
    for rule in RULES:
        any_rule |= Q(**{rule.flag: True})
    found = (
        Case.objects.filter(team=team)
        .annotate(**annotations())
        .filter(candidates(policy, now, today))
        .annotate(
            attempt_count=_attempt_count(),
            contact_made=_contact_made(),
            **flags,
        )
        .filter(any_rule)
        .order_by()  # sorted below, by how long the problems last
        .annotate(
            phase_since_on=TruncDate("phase_since"), contact_since_on=TruncDate("contact_since")
        )
        .values_list(
            "pk",
            "phase",
            "phase_since_on",
            "contact_since_on",
            "follow_up_on",
            "nazorg_until",
            "meldcode_check_on",
            "referral_check_on",
            *flags,
        )
    )
    rows = []
    for values in found:
        row = Flagged(*values[:8])
        row.reasons = [
            (rule, rule.days(row, now, today))
            for rule, flagged in zip(RULES, values[8:], strict=True)
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
        case.meldcode_check_on = row.meldcode_check_on
        result.append(case)
    return result


def attention_cases(team, *, now=None):
    """All of the team's cases that need attention, with their details (for the CSV export)."""
    return with_details(attention_rows(team, now=now))


NO_CONTACT = next(rule for rule in RULES if rule.key == "no_contact")


def quiet_condition(teams, *, now=None):
    """The attention list's "no contact" rule, with each case's own team's thresholds, as a
    condition over cases annotated with `contact_since` (`CONTACT_SINCE`). The worker's home
    page marks quiet cases with it, so it and the team page never disagree: a case in signaal
    or voorfase is never "no contact", a trajectory has its own threshold. One query per team
    for its thresholds."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    condition = Q(pk__in=[])
    for team in teams:
        condition |= Q(team=team) & NO_CONTACT.condition(policy_for(team), now, today)
    return condition


# Never contacted counts from when the case entered its phase.
CONTACT_SINCE = Coalesce("last_contact_at", "phase_since")
