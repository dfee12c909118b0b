"""cases.team.volunteer_waits: the team page's waiting times per volunteer service."""

import pytest

from cases import services
from cases.phases import Phase
from cases.team import volunteer_waits
from network.services import volunteer_match
from outreach import clock
from tests.cases.volunteer_data import catalogue, request_for

pytestmark = pytest.mark.case_phase(Phase.CONTRACT)


def test_it_gives_the_median_days_to_a_match_and_who_waits_now(owner, lead, team, case):
    offered = catalogue(lead, team)
    for days in (10, 20, 40):
        request = request_for(owner, case, offered["Zorgmaatje"], days_ago=days)
        volunteer_match(
            acting_user=owner, volunteer_request=request, volunteer_name="Joke", on=clock.today()
        )
    waiting = request_for(owner, case, offered["Postwijzer"], days_ago=3)
    services.volunteer_request_status_set(
        acting_user=owner, request=waiting, status="waiting", on=clock.today()
    )
    request_for(owner, case, offered["Postwijzer"], days_ago=1)
    stopped = request_for(owner, case, offered["Postwijzer"], days_ago=1)
    services.volunteer_request_status_set(
        acting_user=owner, request=stopped, status="stopped", on=clock.today(), reason="Weg"
    )
    waits = {w.service: w for w in volunteer_waits(team)}
    assert (waits["Zorgmaatje"].matched, waits["Zorgmaatje"].median_days) == (3, 20)
    assert (waits["Postwijzer"].waiting, waits["Postwijzer"].median_days) == (2, None)
    assert waits["Netwerkcoach"].waiting == 0


def test_it_keeps_a_deactivated_service_only_while_someone_waits(owner, lead, team, case):
    offered = catalogue(lead, team)
    request_for(owner, case, offered["Zorgzaam"])
    services.volunteer_service_update(acting_user=lead, service=offered["Zorgzaam"], active=False)
    services.volunteer_service_update(acting_user=lead, service=offered["Postwijzer"], active=False)
    names = [w.service for w in volunteer_waits(team)]
    assert "Zorgzaam" in names and "Postwijzer" not in names
