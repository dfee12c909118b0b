"""Recording that a meeting was held and who took part (cases.services.meeting_record)."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError

from cases import services
from cases.models import CaseMeeting
from outreach import clock
from tests.cases.meeting_data import plan_meeting


def partner_contact(lead, team, name="Petra Smit"):
    partner = services.partner_create(acting_user=lead, team=team, name="GGZ Delfland", kind="ggz")
    return services.partner_contact_add(acting_user=lead, partner=partner, name=name)


def test_it_records_the_day_and_who_took_part(owner, colleague, lead, team):
    meeting = plan_meeting(acting_user=owner, team=team, days=0, kind="round_table")
    contact = partner_contact(lead, team)
    meeting = services.meeting_record(
        acting_user=owner,
        meeting=meeting,
        held_on=clock.today(),
        members=[owner, colleague],
        partner_contacts=[contact],
        client_present=True,
        others=" Zus van de cliënt ",
        notes="Goed overleg.",
    )
    meeting.refresh_from_db()
    assert meeting.status == "held" and meeting.held_on == clock.today()
    assert set(meeting.members.all()) == {owner, colleague}
    assert list(meeting.partner_contacts.all()) == [contact]
    assert (meeting.client_present, meeting.others, meeting.recorded_by) == (
        True,
        "Zus van de cliënt",
        owner,
    )


def test_it_refuses_a_future_day_no_members_and_outsiders(
    owner, lead, team, outsider, outsider_lead, other_team
):
    meeting = plan_meeting(acting_user=owner, team=team, days=0)
    tomorrow = clock.today() + timedelta(days=1)
    cases = [
        ({"held_on": tomorrow, "members": [owner]}, "held_on"),
        ({"held_on": clock.today(), "members": []}, "members"),
        ({"held_on": clock.today(), "members": [outsider]}, "members"),
        (
            {
                "held_on": clock.today(),
                "members": [owner],
                "partner_contacts": [partner_contact(outsider_lead, other_team)],
            },
            "partner_contacts",
        ),
    ]
    for values, field in cases:
        with pytest.raises(ValidationError) as refused:
            services.meeting_record(acting_user=owner, meeting=meeting, **values)
        assert field in refused.value.message_dict
    assert CaseMeeting.objects.get().status == "planned"


def test_it_records_a_meeting_once(owner, team):
    meeting = plan_meeting(acting_user=owner, team=team, days=0)
    services.meeting_record(
        acting_user=owner, meeting=meeting, held_on=clock.today(), members=[owner]
    )
    with pytest.raises(ValidationError):
        services.meeting_record(
            acting_user=owner, meeting=meeting, held_on=clock.today(), members=[owner]
        )
