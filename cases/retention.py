"""Retention of case files and declined signals (see outreach/retention.py, docs/privacy.md).

A closed case is due RETENTION_CLOSED_CASE_YEARS after its closing date, with everything recorded
on it and the signals that led to it; its client goes with it once every case of that client is
due. A deleted client or case (a soft delete, restorable by an admin) is due
RETENTION_DELETED_DAYS after the deletion. A declined signal never became a file; it is due
RETENTION_DECLINED_SIGNAL_YEARS after the decision.
"""

from datetime import datetime, time, timedelta

from django.conf import settings
from django.db.models import Count, F, Q
from django.utils import timezone

from cases.models import Case, Client, Signal, TimelineEvent
from cases.phases import CLOSED_PHASES
from cases.selectors import soft_deleted
from outreach.retention import Expired, ids_of, years_before


def _end_of(day):
    return timezone.make_aware(datetime.combine(day, time.max), timezone.get_default_timezone())


def expired(today):
    case_cutoff = years_before(today, settings.RETENTION_CLOSED_CASE_YEARS)
    closed = Case.objects.filter(phase__in=CLOSED_PHASES, closed_on__lte=case_cutoff)
    closed_rows = list(
        closed.order_by("closed_on", "pk").values_list("pk", "client_id", "team_id", "reference")
    )

    deleted_cutoff = today - timedelta(days=settings.RETENTION_DELETED_DAYS)
    deleted = soft_deleted(deleted_before=_end_of(deleted_cutoff))
    deleted_clients = {client.pk: client for client in deleted["clients"]}
    # A deleted client's cases go with the client, whatever became of them since.
    deleted_cases = Case.all_objects.filter(
        Q(pk__in=deleted["cases"].values("pk")) | Q(client_id__in=deleted_clients)
    ).exclude(pk__in=[pk for pk, *_rest in closed_rows])
    deleted_rows = list(
        deleted_cases.order_by("pk").values_list("pk", "client_id", "team_id", "reference")
    )

    # Clients whose every case is due, closed long ago or deleted: they go with their last file.
    due_case_ids = [pk for pk, *_rest in closed_rows + deleted_rows]
    clients_done = (
        Client.all_objects.exclude(pk__in=deleted_clients)
        .annotate(
            n_cases=Count("cases", distinct=True),
            n_due=Count("cases", filter=Q(cases__pk__in=due_case_ids), distinct=True),
        )
        .filter(n_cases__gt=0, n_due=F("n_cases"))
        .order_by("pk")
    )
    deleted_client_rows = [
        (pk, pk, client.team_id, f"#{pk}") for pk, client in deleted_clients.items()
    ]
    done_rows = [
        (pk, pk, team_id, f"#{pk}") for pk, team_id in clients_done.values_list("pk", "team_id")
    ]

    signal_cutoff = years_before(today, settings.RETENTION_DECLINED_SIGNAL_YEARS)
    signals = Signal.objects.filter(
        status=Signal.Status.DECLINED, decided_at__lte=_end_of(signal_cutoff)
    ).order_by("decided_at", "pk")
    signal_rows = [
        (pk, None, team_id, f"#{pk}") for pk, team_id in signals.values_list("pk", "team_id")
    ]
    return [
        Expired("closed case files", "cases.case", case_cutoff, closed_rows, len(closed_rows)),
        Expired(
            "deleted case files", "cases.case", deleted_cutoff, deleted_rows, len(deleted_rows)
        ),
        Expired(
            "deleted clients",
            "cases.client",
            deleted_cutoff,
            deleted_client_rows,
            len(deleted_client_rows),
        ),
        Expired(
            "clients without a file left", "cases.client", case_cutoff, done_rows, len(done_rows)
        ),
        Expired("declined signals", "cases.signal", signal_cutoff, signal_rows, len(signal_rows)),
    ]


def purge(doomed):
    case_ids = ids_of(doomed, "cases.case")
    # A correction protects the event it corrects (and is never corrected itself): remove the
    # corrections first.
    TimelineEvent.objects.filter(case_id__in=case_ids, corrects__isnull=False).delete()
    signals = Q(case_id__in=case_ids) | Q(pk__in=ids_of(doomed, "cases.signal"))
    Signal.objects.filter(signals).delete()
    # Everything else recorded on a case (contacts, attempts, agreements, prior information,
    # phase spans, events, network maps) goes with it by cascade. all_objects: deleted files too.
    Case.all_objects.filter(pk__in=case_ids).delete()
    Client.all_objects.filter(pk__in=ids_of(doomed, "cases.client")).delete()
