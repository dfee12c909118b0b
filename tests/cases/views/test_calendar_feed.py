"""The worker's calendar feed (calendar_feed, calendar_feed_renew): planned visits as
iCalendar, without anything that names the client, behind a long renewable token."""

from datetime import time, timedelta

import icalendar
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from cases import services
from cases.models import CalendarFeed
from cases.phases import Phase
from outreach.models import AccessLogEntry
from tests.cases.factories import case_in_phase


def feed_of(client, owner):
    client.force_login(owner)
    client.post(reverse("calendar_feed_renew"))
    return CalendarFeed.objects.get(user=owner)


def planned_case(owner, team, **visit):
    case = case_in_phase(
        Phase.CONTRACT,
        acting_user=owner,
        team=team,
        first_name="Ria",
        last_name="Geheimnaam",
        street_address="Kerkstraat 12",
    )
    services.contact_log(
        acting_user=owner,
        case=case,
        kind="home_visit",
        occurred_at=timezone.now() - timedelta(days=1),
        notes="Vertrouwelijke notitie",
    )
    services.visit_plan(
        acting_user=owner,
        case=case,
        planned_on=timezone.localdate() + timedelta(days=1),
        place="Kerkstraat 12",
        **visit,
    )
    return case


def test_it_gives_the_visits_with_only_reference_kind_and_time(client, owner, team):
    case = planned_case(owner, team, at=time(10, 0))
    services.visit_plan(acting_user=owner, case=case, planned_on=timezone.localdate(), kind="phone")
    feed = feed_of(client, owner)
    response = Client().get(reverse("calendar_feed", args=[feed.token]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    body = response.content.decode()
    for secret in ("Ria", "Geheimnaam", "Kerkstraat", "Vertrouwelijke"):
        assert secret not in body
    calendar = icalendar.Calendar.from_ical(body)
    events = sorted(calendar.walk("VEVENT"), key=lambda e: str(e["DTSTART"].dt))
    assert [str(e["SUMMARY"]) for e in events] == [
        f"Telefoon {case.reference}",
        f"Huisbezoek {case.reference}",
    ]
    assert events[0]["DTSTART"].dt == timezone.localdate()
    start = events[1]["DTSTART"].dt
    assert timezone.localtime(start).time() == time(10, 0)
    assert set(events[1].keys()) <= {"UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY"}


def test_it_logs_every_fetch_as_the_worker(client, owner, team):
    planned_case(owner, team)
    feed = feed_of(client, owner)
    for _ in range(2):
        Client().get(reverse("calendar_feed", args=[feed.token]))
    reads = AccessLogEntry.objects.filter(
        user=owner, action="read", record_type="cases.plannedvisit"
    )
    assert reads.count() == 2


def test_it_stops_the_old_address_when_renewed_and_logs_the_refusal(client, owner, team):
    planned_case(owner, team)
    old = feed_of(client, owner).token
    client.post(reverse("calendar_feed_renew"))
    new = CalendarFeed.objects.get(user=owner).token
    assert len(new) >= 40 and new != old
    assert Client().get(reverse("calendar_feed", args=[old])).status_code == 404
    assert AccessLogEntry.objects.filter(
        user=None, record_type="cases.calendarfeed", result="denied"
    ).exists()
    assert Client().get(reverse("calendar_feed", args=[new])).status_code == 200


def test_it_shows_the_address_on_my_week(client, owner):
    feed = feed_of(client, owner)
    html = client.get(reverse("my_week")).content.decode()
    assert feed.token in html


def test_it_leaves_out_another_workers_and_fulfilled_visits(client, owner, colleague, team):
    case = planned_case(owner, team)
    services.contact_log(acting_user=owner, case=case, kind="phone")
    theirs = case_in_phase(
        Phase.CONTRACT, acting_user=owner, team=team, assigned_worker=colleague, last_name="X"
    )
    services.visit_plan(acting_user=owner, case=theirs, planned_on=timezone.localdate())
    feed = feed_of(client, owner)
    body = Client().get(reverse("calendar_feed", args=[feed.token])).content.decode()
    calendar = icalendar.Calendar.from_ical(body)
    assert len(calendar.walk("VEVENT")) == 1  # tomorrow's, not fulfilled by today's call
