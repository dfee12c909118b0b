from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from cases.models import Case, TimelineEvent
from network.models import NetworkSnapshot
from network.services import member_add
from tests.cases.factories import events
from tests.zrm.factories import DOMAIN_KEYS, draft_assessment, trajectory_case
from zrm import services
from zrm.models import ZrmAssessment


def finalise(assessment, user, empty_map="not_mapped"):
    return services.assessment_finalise(
        acting_user=user, assessment=assessment, empty_map=empty_map
    )


@pytest.mark.parametrize(
    ("kind", "field", "other"),
    [("begin", "zrm_begin_at", "zrm_end_at"), ("end", "zrm_end_at", "zrm_begin_at")],
)
def test_it_finalises_and_records_the_begin_or_end_on_the_case(
    owner, colleague, team, kind, field, other
):
    case = trajectory_case(owner, team)
    on = timezone.localdate() - timedelta(days=2)
    draft = draft_assessment(case, owner, kind, assessed_on=on)
    zrm_events = len(events(case, TimelineEvent.Kind.ZRM))
    start = timezone.now()

    final = finalise(draft, colleague)

    final = ZrmAssessment.objects.get(pk=draft.pk)
    assert final.status == "final" and final.is_final
    assert start <= final.finalised_at <= timezone.now()
    case = Case.objects.get(pk=case.pk)
    assert start <= getattr(case, field) <= timezone.now()
    assert getattr(case, other) is None
    new = events(case, TimelineEvent.Kind.ZRM)[zrm_events:]
    assert len(new) == 1
    assert new[0].actor == colleague
    assert new[0].data == {
        "kind": kind,
        "assessment_id": final.pk,
        "matrix": "2013",
        "assessed_on": on.isoformat(),
    }


def test_it_puts_an_evaluation_on_the_timeline_without_touching_begin_or_end(owner, team):
    case = trajectory_case(owner, team)
    finalise(draft_assessment(case, owner, "evaluation"), owner)
    case = Case.objects.get(pk=case.pk)
    assert (case.zrm_begin_at, case.zrm_end_at) == (None, None)
    assert [e.data["kind"] for e in events(case, TimelineEvent.Kind.ZRM)] == ["evaluation"]


def test_it_counts_a_reason_as_done(owner, team):
    case = trajectory_case(owner, team)
    draft = draft_assessment(
        case, owner, levels={"justice": None}, reasons={"justice": "Geen zicht op."}
    )
    assert finalise(draft, owner).status == "final"


@pytest.mark.parametrize("missing", ["finances", "justice"])
def test_it_refuses_a_domain_without_a_level_or_reason_and_names_it(owner, team, missing):
    case = trajectory_case(owner, team)
    # A level of None without a reason: the domain is not done.
    draft = draft_assessment(case, owner, levels={missing: None}, reasons={missing: ""})
    before = len(events(case))

    with pytest.raises(ValidationError) as error:
        finalise(draft, owner)

    names = {"finances": "Financiën", "justice": "Justitie"}
    text = " ".join(error.value.messages)
    assert names[missing] in text
    assert all(names[k] not in text for k in names if k != missing)
    assert ZrmAssessment.objects.get(pk=draft.pk).status == "draft"
    case = Case.objects.get(pk=case.pk)
    assert case.zrm_begin_at is None
    assert len(events(case)) == before


def test_it_refuses_an_empty_draft_naming_every_domain(owner, team):
    case = trajectory_case(owner, team)
    draft = services.assessment_start(
        acting_user=owner, case=case, kind="begin", assessed_on=timezone.localdate()
    )
    with pytest.raises(ValidationError) as error:
        finalise(draft, owner)
    text = " ".join(error.value.messages)
    assert "Financiën" in text and "Justitie" in text and "Huisvesting" in text
    assert ZrmAssessment.objects.get(pk=draft.pk).status == "draft"


def test_it_cannot_be_finalised_or_scored_again(owner, team):
    case = trajectory_case(owner, team)
    final = finalise(draft_assessment(case, owner, levels={"finances": 2}), owner)
    case = Case.objects.get(pk=case.pk)
    before = (case.zrm_begin_at, len(events(case)), final.finalised_at)
    finances = final.scores.get(domain__key="finances")

    with pytest.raises(ValidationError):
        finalise(final, owner)
    with pytest.raises(ValidationError):
        services.assessment_score(
            acting_user=owner, assessment=final, scores={finances.domain_id: (5, "", "Beter.")}
        )

    case = Case.objects.get(pk=case.pk)
    final = ZrmAssessment.objects.get(pk=final.pk)
    assert (case.zrm_begin_at, len(events(case)), final.finalised_at) == before
    assert final.scores.get(domain__key="finances").level == 2
    assert [s.level for s in final.scores.all()] == [2] + [3] * (len(DOMAIN_KEYS) - 1)


# An empty network map at the begin ----------------------------------------------------------


@pytest.mark.parametrize("empty_map", ["", "nobody"])
def test_it_asks_what_an_empty_map_means_when_finalising_a_begin(owner, team, empty_map):
    case = trajectory_case(owner, team)
    draft = draft_assessment(case, owner, "begin")
    before = len(events(case))
    with pytest.raises(ValidationError) as error:
        finalise(draft, owner, empty_map=empty_map)
    assert "empty_map" in error.value.message_dict
    assert ZrmAssessment.objects.get(pk=draft.pk).status == "draft"
    assert Case.objects.get(pk=case.pk).zrm_begin_at is None
    assert not NetworkSnapshot.objects.exists()
    assert len(events(case)) == before


@pytest.mark.parametrize("empty_map", ["no_network", "not_mapped"])
def test_it_records_the_answer_on_the_begin_snapshot(owner, team, empty_map):
    case = trajectory_case(owner, team)
    finalise(draft_assessment(case, owner, "begin"), owner, empty_map=empty_map)
    (begin,) = NetworkSnapshot.objects.all()
    assert (begin.kind, begin.members, begin.empty_map) == ("begin", [], empty_map)


def test_it_does_not_ask_with_people_on_the_map_or_for_an_end(owner, team):
    case = trajectory_case(owner, team)
    member_add(acting_user=owner, case=case, name="Anna", relation="friend")
    finalise(draft_assessment(case, owner, "begin"), owner, empty_map="")
    other = trajectory_case(owner, team)
    finalise(draft_assessment(other, owner, "end"), owner, empty_map="")
    assert [s.empty_map for s in NetworkSnapshot.objects.all()] == ["", ""]
