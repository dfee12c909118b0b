from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from cases.phases import Phase
from tests.cases.factories import case_in_phase, snapshot
from tests.zrm.factories import (
    DOMAIN_KEYS,
    EXAMPLE,
    EXAMPLE_KEYS,
    example_matrix,
    finalised_assessment,
    trajectory_case,
)
from zrm import services
from zrm.models import ZrmAssessment, ZrmScore


def start(case, user, kind="begin", **values):
    values.setdefault("assessed_on", timezone.localdate())
    return services.assessment_start(acting_user=user, case=case, kind=kind, **values)


def test_it_makes_a_draft_with_an_empty_row_per_domain(owner, colleague, team):
    case = trajectory_case(owner, team)
    before = snapshot(case)
    on = timezone.localdate() - timedelta(days=3)

    assessment = start(case, colleague, "evaluation", assessed_on=on)

    assessment = ZrmAssessment.objects.get(pk=assessment.pk)
    assert (assessment.case, assessment.kind, assessment.assessed_on) == (case, "evaluation", on)
    assert (assessment.assessor, assessment.matrix.key) == (colleague, "2013")
    assert (assessment.status, assessment.finalised_at, assessment.corrects) == (
        "draft",
        None,
        None,
    )
    rows = list(assessment.scores.select_related("domain").order_by("domain__order"))
    assert [r.domain.key for r in rows] == DOMAIN_KEYS
    assert {(r.level, r.not_assessed_reason, r.note) for r in rows} == {(None, "", "")}
    # Starting is not an event: only finalising goes on the timeline.
    assert snapshot(case) == before


def test_it_gives_back_the_open_draft_of_that_kind_instead_of_a_second(owner, team):
    case = trajectory_case(owner, team)
    begin = start(case, owner, "begin")

    assert start(case, owner, "begin").pk == begin.pk
    evaluation = start(case, owner, "evaluation")
    assert evaluation.pk != begin.pk
    assert ZrmAssessment.objects.filter(case=case).count() == 2
    assert ZrmScore.objects.filter(assessment__case=case).count() == 22


def test_it_starts_a_new_draft_once_the_earlier_one_is_finalised(owner, team):
    case = trajectory_case(owner, team)
    first = finalised_assessment(case, owner, "evaluation")

    second = start(case, owner, "evaluation")

    assert second.pk != first.pk and second.status == "draft"


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"kind": "interim"}, "kind"),
        ({"kind": "begin", "assessed_on": timezone.localdate() + timedelta(days=1)}, "assessed_on"),
    ],
)
def test_it_refuses_a_wrong_kind_or_a_date_in_the_future(owner, team, values, field):
    case = trajectory_case(owner, team)
    with pytest.raises(ValidationError) as error:
        start(case, owner, **values)
    assert field in error.value.message_dict
    assert not ZrmAssessment.objects.exists()


def test_it_accepts_today(owner, team):
    # The boundary: today is not in the future.
    case = trajectory_case(owner, team)
    assert start(case, owner, assessed_on=timezone.localdate()).assessed_on == timezone.localdate()


def test_it_refuses_a_closed_case(owner, team):
    case = case_in_phase(Phase.AFGESLOTEN, acting_user=owner, team=team)
    with pytest.raises(ValidationError):
        start(case, owner)
    assert not ZrmAssessment.objects.exists()


def test_it_uses_the_current_version_for_a_new_trajectory(owner, team):
    example_matrix(owner, current=True)
    case = trajectory_case(owner, team)

    assessment = start(case, owner)

    assert assessment.matrix.key == EXAMPLE
    keys = [s.domain.key for s in assessment.scores.select_related("domain")]
    assert keys == EXAMPLE_KEYS
    assert {s.domain.matrix_id for s in assessment.scores.select_related("domain")} == {
        assessment.matrix_id
    }


def test_it_keeps_the_version_the_trajectory_began_with(owner, team):
    case = trajectory_case(owner, team)
    begin = finalised_assessment(case, owner, "begin")
    example_matrix(owner, current=True)

    evaluation = start(case, owner, "evaluation")
    end = start(case, owner, "end")

    assert {begin.matrix.key, evaluation.matrix.key, end.matrix.key} == {"2013"}
    assert evaluation.scores.count() == len(DOMAIN_KEYS)
