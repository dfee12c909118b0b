"""The team lead's page of one worker's open cases (team_worker), and the query counts of it and of
the team page it is reached from."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from cases import services
from cases.models import Case, PhaseSpan
from cases.phases import Phase
from network.services import volunteer_match
from outreach import clock
from outreach.models import AccessLogEntry, Membership, User
from tests.cases.factories import (
    case_in_phase,
    confirm_arrival,
    open_case,
    refer,
    register_signal,
)
from tests.cases.test_partner_directory import add_partner
from tests.cases.volunteer_data import catalogue, request_for
from tests.conftest import make_member


def url(team, worker):
    return reverse("team_worker", args=[team.pk, worker.pk])


def ticked_case_ids(html):
    return sorted(int(pk) for pk in re.findall(r'name="cases" value="(\d+)"', html))


def worker_options(html):
    select = re.search(r'<select name="to_worker".*?</select>', html, re.S).group(0)
    return re.findall(r'<option value="\d+"[^>]*>([^<]+)</option>', select)


def test_it_lists_the_workers_open_cases_to_tick(client, lead, owner, colleague, team):
    first = open_case(acting_user=owner, team=team, last_name="Een")
    second = case_in_phase(Phase.CONTRACT, acting_user=owner, team=team, last_name="Twee")
    case_in_phase(Phase.AFGESLOTEN, acting_user=owner, team=team, last_name="Dicht")
    open_case(acting_user=owner, team=team, assigned_worker=colleague, last_name="Ander")
    client.force_login(lead)
    response = client.get(url(team, owner))
    html = response.content.decode()
    assert response.status_code == 200
    assert ticked_case_ids(html) == sorted([first.pk, second.pk])
    assert "2 open casussen in Outreach Noord" in html
    assert first.reference in html and second.reference in html
    assert "Dicht" not in html and "Ander" not in html
    assert f'name="next" value="{url(team, owner)}"' in html


def test_it_offers_only_active_members_of_the_team_as_new_worker(
    client, lead, owner, colleague, team, outsider
):
    open_case(acting_user=owner, team=team)
    inactive = make_member("slaper", team, Membership.Role.WORKER, first_name="Sam")
    # No service deactivates an account yet: done directly, as the admin would.
    User.objects.filter(pk=inactive.pk).update(is_active=False)
    client.force_login(lead)
    html = client.get(url(team, owner)).content.decode()
    assert worker_options(html) == ["Cor Tester", "Lotte Tester", "Olga Tester"]


def test_it_shows_no_form_for_a_worker_without_open_cases(client, lead, colleague, team):
    client.force_login(lead)
    html = client.get(url(team, colleague)).content.decode()
    assert "Geen open casussen." in html
    assert 'name="to_worker"' not in html


def test_it_shows_a_former_members_cases_here(client, lead, team):
    former = make_member("former", team, Membership.Role.WORKER, first_name="Fenna")
    case = open_case(acting_user=former, team=team)
    # Fenna leaves the team (no service for that yet); her case stays behind.
    Membership.objects.filter(user=former).delete()
    client.force_login(lead)
    response = client.get(url(team, former))
    assert response.status_code == 200
    assert ticked_case_ids(response.content.decode()) == [case.pk]


def test_it_is_a_404_for_someone_with_nothing_in_this_team(
    client, lead, team, other_team, outsider
):
    open_case(acting_user=outsider, team=other_team)
    client.force_login(lead)
    assert client.get(url(team, outsider)).status_code == 404
    missing = reverse("team_worker", args=[team.pk, 999999])
    assert client.get(missing).status_code == 404


def test_it_logs_a_read_of_every_case_it_shows(client, lead, owner, team):
    case = open_case(acting_user=owner, team=team)
    client.force_login(lead)
    client.get(url(team, owner))
    entry = AccessLogEntry.objects.get(user=lead)
    assert (entry.action, entry.result, entry.record_type, entry.record_id) == (
        "read",
        "allowed",
        "cases.case",
        str(case.pk),
    )
    assert (entry.team_id, entry.client_id) == (team.pk, case.client_id)


def test_it_explains_in_dutch_that_a_worker_may_not_open_it(client, owner, colleague, team):
    open_case(acting_user=owner, team=team)
    client.force_login(colleague)
    response = client.get(url(team, owner))
    assert response.status_code == 403
    html = response.content.decode()
    assert "Alleen de teamleiders van Outreach Noord kunnen deze pagina openen." in html
    assert "Jansen" not in html


def test_it_is_a_logged_404_for_a_lead_of_another_team(client, outsider_lead, owner, team):
    open_case(acting_user=owner, team=team)
    client.force_login(outsider_lead)
    response = client.get(url(team, owner))
    assert response.status_code == 404
    entry = AccessLogEntry.objects.get(user=outsider_lead)
    assert (entry.result, entry.team_id) == ("denied", team.pk)


def test_it_makes_the_same_number_of_queries_for_few_and_many_cases(
    client, lead, owner, team, django_assert_num_queries
):
    for i in range(2):
        open_case(acting_user=owner, team=team, last_name=f"K{i}")
    client.force_login(lead)
    target = url(team, owner)
    client.get(target)
    with django_assert_num_queries(10) as small:
        client.get(target)
    for i in range(4):
        case_in_phase(Phase.CONTRACT, acting_user=owner, team=team, last_name=f"G{i}")
        open_case(acting_user=owner, team=team, last_name=f"H{i}")
        make_member(f"extra{i}", team, Membership.Role.WORKER)
    with django_assert_num_queries(len(small.captured_queries)):
        response = client.get(target)
    assert len(ticked_case_ids(response.content.decode())) == 10


def team_directory_and_catalogue(lead, team):
    """Two organisations of the team's directory to refer to, and the study's volunteer
    catalogue: ([partner, ...], {name: service})."""
    partners = [add_partner(lead, team, name=name) for name in ("GGZ Delfland", "MEE Oost")]
    return partners, catalogue(lead, team)


def team_page_data(team, worker, n, partners, offered):
    """Cases that reach every part of the team page: the attention list, the time-in-phase
    figures and the long-open list, waiting and decided signals from several sources, cases
    referred to each of `partners` with the arrival confirmed and one in its handover, and
    volunteer requests from `offered`: one matched after a wait, one waiting."""
    now = timezone.now()
    for i in range(n):
        quiet = case_in_phase(
            Phase.EERSTE_CONTACT, acting_user=worker, team=team, last_name=f"Q{n}{i}"
        )
        long = case_in_phase(Phase.VOORFASE, acting_user=worker, team=team, last_name=f"L{n}{i}")
        # The clock: first contact 20 days ago, the pre-phase entered 30 days ago, its earlier
        # pre-phase span lasted two days.
        Case.objects.filter(pk=quiet.pk).update(phase_since=now - timedelta(days=20))
        Case.objects.filter(pk=long.pk).update(phase_since=now - timedelta(days=30))
        PhaseSpan.objects.filter(case=quiet, phase=Phase.VOORFASE).update(
            started_at=now - timedelta(days=22), ended_at=now - timedelta(days=20)
        )
        register_signal(acting_user=worker, team=team, source="police")
        declined = register_signal(acting_user=worker, team=team, source="gp")
        services.signal_decline(acting_user=worker, signal=declined, reason="no_concern")
        for j, partner in enumerate(partners):
            referred = case_in_phase(
                Phase.VOORFASE, acting_user=worker, team=team, last_name=f"R{n}{i}{j}"
            )
            referred = refer(referred, acting_user=worker, partner=partner)
            confirm_arrival(referred, acting_user=worker)
        handover = case_in_phase(
            Phase.VOORFASE, acting_user=worker, team=team, last_name=f"O{n}{i}"
        )
        refer(handover, acting_user=worker, partner=partners[i % len(partners)])
        matched = request_for(worker, quiet, offered["Zorgmaatje"], days_ago=12)
        volunteer_match(
            acting_user=worker, volunteer_request=matched, volunteer_name="Joke", on=clock.today()
        )
        request_for(worker, long, offered["Postwijzer"], days_ago=3)


def referral_rows(html):
    """(organisation, cases) in the team page's table of where cases were referred."""
    table = re.search(r'<table class="referral-organisations">.*?</table>', html, re.S).group(0)
    return re.findall(r'<tr><th scope="row">([^<]+)</th><td>(\d+)</td></tr>', table)


def volunteer_rows(html):
    """{service: [waiting now, matched, median days]} in the team page's waiting-times table."""
    table = re.search(r'<table class="volunteer-waits">.*?</table>', html, re.S).group(0)
    rows = re.findall(r'<tr><th scope="row">([^<]+)</th>((?:<td>[^<]*</td>)+)</tr>', table)
    return {name: re.findall(r"<td>([^<]*)</td>", cells) for name, cells in rows}


@pytest.mark.parametrize("sort", ["name", "open"])
def test_it_keeps_the_team_pages_queries_flat_with_every_section_filled(
    sort, client, lead, owner, team, django_assert_num_queries
):
    partners, offered = team_directory_and_catalogue(lead, team)
    team_page_data(team, owner, 1, partners, offered)
    client.force_login(lead)
    target = reverse("team_detail", args=[team.pk]) + f"?sorteer={sort}"
    client.get(target)
    with django_assert_num_queries(23) as small:
        html = client.get(target).content.decode()
    assert html.count('class="case-card is-overdue"') == 2
    assert "Open casussen langer in hun fase dan het 90e percentiel" in html
    assert "bleven er 0 bij het team (0%) en werden er 2 doorverwezen (100%)" in html
    assert referral_rows(html) == [("GGZ Delfland", "1"), ("MEE Oost", "1")]
    assert "1 casus is nu in overdracht." in html
    assert volunteer_rows(html)["Zorgmaatje"] == ["0", "1", "12,0"]
    assert volunteer_rows(html)["Postwijzer"] == ["1", "0", "—"]
    for i in range(3):
        worker = make_member(f"extra{i}", team, Membership.Role.WORKER)
        team_page_data(team, worker, 2, partners, offered)
    with django_assert_num_queries(len(small.captured_queries)):
        html = client.get(target).content.decode()
    assert html.count('class="case-card is-overdue"') == 14
    assert "bleven er 0 bij het team (0%) en werden er 14 doorverwezen (100%)" in html
    assert referral_rows(html) == [("GGZ Delfland", "7"), ("MEE Oost", "7")]
    assert "7 casussen zijn nu in overdracht." in html
    assert volunteer_rows(html)["Zorgmaatje"] == ["0", "7", "12,0"]
    assert volunteer_rows(html)["Postwijzer"] == ["7", "0", "—"]
