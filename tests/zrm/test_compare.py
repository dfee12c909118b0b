"""zrm.selectors.compare on assessments made through the services with known levels."""

from decimal import Decimal

import pytest

from cases.phases import Phase
from tests.zrm.factories import (
    DOMAIN_KEYS,
    domain,
    example_matrix,
    finalised_assessment,
    levels_list,
)
from zrm import services
from zrm.models import ZrmTarget
from zrm.selectors import compare

#        fin  day  hou  dom  men  phy  add  adl  soc  com  jus
BEGIN = [1, 2, 3, 4, 5, 1, 2, 3, None, 2, None]
END = [2, 2, 1, 5, 5, 2, 4, None, 3, 2, 4]


pytestmark = pytest.mark.case_phase(Phase.TRAJECT_BEGIN)


@pytest.fixture
def pair(case, owner):
    begin = finalised_assessment(
        case, owner, "begin", levels_list(BEGIN), notes={"finances": "Schulden."}
    )
    end = finalised_assessment(case, owner, "end", levels_list(END), notes={"housing": "Uitgezet."})
    return begin, end


def test_it_gives_the_change_and_direction_per_domain_in_domain_order(pair):
    comparison = compare(*pair)

    assert [r.domain.key for r in comparison.rows] == DOMAIN_KEYS
    assert [(r.first, r.second) for r in comparison.rows] == list(zip(BEGIN, END, strict=True))
    assert [r.change for r in comparison.rows] == [1, 0, -2, 1, 0, 1, 2, None, None, 0, None]
    assert [r.direction for r in comparison.rows] == [
        "improved",
        "same",
        "worse",
        "improved",
        "same",
        "improved",
        "improved",
        "not_assessed",
        "not_assessed",
        "same",
        "not_assessed",
    ]


def test_it_counts_directions_leaving_out_the_domains_not_assessed(pair):
    comparison = compare(*pair)
    assert (comparison.improved, comparison.same, comparison.worse) == (4, 3, 1)
    assert comparison.count("not_assessed") == 3


def test_it_takes_the_mean_over_the_assessed_domains_rounded_to_one_decimal(pair):
    comparison = compare(*pair)
    # Begin: 23 over the 9 assessed domains is 2.555…, so 2.6 (not 2.5 truncated, not 23/11).
    assert comparison.mean_first == Decimal("2.6")
    # End: 30 over the 10 assessed domains (30/11 would be 2.7).
    assert comparison.mean_second == Decimal("3.0")


def test_it_counts_the_domains_at_level_one(pair):
    comparison = compare(*pair)
    assert (comparison.at_level_one_first, comparison.at_level_one_second) == (2, 1)


def test_it_carries_the_notes_and_targets(case, owner, pair):
    services.targets_set(
        acting_user=owner,
        case=case,
        levels={domain("finances"): 4, domain("daytime_activities"): None, domain("housing"): 3},
    )
    comparison = compare(*pair, targets=ZrmTarget.objects.filter(case=case))
    assert [r.target for r in comparison.rows[:4]] == [4, None, 3, None]
    assert comparison.rows[0].first_note == "Schulden." and comparison.rows[0].second_note == ""
    assert comparison.rows[2].second_note == "Uitgezet." and comparison.rows[2].first_note == ""


def test_it_compares_a_begin_on_its_own(case, owner):
    begin = finalised_assessment(case, owner, "begin", levels_list(BEGIN))

    comparison = compare(begin, None)

    assert [r.first for r in comparison.rows] == BEGIN
    assert {r.second for r in comparison.rows} == {None}
    assert {r.direction for r in comparison.rows} == {"not_assessed"}
    assert (comparison.mean_first, comparison.mean_second) == (Decimal("2.6"), None)
    assert (comparison.improved, comparison.same, comparison.worse) == (0, 0, 0)
    assert (comparison.at_level_one_first, comparison.at_level_one_second) == (2, 0)


def test_it_compares_nothing_without_assessments():
    comparison = compare(None, None)
    assert (comparison.rows, comparison.mean_first, comparison.mean_second) == ([], None, None)


def test_it_compares_two_assessments_of_another_version_with_each_other(case, owner):
    example_matrix(owner, current=True)
    begin = finalised_assessment(case, owner, "begin", {"finances": 1})
    end = finalised_assessment(case, owner, "end", {"finances": 4})

    comparison = compare(begin, end)

    assert [(r.domain.key, r.change) for r in comparison.rows] == [
        ("finances", 3),
        ("housing", 0),
        ("social_network", 0),
        ("garden", 0),
    ]
