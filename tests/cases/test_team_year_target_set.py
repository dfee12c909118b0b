"""services.team_year_target_set: the lead's closing target for one year."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from cases import services
from cases.models import Case, TeamYearTarget
from cases.phases import Phase
from tests.cases.factories import case_in_phase


def targets(team):
    return dict(TeamYearTarget.objects.filter(team=team).values_list("year", "target"))


def test_it_keeps_a_target_per_year_and_changes_only_the_year_given(lead, owner, team):
    year = timezone.localdate().year
    case = case_in_phase(Phase.AFGESLOTEN, acting_user=owner, team=team)
    Case.objects.filter(pk=case.pk).update(closed_on=date(year - 1, 5, 1))
    services.team_year_target_set(acting_user=lead, team=team, year=year - 1, target=700)
    row = services.team_year_target_set(acting_user=lead, team=team, year=year, target=1000)
    assert (row.set_by, row.target) == (lead, 1000)
    services.team_year_target_set(acting_user=lead, team=team, year=year, target=1200)
    assert targets(team) == {year - 1: 700, year: 1200}


def test_it_takes_a_target_away_with_none(lead, team):
    year = timezone.localdate().year
    services.team_year_target_set(acting_user=lead, team=team, year=year, target=700)
    assert (
        services.team_year_target_set(acting_user=lead, team=team, year=year, target=None) is None
    )
    assert targets(team) == {}


@pytest.mark.parametrize("value", [0, -5, 100_001, "700", 7.5, True])
def test_it_refuses_a_target_that_is_not_a_whole_number_from_1(value, lead, team):
    year = timezone.localdate().year
    services.team_year_target_set(acting_user=lead, team=team, year=year, target=700)
    with pytest.raises(ValidationError) as refused:
        services.team_year_target_set(acting_user=lead, team=team, year=year, target=value)
    assert list(refused.value.message_dict) == ["target"]
    assert targets(team) == {year: 700}


@pytest.mark.parametrize("offset", [-1, 1])
def test_it_refuses_a_year_the_year_page_does_not_offer(offset, lead, team):
    # The team closed no case before this year, and next year has no figures yet.
    year = timezone.localdate().year + offset
    with pytest.raises(ValidationError) as refused:
        services.team_year_target_set(acting_user=lead, team=team, year=year, target=700)
    assert list(refused.value.message_dict) == ["year"]
    assert targets(team) == {}


def test_it_is_for_a_lead_of_the_team_only(owner, outsider_lead, team):
    year = timezone.localdate().year
    for user in (owner, outsider_lead):
        with pytest.raises(ValidationError):
            services.team_year_target_set(acting_user=user, team=team, year=year, target=700)
    assert targets(team) == {}
