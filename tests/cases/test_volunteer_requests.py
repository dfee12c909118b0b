"""cases.services: volunteer requests on a case and their status."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from cases import services
from cases.models import TimelineEvent, VolunteerRequest
from cases.phases import Phase
from cases.timeline import describe
from outreach import clock
from tests.cases.volunteer_data import catalogue, request_for

pytestmark = pytest.mark.case_phase(Phase.EERSTE_CONTACT)


def test_it_requests_a_service_with_a_timeline_event(owner, lead, team, case):
    service = catalogue(lead, team)["Postwijzer"]
    request = request_for(owner, case, service)
    assert (request.status, request.requested_by) == ("requested", owner)
    event = TimelineEvent.objects.filter(case=case, kind="volunteer").get()
    with translation.override("nl"):
        assert describe(event).title == "Vrijwilligersdienst Postwijzer: aangevraagd"


def test_it_moves_to_the_waiting_list_and_stops_with_a_reason(owner, lead, team, case):
    request = request_for(owner, case, catalogue(lead, team)["Zorgmaatje"])
    today = clock.today()
    request = services.volunteer_request_status_set(
        acting_user=owner, request=request, status="waiting", on=today
    )
    assert (request.status, request.status_on) == ("waiting", today)
    with pytest.raises(ValidationError) as refused:
        services.volunteer_request_status_set(
            acting_user=owner, request=request, status="stopped", on=today
        )
    assert "reason" in refused.value.message_dict
    request = services.volunteer_request_status_set(
        acting_user=owner, request=request, status="stopped", on=today, reason="Cliënt wil niet"
    )
    assert (request.status, request.stop_reason) == ("stopped", "Cliënt wil niet")
    assert TimelineEvent.objects.filter(case=case, kind="volunteer").count() == 3


def test_it_refuses_invalid_moves_in_dutch_by_the_field(owner, lead, team, case):
    request = request_for(owner, case, catalogue(lead, team)["Zorgmaatje"])
    services.volunteer_request_status_set(
        acting_user=owner, request=request, status="stopped", on=clock.today(), reason="Verhuisd"
    )
    with translation.override("nl"), pytest.raises(ValidationError) as refused:
        services.volunteer_request_status_set(
            acting_user=owner, request=request, status="waiting", on=clock.today()
        )
    assert refused.value.message_dict["status"] == [
        "Een aanvraag met status gestopt kan niet naar wachtlijst."
    ]
    with pytest.raises(ValidationError) as refused:
        services.volunteer_request_status_set(
            acting_user=owner, request=request, status="matched", on=clock.today()
        )
    assert "status" in refused.value.message_dict
    assert VolunteerRequest.objects.get().status == "stopped"


def test_it_refuses_a_date_in_the_future_or_before_the_request(owner, lead, team, case):
    service = catalogue(lead, team)["Postwijzer"]
    with pytest.raises(ValidationError) as refused:
        services.volunteer_request_add(
            acting_user=owner,
            case=case,
            service=service,
            requested_on=clock.today() + timedelta(days=1),
        )
    assert "requested_on" in refused.value.message_dict
    request = request_for(owner, case, service, days_ago=5)
    with pytest.raises(ValidationError) as refused:
        services.volunteer_request_status_set(
            acting_user=owner,
            request=request,
            status="waiting",
            on=clock.today() - timedelta(days=6),
        )
    assert "on" in refused.value.message_dict


def test_it_refuses_another_teams_or_an_inactive_service(
    owner, lead, team, outsider_lead, other_team, case
):
    theirs = catalogue(outsider_lead, other_team)["Postwijzer"]
    ours = catalogue(lead, team)["Zorgzaam"]
    services.volunteer_service_update(acting_user=lead, service=ours, active=False)
    for service in (theirs, ours):
        with pytest.raises(ValidationError) as refused:
            request_for(owner, case, service)
        assert "service" in refused.value.message_dict
    assert not VolunteerRequest.objects.exists()
