"""cases.migrations.0017_note_phrases_default_set: every team that exists gets the default
phrases; a team that has phrases keeps just its own."""

from importlib import import_module

from django.apps import apps

from cases import services
from cases.models import NotePhrase

MIGRATION = import_module("cases.migrations.0017_note_phrases_default_set")


def texts(team):
    return list(NotePhrase.objects.filter(team=team).values_list("text", flat=True))


def test_it_gives_each_team_without_phrases_the_default_list(lead, team, other_team):
    services.note_phrase_add(acting_user=lead, team=team, text="Eigen zin.")
    MIGRATION.add_defaults(apps, None)
    assert texts(team) == ["Eigen zin."]
    assert texts(other_team) == list(MIGRATION.DEFAULT_NOTE_PHRASES)
