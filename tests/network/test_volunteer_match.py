"""network.services.volunteer_match: matched in cases, on the map in network, in one go."""

import pytest
from django.core.exceptions import ValidationError

from cases.models import TimelineEvent, VolunteerRequest
from cases.phases import Phase
from network.models import NetworkMember
from network.services import volunteer_match
from outreach import clock
from tests.cases.volunteer_data import catalogue, request_for

pytestmark = pytest.mark.case_phase(Phase.EERSTE_CONTACT)


def test_it_matches_and_puts_the_volunteer_on_the_map(owner, lead, team, case):
    request = request_for(owner, case, catalogue(lead, team)["Zorgmaatje"], days_ago=12)
    member = volunteer_match(
        acting_user=owner,
        volunteer_request=request,
        volunteer_name=" Joke (maatje) ",
        on=clock.today(),
    )
    request.refresh_from_db()
    assert (request.status, request.volunteer_name, request.matched_on) == (
        "matched",
        "Joke (maatje)",
        clock.today(),
    )
    assert (member.name, member.relation, member.volunteer_request) == (
        "Joke (maatje)",
        "volunteer",
        request,
    )
    kinds = list(TimelineEvent.objects.filter(case=case).values_list("kind", flat=True)[:2])
    assert sorted(kinds) == ["network", "volunteer"]


def test_it_changes_nothing_when_refused(owner, lead, team, case):
    request = request_for(owner, case, catalogue(lead, team)["Zorgmaatje"])
    with pytest.raises(ValidationError) as refused:
        volunteer_match(
            acting_user=owner, volunteer_request=request, volunteer_name=" ", on=clock.today()
        )
    assert "volunteer_name" in refused.value.message_dict
    volunteer_match(
        acting_user=owner, volunteer_request=request, volunteer_name="Joke", on=clock.today()
    )
    with pytest.raises(ValidationError) as refused:
        volunteer_match(
            acting_user=owner, volunteer_request=request, volunteer_name="Piet", on=clock.today()
        )
    assert "status" in refused.value.message_dict
    assert list(NetworkMember.objects.values_list("name", flat=True)) == ["Joke"]
    assert VolunteerRequest.objects.get().volunteer_name == "Joke"
