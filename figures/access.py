"""The manager's pages: for users with the organisation-wide manager role only; anyone else gets
a logged 404, so the page does not reveal that it exists."""

from functools import wraps

from django.http import Http404

from outreach.access import Action, Result, log_access


def manager_required(view):
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not request.user.is_manager:
            log_access(
                request,
                action=Action.READ,
                record_type="figures.organisation",
                result=Result.DENIED,
            )
            raise Http404
        return view(request, *args, **kwargs)

    return wrapped
