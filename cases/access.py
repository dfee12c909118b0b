"""A case as a view may have it: through outreach.access, so another team's case is a 404 and
logged. The cases, network and zrm views all open their case here."""

from cases.models import Case, MeldcodeTrajectory, VolunteerRequest
from outreach.access import Action, get_for_user, log_access, require_meldcode, visible_to


def case_for_user(request, case_id, *, action=Action.READ):
    """The case, if this user may do `action` on it."""
    return get_for_user(
        request,
        Case.objects.select_related("client", "assigned_worker", "team"),
        case_id,
        action=action,
    )


def case_for_form(request, case_id, *, action=Action.CHANGE):
    """The case for a page that shows a form and saves it: showing it is a read, a POST is
    `action`."""
    return case_for_user(
        request, case_id, action=action if request.method == "POST" else Action.READ
    )


def trajectory_for_user(request, trajectory_id, *, action=Action.READ):
    """A meldcode trajectory, if this user may see it: another team's is a logged 404, a
    colleague without the right a logged 403 (they know it exists, not what it says)."""
    queryset = MeldcodeTrajectory.objects.select_related(
        "case__client", "case__assigned_worker", "case__team"
    )
    trajectory = visible_to(request.user, queryset).filter(pk=trajectory_id).first()
    if trajectory is None:
        return get_for_user(request, queryset, trajectory_id, action=action)  # a logged 404
    require_meldcode(request, trajectory.case, action=action, record=trajectory)
    log_access(request, action=action, record=trajectory)
    return trajectory


def volunteer_request_for_form(request, request_id, *, action=Action.CHANGE):
    """A case's volunteer service request for a page that shows a form and saves it (its
    status, the match with a volunteer): showing it is a read, a POST is `action`."""
    return get_for_user(
        request,
        VolunteerRequest.objects.select_related("case__client", "service"),
        request_id,
        action=action if request.method == "POST" else Action.READ,
    )
