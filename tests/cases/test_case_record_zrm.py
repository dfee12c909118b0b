import pytest
from django.utils import timezone

from cases import services
from cases.models import Case, TimelineEvent
from cases.phases import Phase
from tests.cases.factories import case_in_phase, events


def record(case, user, kind, **data):
    return services.case_record_zrm(acting_user=user, case=case, kind=kind, data=data)


@pytest.mark.parametrize(
    ("kind", "field", "other"),
    [("begin", "zrm_begin_at", "zrm_end_at"), ("end", "zrm_end_at", "zrm_begin_at")],
)
def test_it_records_when_the_zrm_was_taken(kind, field, other, owner, team):
    case = case_in_phase(Phase.TRAJECT_BEGIN, acting_user=owner, team=team)
    start = timezone.now()

    event = record(case, owner, kind, assessment_id=7, scores={"financien": 2})

    case = Case.objects.get(pk=case.pk)
    assert start <= getattr(case, field) <= timezone.now()
    assert getattr(case, other) is None
    assert TimelineEvent.objects.get(pk=event.pk).data == {
        "kind": kind,
        "assessment_id": 7,
        "scores": {"financien": 2},
    }
    assert [e.pk for e in events(case, TimelineEvent.Kind.ZRM)] == [event.pk]
    assert event.actor == owner


def test_it_puts_another_kind_on_the_timeline_only(owner, team):
    case = case_in_phase(Phase.TRAJECT_EVALUATIE, acting_user=owner, team=team)
    before = Case.objects.get(pk=case.pk)

    record(case, owner, "interim", assessment_id=8)

    after = Case.objects.get(pk=case.pk)
    assert (after.zrm_begin_at, after.zrm_end_at) == (before.zrm_begin_at, before.zrm_end_at)
    assert events(case, TimelineEvent.Kind.ZRM)[-1].data == {"kind": "interim", "assessment_id": 8}


def test_it_satisfies_the_evaluation_step(owner, team):
    case = case_in_phase(Phase.TRAJECT_BEGIN, acting_user=owner, team=team)

    record(case, owner, "begin")
    services.case_transition(acting_user=owner, case=case, move="evaluatie")

    assert Case.objects.get(pk=case.pk).phase == Phase.TRAJECT_EVALUATIE


def test_it_updates_a_stale_case_without_losing_other_changes(owner, team):
    case = case_in_phase(Phase.TRAJECT_BEGIN, acting_user=owner, team=team)
    services.case_update_plan(
        acting_user=owner, case=case, trajectory_plan="Plan.", evaluation_due_on=None
    )
    stale = Case.objects.get(pk=case.pk)
    services.case_transition(acting_user=owner, case=case, move="evaluatie", no_zrm_reason="Nee")

    record(stale, owner, "end")

    case = Case.objects.get(pk=case.pk)
    assert case.phase == Phase.TRAJECT_EVALUATIE
    assert case.zrm_end_at is not None
    assert case.trajectory_plan == "Plan."
