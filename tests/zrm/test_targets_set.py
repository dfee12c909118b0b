import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from cases.models import TimelineEvent
from cases.phases import Phase
from tests.cases.factories import case_in_phase, events
from tests.zrm.factories import domain, trajectory_case
from zrm import services
from zrm.models import ZrmTarget


def targets(case):
    return {
        t.domain.key: t.level for t in ZrmTarget.objects.filter(case=case).select_related("domain")
    }


def set_targets(case, user, levels):
    return services.targets_set(
        acting_user=user, case=case, levels={domain(k): v for k, v in levels.items()}
    )


def test_it_sets_changes_and_removes_targets_and_puts_them_on_the_timeline(owner, colleague, team):
    case = trajectory_case(owner, team)

    set_targets(case, owner, {"finances": 3, "housing": 4, "justice": None})
    assert targets(case) == {"finances": 3, "housing": 4}
    target = ZrmTarget.objects.get(case=case, domain__key="finances")
    assert (target.set_by, target.set_on) == (owner, timezone.localdate())

    set_targets(case, colleague, {"finances": 4, "housing": None})
    assert targets(case) == {"finances": 4}
    assert ZrmTarget.objects.get(case=case, domain__key="finances").set_by == colleague

    zrm = events(case, TimelineEvent.Kind.ZRM)
    assert [(e.actor, e.data) for e in zrm] == [
        (owner, {"kind": "targets", "targets": {"finances": 3, "housing": 4}}),
        (colleague, {"kind": "targets", "targets": {"finances": 4}}),
    ]


def test_it_keeps_the_targets_of_domains_not_mentioned(owner, team):
    case = trajectory_case(owner, team)
    set_targets(case, owner, {"finances": 3, "housing": 4})
    set_targets(case, owner, {"housing": 5})
    assert targets(case) == {"finances": 3, "housing": 5}


@pytest.mark.parametrize("level", [0, 6])
def test_it_refuses_a_level_outside_1_to_5_and_changes_nothing(owner, team, level):
    case = trajectory_case(owner, team)
    set_targets(case, owner, {"housing": 2})
    before = (targets(case), len(events(case)))

    with pytest.raises(ValidationError):
        set_targets(case, owner, {"finances": 3, "housing": level})

    assert (targets(case), len(events(case))) == before


def test_it_refuses_a_closed_case(owner, team):
    case = case_in_phase(Phase.AFGESLOTEN, acting_user=owner, team=team)
    before = len(events(case))
    with pytest.raises(ValidationError):
        set_targets(case, owner, {"finances": 3})
    assert (targets(case), len(events(case))) == ({}, before)


def test_it_keeps_targets_per_case(owner, team):
    one, two = trajectory_case(owner, team), trajectory_case(owner, team, last_name="Pietersen")
    set_targets(one, owner, {"finances": 3})
    set_targets(two, owner, {"finances": 5})
    assert (targets(one), targets(two)) == ({"finances": 3}, {"finances": 5})
