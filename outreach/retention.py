"""Retention: which records have outlived their retention period (docs/privacy.md).

Each app that keeps client data has a `retention` module with two functions:

- `expired(today)` returns the `Expired` groups it owns whose period has ended;
- `purge(doomed)` deletes its own rows that belong to the doomed records of any app, where
  `doomed` maps a record type ("cases.case") to the set of ids being purged (empty for a class
  that is counted rather than listed, such as the access log).

outreach discovers the modules through the app registry (as seed_demo does), so it never imports
the apps that build on it, and calls `purge` from the top of the dependency chain down (zrm,
network, cases, outreach): rows that point at a case go before the case.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from importlib import import_module

from django.apps import apps
from django.conf import settings
from django.db import connection, models
from django.utils import timezone
from django.utils.module_loading import module_has_submodule

from outreach import clock
from outreach.models import AccessLogEntry, FormSubmission
from outreach.submissions import FORM_SUBMISSION_KEEP_DAYS


def years_before(today, years):
    """The same calendar day `years` earlier; 29 February becomes 28 February."""
    try:
        return today.replace(year=today.year - years)
    except ValueError:
        return date(today.year - years, today.month, 28)


@dataclass
class Expired:
    """The records of one retention class that are due, identified without content."""

    record_class: str  # e.g. "closed case files"
    record_type: str  # model label, e.g. "cases.case"
    cutoff: date
    # (record id, client id or None, team id or None, a label without content such as a case
    # reference); None when the class is counted rather than listed (the access log).
    records: list = field(default_factory=list)
    count: int = 0

    @property
    def ids(self):
        return {record_id for record_id, *_ in self.records}


def ids_of(doomed, record_type):
    return doomed.get(record_type, set())


def retention_modules():
    """The apps' retention modules, in dependency order (outreach, cases, network, zrm)."""
    return [
        import_module(f"{config.name}.retention")
        for config in apps.get_app_configs()
        if module_has_submodule(config.module, "retention")
    ]


def find_expired(today):
    groups = []
    for module in retention_modules():
        groups.extend(group for group in module.expired(today) if group.count)
    return groups


# outreach's own retention classes: the access log, and the create forms' one-time tokens
# (outreach/submissions.py), which only need to outlive the pages they were drawn on.


def _with_start(cutoff):
    """The cutoff day and the moment it begins, for comparing with timestamps."""
    return cutoff, timezone.make_aware(
        datetime.combine(cutoff, time.min), timezone.get_default_timezone()
    )


def _log_cutoff(today):
    return _with_start(years_before(today, settings.RETENTION_ACCESS_LOG_YEARS))


def _submission_cutoff(today):
    return _with_start(today - timedelta(days=FORM_SUBMISSION_KEEP_DAYS))


def expired(today):
    cutoff, moment = _log_cutoff(today)
    count = AccessLogEntry.objects.filter(at__lt=moment).count()
    tokens_cutoff, tokens_moment = _submission_cutoff(today)
    tokens = FormSubmission.objects.filter(created_at__lt=tokens_moment).count()
    return [
        Expired("access log entries", "outreach.accesslogentry", cutoff, count=count),
        Expired("form tokens", "outreach.formsubmission", tokens_cutoff, count=tokens),
    ]


def purge(doomed):
    if "outreach.formsubmission" in doomed:
        _cutoff, moment = _submission_cutoff(clock.today())
        FormSubmission.objects.filter(created_at__lt=moment).delete()
    if "outreach.accesslogentry" not in doomed:
        return
    _cutoff, moment = _log_cutoff(clock.today())
    if connection.vendor == "postgresql":
        # The app's role may not delete log rows; the owner's purge function may, and only old
        # ones (outreach/dbroles.py).
        with connection.cursor() as cursor:
            cursor.execute("SELECT outreach_access_log_purge(%s)", [moment])
    else:
        # SQLite has no roles: the ORM's append-only guard is the lock, and this is its one key.
        models.QuerySet.delete(AccessLogEntry.objects.filter(at__lt=moment))
