from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from outreach.access import memberships_of


@require_POST
def team_switch(request):
    """Choose the team to work on behalf of; only one's own teams can be chosen."""
    try:
        team_id = int(request.POST.get("team", ""))
    except ValueError:
        team_id = None
    if team_id in {m.team_id for m in memberships_of(request.user)}:
        request.session["team_id"] = team_id
    return redirect("home")
