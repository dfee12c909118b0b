"""One matrix version per trajectory (zrm.selectors.trajectory_matrix): the begin fixes it, and
evaluations, the end, corrections and targets keep it whatever became current meanwhile."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from tests.zrm.factories import (
    EXAMPLE,
    EXAMPLE_KEYS,
    close,
    domain,
    example_matrix,
    finalised_assessment,
    trajectory_case,
)
from zrm import services
from zrm.selectors import case_comparison, team_outcomes, trajectory_matrix


def test_it_walks_a_trajectory_begun_under_2013_to_its_end_after_another_became_current(
    owner, team
):
    case = trajectory_case(owner, team)
    today = timezone.localdate()
    begin = finalised_assessment(
        case, owner, "begin", {"finances": 1}, default=2, assessed_on=today - timedelta(days=90)
    )
    services.targets_set(acting_user=owner, case=case, levels={domain("finances"): 3})
    example_matrix(owner, current=True)
    finalised_assessment(case, owner, "evaluation", {"finances": 2}, default=2)
    end = finalised_assessment(case, owner, "end", {"finances": 4}, default=3)
    close(case, owner)

    assert (begin.matrix.key, end.matrix.key, trajectory_matrix(case).key) == ("2013",) * 3
    _assessments, current, comparison, _targets = case_comparison(case)
    assert (comparison.first, comparison.second) == (begin, end)
    assert len(comparison.rows) == 11
    finances = next(r for r in comparison.rows if r.domain.key == "finances")
    assert (finances.first, finances.second, finances.change, finances.target) == (1, 4, 3, 3)
    assert comparison.improved == 11
    # The team's outcomes count it under its own version, and say so beside the current one.
    outcomes = team_outcomes(team, today - timedelta(days=1), today)
    assert outcomes.matrix.key == "2013" and outcomes.closed_table.cases == 1
    # A new trajectory now begins under the example version.
    other = trajectory_case(owner, team)
    assert finalised_assessment(other, owner, "begin").matrix.key == EXAMPLE


def test_it_corrects_an_assessment_in_its_own_version(owner, team):
    case = trajectory_case(owner, team)
    begin = finalised_assessment(case, owner, "begin")
    example_matrix(owner, current=True)

    correction = services.assessment_correct(acting_user=owner, assessment=begin, reason="Typo.")

    assert correction.matrix.key == "2013" and correction.scores.count() == 11


def test_it_sets_the_targets_in_the_trajectory_version(owner, team):
    example = example_matrix(owner, current=True)
    case = trajectory_case(owner, team)
    finances = example.domains.get(key="finances")

    services.targets_set(acting_user=owner, case=case, levels={finances: 4})
    begin = finalised_assessment(case, owner, "begin", {"finances": 2})

    assert begin.matrix == example
    assert [s.domain.key for s in begin.scores.select_related("domain")] == EXAMPLE_KEYS
    with pytest.raises(ValidationError):
        services.targets_set(acting_user=owner, case=case, levels={domain("finances"): 4})
    assert case.zrm_targets.get().domain == finances
