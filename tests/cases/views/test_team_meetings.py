"""The team page's coming case meetings with their agendas (team_detail)."""

from django.urls import reverse

from cases import services
from cases.phases import Phase
from outreach.models import Membership
from outreach.services import membership_set
from tests.cases.factories import case_in_phase
from tests.cases.meeting_data import on_agenda, plan_meeting


def test_it_lists_the_agendas_of_the_next_two_meetings_and_the_waiting_cases(
    client, lead, owner, team
):
    first = plan_meeting(acting_user=owner, team=team, days=2, kind="intake")
    case = case_in_phase(Phase.EERSTE_CONTACT, acting_user=owner, team=team)
    on_agenda(case, acting_user=owner, question="Wie gaat erop af?")
    plan_meeting(acting_user=owner, team=team, days=9, kind="lzn")
    third = plan_meeting(acting_user=owner, team=team, days=20, kind="lthg")
    client.force_login(lead)
    html = client.get(reverse("team_detail", args=[team.pk])).content.decode()
    assert reverse("meeting_detail", args=[first.pk]) in html
    assert case.reference in html and "Wie gaat erop af?" in html
    assert "Lokaal Zorgnetwerk (LZN)" in html
    assert reverse("meeting_detail", args=[third.pk]) not in html


def test_it_says_which_cases_wait_for_a_meeting_to_be_planned(client, lead, owner, team):
    case = case_in_phase(Phase.EERSTE_CONTACT, acting_user=owner, team=team)
    on_agenda(case, acting_user=owner, question="Wie gaat erop af?")
    client.force_login(lead)
    html = client.get(reverse("team_detail", args=[team.pk])).content.decode()
    assert "Geen overleg gepland." in html
    assert "1 casus wacht tot het volgende overleg gepland is" in html
    assert case.reference in html


def test_it_makes_the_same_number_of_queries_for_short_and_long_agendas(
    client, lead, owner, team, django_assert_num_queries
):
    meeting = plan_meeting(acting_user=owner, team=team)
    on_agenda(case_in_phase(Phase.EERSTE_CONTACT, acting_user=owner, team=team), acting_user=owner)
    client.force_login(lead)
    url = reverse("team_detail", args=[team.pk])
    client.get(url)
    with django_assert_num_queries(23) as short:
        client.get(url)
    later = plan_meeting(acting_user=owner, team=team, days=10)
    for n in range(8):
        case = case_in_phase(Phase.EERSTE_CONTACT, acting_user=owner, team=team, last_name=f"K{n}")
        on_agenda(case, acting_user=owner, meeting=later if n % 2 else meeting)
    with django_assert_num_queries(len(short.captured_queries)):
        client.get(url)


def test_it_leaves_out_a_case_moved_to_another_team_since(
    client, lead, owner, team, other_team, outsider
):
    plan_meeting(acting_user=owner, team=team, days=2, kind="intake")
    case = case_in_phase(Phase.EERSTE_CONTACT, acting_user=owner, team=team)
    on_agenda(case, acting_user=owner, question="Wie gaat erop af?")
    membership_set(acting_user=None, team=other_team, user=lead, role=Membership.Role.WORKER)
    services.case_move_team(
        acting_user=lead,
        case=case,
        to_team=other_team,
        assigned_worker=outsider,
        reason="Verhuisd.",
    )
    client.force_login(lead)
    html = client.get(reverse("team_detail", args=[team.pk])).content.decode()
    assert case.reference not in html and "Wie gaat erop af?" not in html
