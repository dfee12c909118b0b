"""The attention rules (cases/attention.py) at their boundaries, with the team's thresholds.

The services stamp phase_since, follow-up dates and nazorg_until with today; to put a case "N days
ago" those stored values are shifted with a queryset .update(), the way a clock would move them.
Contact moments are placed in the past through attempt_record's own attempted_at.
"""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models import BooleanField, Count, ExpressionWrapper, Q
from django.utils import timezone

from cases import services
from cases.attention import (
    RULES,
    annotations,
    attention_cases,
    attention_rows,
    candidates,
    policy_for,
)
from cases.models import Case, ContactAttempt, ContactMoment
from cases.phases import CLOSED_PHASES, NORMAL_PATH, TRAJECTORY_PHASES, Phase
from outreach.models import Team
from tests.cases.factories import add_agreement, case_in_phase, open_case


def ago(days, **more):
    return timezone.now() - timedelta(days=days, **more)


def attempt(case, *, when, result=ContactAttempt.Result.NOT_HOME, user):
    return services.attempt_record(
        acting_user=user, case=case, attempted_at=when, method="door", result=result
    )


def contacted_case(phase, *, team, user, contacted_at, last_name):
    """A case in `phase` whose one contact was at `contacted_at`: first contact is reached, the
    contact is recorded as an attempt in the past, then the case walks on through the services."""
    case = case_in_phase(Phase.EERSTE_CONTACT, acting_user=user, team=team, last_name=last_name)
    attempt(case, when=contacted_at, result=ContactAttempt.Result.CONTACT, user=user)
    today = timezone.localdate()
    for step in NORMAL_PATH[NORMAL_PATH.index(Phase.CONTRACT) : NORMAL_PATH.index(phase) + 1]:
        values = {}
        if step == Phase.CONTRACT:
            move, values = "contract", {"contract_agreed_on": today}
        elif step == Phase.TRAJECT_BEGIN:
            add_agreement(acting_user=user, case=case)
            move = "traject"
        elif step == Phase.TRAJECT_EVALUATIE:
            services.case_record_zrm(acting_user=user, case=case, kind="begin", data={})
            move = "evaluatie"
        elif step == Phase.TRAJECT_AFSLUITING:
            move = "afsluiting"
        else:
            services.case_record_zrm(acting_user=user, case=case, kind="end", data={})
            move = "nazorg"
            values = {"reason": "Doelen bereikt.", "nazorg_until": today + timedelta(days=90)}
        case = services.case_transition(acting_user=user, case=case, move=move, **values)
    case = Case.objects.get(pk=case.pk)
    assert case.phase == phase
    assert case.last_contact_at == contacted_at
    return case


def shift(case, **values):
    """Move stored dates as time would have moved them."""
    Case.objects.filter(pk=case.pk).update(**values)


def flagged(team):
    """{case pk: {rule key: days}} of the team's attention list."""
    return {
        case.pk: {rule.key: days for rule, days in case.reasons} for case in attention_cases(team)
    }


@pytest.mark.parametrize("phase", [Phase.EERSTE_CONTACT, Phase.CONTRACT])
def test_it_flags_no_contact_after_more_than_14_days_early_on(phase, owner, team):
    fourteen = contacted_case(phase, team=team, user=owner, contacted_at=ago(14), last_name="A")
    fifteen = contacted_case(phase, team=team, user=owner, contacted_at=ago(15), last_name="B")
    result = flagged(team)
    assert result.get(fifteen.pk) == {"no_contact": 15}
    assert fourteen.pk not in result, f"14 days without contact is listed: {result[fourteen.pk]}"


@pytest.mark.parametrize("phase", sorted(TRAJECTORY_PHASES))
def test_it_flags_no_contact_after_more_than_30_days_in_the_trajectory(phase, owner, team):
    thirty = contacted_case(phase, team=team, user=owner, contacted_at=ago(30), last_name="A")
    thirty_one = contacted_case(phase, team=team, user=owner, contacted_at=ago(31), last_name="B")
    # 20 days is over the early threshold, but not over the trajectory's.
    twenty = contacted_case(phase, team=team, user=owner, contacted_at=ago(20), last_name="C")
    result = flagged(team)
    assert result.get(thirty_one.pk) == {"no_contact": 31}
    assert twenty.pk not in result
    assert thirty.pk not in result, f"30 days without contact is listed: {result[thirty.pk]}"


def test_it_counts_a_never_contacted_case_from_when_it_entered_its_phase(owner, team):
    fourteen = case_in_phase(Phase.EERSTE_CONTACT, acting_user=owner, team=team, last_name="A")
    fifteen = case_in_phase(Phase.EERSTE_CONTACT, acting_user=owner, team=team, last_name="B")
    fresh = case_in_phase(Phase.EERSTE_CONTACT, acting_user=owner, team=team, last_name="C")
    # The clock: the cases entered first contact 14 and 15 days ago.
    shift(fourteen, phase_since=ago(14))
    shift(fifteen, phase_since=ago(15))
    result = flagged(team)
    assert result.get(fifteen.pk) == {"no_contact": 15}
    assert fresh.pk not in result
    assert fourteen.pk not in result, f"14 days in the phase is listed: {result[fourteen.pk]}"


def test_it_flags_a_follow_up_date_that_has_passed_but_not_one_that_is_today(owner, team):
    yesterday = open_case(acting_user=owner, team=team, last_name="Gisteren")
    today = open_case(acting_user=owner, team=team, last_name="Vandaag")
    for case in (yesterday, today):
        services.contact_log(
            acting_user=owner,
            case=case,
            kind="phone",
            occurred_at=ago(0, hours=1),
            follow_up_on=timezone.localdate(),
        )
    # The clock: a day has passed since the first one's follow-up date was set for "today".
    shift(yesterday, follow_up_on=timezone.localdate() - timedelta(days=1))
    result = flagged(team)
    assert result == {yesterday.pk: {"follow_up_passed": 1}}


@pytest.mark.parametrize(
    "results, stalled",
    [
        (["not_home"] * 5, True),
        (["not_home"] * 4, False),
        (["not_home", "not_opened", "refused", "not_home", "not_opened", "refused"], True),
        (["not_home"] * 4 + ["contact"], False),
        (["contact"] + ["not_home"] * 5, False),
    ],
    ids=[
        "five-without-contact",
        "four",
        "six-without-contact",
        "five-with-contact",
        "six-with-one",
    ],
)
def test_it_flags_first_contact_stalled_after_five_attempts_without_contact(
    results, stalled, owner, team
):
    case = case_in_phase(Phase.EERSTE_CONTACT, acting_user=owner, team=team)
    for hours, result in enumerate(results, start=1):
        attempt(case, when=ago(0, hours=hours), result=result, user=owner)
    # The clock: the case entered first contact three days ago (under the 14 days of no contact).
    shift(case, phase_since=ago(3))
    result = flagged(team)
    if stalled:
        assert result == {case.pk: {"first_contact_stalled": 3}}
    else:
        assert result == {}


def test_it_flags_aftercare_whose_end_date_has_come(owner, team):
    today = timezone.localdate()
    cases = {
        days: contacted_case(
            Phase.NAZORG, team=team, user=owner, contacted_at=ago(1), last_name=f"N{days}"
        )
        for days in (-1, 0, 1)
    }
    # The clock: the aftercare periods end yesterday, today and tomorrow.
    for days, case in cases.items():
        shift(case, nazorg_until=today + timedelta(days=days))
    result = flagged(team)
    # Which days to show for an ended aftercare period is open (the rule counts from the last
    # contact); only which cases are listed is checked here.
    assert {pk: list(reasons) for pk, reasons in result.items()} == {
        cases[-1].pk: ["nazorg_check_due"],
        cases[0].pk: ["nazorg_check_due"],
    }


def test_it_flags_aftercare_without_contact_for_more_than_the_check_days(owner, team):
    thirty = contacted_case(
        Phase.NAZORG, team=team, user=owner, contacted_at=ago(30), last_name="A"
    )
    thirty_one = contacted_case(
        Phase.NAZORG, team=team, user=owner, contacted_at=ago(31), last_name="B"
    )
    result = flagged(team)
    assert result.get(thirty_one.pk) == {"nazorg_check_due": 31}
    assert thirty.pk not in result, f"30 days without contact is listed: {result[thirty.pk]}"


def test_it_flags_a_pre_phase_of_more_than_14_days(owner, team):
    fourteen = case_in_phase(Phase.VOORFASE, acting_user=owner, team=team, last_name="A")
    fifteen = case_in_phase(Phase.VOORFASE, acting_user=owner, team=team, last_name="B")
    # The clock: they entered the pre-phase 14 and 15 days ago.
    shift(fourteen, phase_since=ago(14))
    shift(fifteen, phase_since=ago(15))
    result = flagged(team)
    assert result.get(fifteen.pk) == {"long_voorfase": 15}
    assert fourteen.pk not in result, f"14 days in the pre-phase is listed: {result[fourteen.pk]}"


def test_it_never_flags_a_signal_phase_case_for_silence_or_age(owner, team):
    case = open_case(acting_user=owner, team=team)
    shift(case, phase_since=ago(100))
    assert flagged(team) == {}


def test_it_uses_the_thresholds_the_team_set(owner, team, other_team, outsider):
    early = contacted_case(
        Phase.EERSTE_CONTACT, team=team, user=owner, contacted_at=ago(8), last_name="A"
    )
    early_ok = contacted_case(
        Phase.CONTRACT, team=team, user=owner, contacted_at=ago(6), last_name="B"
    )
    trajectory = contacted_case(
        Phase.TRAJECT_BEGIN, team=team, user=owner, contacted_at=ago(11), last_name="C"
    )
    aftercare = contacted_case(
        Phase.NAZORG, team=team, user=owner, contacted_at=ago(6), last_name="D"
    )
    pre_phase = case_in_phase(Phase.VOORFASE, acting_user=owner, team=team, last_name="E")
    shift(pre_phase, phase_since=ago(4))
    # The same case in another team, which keeps the defaults.
    contacted_case(
        Phase.EERSTE_CONTACT, team=other_team, user=outsider, contacted_at=ago(8), last_name="F"
    )
    assert flagged(team) == {}

    services.team_policy_set(
        acting_user=owner,
        team=team,
        quiet_days_early=7,
        quiet_days_trajectory=10,
        nazorg_check_days=5,
        voorfase_max_days=3,
    )
    assert flagged(team) == {
        early.pk: {"no_contact": 8},
        trajectory.pk: {"no_contact": 11},
        aftercare.pk: {"nazorg_check_due": 6},
        pre_phase.pk: {"long_voorfase": 4},
    }
    assert early_ok.pk not in flagged(team)
    assert flagged(other_team) == {}


@pytest.mark.parametrize("phase", sorted(CLOSED_PHASES))
def test_it_never_lists_a_closed_case(phase, owner, team):
    closed = case_in_phase(phase, acting_user=owner, team=team, last_name="Dicht")
    control = case_in_phase(Phase.EERSTE_CONTACT, acting_user=owner, team=team, last_name="Open")
    # The clock: both have been quiet for 100 days and their follow-ups passed long ago.
    for case in (closed, control):
        shift(
            case,
            phase_since=ago(100),
            last_contact_at=ago(100),
            follow_up_on=timezone.localdate() - timedelta(days=50),
            nazorg_until=timezone.localdate() - timedelta(days=50),
        )
    assert list(flagged(team)) == [control.pk]


def test_it_never_lists_another_teams_case(owner, team, other_team, outsider):
    theirs = open_case(acting_user=outsider, team=other_team)
    shift(theirs, follow_up_on=timezone.localdate() - timedelta(days=3))
    assert flagged(team) == {}
    assert flagged(other_team) == {theirs.pk: {"follow_up_passed": 3}}


def test_it_lists_every_reason_of_a_case_with_its_days(owner, team):
    case = case_in_phase(Phase.EERSTE_CONTACT, acting_user=owner, team=team)
    for hours in range(1, 6):
        attempt(case, when=ago(0, hours=hours), user=owner)
    # The clock: in first contact for 20 days; the follow-up date was three days ago.
    shift(case, phase_since=ago(20), follow_up_on=timezone.localdate() - timedelta(days=3))
    (row,) = attention_cases(team)
    assert [(rule.key, days) for rule, days in row.reasons] == [
        ("no_contact", 20),
        ("follow_up_passed", 3),
        ("first_contact_stalled", 20),
    ]


def test_it_sorts_the_longest_lasting_problem_first(owner, team):
    today = timezone.localdate()
    short = open_case(acting_user=owner, team=team, last_name="Kort")
    longest = case_in_phase(Phase.VOORFASE, acting_user=owner, team=team, last_name="Lang")
    middle = case_in_phase(Phase.EERSTE_CONTACT, acting_user=owner, team=team, last_name="Mid")
    tie = open_case(acting_user=owner, team=team, last_name="Gelijk")
    # The clock: a follow-up two days ago, 40 days in the pre-phase (and a follow-up yesterday),
    # 20 days never contacted, and a second follow-up two days ago.
    shift(short, follow_up_on=today - timedelta(days=2))
    shift(longest, phase_since=ago(40), follow_up_on=today - timedelta(days=1))
    shift(middle, phase_since=ago(20))
    shift(tie, follow_up_on=today - timedelta(days=2))
    rows = attention_cases(team)
    assert [(case.pk, case.longest) for case in rows] == [
        (longest.pk, 40),
        (middle.pk, 20),
        (short.pk, 2),
        (tie.pk, 2),
    ]


def test_it_does_not_call_first_contact_stalled_when_a_contact_was_logged(owner, team):
    """The same notion of contact as the contract guard: a logged visit is contact made."""
    case = case_in_phase(Phase.EERSTE_CONTACT, acting_user=owner, team=team)
    for hours in range(1, 6):
        attempt(case, when=ago(0, hours=hours), user=owner)
    shift(case, phase_since=ago(3))
    assert flagged(team) == {case.pk: {"first_contact_stalled": 3}}
    services.contact_log(acting_user=owner, case=case, kind="home_visit", occurred_at=ago(0))
    assert "first_contact_stalled" not in flagged(team).get(case.pk, {})


def joined_reference(team, now):
    """{case pk: {rule key}} as the attention list was computed until the counts became per-case
    subqueries: one join of the open cases with their attempts and contacts, counted DISTINCT.
    Kept here only, as the reference the faster query must equal."""
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
        # Not counts: the same candidates and annotations in both.
        .annotate(**annotations())
        .filter(candidates(policy, now, today))
        .annotate(
            attempt_count=Count("attempts", distinct=True),
            contact_count=Count(
                "attempts",
                filter=Q(attempts__result__in=ContactAttempt.CONTACT_RESULTS),
                distinct=True,
            ),
            visit_count=Count(
                "contacts",
                filter=~Q(contacts__kind__in=ContactMoment.NOT_CONTACT_KINDS),
                distinct=True,
            ),
            contact_made=ExpressionWrapper(
                Q(contact_count__gt=0) | Q(visit_count__gt=0), BooleanField()
            ),
            **flags,
        )
        .filter(any_rule)
        .values_list("pk", *flags)
    )
    return {
        pk: {rule.key for rule, on in zip(RULES, values, strict=True) if on}
        for pk, *values in found
    }


def test_it_lists_the_same_cases_and_reasons_as_the_join_it_replaced(owner, team):
    """On the scale data (every phase, attempts and contacts of all kinds) and on first-contact
    cases built through the services at the stalled rule's edges, for every team."""
    call_command("seed_demo", "--allow-without-debug", "--scale", "400", stdout=StringIO())
    edges = [
        [ContactAttempt.Result.NOT_HOME] * 5,
        [ContactAttempt.Result.NOT_HOME] * 4,
        [ContactAttempt.Result.NOT_HOME] * 5 + [ContactAttempt.Result.CONTACT],
        [ContactAttempt.Result.NOT_HOME] * 6,
    ]
    for number, results in enumerate(edges):
        case = case_in_phase(
            Phase.EERSTE_CONTACT, acting_user=owner, team=team, last_name=f"Rand {number}"
        )
        for hours, result in enumerate(results, start=1):
            attempt(case, when=ago(0, hours=hours), result=result, user=owner)
        if number == 3:
            services.contact_log(
                acting_user=owner, case=case, kind="home_visit", occurred_at=ago(0)
            )
    now = timezone.now()
    seen = set()
    for each in Team.objects.all():
        reference = joined_reference(each, now)
        rows = attention_rows(each, now=now)
        assert {row.pk: {rule.key for rule, _days in row.reasons} for row in rows} == reference
        seen.update(key for keys in reference.values() for key in keys)
    # The data exercises every rule that counts attempts or contacts, and the check after a
    # referral (test_attention_referral_check.py) among the closed cases; the meldcode check reads
    # no count and has its own module (test_attention_meldcode.py).
    assert seen == {rule.key for rule in RULES} - {"meldcode_check_due"}
