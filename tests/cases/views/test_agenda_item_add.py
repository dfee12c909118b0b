"""Putting a case on a meeting's agenda from the case page (agenda_item_add)."""

from django.urls import reverse

from cases.models import AgendaItem
from cases.phases import Phase
from outreach.models import AccessLogEntry
from tests.cases.factories import case_in_phase
from tests.cases.meeting_data import plan_meeting


def test_it_puts_the_case_on_the_next_meeting_and_the_case_page_says_so(client, owner, team):
    meeting = plan_meeting(acting_user=owner, team=team)
    case = case_in_phase(Phase.EERSTE_CONTACT, acting_user=owner, team=team)
    client.force_login(owner)
    page = client.get(case.get_absolute_url()).content.decode()
    assert reverse("agenda_item_add", args=[case.pk]) in page
    response = client.post(
        reverse("agenda_item_add", args=[case.pk]), {"meeting": "", "question": "Schulden?"}
    )
    assert response.status_code == 302 and response.url == case.get_absolute_url()
    assert AgendaItem.objects.get().meeting == meeting
    page = client.get(case.get_absolute_url()).content.decode()
    assert reverse("meeting_detail", args=[meeting.pk]) in page and "Schulden?" in page


def test_it_refuses_no_question_next_to_the_field(client, owner, team):
    case = case_in_phase(Phase.EERSTE_CONTACT, acting_user=owner, team=team)
    client.force_login(owner)
    html = client.post(
        reverse("agenda_item_add", args=[case.pk]), {"question": "   "}
    ).content.decode()
    assert 'id="id_question_error"' in html
    assert not AgendaItem.objects.exists()


def test_it_offers_only_the_teams_coming_meetings(client, owner, team, outsider, other_team):
    ours = plan_meeting(acting_user=owner, team=team)
    theirs = plan_meeting(acting_user=outsider, team=other_team)
    case = case_in_phase(Phase.EERSTE_CONTACT, acting_user=owner, team=team)
    client.force_login(owner)
    html = client.get(reverse("agenda_item_add", args=[case.pk])).content.decode()
    assert f'value="{ours.pk}"' in html and f'value="{theirs.pk}"' not in html
    html = client.post(
        reverse("agenda_item_add", args=[case.pk]), {"meeting": theirs.pk, "question": "x"}
    ).content.decode()
    assert 'id="id_meeting_error"' in html
    assert not AgendaItem.objects.exists()


def test_it_is_a_logged_404_for_another_teams_case(client, owner, outsider, team):
    case = case_in_phase(Phase.EERSTE_CONTACT, acting_user=owner, team=team)
    client.force_login(outsider)
    response = client.post(reverse("agenda_item_add", args=[case.pk]), {"question": "x"})
    assert response.status_code == 404
    assert AccessLogEntry.objects.filter(user=outsider, result="denied").exists()
    assert not AgendaItem.objects.exists()
