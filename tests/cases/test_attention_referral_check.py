"""The attention list shows the check after a referral from its date on, until a contact on or
after that date is logged (cases.attention, referral_check_due)."""

from datetime import timedelta

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from cases import services
from cases.attention import attention_cases
from cases.phases import AFTERCARE_CONTACT_DAYS, Phase
from tests.cases.factories import case_in_phase, refer


def reasons(team):
    return {
        case.pk: {rule.key: days for rule, days in case.reasons} for case in attention_cases(team)
    }


def referred(*, owner, team, check_in_days=90, last_name="Verwezen"):
    case = case_in_phase(Phase.OVERDRACHT, acting_user=owner, team=team, last_name=last_name)
    today = timezone.localdate()
    return services.case_transition(
        acting_user=owner,
        case=case,
        move="aangekomen",
        arrival_confirmed_on=today,
        referral_check_on=today + timedelta(days=check_in_days),
    )


def later(days):
    return time_machine.travel(timezone.now() + timedelta(days=days))


def test_it_shows_the_check_from_its_date_until_a_contact_on_or_after_it(client, owner, lead, team):
    case = referred(owner=owner, team=team)
    assert case.pk not in reasons(team)
    with later(89):
        assert case.pk not in reasons(team)
    with later(90):
        assert reasons(team)[case.pk] == {"referral_check_due": 0}
    with later(95):
        assert reasons(team)[case.pk] == {"referral_check_due": 5}
        client.force_login(lead)
        page = client.get(reverse("team_detail", args=[team.pk])).content.decode()
        due = f"{case.referral_check_on:%d-%m-%Y}"
        assert f"Doorverwijzing: nagaan of het loopt (gepland op {due}): 5 dagen" in page
        services.contact_log(acting_user=owner, case=case, kind="partner")
        assert case.pk not in reasons(team)


def test_it_does_not_count_a_failed_attempt_or_a_contact_before_the_date(owner, team):
    case = referred(owner=owner, team=team)
    with later(30):
        services.contact_log(acting_user=owner, case=case, kind="phone")
    with later(91):
        services.contact_log(acting_user=owner, case=case, kind="failed")
        assert reasons(team)[case.pk] == {"referral_check_due": 1}


def test_it_takes_the_check_after_the_aftercare_period_and_then_no_more_contacts(owner, team):
    case = referred(owner=owner, team=team, check_in_days=AFTERCARE_CONTACT_DAYS + 20)
    with later(AFTERCARE_CONTACT_DAYS + 25):
        assert reasons(team)[case.pk] == {"referral_check_due": 5}
        services.contact_log(acting_user=owner, case=case, kind="phone")
        assert case.pk not in reasons(team)
        with pytest.raises(ValidationError):
            services.contact_log(acting_user=owner, case=case, kind="phone")


def test_it_never_flags_other_closings_or_a_new_referral_of_a_reopened_case(owner, team):
    case = referred(owner=owner, team=team)
    services.case_transition(acting_user=owner, case=case, move="heropenen", reason="Terugval.")
    refer(case, acting_user=owner)
    closed = case_in_phase(Phase.AFGESLOTEN, acting_user=owner, team=team, last_name="Dicht")
    with later(120):
        found = reasons(team)
        assert case.pk not in found or "referral_check_due" not in found[case.pk]
        assert closed.pk not in found


def test_it_keeps_to_the_team(owner, team, outsider, other_team):
    theirs = referred(owner=outsider, team=other_team)
    with later(91):
        assert reasons(team) == {}
        assert reasons(other_team) == {theirs.pk: {"referral_check_due": 1}}
