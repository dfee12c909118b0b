"""Where a score comes from and what carries it (zrm.services.assessment_score): the sources, a
short reason and the split of own strength, network and professional help per domain."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from tests.zrm.factories import domain, finalised_assessment, trajectory_case
from zrm import services
from zrm.models import ZrmScore
from zrm.services import ScoreInput


@pytest.fixture
def draft(owner, team):
    case = trajectory_case(owner, team)
    return services.assessment_start(
        acting_user=owner, case=case, kind="begin", assessed_on=timezone.localdate()
    )


def stored(assessment, key):
    return ZrmScore.objects.get(assessment=assessment, domain__key=key)


def score(assessment, user, scores, **kwargs):
    return services.assessment_score(
        acting_user=user, assessment=assessment, scores=scores, **kwargs
    )


def test_it_saves_the_sources_the_reason_and_the_split(draft, owner):
    score(
        draft,
        owner,
        {
            domain("finances").pk: ScoreInput(
                2,
                sources=("records", "client"),
                rationale="  Aanmaningen op tafel; bewindvoering aangevraagd.  ",
                split=(20, 10, 70),
            ),
            domain("housing").pk: ScoreInput(4),
        },
    )

    finances = stored(draft, "finances")
    # The sources in the order of the list, whatever the order given.
    assert finances.sources == ["client", "records"]
    assert finances.rationale == "Aanmaningen op tafel; bewindvoering aangevraagd."
    assert finances.split == (20, 10, 70)
    assert finances.source_labels() == ["de cliënt", "dossiers en verslagen"]
    housing = stored(draft, "housing")
    assert (housing.sources, housing.rationale, housing.split) == ([], "", None)


def test_it_takes_a_split_away_again(draft, owner):
    finances = domain("finances").pk
    score(draft, owner, {finances: ScoreInput(2, split=(50, 50, 0))})
    score(draft, owner, {finances: ScoreInput(2)})
    assert stored(draft, "finances").split is None


@pytest.mark.parametrize(
    "value",
    [
        ScoreInput(3, split=(50, 60, -10)),
        ScoreInput(3, split=(150, None, None)),
        ScoreInput(3, split=(100, 0)),
        ScoreInput(3, split=("50", "50", "0")),
        ScoreInput(3, sources=("neighbours",)),
    ],
    ids=["negative", "over 100", "two parts", "not numbers", "unknown source"],
)
def test_it_refuses_a_wrong_split_or_source_and_saves_nothing(draft, owner, value):
    version = draft.version
    with pytest.raises(ValidationError):
        score(draft, owner, {domain("housing").pk: ScoreInput(4), domain("finances").pk: value})
    assert stored(draft, "housing").level is None
    draft.refresh_from_db()
    assert draft.version == version


def test_it_keeps_a_split_being_typed_in_a_draft_and_finalises_only_a_whole_one(draft, owner):
    every = {row.domain_id: ScoreInput(3) for row in draft.scores.all()}
    finances, housing = domain("finances"), domain("housing")
    every[finances.pk] = ScoreInput(3, split=(50, 30, None))
    every[housing.pk] = ScoreInput(3, split=(50, 30, 30))
    score(draft, owner, every)
    assert stored(draft, "finances").shares == (50, 30, None)

    with pytest.raises(ValidationError) as error:
        services.assessment_finalise(acting_user=owner, assessment=draft, empty_map="not_mapped")

    assert error.value.messages == [
        "Eigen kracht, netwerk en professionele hulp zijn samen 100%, of laat alle drie leeg: "
        "Financiën, Huisvesting."
    ]
    draft.refresh_from_db()
    assert draft.status == "draft"
    every[finances.pk] = ScoreInput(3, split=(50, 30, 20))
    every[housing.pk] = ScoreInput(3)
    score(draft, owner, every)
    assert services.assessment_finalise(
        acting_user=owner, assessment=draft, empty_map="not_mapped"
    ).is_final


def test_it_counts_a_change_of_split_alone_as_a_new_version(draft, owner):
    finances = domain("finances").pk
    first = score(draft, owner, {finances: ScoreInput(3, split=(60, 20, 20))}).version
    second = score(draft, owner, {finances: ScoreInput(3, split=(40, 40, 20))}).version
    same = score(draft, owner, {finances: ScoreInput(3, split=(40, 40, 20))}).version
    assert first < second == same


def test_it_copies_sources_and_split_into_a_correction(owner, team):
    case = trajectory_case(owner, team)
    begin = finalised_assessment(
        case,
        owner,
        "begin",
        extras={
            "finances": {"sources": ["partners"], "rationale": "Uit het LZN.", "split": (0, 0, 100)}
        },
    )
    correction = services.assessment_correct(acting_user=owner, assessment=begin, reason="Datum.")
    copied = stored(correction, "finances")
    assert (copied.sources, copied.rationale, copied.split) == (
        ["partners"],
        "Uit het LZN.",
        (0, 0, 100),
    )
