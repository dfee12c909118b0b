"""Nothing typed is lost when a session expires: a form posted without a session is kept in the
new (anonymous) session, and shown again, filled in, after the worker logs in.

Django keeps the session's data across login (it only changes the key), so the draft survives
the login page. Only views marked with @keeps_draft take part; a draft is for one path and kept
for two hours. The view still fetches its record through the access layer, so a draft is only
ever shown to someone who may see that record.
"""

import time

from django.http import QueryDict

DRAFT_LIFETIME_SECONDS = 2 * 60 * 60
_SESSION_KEY = "drafts"


def keeps_draft(view):
    view.keeps_draft = True
    return view


class DraftRescueMiddleware:
    """Sits before LoginRequiredMiddleware, which then redirects to the login page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if (
            request.method == "POST"
            and not request.user.is_authenticated
            and getattr(view_func, "keeps_draft", False)
        ):
            data = request.POST.copy()
            data.pop("csrfmiddlewaretoken", None)
            drafts = request.session.get(_SESSION_KEY, {})
            drafts[request.path] = {"at": time.time(), "data": data.urlencode()}
            request.session[_SESSION_KEY] = drafts
        return None


def pop_draft(request):
    """The draft kept for this path, as POST data, or None."""
    drafts = request.session.get(_SESSION_KEY)
    if not drafts or request.path not in drafts:
        return None
    draft = drafts.pop(request.path)
    request.session[_SESSION_KEY] = drafts
    if time.time() - draft["at"] > DRAFT_LIFETIME_SECONDS:
        return None
    return QueryDict(draft["data"])
