"""cases.services.case_restore: an admin brings one deleted case back."""

import pytest
from django.core.exceptions import ValidationError

from cases import services
from cases.models import Case, Client, PhaseSpan, Signal
from cases.phases import Phase
from tests.cases.factories import case_in_phase, events, open_case
from tests.threads import needs_postgres, run_together


def test_it_brings_the_case_back_onto_the_timeline(owner, lead, team, admin_user):
    case = open_case(acting_user=owner, team=team)
    services.case_delete(acting_user=lead, case=case, reason="Per ongeluk.")

    services.case_restore(acting_user=admin_user, case=case)

    assert Case.objects.get(pk=case.pk).deletion_reason == ""
    assert [e.data["action"] for e in events(case, "deletion")] == ["deleted", "restored"]


def test_it_refuses_while_the_client_has_another_open_case(owner, lead, team, admin_user):
    case = open_case(acting_user=owner, team=team)
    services.case_delete(acting_user=lead, case=case, reason="Dubbel.")
    open_case(acting_user=owner, team=team, client=case.client)

    with pytest.raises(ValidationError) as refused:
        services.case_restore(acting_user=admin_user, case=case)

    assert case.reference in refused.value.messages[0]
    assert Case.all_objects.get(pk=case.pk).is_deleted


def test_it_asks_to_restore_a_deleted_client_first(owner, lead, team, admin_user):
    case = open_case(acting_user=owner, team=team)
    services.client_delete(acting_user=lead, client=case.client, reason="Weg.")
    with pytest.raises(ValidationError):
        services.case_restore(acting_user=admin_user, case=case)
    with pytest.raises(ValidationError):
        services.case_restore(acting_user=lead, case=case)


def test_it_brings_a_case_back_in_the_team_its_client_moved_to(
    owner, lead, team, other_team, outsider, admin_user
):
    gone = case_in_phase(Phase.AFGESLOTEN, acting_user=owner, team=team)
    case = open_case(acting_user=owner, team=team, client=gone.client)
    services.case_delete(acting_user=lead, case=gone, reason="Per ongeluk.")
    services.case_move_team(
        acting_user=admin_user,
        case=case,
        to_team=other_team,
        assigned_worker=outsider,
        reason="Verhuisd.",
    )

    services.case_restore(acting_user=admin_user, case=gone)

    restored = Case.objects.get(pk=gone.pk)
    assert restored.team == Client.objects.get(pk=gone.client_id).team == other_team
    assert set(Signal.objects.filter(case=gone).values_list("team", flat=True)) == {other_team.pk}


def test_it_brings_a_case_left_in_the_old_team_into_its_clients_team(
    owner, lead, team, other_team, outsider, admin_user
):
    gone = case_in_phase(Phase.AFGESLOTEN, acting_user=owner, team=team)
    case = open_case(acting_user=owner, team=team, client=gone.client)
    services.case_delete(acting_user=lead, case=gone, reason="Per ongeluk.")
    services.case_move_team(
        acting_user=admin_user,
        case=case,
        to_team=other_team,
        assigned_worker=outsider,
        reason="Verhuisd.",
    )
    # A file moved before moves took deleted cases along: the deleted case stayed behind.
    Case.all_objects.filter(pk=gone.pk).update(team=team)
    Signal.objects.filter(case=gone).update(team=team)
    PhaseSpan.objects.filter(case=gone).update(team=team)

    services.case_restore(acting_user=admin_user, case=gone)

    assert Case.objects.get(pk=gone.pk).team == other_team
    assert set(Signal.objects.filter(case=gone).values_list("team", flat=True)) == {other_team.pk}
    assert set(PhaseSpan.objects.filter(case=gone).values_list("team", flat=True)) == {
        other_team.pk
    }
    assert [e.data["action"] for e in events(gone, "deletion")] == ["deleted", "restored"]
    assert events(gone, "assignment")[-1].data == {
        "from_team": team.name,
        "to_team": other_team.name,
    }


@needs_postgres
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("round_", range(3))
def test_it_keeps_client_and_cases_in_one_team_when_a_move_runs_at_the_same_time(
    owner, lead, team, other_team, outsider, admin_user, round_
):
    gone = case_in_phase(Phase.AFGESLOTEN, acting_user=owner, team=team)
    case = open_case(acting_user=owner, team=team, client=gone.client)
    services.case_delete(acting_user=lead, case=gone, reason="Per ongeluk.")

    _results, errors = run_together(
        lambda: services.case_move_team(
            acting_user=admin_user,
            case=case,
            to_team=other_team,
            assigned_worker=outsider,
            reason="Verhuisd.",
        ),
        lambda: services.case_restore(acting_user=admin_user, case=gone),
    )

    assert errors == []
    assert set(Case.objects.filter(client=gone.client_id).values_list("team", flat=True)) == {
        other_team.pk
    }
    assert Client.objects.get(pk=gone.client_id).team == other_team
