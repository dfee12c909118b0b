"""Recording a held meeting (meeting_record)."""

from django.urls import reverse

from cases import services
from cases.models import CaseMeeting
from outreach import clock
from outreach.models import AccessLogEntry
from tests.cases.meeting_data import plan_meeting


def test_it_records_who_took_part_from_the_team_and_the_directory(client, owner, lead, team):
    partner = services.partner_create(acting_user=lead, team=team, name="GGZ Delfland", kind="ggz")
    contact = services.partner_contact_add(acting_user=lead, partner=partner, name="Petra")
    meeting = plan_meeting(acting_user=owner, team=team, days=0)
    client.force_login(owner)
    html = client.get(reverse("meeting_record", args=[meeting.pk])).content.decode()
    assert "Petra (GGZ Delfland)" in html
    response = client.post(
        reverse("meeting_record", args=[meeting.pk]),
        {
            "held_on": clock.today().isoformat(),
            "members": [owner.pk, lead.pk],
            "partner_contacts": [contact.pk],
            "others": "Buurman Henk",
        },
    )
    assert response.status_code == 302 and response.url == meeting.get_absolute_url()
    meeting.refresh_from_db()
    assert meeting.is_held and meeting.others == "Buurman Henk"
    html = client.get(meeting.get_absolute_url()).content.decode()
    assert "Petra (GGZ Delfland)" in html and "Buurman Henk" in html


def test_it_refuses_a_date_in_the_wrong_format_with_the_input_kept(client, owner, team):
    meeting = plan_meeting(acting_user=owner, team=team, days=0)
    client.force_login(owner)
    html = client.post(
        reverse("meeting_record", args=[meeting.pk]),
        {"held_on": "gisteren", "members": [owner.pk], "others": "Buurman Henk"},
    ).content.decode()
    assert 'id="id_held_on_error"' in html and "Voer een geldige datum in." in html
    assert 'value="Buurman Henk"' in html
    assert CaseMeeting.objects.get().status == "planned"


def test_it_is_a_logged_404_for_another_team(client, owner, team, outsider):
    meeting = plan_meeting(acting_user=owner, team=team, days=0)
    client.force_login(outsider)
    response = client.post(
        reverse("meeting_record", args=[meeting.pk]),
        {"held_on": clock.today().isoformat(), "members": [outsider.pk]},
    )
    assert response.status_code == 404
    assert AccessLogEntry.objects.filter(user=outsider, result="denied").exists()
    assert CaseMeeting.objects.get().status == "planned"
