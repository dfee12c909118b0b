"""Demo yearly closing targets, so the team's year page shows the closed cases against a target
from the first login: team PA works towards the 1,200 cases a year the practice study's team
reached later; team OM has set none, to show the page without one. The demo's cases closed in
recent months, so this year is the one with figures to measure."""

from cases import services

TARGETS = {"PA": 1200}


def seed(ctx, leads):
    """`leads`: the username of each team's lead, who sets the target."""
    # Set now, not at the moment the stories before left on the clock.
    ctx.clock.moment = None
    for code, target in TARGETS.items():
        services.team_year_target_set(
            acting_user=ctx.users[leads[code]],
            team=ctx.teams[code],
            year=ctx.today.year,
            target=target,
        )
