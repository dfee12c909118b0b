import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from cases.models import TimelineEvent
from outreach.versioning import EditConflict
from tests.zrm.factories import domain, example_matrix, trajectory_case
from zrm import services
from zrm.models import ZrmAssessment, ZrmScore


@pytest.fixture
def draft(owner, team):
    case = trajectory_case(owner, team)
    return services.assessment_start(
        acting_user=owner, case=case, kind="begin", assessed_on=timezone.localdate()
    )


def rows(assessment):
    return {
        s.domain.key: (s.level, s.not_assessed_reason, s.note)
        for s in ZrmScore.objects.filter(assessment=assessment).select_related("domain")
    }


def score(assessment, user, scores):
    return services.assessment_score(acting_user=user, assessment=assessment, scores=scores)


def test_it_saves_levels_reasons_and_notes(draft, owner):
    score(
        draft,
        owner,
        {
            domain("finances").pk: (2, "", "  Schulden bij de Belastingdienst.  "),
            domain("justice").pk: (None, "  Wilde er niet over praten. ", ""),
            domain("housing").pk: (5, "", ""),
        },
    )

    saved = rows(draft)
    assert saved["finances"] == (2, "", "Schulden bij de Belastingdienst.")
    assert saved["justice"] == (None, "Wilde er niet over praten.", "")
    assert saved["housing"] == (5, "", "")
    # The other eight domains are untouched: a draft may be incomplete.
    assert list(saved.values()).count((None, "", "")) == 8
    assert draft.status == "draft"
    assert not TimelineEvent.objects.filter(case=draft.case, kind="zrm").exists()


def test_it_drops_the_reason_once_a_level_is_chosen_and_clears_a_level(draft, owner):
    finances = domain("finances").pk
    score(draft, owner, {finances: (None, "Geen tijd.", "")})
    score(draft, owner, {finances: (4, "Geen tijd.", "")})
    assert rows(draft)["finances"] == (4, "", "")

    score(draft, owner, {finances: (None, "", "")})
    assert rows(draft)["finances"] == (None, "", "")


@pytest.mark.parametrize("level", [0, 6, -1])
def test_it_refuses_a_level_outside_1_to_5_and_saves_nothing(draft, owner, level):
    with pytest.raises(ValidationError):
        score(
            draft,
            owner,
            {domain("finances").pk: (3, "", ""), domain("housing").pk: (level, "", "")},
        )
    assert set(rows(draft).values()) == {(None, "", "")}


def test_it_refuses_a_domain_of_another_matrix_and_saves_nothing(draft, owner):
    other = example_matrix(owner).domains.get(key="finances")
    with pytest.raises(ValidationError):
        score(draft, owner, {domain("finances").pk: (3, "", ""), other.pk: (3, "", "")})
    assert set(rows(draft).values()) == {(None, "", "")}
    assert not ZrmScore.objects.filter(domain=other).exists()


def test_it_refuses_a_finalised_assessment(draft, owner):
    finances = domain("finances").pk
    score(draft, owner, dict.fromkeys(draft.scores.values_list("domain", flat=True), (3, "", "")))
    services.assessment_finalise(acting_user=owner, assessment=draft, empty_map="not_mapped")
    before = rows(draft)

    # The stale object still says "draft"; the service reads the database.
    assert draft.status == "draft"
    with pytest.raises(ValidationError):
        score(draft, owner, {finances: (1, "", "Toch anders.")})
    assert rows(draft) == before


def test_it_refuses_a_stale_version_and_keeps_the_first_save(draft, owner, colleague):
    housing = domain("housing").pk
    services.assessment_score(
        acting_user=owner, assessment=draft, scores={housing: (4, "", "")}, expected_version=1
    )
    with pytest.raises(EditConflict):
        services.assessment_score(
            acting_user=colleague,
            assessment=draft,
            scores={housing: (2, "", "")},
            expected_version=1,
        )
    assert rows(draft)["housing"] == (4, "", "")
    assert ZrmAssessment.objects.get(pk=draft.pk).version == 2
