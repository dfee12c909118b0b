from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from cases.models import Case, TimelineEvent
from cases.phases import Phase
from tests.cases.factories import events
from tests.zrm.factories import (
    close,
    domain,
    draft_assessment,
    finalised_assessment,
    score_map,
)
from zrm import services
from zrm.models import ZrmAssessment
from zrm.selectors import assessments_of, case_comparison, current_by_kind


def rows(assessment):
    return [
        (s.domain_id, s.level, s.not_assessed_reason, s.note)
        for s in assessment.scores.order_by("domain__order")
    ]


def state(assessment):
    fresh = ZrmAssessment.objects.get(pk=assessment.pk)
    return (fresh.status, fresh.finalised_at, fresh.assessed_on, fresh.assessor_id, rows(fresh))


def correct(assessment, user, reason="Financiën verkeerd ingevuld."):
    return services.assessment_correct(acting_user=user, assessment=assessment, reason=reason)


pytestmark = pytest.mark.case_phase(Phase.TRAJECT_BEGIN)


@pytest.fixture
def begin(case, owner):
    return finalised_assessment(
        case,
        owner,
        "begin",
        levels={"finances": 1, "justice": None, "housing": 4},
        reasons={"justice": "Wilde er niet over praten."},
        notes={"housing": "Huurachterstand."},
        assessed_on=timezone.localdate() - timedelta(days=10),
    )


def test_it_makes_a_draft_with_the_same_scores_and_the_reason(begin, colleague):
    before = state(begin)

    correction = correct(begin, colleague, "  Financiën verkeerd ingevuld. ")

    correction = ZrmAssessment.objects.get(pk=correction.pk)
    assert correction.pk != begin.pk
    assert (correction.status, correction.corrects, correction.assessor) == (
        "draft",
        begin,
        colleague,
    )
    assert correction.correction_reason == "Financiën verkeerd ingevuld."
    assert (correction.case, correction.kind, correction.matrix, correction.assessed_on) == (
        begin.case,
        begin.kind,
        begin.matrix,
        begin.assessed_on,
    )
    assert rows(correction) == rows(begin)
    assert (1, "", "") in {(r[1], r[2], r[3]) for r in rows(correction)}
    assert (None, "Wilde er niet over praten.", "") in {
        (r[1], r[2], r[3]) for r in rows(correction)
    }
    assert state(begin) == before


def test_it_becomes_the_current_one_once_finalised_and_the_old_one_stays(
    begin, case, owner, colleague
):
    before = state(begin)
    correction = correct(begin, colleague)
    assert current_by_kind(assessments_of(case))["begin"] == begin  # a draft stands in for nothing

    services.assessment_score(
        acting_user=colleague,
        assessment=correction,
        scores={domain("finances").pk: (2, "", "Toch een klein inkomen.")},
    )
    services.assessment_finalise(acting_user=colleague, assessment=correction)

    assessments = list(assessments_of(case))
    assert {a.pk for a in assessments} == {begin.pk, correction.pk}
    assert current_by_kind(assessments) == {"begin": correction}
    assert state(begin) == before
    _assessments, _current, comparison, _targets = case_comparison(case)
    assert comparison.first == correction
    assert comparison.rows[0].domain.key == "finances" and comparison.rows[0].first == 2
    event = events(case, TimelineEvent.Kind.ZRM)[-1]
    assert event.data["assessment_id"] == correction.pk
    assert event.data["corrects_assessment_id"] == begin.pk
    assert event.data["reason"] == "Financiën verkeerd ingevuld."
    assert event.actor == colleague


def test_it_keeps_the_newest_evaluation_current_when_an_older_one_is_corrected(case, owner):
    # docs/zrm.md: begin is compared with the end, "or versus the latest evaluation when there
    # is no end yet"; a correction stands in for the assessment it corrects, not for a newer one.
    today = timezone.localdate()
    finalised_assessment(case, owner, "begin", assessed_on=today - timedelta(days=90))
    march = finalised_assessment(
        case, owner, "evaluation", default=2, assessed_on=today - timedelta(days=60)
    )
    june = finalised_assessment(
        case, owner, "evaluation", default=4, assessed_on=today - timedelta(days=5)
    )
    fix = correct(march, owner, "Datum klopte, score Financiën niet.")
    services.assessment_finalise(acting_user=owner, assessment=fix)

    _assessments, current, comparison, _targets = case_comparison(case)

    assert current["evaluation"] == june
    assert comparison.second == june


@pytest.mark.parametrize("reason", ["", "   "])
def test_it_needs_a_reason(begin, owner, reason):
    with pytest.raises(ValidationError) as error:
        correct(begin, owner, reason)
    assert "reason" in error.value.message_dict
    assert ZrmAssessment.objects.count() == 1


def test_it_corrects_only_a_finalised_assessment(case, owner):
    draft = draft_assessment(case, owner)
    with pytest.raises(ValidationError):
        correct(draft, owner)
    assert ZrmAssessment.objects.count() == 1


def test_it_keeps_one_open_correction_at_a_time(begin, owner):
    first = correct(begin, owner)
    with pytest.raises(ValidationError):
        correct(begin, owner, "Nog een keer.")
    assert list(ZrmAssessment.objects.filter(corrects=begin)) == [first]
    # Once that one is finalised, the old assessment may be corrected again.
    services.assessment_finalise(acting_user=owner, assessment=first)
    assert correct(begin, owner, "Nog een keer.").corrects == begin


def test_it_refuses_a_closed_case(begin, case, owner):
    close(case, owner, no_zrm_reason="Cliënt verhuisd.")
    assert not Case.objects.get(pk=case.pk).is_open
    with pytest.raises(ValidationError):
        correct(ZrmAssessment.objects.get(pk=begin.pk), owner)
    assert ZrmAssessment.objects.count() == 1


def test_it_copies_the_scores_not_a_later_change(case, owner):
    # The correction starts from the assessment it corrects, even if another of the same kind
    # was made meanwhile.
    first = finalised_assessment(case, owner, "evaluation", default=2)
    finalised_assessment(case, owner, "evaluation", default=5)
    correction = correct(first, owner)
    assert {r[1] for r in rows(correction)} == {2}
    assert score_map(correction, default=2) == score_map(first, default=2)
