"""A meeting's page with its agenda (meeting_detail), and taking a case off the agenda
(agenda_item_remove), with htmx too."""

from django.urls import reverse

from cases import services
from cases.models import AgendaItem
from cases.phases import Phase
from outreach.models import AccessLogEntry
from tests.cases.factories import case_in_phase
from tests.cases.meeting_data import held_meeting, on_agenda, plan_meeting


def test_it_lists_the_agenda_with_the_reference_worker_and_question(client, owner, team):
    meeting = plan_meeting(acting_user=owner, team=team)
    case = case_in_phase(Phase.EERSTE_CONTACT, acting_user=owner, team=team, last_name="Bakker")
    on_agenda(case, acting_user=owner, question="Wie doet wat?")
    client.force_login(owner)
    html = client.get(meeting.get_absolute_url()).content.decode()
    assert case.reference in html and "Wie doet wat?" in html
    # No consent recorded yet: no name on the page that may be shown in the meeting.
    assert "Bakker" not in html
    assert AccessLogEntry.objects.filter(
        user=owner, record_type="cases.agendaitem", client_id=case.client_id
    ).exists()


def test_it_shows_the_name_only_with_consent_and_says_anonymised_without(client, owner, team):
    agreed = case_in_phase(Phase.EERSTE_CONTACT, acting_user=owner, team=team, last_name="Bakker")
    refused = case_in_phase(Phase.EERSTE_CONTACT, acting_user=owner, team=team, last_name="Visser")
    meeting, (yes, no) = held_meeting(acting_user=owner, team=team, cases=[agreed, refused])
    services.case_discussion_record(acting_user=owner, item=yes, consent="yes")
    services.case_discussion_record(acting_user=owner, item=no, consent="no")
    client.force_login(owner)
    html = client.get(meeting.get_absolute_url()).content.decode()
    assert "Bakker" in html
    assert "Visser" not in html and refused.reference in html
    assert "geanonimiseerd" in html


def test_it_takes_a_case_off_the_agenda_and_answers_htmx_with_the_agenda(client, owner, team):
    meeting = plan_meeting(acting_user=owner, team=team)
    case = case_in_phase(Phase.EERSTE_CONTACT, acting_user=owner, team=team)
    item = on_agenda(case, acting_user=owner)
    client.force_login(owner)
    response = client.post(reverse("agenda_item_remove", args=[item.pk]), HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert response.status_code == 200
    assert html.lstrip().startswith('<section id="agenda"') and "<html" not in html
    assert not AgendaItem.objects.exists()
    item = on_agenda(case, acting_user=owner)
    response = client.post(reverse("agenda_item_remove", args=[item.pk]))
    assert response.status_code == 302 and response.url == meeting.get_absolute_url()


def test_it_is_a_logged_404_for_another_team(client, owner, team, outsider):
    meeting = plan_meeting(acting_user=owner, team=team)
    case = case_in_phase(Phase.EERSTE_CONTACT, acting_user=owner, team=team)
    item = on_agenda(case, acting_user=owner)
    client.force_login(outsider)
    assert client.get(meeting.get_absolute_url()).status_code == 404
    assert client.post(reverse("agenda_item_remove", args=[item.pk])).status_code == 404
    assert AccessLogEntry.objects.filter(user=outsider, result="denied").count() == 2
    assert AgendaItem.objects.exists()


def test_it_makes_the_same_number_of_queries_for_a_short_and_a_long_agenda(
    client, owner, team, django_assert_num_queries
):
    meeting = plan_meeting(acting_user=owner, team=team)
    on_agenda(case_in_phase(Phase.EERSTE_CONTACT, acting_user=owner, team=team), acting_user=owner)
    client.force_login(owner)
    url = meeting.get_absolute_url()
    client.get(url)
    with django_assert_num_queries(9) as short:
        client.get(url)
    for n in range(12):
        case = case_in_phase(Phase.EERSTE_CONTACT, acting_user=owner, team=team, last_name=f"K{n}")
        on_agenda(case, acting_user=owner)
    with django_assert_num_queries(len(short.captured_queries)):
        client.get(url)
