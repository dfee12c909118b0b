"""cases.services.case_move_team: a client's file moves to another team in one piece."""

import pytest
from django.core.exceptions import ValidationError

from cases import services
from cases.models import Case, CaseCoworker, Client, PhaseSpan, Signal
from cases.phases import Phase
from outreach.models import Membership
from outreach.services import membership_set
from tests.cases.factories import add_coworker, case_in_phase, events, open_case, snapshot
from tests.threads import needs_postgres, run_together


@pytest.fixture
def lead_of_both(lead, other_team):
    membership_set(acting_user=None, team=other_team, user=lead, role=Membership.Role.WORKER)
    return lead


def move(case, user, to_team, worker, reason="Verhuisd naar Zuid."):
    return services.case_move_team(
        acting_user=user, case=case, to_team=to_team, assigned_worker=worker, reason=reason
    )


def test_it_moves_the_client_all_their_cases_signals_and_spans(
    owner, lead_of_both, team, other_team, outsider
):
    old = case_in_phase(Phase.AFGESLOTEN, acting_user=owner, team=team)
    case = case_in_phase(Phase.CONTRACT, acting_user=owner, team=team, client=old.client)

    move(case, lead_of_both, other_team, outsider)

    assert Client.objects.get(pk=case.client_id).team == other_team
    moved = {c.pk: c for c in Case.objects.filter(client=case.client_id)}
    assert {c.team_id for c in moved.values()} == {other_team.pk}
    assert moved[case.pk].assigned_worker == outsider
    assert moved[case.pk].reference == case.reference
    assert set(PhaseSpan.objects.filter(case__in=moved).values_list("team", flat=True)) == {
        other_team.pk
    }
    assert set(Signal.objects.filter(case__in=moved).values_list("team", flat=True)) == {
        other_team.pk
    }
    event = events(case, "assignment")[-1]
    assert event.data == {
        "from_team": team.name,
        "to_team": other_team.name,
        "to": str(outsider),
        "reason": "Verhuisd naar Zuid.",
    }


def test_it_takes_the_deleted_cases_along_with_their_signals_and_spans(
    owner, lead, lead_of_both, team, other_team, outsider
):
    gone = case_in_phase(Phase.AFGESLOTEN, acting_user=owner, team=team)
    case = open_case(acting_user=owner, team=team, client=gone.client)
    services.case_delete(acting_user=lead, case=gone, reason="Dubbel geregistreerd.")

    move(case, lead_of_both, other_team, outsider)

    left_behind = Case.all_objects.get(pk=gone.pk)
    assert (left_behind.team, left_behind.is_deleted) == (other_team, True)
    assert left_behind.assigned_worker == owner  # a closed case keeps the worker who had it
    assert set(PhaseSpan.objects.filter(case=gone).values_list("team", flat=True)) == {
        other_team.pk
    }
    assert set(Signal.objects.filter(case=gone).values_list("team", flat=True)) == {other_team.pk}
    assert events(gone, "assignment") == []


def test_it_refuses_to_move_a_deleted_case(owner, lead, lead_of_both, team, other_team, outsider):
    case = open_case(acting_user=owner, team=team)
    services.case_delete(acting_user=lead, case=case, reason="Per ongeluk.")
    with pytest.raises(ValidationError):
        move(case, lead_of_both, other_team, outsider)
    assert Case.all_objects.get(pk=case.pk).team == team


def test_it_refuses_to_move_the_case_of_a_client_deleted_meanwhile(
    owner, lead, lead_of_both, team, other_team, outsider
):
    case = open_case(acting_user=owner, team=team)
    services.client_delete(acting_user=lead, client=case.client, reason="Dubbel ingevoerd.")
    with pytest.raises(ValidationError):
        move(case, lead_of_both, other_team, outsider)
    assert Case.all_objects.get(pk=case.pk).team == team


def test_it_is_for_a_lead_of_the_source_team_who_works_in_the_target_team(
    owner, lead, colleague, team, other_team, outsider, outsider_lead
):
    case = open_case(acting_user=owner, team=team)
    before = snapshot(case)
    # A lead who is not in the target team, a worker, the target team's lead: all refused.
    for user in (lead, colleague, outsider_lead):
        with pytest.raises(ValidationError):
            move(case, user, other_team, outsider)
    assert snapshot(case) == before
    assert Case.objects.get(pk=case.pk).team == team


def test_it_lets_an_admin_move(owner, team, other_team, outsider, admin_user):
    case = open_case(acting_user=owner, team=team)
    move(case, admin_user, other_team, outsider)
    assert Case.objects.get(pk=case.pk).team == other_team


def test_it_wants_a_reason_an_open_case_and_a_worker_of_the_new_team(
    owner, lead_of_both, team, other_team, outsider
):
    case = open_case(acting_user=owner, team=team)
    with pytest.raises(ValidationError) as refused:
        move(case, lead_of_both, other_team, outsider, reason=" ")
    assert "reason" in refused.value.message_dict
    with pytest.raises(ValidationError) as refused:
        move(case, lead_of_both, other_team, owner)
    assert "assigned_worker" in refused.value.message_dict
    with pytest.raises(ValidationError):
        move(case, lead_of_both, team, owner)
    closed = case_in_phase(Phase.AFGESLOTEN, acting_user=owner, team=team, first_name="Bert")
    with pytest.raises(ValidationError):
        move(closed, lead_of_both, other_team, outsider)
    assert Case.objects.get(pk=case.pk).team == team


@needs_postgres
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("round_", range(3))
def test_it_loses_neither_a_concurrent_move_nor_edit(
    owner, lead_of_both, team, other_team, outsider, round_
):
    case = case_in_phase(Phase.CONTRACT, acting_user=owner, team=team)
    version = Case.objects.get(pk=case.pk).version

    _results, errors = run_together(
        lambda: move(case, lead_of_both, other_team, outsider),
        lambda: services.case_update_plan(
            acting_user=owner,
            case=case,
            trajectory_plan="Plan van Olga.",
            evaluation_due_on=None,
            expected_version=version,
        ),
        lambda: services.client_update(
            acting_user=owner, client=case.client, phone="0611111111", expected_version=1
        ),
    )

    assert errors == []
    stored = Case.objects.select_related("client").get(pk=case.pk)
    assert (stored.team, stored.client.team) == (other_team, other_team)
    assert stored.assigned_worker == outsider
    assert (stored.trajectory_plan, stored.client.phone) == ("Plan van Olga.", "0611111111")
    assert set(PhaseSpan.objects.filter(case=case).values_list("team", flat=True)) == {
        other_team.pk
    }


def test_it_takes_the_old_teams_coworkers_off_the_moved_case(
    owner, lead_of_both, colleague, team, other_team, outsider
):
    case = case_in_phase(Phase.CONTRACT, acting_user=owner, team=team)
    add_coworker(case, colleague, acting_user=owner)
    move(case, lead_of_both, other_team, outsider)
    assert CaseCoworker.objects.get().ended_at is not None
    assert [e.data["action"] for e in events(case, "coworker")] == ["added", "ended"]
