"""Demo yearly closing targets, so the team's year page shows the closed cases against a target
from the first login: team PA worked towards the practice study's 700 cases last year and 1,200
this year; team OM has set none, to show the page without one."""

from cases import services
from cases.team_year import team_years

# Per team: the target of last year and of this year.
TARGETS = {"PA": (700, 1200)}


def seed(ctx, leads):
    """`leads`: the username of each team's lead, who sets the targets."""
    # Set now, not at the moment the stories before left on the clock.
    ctx.clock.moment = None
    this_year = ctx.today.year
    for code, (last_year_target, this_year_target) in TARGETS.items():
        team = ctx.teams[code]
        # Last year only where the team closed cases then (the year page offers no other).
        offered = team_years(team, ctx.today)
        for year, target in ((this_year - 1, last_year_target), (this_year, this_year_target)):
            if year in offered:
                services.team_year_target_set(
                    acting_user=ctx.users[leads[code]], team=team, year=year, target=target
                )
