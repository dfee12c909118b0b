"""Rebuild PhaseSpan rows for cases that existed before spans were recorded, from their phase
events on the timeline (the timeline is the record of every phase change)."""

from django.db import migrations

CLOSED = {"afgesloten", "doorverwezen", "niet_passend", "client_wil_niet"}


def backfill(apps, schema_editor):
    Case = apps.get_model("cases", "Case")
    PhaseSpan = apps.get_model("cases", "PhaseSpan")
    TimelineEvent = apps.get_model("cases", "TimelineEvent")
    spans = []
    for case in Case.objects.filter(phase_spans__isnull=True).iterator():
        current = None
        events = TimelineEvent.objects.filter(case=case, kind="phase").order_by("occurred_at", "id")
        for event in events:
            phase = event.data.get("to")
            if current is not None:
                current.ended_at = event.occurred_at
                current = None
            if phase and phase not in CLOSED:
                current = PhaseSpan(case=case, team_id=case.team_id, phase=phase,
                                    started_at=event.occurred_at)
                spans.append(current)
    PhaseSpan.objects.bulk_create(spans, batch_size=1000)


class Migration(migrations.Migration):
    dependencies = [("cases", "0002_phase_spans_and_team_policy")]

    operations = [migrations.RunPython(backfill, migrations.RunPython.noop)]
