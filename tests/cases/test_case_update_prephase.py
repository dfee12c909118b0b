import pytest
from django.core.exceptions import ValidationError

from cases import services
from cases.models import Case, TimelineEvent
from cases.phases import Phase, allows
from outreach.versioning import EditConflict
from tests.cases.factories import case_in_phase, events

PREPHASE_PHASES = [phase for phase in Phase if allows(phase, "prephase")]
OTHER_PHASES = [phase for phase in Phase if phase not in PREPHASE_PHASES]


def update(case, user, **fields):
    return services.case_update_prephase(acting_user=user, case=case, **fields)


def test_it_records_the_decisions_and_notes_them(owner, team):
    case = case_in_phase(Phase.VOORFASE, acting_user=owner, team=team)

    update(
        case,
        owner,
        prior_info_decision="yes",
        prior_info_reason="Zorgen over veiligheid.",
        prior_info_basis="Melding politie.",
        suitability_analysis="Past bij outreach.",
        approach_plan="Eerst langs met de wijkagent.",
    )

    case = Case.objects.get(pk=case.pk)
    assert (case.prior_info_decision, case.prior_info_reason, case.approach_plan) == (
        "yes",
        "Zorgen over veiligheid.",
        "Eerst langs met de wijkagent.",
    )
    event = events(case, TimelineEvent.Kind.PLAN)
    assert len(event) == 1
    assert event[0].data == {
        "fields": [
            "prior_info_decision",
            "prior_info_reason",
            "prior_info_basis",
            "suitability_analysis",
            "approach_plan",
        ],
        "prior_info_decision": "yes",
    }


def test_it_names_only_the_fields_that_changed(owner, team):
    case = case_in_phase(Phase.SIGNAAL, acting_user=owner, team=team)
    update(case, owner, prior_info_decision="no", prior_info_reason="Niet nodig.")

    update(
        case, owner, prior_info_decision="no", prior_info_reason="Niet nodig.", approach_plan="X"
    )

    assert events(case, TimelineEvent.Kind.PLAN)[-1].data == {
        "fields": ["approach_plan"],
        "prior_info_decision": "no",
    }


def test_it_writes_nothing_when_nothing_changed(owner, team):
    case = case_in_phase(Phase.VOORFASE, acting_user=owner, team=team)
    update(case, owner, suitability_analysis="Past.")
    before = len(events(case))

    update(case, owner, suitability_analysis="Past.")

    assert len(events(case)) == before


@pytest.mark.parametrize("decision", ["yes", "no"])
@pytest.mark.parametrize("reason", [None, "", "   "], ids=["missing", "empty", "whitespace"])
def test_it_requires_a_reason_for_the_decision(decision, reason, owner, team):
    case = case_in_phase(Phase.VOORFASE, acting_user=owner, team=team)
    before = len(events(case))
    fields = {"prior_info_decision": decision}
    if reason is not None:
        fields["prior_info_reason"] = reason

    with pytest.raises(ValidationError) as excinfo:
        update(case, owner, **fields)

    assert list(excinfo.value.message_dict) == ["prior_info_reason"]
    assert Case.objects.get(pk=case.pk).prior_info_decision == ""
    assert len(events(case)) == before


@pytest.mark.parametrize("phase", OTHER_PHASES)
def test_it_refuses_changes_after_the_pre_phase(phase, owner, team):
    case = case_in_phase(phase, acting_user=owner, team=team)
    before = len(events(case))

    with pytest.raises(ValidationError) as excinfo:
        update(case, owner, suitability_analysis="Te laat.")

    assert list(excinfo.value.message_dict) == [None]
    assert Case.objects.get(pk=case.pk).suitability_analysis == ""
    assert len(events(case)) == before


def test_it_refuses_an_unknown_prior_info_decision(owner, team):
    case = case_in_phase(Phase.VOORFASE, acting_user=owner, team=team)

    with pytest.raises(ValidationError):
        update(case, owner, prior_info_decision="maybe", prior_info_reason="Weet niet.")

    assert Case.objects.get(pk=case.pk).prior_info_decision == ""


def test_it_refuses_fields_outside_the_pre_phase(owner, team):
    case = case_in_phase(Phase.VOORFASE, acting_user=owner, team=team)

    with pytest.raises((ValidationError, TypeError)):
        update(case, owner, approach_plan="Plan.", phase=Phase.AFGESLOTEN)

    case = Case.objects.get(pk=case.pk)
    assert (case.phase, case.approach_plan) == (Phase.VOORFASE, "")


def test_it_refuses_a_stale_version_and_keeps_the_first_save(owner, lead, team):
    case = case_in_phase(Phase.VOORFASE, acting_user=owner, team=team)
    opened = Case.objects.get(pk=case.pk).version
    update(case, owner, approach_plan="Eerst bellen.", expected_version=opened)
    with pytest.raises(EditConflict):
        update(case, lead, approach_plan="Eerst aanbellen.", expected_version=opened)
    stored = Case.objects.get(pk=case.pk)
    assert (stored.approach_plan, stored.version) == ("Eerst bellen.", opened + 1)
