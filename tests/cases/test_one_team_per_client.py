"""A client and all their cases, deleted or not, with the signals and phase spans scoped by team
through those cases, are always in one team: checked after every service in
cases.services.lifecycle, run one after another on one file. A new lifecycle service fails the
first test until it has a step here."""

import inspect

import pytest

from cases import services
from cases.models import Case, Client, PhaseSpan, Signal
from cases.phases import Phase
from cases.services import lifecycle
from tests.cases.factories import case_in_phase, open_case


def teams_apart():
    """Every client whose records are not all in the client's team, with the teams found."""
    split = {}
    for client in Client.all_objects.all():
        found = {
            *Case.all_objects.filter(client=client).values_list("team", flat=True),
            *Signal.objects.filter(case__client=client).values_list("team", flat=True),
            *PhaseSpan.objects.filter(case__client=client).values_list("team", flat=True),
        }
        if found - {client.team_id}:
            split[str(client)] = (client.team_id, found)
    return split


@pytest.fixture
def file(owner, team):
    """A client with a closed case and an open one."""
    closed = case_in_phase(Phase.AFGESLOTEN, acting_user=owner, team=team)
    return {"closed": closed, "open": open_case(acting_user=owner, team=team, client=closed.client)}


def steps(file, *, lead, colleague, team, other_team, outsider, outsider_lead, admin_user):
    """One call of each lifecycle service, in an order in which each has work to do."""
    closed, open_ = file["closed"], file["open"]
    return {
        "team_policy_set": lambda: services.team_policy_set(
            acting_user=lead, team=team, quiet_days_early=10
        ),
        "case_reassign": lambda: services.case_reassign(
            acting_user=lead, team=team, cases=[open_], to_worker=colleague, reason="Verlof."
        ),
        "case_delete": lambda: services.case_delete(
            acting_user=lead, case=closed, reason="Per ongeluk."
        ),
        "case_move_team": lambda: services.case_move_team(
            acting_user=admin_user,
            case=open_,
            to_team=other_team,
            assigned_worker=outsider,
            reason="Verhuisd.",
        ),
        "case_restore": lambda: services.case_restore(acting_user=admin_user, case=closed),
        "client_delete": lambda: services.client_delete(
            acting_user=outsider_lead, client=closed.client, reason="Dubbel."
        ),
        "client_restore": lambda: services.client_restore(
            acting_user=admin_user, client=closed.client
        ),
    }


def lifecycle_services():
    return sorted(
        name
        for name, function in inspect.getmembers(lifecycle, inspect.isfunction)
        if function.__module__ == lifecycle.__name__ and not name.startswith("_")
    )


def test_it_has_a_step_for_every_lifecycle_service():
    names = steps(
        {"closed": None, "open": None},
        **dict.fromkeys(
            ["lead", "colleague", "team", "other_team", "outsider", "outsider_lead", "admin_user"]
        ),
    )
    assert sorted(names) == lifecycle_services()


def test_it_keeps_a_client_and_all_their_cases_in_one_team_after_every_service(
    file, lead, colleague, team, other_team, outsider, outsider_lead, admin_user
):
    cast = steps(
        file,
        lead=lead,
        colleague=colleague,
        team=team,
        other_team=other_team,
        outsider=outsider,
        outsider_lead=outsider_lead,
        admin_user=admin_user,
    )
    assert teams_apart() == {}
    for name, step in cast.items():
        step()
        assert teams_apart() == {}, name
    client = Client.objects.get(pk=file["open"].client_id)
    assert client.team == other_team
    assert Case.objects.filter(client=client).count() == 2
