"""Demo yearly closing targets, so the team's year page shows the closed cases against a target
from the first login: team PA works towards the practice study's 700 a year; team OM has set
none, to show the page without one."""

from cases import services as s

TARGETS = {"PA": 700}


def seed(ctx, leads):
    """`leads`: the username of each team's lead, who sets the target."""
    for code, target in TARGETS.items():
        s.team_policy_set(
            acting_user=ctx.users[leads[code]], team=ctx.teams[code], yearly_closing_target=target
        )
