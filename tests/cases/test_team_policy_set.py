"""team_policy_set: a team's thresholds for the attention list."""

import pytest
from django.core.exceptions import ValidationError

from cases import services
from cases.attention import policy_for
from cases.models import TeamPolicy

DEFAULTS = {
    "quiet_days_early": 14,
    "quiet_days_trajectory": 30,
    "nazorg_check_days": 30,
    "voorfase_max_days": 14,
}


def thresholds(team):
    policy = policy_for(team)
    return {name: getattr(policy, name) for name in DEFAULTS}


def test_it_uses_the_defaults_until_a_team_sets_its_own(team):
    assert thresholds(team) == DEFAULTS
    assert not TeamPolicy.objects.filter(team=team).exists()


def test_it_saves_the_thresholds_given_and_keeps_the_others(lead, team, other_team):
    services.team_policy_set(acting_user=lead, team=team, quiet_days_early=7, nazorg_check_days=60)
    assert thresholds(team) == {**DEFAULTS, "quiet_days_early": 7, "nazorg_check_days": 60}
    services.team_policy_set(acting_user=lead, team=team, voorfase_max_days=21)
    assert thresholds(team) == {
        **DEFAULTS,
        "quiet_days_early": 7,
        "nazorg_check_days": 60,
        "voorfase_max_days": 21,
    }
    assert thresholds(other_team) == DEFAULTS


@pytest.mark.parametrize("value", [1, 365])
def test_it_accepts_one_to_365_days(value, lead, team):
    services.team_policy_set(acting_user=lead, team=team, quiet_days_trajectory=value)
    assert TeamPolicy.objects.get(team=team).quiet_days_trajectory == value


@pytest.mark.parametrize("value", [0, -3, 366, 400, "30", 7.5, None])
def test_it_refuses_anything_but_a_whole_number_from_1_to_365(value, lead, team):
    with pytest.raises(ValidationError) as refused:
        services.team_policy_set(acting_user=lead, team=team, quiet_days_early=value)
    assert list(refused.value.message_dict) == ["quiet_days_early"]
    assert not TeamPolicy.objects.filter(team=team).exists()


def test_it_changes_nothing_when_one_of_several_values_is_refused(lead, team):
    services.team_policy_set(acting_user=lead, team=team, quiet_days_early=10)
    with pytest.raises(ValidationError) as refused:
        services.team_policy_set(
            acting_user=lead, team=team, quiet_days_early=5, voorfase_max_days=0
        )
    assert list(refused.value.message_dict) == ["voorfase_max_days"]
    assert thresholds(team) == {**DEFAULTS, "quiet_days_early": 10}
