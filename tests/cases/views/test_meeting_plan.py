"""Planning a case meeting (meeting_plan) and the team's list of meetings (meeting_list)."""

from datetime import timedelta

from django.urls import reverse

from cases.models import CaseMeeting
from outreach import clock
from tests.cases.meeting_data import plan_meeting


def test_it_plans_a_meeting_and_opens_its_page(client, owner, team):
    client.force_login(owner)
    day = clock.today() + timedelta(days=7)
    response = client.post(reverse("meeting_plan"), {"kind": "lthg", "planned_on": day})
    meeting = CaseMeeting.objects.get()
    assert response.status_code == 302 and response.url == meeting.get_absolute_url()
    assert (meeting.team, meeting.kind, meeting.planned_on) == (team, "lthg", day)


def test_it_refuses_a_date_in_the_wrong_format_and_the_past_next_to_the_field(client, owner, team):
    client.force_login(owner)
    for value, message in (
        ("31-12-2026x", "Voer een geldige datum in."),
        ((clock.today() - timedelta(days=1)).isoformat(), "niet in het verleden"),
    ):
        html = client.post(
            reverse("meeting_plan"), {"kind": "intake", "planned_on": value}
        ).content.decode()
        assert 'id="id_planned_on_error"' in html
        assert message in html
    assert not CaseMeeting.objects.exists()


def test_the_list_shows_the_teams_meetings_only(client, owner, team, outsider, other_team):
    plan_meeting(acting_user=owner, team=team, kind="lzn")
    plan_meeting(acting_user=outsider, team=other_team, kind="lthg")
    client.force_login(owner)
    html = client.get(reverse("meeting_list")).content.decode()
    assert "Lokaal Zorgnetwerk (LZN)" in html
    assert "Lokaal Team Huiselijk Geweld" not in html


def test_the_list_makes_the_same_number_of_queries_for_few_and_many(
    client, owner, team, django_assert_num_queries
):
    plan_meeting(acting_user=owner, team=team)
    client.force_login(owner)
    url = reverse("meeting_list")
    client.get(url)
    with django_assert_num_queries(7) as few:
        client.get(url)
    for days in range(1, 30):
        plan_meeting(acting_user=owner, team=team, days=days)
    with django_assert_num_queries(len(few.captured_queries)):
        client.get(url)
