"""A client's access log as a lead reads it (outreach/access_log.py folds and words the rows):
filtered by period, person and action, paged over the stored rows, each page's rows folded and
their records named in words. A fixed number of queries per page, whatever the log's length."""

from datetime import datetime, time, timedelta

from django.core.paginator import Paginator
from django.utils import timezone
from django.utils.translation import gettext as _

from cases.models import Case
from outreach.access_log import folded, people, record_words
from outreach.models import AccessLogEntry, User

# Stored rows per page; folded, a page shows as many or fewer.
ACCESS_LOG_PAGE_SIZE = 100
DENIED = "denied"


def log_people(client):
    """(user id, name) of everyone in the client's log, for the filter: two queries."""
    ids = AccessLogEntry.objects.filter(client_id=client.pk, user__isnull=False).values("user_id")
    users = User.objects.filter(pk__in=ids).order_by("first_name", "last_name", "username")
    return [(u.pk, u.get_full_name() or u.username) for u in users]


def _local_midnight(day):
    return timezone.make_aware(datetime.combine(day, time.min))


def filtered(client, *, start=None, end=None, person=None, action=""):
    entries = AccessLogEntry.objects.filter(client_id=client.pk)
    if start:
        entries = entries.filter(at__gte=_local_midnight(start))
    if end:
        entries = entries.filter(at__lt=_local_midnight(end + timedelta(days=1)))
    if person:
        entries = entries.filter(user_id=person)
    if action == DENIED:
        entries = entries.filter(result=AccessLogEntry.Result.DENIED)
    elif action:
        entries = entries.filter(action=action)
    return entries.order_by("-at", "-id")


def _name_records(rows, client):
    """Each row's record in words: a case by its reference, the client by name, else its kind."""
    case_ids = {
        r.record_id for r in rows if r.record_type == "cases.case" and r.record_id.isdigit()
    }
    references = dict(Case.all_objects.filter(pk__in=case_ids).values_list("pk", "reference"))
    for row in rows:
        if row.record_type == "cases.case" and row.record_id.isdigit():
            reference = references.get(int(row.record_id))
            row.record = _("case %(reference)s") % {"reference": reference} if reference else ""
        elif row.record_type == "cases.client":
            row.record = str(client)
        else:
            row.record = record_words(row.record_type)


def log_page(client, number, **filters):
    """The page `number` of the client's filtered log: (page, folded rows)."""
    page = Paginator(filtered(client, **filters), ACCESS_LOG_PAGE_SIZE).get_page(number)
    entries = list(page.object_list)
    rows = folded(entries, people({(e.user_id, e.team_id) for e in entries}))
    _name_records(rows, client)
    return page, rows
