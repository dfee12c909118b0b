"""The worker's planned visits as an iCalendar feed (RFC 5545) for a phone's calendar.

A calendar lives at a third party (Google, Apple, Microsoft), so an event carries only the case
reference, the kind of visit and the time: never the client's name, address, the place or any
note. Written by hand: a handful of lines per event needs no library."""

from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.utils import timezone, translation
from django.utils.text import capfirst

from cases.models import ContactMoment

# A visit with a time is shown as an hour; one without as the whole day.
VISIT_DURATION = timedelta(hours=1)
# Visits planned up to this many days ago stay in the feed until a contact fulfils them.
FEED_PAST_DAYS = 14
PRODUCT_ID = "-//Outreach//Geplande bezoeken//NL"


def _utc(moment):
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def _escape(text):
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _event(visit, stamp, host):
    lines = [
        "BEGIN:VEVENT",
        f"UID:planned-visit-{visit.pk}@{host}",
        f"DTSTAMP:{stamp}",
    ]
    if visit.at:
        start = timezone.make_aware(datetime.combine(visit.planned_on, visit.at))
        lines += [f"DTSTART:{_utc(start)}", f"DTEND:{_utc(start + VISIT_DURATION)}"]
    else:
        day = visit.planned_on
        lines += [
            f"DTSTART;VALUE=DATE:{day:%Y%m%d}",
            f"DTEND;VALUE=DATE:{day + timedelta(days=1):%Y%m%d}",
        ]
    kind = dict(ContactMoment.Kind.choices)[visit.kind]
    lines += [f"SUMMARY:{_escape(f'{capfirst(kind)} {visit.case.reference}')}", "END:VEVENT"]
    return lines


def feed_ics(visits, *, now, host):
    """The feed as text, lines ending in CRLF, labels in the site's language."""
    stamp = _utc(now)
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODUCT_ID}", "CALSCALE:GREGORIAN"]
    with translation.override(settings.LANGUAGE_CODE):
        for visit in visits:
            lines += _event(visit, stamp, host)
    lines.append("END:VCALENDAR")
    return "\r\n".join(lines) + "\r\n"
