import re
from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from cases import services
from cases.phases import Phase
from tests.cases.factories import case_in_phase


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


def test_it_makes_the_same_number_of_queries_for_a_short_and_a_long_timeline(
    client, owner, team, django_assert_num_queries
):
    case = case_in_phase(Phase.CONTRACT, acting_user=owner, team=team)
    client.force_login(owner)
    url = reverse("case_detail", args=[case.pk])
    client.get(url)
    # 18: the people on the case (cases.selectors.case_people) and its agenda items are one
    # query each.
    with django_assert_num_queries(18) as short:
        client.get(url)
    log_visits(case, owner, 60)
    with django_assert_num_queries(len(short.captured_queries)):
        client.get(url)
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
