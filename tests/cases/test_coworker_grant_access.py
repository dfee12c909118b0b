"""A lead opens or closes the case's shielded parts to a co-worker
(cases.services.coworker_grant_access, coworker_revoke_access)."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from cases import services
from cases.phases import Phase
from tests.cases.factories import add_coworker, case_in_phase, events


@pytest.fixture
def coworker(owner, team, colleague):
    case = case_in_phase(Phase.CONTRACT, acting_user=owner, team=team)
    return add_coworker(case, colleague, acting_user=owner)


def test_it_grants_and_revokes_on_the_timeline(coworker, lead):
    services.coworker_grant_access(acting_user=lead, coworker=coworker)
    coworker.refresh_from_db()
    assert coworker.has_access and coworker.access_granted_by == lead
    services.coworker_revoke_access(acting_user=lead, coworker=coworker)
    coworker.refresh_from_db()
    assert not coworker.has_access and coworker.access_granted_by is None
    actions = [e.data["action"] for e in events(coworker.case, "coworker")]
    assert actions == ["added", "granted", "revoked"]
    assert all(e.actor == lead for e in events(coworker.case, "coworker")[1:])


def test_it_lets_only_a_lead_grant_not_the_cases_worker(coworker, owner, colleague):
    for user in (owner, colleague):
        with pytest.raises(PermissionDenied):
            services.coworker_grant_access(acting_user=user, coworker=coworker)
    coworker.refresh_from_db()
    assert not coworker.has_access


def test_it_lets_no_lead_of_another_team_grant(coworker, outsider_lead):
    with pytest.raises(PermissionDenied):
        services.coworker_grant_access(acting_user=outsider_lead, coworker=coworker)


def test_it_refuses_a_grant_twice_and_on_an_ended_coworker(coworker, lead, owner):
    services.coworker_grant_access(acting_user=lead, coworker=coworker)
    with pytest.raises(ValidationError):
        services.coworker_grant_access(acting_user=lead, coworker=coworker)
    services.coworker_end(acting_user=owner, coworker=coworker)
    with pytest.raises(ValidationError):
        services.coworker_revoke_access(acting_user=lead, coworker=coworker)


def test_it_refuses_a_grant_on_a_closed_case(coworker, owner, lead):
    services.case_transition(
        acting_user=owner, case=coworker.case, move="afsluiten", reason="Klaar.", no_zrm_reason="-"
    )
    with pytest.raises(ValidationError):
        services.coworker_grant_access(acting_user=lead, coworker=coworker)
