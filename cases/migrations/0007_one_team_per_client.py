"""A client and all their cases are always in one team. Before moves took deleted cases along, a
move could leave a deleted case (with its signal and phase spans) in the old team, and a restore
brought it back there. Such cases, with their signals and phase spans, are put in their
client's team (a restore now does the same and says so on the timeline; this data fix writes no
timeline event)."""

from django.db import migrations
from django.db.models import F


def into_clients_team(apps, schema_editor):
    Case = apps.get_model("cases", "Case")
    PhaseSpan = apps.get_model("cases", "PhaseSpan")
    Signal = apps.get_model("cases", "Signal")
    # _base_manager: deleted cases too.
    split = Case._base_manager.exclude(team_id=F("client__team_id"))
    for case_id, team_id in split.values_list("pk", "client__team_id"):
        Case._base_manager.filter(pk=case_id).update(team_id=team_id)
        PhaseSpan.objects.filter(case_id=case_id).update(team_id=team_id)
        Signal._base_manager.filter(case_id=case_id).update(team_id=team_id)


class Migration(migrations.Migration):
    dependencies = [("cases", "0006_team_policy_day_ranges")]

    operations = [migrations.RunPython(into_clients_team, migrations.RunPython.noop)]
