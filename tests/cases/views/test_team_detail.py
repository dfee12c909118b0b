import re
from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from cases import services
from cases.models import Case
from cases.phases import Phase
from network.services import volunteer_match
from outreach import clock
from outreach.models import AccessLogEntry, Membership
from tests.cases.factories import case_in_phase, register_signal
from tests.cases.volunteer_data import catalogue, request_for
from tests.conftest import make_member


def row_cells(html, marker):
    """The text of each cell in the table row that contains `marker`."""
    row = next(r for r in html.split("<tr>") if marker in r)
    return [
        re.sub(r"<[^>]+>", "", cell).strip() for cell in re.findall(r"<td[^>]*>(.*?)</td>", row)
    ]


def test_it_shows_the_caseload_per_worker_to_the_lead(client, lead, owner, colleague, team):
    case_in_phase(Phase.CONTRACT, acting_user=owner, team=team, last_name="A")
    case_in_phase(Phase.TRAJECT_BEGIN, acting_user=owner, team=team, last_name="B")
    case_in_phase(Phase.AFGESLOTEN, acting_user=owner, team=team, last_name="C")
    client.force_login(lead)
    html = client.get(reverse("team_detail", args=[team.pk])).content.decode()
    # signaal, voorfase, eerste contact, contract, traject, nazorg, open, opened 90 d, closed 90 d
    owner_row = row_cells(html, reverse("team_worker", args=[team.pk, owner.pk]))
    assert owner_row == ["0", "0", "0", "1", "1", "0", "2", "3", "1"]
    colleague_row = row_cells(html, reverse("team_worker", args=[team.pk, colleague.pk]))
    assert colleague_row == ["0"] * 9


def test_it_explains_in_dutch_that_a_worker_may_not_open_it(client, owner, team):
    client.force_login(owner)
    response = client.get(reverse("team_detail", args=[team.pk]))
    assert response.status_code == 403
    assert "Alleen de teamleiders van Outreach Noord" in response.content.decode()


def test_it_is_a_logged_404_for_a_lead_of_another_team(client, outsider_lead, team, lead):
    client.force_login(outsider_lead)
    assert client.get(reverse("team_detail", args=[team.pk])).status_code == 404
    entry = AccessLogEntry.objects.get(user=outsider_lead)
    assert (entry.result, entry.team_id, entry.record_id) == ("denied", team.pk, str(team.pk))


def test_it_shows_the_team_link_only_to_leads(client, lead, owner):
    client.force_login(lead)
    assert 'href="/teams/' in client.get(reverse("home")).content.decode()
    client.force_login(owner)
    assert 'href="/teams/' not in client.get(reverse("home")).content.decode()


def test_it_lists_cases_needing_attention_with_reason_and_days(client, lead, owner, team):
    quiet = case_in_phase(Phase.EERSTE_CONTACT, acting_user=owner, team=team, last_name="Stil")
    services.attempt_record(
        acting_user=owner,
        case=quiet,
        attempted_at=timezone.now() - timedelta(days=20),
        method="door",
        result="brief",
    )
    case_in_phase(Phase.CONTRACT, acting_user=owner, team=team, last_name="Vers")
    client.force_login(lead)
    html = client.get(reverse("team_detail", args=[team.pk])).content.decode()
    cards = html.split('<li class="case-card is-overdue">')[1:]
    assert len(cards) == 1
    assert "Stil" in cards[0] and "Geen contact: 20 dagen" in cards[0]


def test_it_makes_the_same_number_of_queries_for_a_small_and_a_larger_team(
    client, lead, owner, team, django_assert_num_queries
):
    for i in range(2):
        case_in_phase(Phase.CONTRACT, acting_user=owner, team=team, last_name=f"K{i}")
        register_signal(acting_user=owner, team=team)
    # One case on the attention list at the small size too: its details are fetched per page.
    quiet = case_in_phase(Phase.EERSTE_CONTACT, acting_user=owner, team=team, last_name="Stil")
    services.attempt_record(
        acting_user=owner,
        case=quiet,
        attempted_at=timezone.now() - timedelta(days=20),
        method="door",
        result="brief",
    )
    client.force_login(lead)
    url = reverse("team_detail", args=[team.pk])
    client.get(url)
    # 23: two for the meetings' agendas, two for the volunteer services waiting.
    with django_assert_num_queries(23) as small:
        client.get(url)
    for i in range(6):
        worker = make_member(f"extra{i}", team, Membership.Role.WORKER)
        for phase in (Phase.VOORFASE, Phase.TRAJECT_BEGIN, Phase.NAZORG):
            case_in_phase(phase, acting_user=worker, team=team, last_name=f"G{i}{phase}")
        register_signal(acting_user=worker, team=team)
    with django_assert_num_queries(len(small.captured_queries)):
        client.get(url)
    assert Case.objects.filter(team=team).count() == 21


def test_it_says_today_and_yesterday_for_the_waiting_signals(client, lead, owner, team):
    register_signal(acting_user=owner, team=team, subject_name="Vandaag Binnen")
    register_signal(
        acting_user=owner,
        team=team,
        subject_name="Gisteren Binnen",
        received_on=timezone.localdate() - timedelta(days=1),
    )
    client.force_login(lead)
    html = client.get(reverse("team_detail", args=[team.pk])).content.decode()
    section = html.split('id="signals-title"')[1].split("</section>")[0]
    assert re.search(r"Vandaag Binnen</a> · [^<]* · vandaag</li>", section)
    assert re.search(r"Gisteren Binnen</a> · [^<]* · gisteren</li>", section)
    assert "0 dagen" not in section


def test_it_shows_the_waiting_times_per_volunteer_service(client, lead, owner, team):
    offered = catalogue(lead, team)
    case = case_in_phase(Phase.CONTRACT, acting_user=owner, team=team)
    for days in (8, 20):
        request = request_for(owner, case, offered["Zorgmaatje"], days_ago=days)
        volunteer_match(
            acting_user=owner, volunteer_request=request, volunteer_name="Joke", on=clock.today()
        )
    waiting = request_for(owner, case, offered["Budgetbegeleiding"], days_ago=5)
    services.volunteer_request_status_set(
        acting_user=owner, request=waiting, status="waiting", on=clock.today()
    )
    client.force_login(lead)
    html = client.get(reverse("team_detail", args=[team.pk])).content.decode()
    assert "Wachten op een vrijwilliger" in html and "Mediaan dagen tot koppeling" in html
    # Waiting now, matched, median days to a match (to one decimal, as the phase times).
    assert row_cells(html, '<th scope="row">Zorgmaatje</th>') == ["0", "2", "14,0"]
    assert row_cells(html, '<th scope="row">Budgetbegeleiding</th>') == ["1", "0", "—"]
