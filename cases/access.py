"""A case as a view may have it: through outreach.access, so another team's case is a 404 and
logged. The cases, network and zrm views all open their case here."""

from cases.models import Case
from outreach.access import Action, get_for_user


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
