from django.contrib.auth import views as auth_views
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from outreach.access import memberships_of
from outreach.services import user_sessions_end


@require_POST
def logout(request):
    """Log out here, and end the user's sessions on every other device too."""
    if request.user.is_authenticated:
        user_sessions_end(acting_user=request.user, user=request.user)
    return auth_views.LogoutView.as_view()(request)


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
