from datetime import timedelta

import time_machine
from django.urls import reverse
from django.utils import timezone

from cases import services
from cases.attention import attention_rows
from cases.models import Case
from cases.phases import Phase
from tests.cases.factories import add_coworker, case_in_phase, open_case


def test_it_lists_only_the_workers_own_open_cases(client, owner, colleague, team):
    mine = open_case(acting_user=owner, team=team, last_name="Eigen")
    open_case(acting_user=owner, team=team, assigned_worker=colleague, last_name="Collega")
    case_in_phase(Phase.AFGESLOTEN, acting_user=owner, team=team, last_name="Gesloten")
    client.force_login(owner)
    html = client.get(reverse("home")).content.decode()
    assert mine.reference in html
    assert "Collega" not in html and "Gesloten" not in html


def test_it_marks_overdue_follow_ups_and_quiet_cases(client, owner, team):
    now = timezone.now()
    quiet = case_in_phase(Phase.EERSTE_CONTACT, acting_user=owner, team=team, last_name="Stil")
    services.attempt_record(
        acting_user=owner,
        case=quiet,
        attempted_at=now - timedelta(days=15),
        method="door",
        result="brief",
    )
    recent = case_in_phase(Phase.EERSTE_CONTACT, acting_user=owner, team=team, last_name="Vers")
    services.attempt_record(
        acting_user=owner,
        case=recent,
        attempted_at=now - timedelta(days=14),
        method="door",
        result="brief",
    )
    # A follow-up planned for yesterday: time has passed since it was set.
    Case.objects.filter(pk=recent.pk).update(follow_up_on=timezone.localdate() - timedelta(days=1))
    client.force_login(owner)
    html = client.get(reverse("home")).content.decode()
    cards = {
        name: html[html.rindex("<li", 0, html.index(name)) : html.index(name)]
        for name in ("Stil", "Vers")
    }
    assert "is-quiet" in cards["Stil"] and "is-overdue" not in cards["Stil"]
    assert "is-quiet" not in cards["Vers"] and "is-overdue" in cards["Vers"]


def test_it_sorts_by_last_contact_with_never_contacted_first(client, owner, team):
    contacted = case_in_phase(Phase.CONTRACT, acting_user=owner, team=team, last_name="Bezocht")
    services.contact_log(
        acting_user=owner,
        case=contacted,
        kind="phone",
        occurred_at=timezone.now() - timedelta(days=1),
    )
    open_case(acting_user=owner, team=team, last_name="Nooit")
    client.force_login(owner)
    html = client.get(reverse("home") + "?sorteer=last_contact").content.decode()
    assert html.index("Nooit") < html.index("Bezocht")


def test_it_makes_the_same_number_of_queries_for_3_and_30_cases(
    client, owner, team, django_assert_num_queries
):
    for i in range(3):
        open_case(acting_user=owner, team=team, last_name=f"Klein{i}")
    client.force_login(owner)
    client.get(reverse("home"))
    # One more than the cases: the team's attention thresholds.
    with django_assert_num_queries(8) as small:
        client.get(reverse("home"))
    for i in range(27):
        open_case(acting_user=owner, team=team, last_name=f"Groot{i}")
    with django_assert_num_queries(len(small.captured_queries)):
        html = client.get(reverse("home")).content.decode()
    assert "Pagina 1 van 2" in html or "Page 1 of 2" in html


def test_it_marks_quiet_by_the_teams_thresholds_and_phase_rules_like_the_team_page(
    client, owner, lead, team
):
    services.team_policy_set(
        acting_user=lead,
        team=team,
        quiet_days_early=5,
        quiet_days_trajectory=30,
        nazorg_check_days=30,
        voorfase_max_days=14,
    )
    long_ago = timezone.now() - timedelta(days=8)
    with time_machine.travel(long_ago, tick=False):
        fresh_signal = open_case(acting_user=owner, team=team, last_name="Nieuwkomer")
        quiet = case_in_phase(Phase.CONTRACT, acting_user=owner, team=team, last_name="Zwijger")
    client.force_login(owner)
    html = client.get(reverse("home")).content.decode()
    cards = {
        name: html[html.rindex("<li", 0, html.index(name)) : html.index(name)]
        for name in ("Nieuwkomer", "Zwijger")
    }
    assert "is-quiet" in cards["Zwijger"] and "is-quiet" not in cards["Nieuwkomer"]
    # What needs doing first comes first.
    assert html.index("Zwijger") < html.index("Nieuwkomer")
    flagged = {row.pk for row in attention_rows(team)}
    assert quiet.pk in flagged and fresh_signal.pk not in flagged


def test_it_says_today_and_yesterday_instead_of_days(client, owner, team):
    case = open_case(acting_user=owner, team=team, last_name="Gisteren")
    services.contact_log(
        acting_user=owner,
        case=case,
        kind="phone",
        occurred_at=timezone.now() - timedelta(days=1),
    )
    client.force_login(owner)
    html = client.get(reverse("home")).content.decode()
    assert "gisteren" in html and "1 dag geleden" not in html


def test_it_lists_the_cases_a_worker_is_on_as_a_coworker_with_their_role(
    client, owner, colleague, team
):
    covered = open_case(acting_user=owner, team=team, last_name="Vervangen")
    add_coworker(covered, colleague, acting_user=owner, end=11)
    intern = open_case(acting_user=owner, team=team, last_name="Stage")
    add_coworker(intern, colleague, acting_user=owner, role="intern", end=None)
    planned = open_case(acting_user=owner, team=team, last_name="Later")
    add_coworker(planned, colleague, acting_user=owner, start=3)
    ended = open_case(acting_user=owner, team=team, last_name="Voorbij")
    services.coworker_end(
        acting_user=owner, coworker=add_coworker(ended, colleague, acting_user=owner)
    )
    client.force_login(colleague)
    html = client.get(reverse("home")).content.decode()
    until = (timezone.localdate() + timedelta(days=11)).strftime("%d-%m-%Y")
    assert covered.reference in html and f"vervanging t/m {until}" in html
    assert intern.reference in html and ">stagiair</span>" in html
    assert planned.reference not in html and ended.reference not in html
    client.force_login(owner)
    assert "coworker-badge" not in client.get(reverse("home")).content.decode()


def test_it_makes_the_same_number_of_queries_for_3_and_30_coworker_cases(
    client, owner, colleague, team, django_assert_num_queries
):
    def add(n):
        for i in range(n):
            case = open_case(acting_user=owner, team=team, last_name=f"Mee{i}")
            add_coworker(case, colleague, acting_user=owner, role="second", end=None)

    add(3)
    client.force_login(colleague)
    client.get(reverse("home"))
    with django_assert_num_queries(8) as small:
        client.get(reverse("home"))
    add(27)
    with django_assert_num_queries(len(small.captured_queries)):
        html = client.get(reverse("home")).content.decode()
    assert html.count("tweede werker") == 25


def test_it_names_a_follow_up_near_today_in_words_and_a_later_one_by_date(client, owner, team):
    today = timezone.localdate()
    for name, offset in (("Vandaag", 0), ("Morgen", 1), ("Later", 30)):
        case = case_in_phase(Phase.CONTRACT, acting_user=owner, team=team, last_name=name)
        Case.objects.filter(pk=case.pk).update(follow_up_on=today + timedelta(days=offset))
    client.force_login(owner)
    html = client.get(reverse("home")).content.decode()

    def follow_up_of(name):
        card = html[html.index(name) :].split("</li>")[0]
        return card.split("<dt>Vervolg op</dt><dd>")[1].split("</dd>")[0].strip()

    assert follow_up_of("Vandaag") == "vandaag"
    assert follow_up_of("Morgen") == "morgen"
    assert follow_up_of("Later") == (today + timedelta(days=30)).strftime("%d-%m-%Y")
