"""Retention of case files and declined signals (see outreach/retention.py, docs/privacy.md).

A closed case is due RETENTION_CLOSED_CASE_YEARS after its closing date, with everything recorded
on it and the signals that led to it; its client goes with it once every case of that client is
due. A declined signal never became a file; it is due RETENTION_DECLINED_SIGNAL_YEARS after the
decision.
"""

from datetime import datetime, time

from django.conf import settings
from django.db.models import Count, F, Q
from django.utils import timezone

from cases.models import Case, Client, Signal, TimelineEvent
from cases.phases import CLOSED_PHASES
from outreach.retention import Expired, ids_of, years_before


def expired(today):
    case_cutoff = years_before(today, settings.RETENTION_CLOSED_CASE_YEARS)
    cases = Case.objects.filter(phase__in=CLOSED_PHASES, closed_on__lte=case_cutoff)
    cases = cases.order_by("closed_on", "pk")
    case_rows = list(cases.values_list("pk", "client_id", "team_id", "reference"))
    clients = (
        Client.objects.annotate(
            n_cases=Count("cases"),
            n_due=Count(
                "cases",
                filter=Q(cases__phase__in=CLOSED_PHASES, cases__closed_on__lte=case_cutoff),
            ),
        )
        .filter(n_cases__gt=0, n_due=F("n_cases"))
        .order_by("pk")
    )
    client_rows = [
        (pk, pk, team_id, f"#{pk}") for pk, team_id in clients.values_list("pk", "team_id")
    ]

    signal_cutoff = years_before(today, settings.RETENTION_DECLINED_SIGNAL_YEARS)
    decided_before = timezone.make_aware(
        datetime.combine(signal_cutoff, time.max), timezone.get_default_timezone()
    )
    signals = Signal.objects.filter(
        status=Signal.Status.DECLINED, decided_at__lte=decided_before
    ).order_by("decided_at", "pk")
    signal_rows = [
        (pk, None, team_id, f"#{pk}") for pk, team_id in signals.values_list("pk", "team_id")
    ]
    return [
        Expired("closed case files", "cases.case", case_cutoff, case_rows, len(case_rows)),
        Expired(
            "clients without a case file left",
            "cases.client",
            case_cutoff,
            client_rows,
            len(client_rows),
        ),
        Expired("declined signals", "cases.signal", signal_cutoff, signal_rows, len(signal_rows)),
    ]


def purge(doomed):
    case_ids = ids_of(doomed, "cases.case")
    # A correction protects the event it corrects (and is never corrected itself): remove the
    # corrections first.
    TimelineEvent.objects.filter(case_id__in=case_ids, corrects__isnull=False).delete()
    Signal.objects.filter(
        Q(case_id__in=case_ids) | Q(pk__in=ids_of(doomed, "cases.signal"))
    ).delete()
    # Everything else recorded on a case (contacts, attempts, agreements, prior information,
    # phase spans, events, network maps) goes with it by cascade.
    Case.objects.filter(pk__in=case_ids).delete()
    Client.objects.filter(pk__in=ids_of(doomed, "cases.client")).delete()
