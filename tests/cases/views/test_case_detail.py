import re
from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from cases import services
from cases.phases import Phase
from outreach.models import Membership
from tests.cases.factories import add_coworker, case_in_phase
from tests.cases.meeting_data import on_agenda, plan_meeting
from tests.conftest import make_member


def log_visits(case, owner, n):
    start = timezone.now() - timedelta(days=n + 1)
    for i in range(n):
        services.contact_log(
            acting_user=owner,
            case=case,
            kind="home_visit",
            occurred_at=start + timedelta(days=i),
            notes=f"Bezoek {i}",
        )


def test_it_shows_header_actions_and_timeline(client, owner, team):
    case = case_in_phase(Phase.CONTRACT, acting_user=owner, team=team)
    log_visits(case, owner, 2)
    client.force_login(owner)
    html = client.get(reverse("case_detail", args=[case.pk])).content.decode()
    assert case.reference in html and str(case.client) in html
    assert reverse("contact_add", args=[case.pk]) in html
    assert reverse("attempt_add", args=[case.pk]) not in html  # attempts belong to first contact
    assert reverse("case_transition", args=[case.pk, "traject"]) in html
    assert "Bezoek 1" in html and html.index("Bezoek 1") < html.index("Bezoek 0")


def test_it_pages_the_timeline_and_answers_htmx_with_the_partial(client, owner, team):
    case = case_in_phase(Phase.CONTRACT, acting_user=owner, team=team)
    log_visits(case, owner, 25)
    client.force_login(owner)
    url = reverse("case_detail", args=[case.pk])
    first = client.get(url).content.decode()
    assert "Bezoek 24" in first and "Bezoek 0" not in first
    more = client.get(url + "?pagina=2", HTTP_HX_REQUEST="true").content.decode()
    assert "<html" not in more and "Bezoek 0" in more and "Bezoek 24" not in more
    filtered = client.get(url + "?soort=phase", HTTP_HX_REQUEST="true").content.decode()
    assert 'id="timeline"' in filtered and "Bezoek" not in filtered


def add_people(case, *, owner, team, n):
    """n co-workers on the case: a second worker, cover until a date, an intern who starts
    later, in turn."""
    roles = [("second", None, 0), ("cover", 14, 0), ("intern", None, 3)]
    for i in range(n):
        role, end, start = roles[i % len(roles)]
        user = make_member(f"co{n}{i}", team, Membership.Role.WORKER, last_name=f"Mede{n}{i}")
        add_coworker(case, user, acting_user=owner, role=role, start=start, end=end)


def agenda_questions(html):
    """The questions in the case page's section of what the case is on the agenda for."""
    section = re.search(r'aria-labelledby="agenda-title">.*?</section>', html, re.S).group(0)
    return re.findall(r"(Vraag \d+)</li>", section)


def test_it_makes_the_same_number_of_queries_for_a_short_and_a_long_timeline(
    client, owner, lead, team, django_assert_num_queries
):
    """Also with more people on the case and more agenda items: each is one query."""
    case = case_in_phase(Phase.CONTRACT, acting_user=owner, team=team)
    add_people(case, owner=owner, team=team, n=1)
    # With no meeting planned, the case waits for the team's next one.
    on_agenda(case, acting_user=owner, question="Vraag 10")
    client.force_login(owner)
    url = reverse("case_detail", args=[case.pk])
    client.get(url)
    # 18: the people on the case (cases.selectors.case_people) and its agenda items are one
    # query each.
    with django_assert_num_queries(18) as short:
        html = client.get(url).content.decode()
    assert html.count('<strong id="person-') == 1 and agenda_questions(html) == ["Vraag 10"]
    log_visits(case, owner, 60)
    add_people(case, owner=owner, team=team, n=5)
    for i in range(5):
        # The first meeting planned takes the waiting item; the case goes on the others too.
        meeting = plan_meeting(acting_user=lead, team=team, days=2 + i)
        if i:
            on_agenda(case, acting_user=owner, meeting=meeting, question=f"Vraag 5{i}")
    with django_assert_num_queries(len(short.captured_queries)):
        html = client.get(url).content.decode()
    assert html.count('<strong id="person-') == 6
    assert sorted(agenda_questions(html)) == [
        "Vraag 10",
        "Vraag 51",
        "Vraag 52",
        "Vraag 53",
        "Vraag 54",
    ]
    assert "Co54 Mede54" in html and "stagiair" in html
    with django_assert_num_queries(len(short.captured_queries)):
        client.get(url + "?pagina=3")


def test_it_shows_a_correction_made_after_the_event_was_drawn(client, owner, colleague, team):
    # Each event is drawn once and kept (outreach/fragments.py): a correction, a reader who may
    # not see shielded parts, and a worker's new name must each still show.
    case = case_in_phase(Phase.CONTRACT, acting_user=owner, team=team)
    log_visits(case, owner, 1)
    url = reverse("case_detail", args=[case.pk])
    client.force_login(owner)
    assert "Bezoek 0" in client.get(url).content.decode()
    visit = case.events.get(kind="contact")
    services.timeline_correct(acting_user=owner, event=visit, text="Was een telefoontje")
    assert "Was een telefoontje" in client.get(url).content.decode()
    owner.first_name = "Olga-Marie"
    owner.save()
    assert "Olga-Marie Tester" in client.get(url).content.decode()


def test_it_keeps_a_shielded_event_shielded_after_its_worker_saw_it(client, owner, colleague, team):
    case = case_in_phase(Phase.CONTRACT, acting_user=owner, team=team)
    services.sensitive_detail_add(
        acting_user=owner, case=case, kind="justice", content="Taakstraf tot maart"
    )
    event = case.events.get(kind="sensitive")
    url = reverse("case_detail", args=[case.pk])

    def drawn_event(user):
        client.force_login(user)
        html = client.get(url).content.decode()
        return re.search(rf'<li class="event[^"]*" id="event-{event.pk}">.*?</li>', html, re.S)[0]

    assert reverse("event_correct", args=[event.pk]) in drawn_event(owner)
    seen = drawn_event(colleague)
    assert reverse("event_correct", args=[event.pk]) not in seen
    assert "afgeschermd" in seen and "justitiële" not in seen
