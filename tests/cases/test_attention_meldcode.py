"""The attention list shows a meldcode trajectory's agreed date to check question 5 from that
date on, until the worker answers it."""

from datetime import timedelta

import time_machine
from django.urls import reverse
from django.utils import timezone

from cases import services
from cases.attention import attention_cases
from cases.phases import Phase
from tests.cases.factories import case_in_phase
from tests.cases.meldcode_data import help_decision, start


def reasons(team):
    return {case.pk: [rule.key for rule, _days in case.reasons] for case in attention_cases(team)}


def test_it_shows_the_check_from_its_date_until_it_is_answered(client, owner, lead, team):
    case = case_in_phase(Phase.EERSTE_CONTACT, acting_user=owner, team=team)
    trajectory = start(acting_user=owner, case=case)
    check_on = timezone.localdate() + timedelta(days=14)
    services.meldcode_step_record(
        acting_user=owner, trajectory=trajectory, key="decision", **help_decision(check_on=check_on)
    )
    assert "meldcode_check_due" not in reasons(team).get(case.pk, [])
    with time_machine.travel(timezone.now() + timedelta(days=16)):
        found = {c.pk: c for c in attention_cases(team)}
        rule_days = {rule.key: days for rule, days in found[case.pk].reasons}
        assert rule_days["meldcode_check_due"] == 2
        assert found[case.pk].meldcode_check_on == check_on
        client.force_login(lead)
        page = client.get(reverse("team_detail", args=[team.pk])).content.decode()
        assert f"Meldcode: afweging 5 toetsen (afgesproken voor {check_on:%d-%m-%Y})" in page
        services.meldcode_step_record(
            acting_user=owner, trajectory=trajectory, key="result_check", q5="yes", q5_reason="Ok"
        )
        assert "meldcode_check_due" not in reasons(team).get(case.pk, [])
