"""A client and all their cases, deleted or not, with the signals and phase spans scoped by team
through those cases, are always in one team: checked after every service in
cases.services.lifecycle, run one after another on one file. A new lifecycle service fails the
first test until it has a step here."""

import inspect
from importlib import import_module

import pytest
from django.apps import apps
from django.db import connection

from cases import services
from cases.models import Case, Client, PhaseSpan, Signal
from cases.phases import Phase
from cases.services import lifecycle
from outreach import clock
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


# One call of each lifecycle service, run in this order on one file, so that each has work to do.
# `c` holds the cast and the file's closed and open case.
STEPS = {
    "team_policy_set": lambda c: services.team_policy_set(
        acting_user=c["lead"], team=c["team"], quiet_days_early=10
    ),
    "team_year_target_set": lambda c: services.team_year_target_set(
        acting_user=c["lead"], team=c["team"], year=clock.today().year, target=700
    ),
    "case_reassign": lambda c: services.case_reassign(
        acting_user=c["lead"],
        team=c["team"],
        cases=[c["open"]],
        to_worker=c["colleague"],
        reason="Verlof.",
    ),
    "case_delete": lambda c: services.case_delete(
        acting_user=c["lead"], case=c["closed"], reason="Per ongeluk."
    ),
    "case_move_team": lambda c: services.case_move_team(
        acting_user=c["admin_user"],
        case=c["open"],
        to_team=c["other_team"],
        assigned_worker=c["outsider"],
        reason="Verhuisd.",
    ),
    "case_restore": lambda c: services.case_restore(acting_user=c["admin_user"], case=c["closed"]),
    "client_delete": lambda c: services.client_delete(
        acting_user=c["outsider_lead"], client=c["closed"].client, reason="Dubbel."
    ),
    "client_restore": lambda c: services.client_restore(
        acting_user=c["admin_user"], client=c["closed"].client
    ),
}


def lifecycle_services():
    return sorted(
        name
        for name, function in inspect.getmembers(lifecycle, inspect.isfunction)
        if function.__module__ == lifecycle.__name__ and not name.startswith("_")
    )


def test_it_has_a_step_for_every_lifecycle_service():
    assert sorted(STEPS) == lifecycle_services()


def test_it_keeps_a_client_and_all_their_cases_in_one_team_after_every_service(
    file, lead, colleague, team, other_team, outsider, outsider_lead, admin_user
):
    cast = {
        **file,
        "lead": lead,
        "colleague": colleague,
        "team": team,
        "other_team": other_team,
        "outsider": outsider,
        "outsider_lead": outsider_lead,
        "admin_user": admin_user,
    }
    assert teams_apart() == {}
    for name, step in STEPS.items():
        step(cast)
        assert teams_apart() == {}, name
    client = Client.objects.get(pk=file["open"].client_id)
    assert client.team == other_team
    assert Case.objects.filter(client=client).count() == 2


def test_it_brings_a_file_split_before_the_fix_together_in_its_clients_team(file, team, other_team):
    # As a move before the fix left it: the client and the open case in the new team, the
    # other case with its signal and phase spans in the old one.
    Client.all_objects.filter(pk=file["open"].client_id).update(team=other_team)
    Case.all_objects.filter(pk=file["open"].pk).update(team=other_team)
    PhaseSpan.objects.filter(case=file["open"]).update(team=other_team)
    Signal.objects.filter(case=file["open"]).update(team=other_team)
    assert teams_apart()

    migration = import_module("cases.migrations.0007_one_team_per_client")
    migration.into_clients_team(apps, connection.schema_editor())

    assert not teams_apart()
    assert Case.all_objects.get(pk=file["closed"].pk).team == other_team
