"""Mijn week (my_week): the worker's planned visits and follow-ups, overdue first."""

from datetime import time, timedelta

import time_machine
from django.urls import reverse
from django.utils import timezone

from cases import services
from cases.phases import Phase
from cases.week import week_end
from outreach.models import AccessLogEntry
from tests.cases.factories import add_coworker, case_in_phase

MONDAY = timezone.make_aware(timezone.datetime(2026, 11, 30, 9, 0))


def visit(case, user, day, **extra):
    return services.visit_plan(acting_user=user, case=case, planned_on=day, **extra)


def test_it_lists_overdue_first_then_today_and_the_week_with_client_phase_and_next_step(
    client, owner, team
):
    with time_machine.travel(MONDAY - timedelta(days=3), tick=False):
        late = case_in_phase(Phase.CONTRACT, acting_user=owner, team=team, last_name="Laat")
        services.contact_log(
            acting_user=owner,
            case=late,
            kind="phone",
            next_step="Samen naar de bank",
            follow_up_on=timezone.localdate() + timedelta(days=1),
        )
        later = case_in_phase(Phase.CONTRACT, acting_user=owner, team=team, last_name="Later")
        visit(later, owner, timezone.localdate() + timedelta(days=6), at=time(14, 0))
        now = case_in_phase(Phase.EERSTE_CONTACT, acting_user=owner, team=team, last_name="Nu")
        visit(now, owner, timezone.localdate() + timedelta(days=3), place="Buurthuis")
        next_week = case_in_phase(Phase.CONTRACT, acting_user=owner, team=team, last_name="Ver")
        visit(next_week, owner, timezone.localdate() + timedelta(days=10))
    with time_machine.travel(MONDAY, tick=False):
        client.force_login(owner)
        html = client.get(reverse("my_week")).content.decode()
    # By the clients' full names: a bare "Nu" can also stand in the page's random tokens.
    assert html.index("Jan Laat") < html.index("Over tijd") + 500
    assert html.index("Over tijd") < html.index("Vandaag") < html.index("Later deze week")
    assert html.index("Jan Laat") < html.index("Jan Nu") < html.index("Jan Later")
    assert "Ver " not in html and "Tester Ver" not in html
    assert "Samen naar de bank" in html
    assert "Buurthuis" in html and "14:00" in html
    assert "Eerste contact" in html
    assert "vandaag" in html


def test_it_shows_only_the_workers_own_cases(client, owner, colleague, team):
    mine = case_in_phase(Phase.CONTRACT, acting_user=owner, team=team, last_name="Mijn")
    theirs = case_in_phase(
        Phase.CONTRACT, acting_user=owner, team=team, assigned_worker=colleague, last_name="Zijn"
    )
    for case in (mine, theirs):
        visit(case, owner, timezone.localdate())
    client.force_login(owner)
    html = client.get(reverse("my_week")).content.decode()
    assert "Mijn" in html and "Zijn" not in html
    reads = AccessLogEntry.objects.filter(user=owner, record_type="cases.case", action="read")
    assert set(reads.values_list("record_id", flat=True)) >= {str(mine.pk)}
    assert str(theirs.pk) not in set(reads.values_list("record_id", flat=True))


def test_it_is_reachable_from_the_navigation(client, owner):
    client.force_login(owner)
    html = client.get(reverse("home")).content.decode()
    assert f'href="{reverse("my_week")}"' in html


def test_it_makes_the_same_number_of_queries_for_2_and_20_cases(
    client, owner, team, django_assert_num_queries
):
    def add(n):
        for i in range(n):
            case = case_in_phase(Phase.CONTRACT, acting_user=owner, team=team, last_name=f"K{i}")
            visit(case, owner, timezone.localdate())
            services.contact_log(
                acting_user=owner,
                case=case,
                kind="phone",
                occurred_at=timezone.now() - timedelta(days=1),
                next_step="Bellen",
                follow_up_on=week_end(timezone.localdate()),
            )

    add(2)
    client.force_login(owner)
    client.get(reverse("my_week"))
    with django_assert_num_queries(8) as small:
        client.get(reverse("my_week"))
    add(18)
    with django_assert_num_queries(len(small.captured_queries)):
        html = client.get(reverse("my_week")).content.decode()
    assert html.count('class="week-item') == 40


def test_it_lists_the_visits_of_a_case_the_worker_covers_while_they_cover_it(
    client, owner, colleague, team
):
    with time_machine.travel(MONDAY, tick=False):
        case = case_in_phase(Phase.CONTRACT, acting_user=owner, team=team, last_name="Gedekt")
        visit(case, owner, MONDAY.date() + timedelta(days=2))
        add_coworker(case, colleague, acting_user=owner, start=1, end=4)
        client.force_login(colleague)
        assert case.reference not in client.get(reverse("my_week")).content.decode()
    with time_machine.travel(MONDAY + timedelta(days=1), tick=False):
        client.force_login(colleague)
        html = client.get(reverse("my_week")).content.decode()
        assert case.reference in html and "vervanging t/m 04-12-2026" in html
    with time_machine.travel(MONDAY + timedelta(days=5), tick=False):
        client.force_login(colleague)
        assert case.reference not in client.get(reverse("my_week")).content.decode()


def test_it_makes_the_same_number_of_queries_for_2_and_20_coworker_cases(
    client, owner, colleague, team, django_assert_num_queries
):
    def add(n):
        for i in range(n):
            case = case_in_phase(Phase.CONTRACT, acting_user=owner, team=team, last_name=f"M{i}")
            visit(case, owner, timezone.localdate())
            add_coworker(case, colleague, acting_user=owner, role="intern", end=None)

    add(2)
    client.force_login(colleague)
    client.get(reverse("my_week"))
    with django_assert_num_queries(8) as small:
        client.get(reverse("my_week"))
    add(18)
    with django_assert_num_queries(len(small.captured_queries)):
        html = client.get(reverse("my_week")).content.decode()
    assert html.count('class="week-item') == 20 and html.count(">stagiair</span>") == 20
