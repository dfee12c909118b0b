"""Every team that exists gets the default snelteksten, so the contact form shows phrase chips
from the start; the lead edits them from there. The list is copied here, as it stood, so a
later change to cases.services.phrases.DEFAULT_NOTE_PHRASES does not change this migration."""

from django.db import migrations

DEFAULT_NOTE_PHRASES = (
    "Cliënt was thuis en liet me binnen.",
    "Niet thuis, briefje achtergelaten.",
    "Samen de post geopend en op stapels gesorteerd.",
    "Post samen doorgenomen.",
    "Afspraak gemaakt met schuldhulp.",
    "Samen de woningcorporatie gebeld.",
    "Formulieren samen ingevuld.",
    "Huis is opgeruimd.",
    "Koffie gedronken en bijgepraat.",
    "Afspraken samen doorgelopen.",
    "Geen nieuwe achterstanden.",
)


def add_defaults(apps, schema_editor):
    Team = apps.get_model("outreach", "Team")
    NotePhrase = apps.get_model("cases", "NotePhrase")
    NotePhrase.objects.bulk_create(
        NotePhrase(team=team, text=text, position=position)
        for team in Team.objects.filter(note_phrases__isnull=True)
        for position, text in enumerate(DEFAULT_NOTE_PHRASES)
    )


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0016_note_phrases"),
    ]

    operations = [
        migrations.RunPython(add_defaults, migrations.RunPython.noop),
    ]
