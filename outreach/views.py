from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from outreach.access import memberships_of, team_for_lead


def team_detail(request, team_id):
    team = team_for_lead(request, team_id)
    members = team.memberships.select_related("user").order_by(
        "role", "user__first_name", "user__last_name"
    )
    page = Paginator(members, 50).get_page(request.GET.get("pagina"))
    return render(request, "outreach/team_detail.html", {"team": team, "page": page})


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
