"""Demo snelteksten: each demo team takes the default list through its lead, and team PA has
two phrases of its own, so the contact form shows phrase chips from the first login and the
lead's page shows both kinds."""

from cases import services as s

# Team PA's own phrases, added a month ago by its lead.
OWN = {
    "PA": (
        "Samen met de Postwijzer-vrijwilliger de post gedaan.",
        "Doorverwezen naar de Voedselbank.",
    ),
}


def seed(ctx, moment_of, leads):
    for code, team in ctx.teams.items():
        lead = ctx.users[leads[code]]
        ctx.clock.moment = moment_of(60)
        s.note_phrases_add_defaults(acting_user=lead, team=team)
        ctx.clock.moment = moment_of(30)
        for text in OWN.get(code, ()):
            s.note_phrase_add(acting_user=lead, team=team, text=text)
    ctx.clock.moment = None
