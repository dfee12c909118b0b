"""Nothing typed is lost when a session expires: a form posted without a session is kept in the
new (anonymous) session, and shown again, filled in, after the same worker logs in.

Django keeps the session's data across login (it only changes the key), so the draft survives
the login page. To give it back only to the person who typed it, every logged-in response
carries a signed cookie with the user's id; the draft is stored with that id, and restored only
when the user who logs in matches it (a colleague on the same computer gets nothing). Only views
marked with @keeps_draft (the forms that record something) take part; a draft is for one path,
kept at most two hours and never longer than the anonymous session (idle timeout).

The session is read and saved on every request, so what it carries stays small: at most
MAX_DRAFTS drafts (the newest), each at most MAX_DRAFT_BYTES. A larger post is more than any of
these forms takes: it is not kept, and the worker still goes to the login page.
"""

import time

from django.http import QueryDict

DRAFT_LIFETIME_SECONDS = 2 * 60 * 60
MAX_DRAFTS = 3
# The largest recording forms (pre-phase, attempt) hold 24,000 characters of text; ordinary text
# grows by about a tenth when form-encoded, so they fit.
MAX_DRAFT_BYTES = 32 * 1024
OWNER_COOKIE = "outreach_draft_owner"
OWNER_SALT = "outreach.drafts.owner"
_SESSION_KEY = "drafts"


def keeps_draft(view):
    view.keeps_draft = True
    return view


class DraftRescueMiddleware:
    """Sits before LoginRequiredMiddleware, which then redirects to the login page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            response.set_signed_cookie(
                OWNER_COOKIE,
                str(user.pk),
                salt=OWNER_SALT,
                max_age=DRAFT_LIFETIME_SECONDS,
                httponly=True,
                samesite="Lax",
                secure=request.is_secure(),
            )
        elif request.path == "/logout/":
            response.delete_cookie(OWNER_COOKIE)
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        if (
            request.method == "POST"
            and not request.user.is_authenticated
            and getattr(view_func, "keeps_draft", False)
        ):
            owner = request.get_signed_cookie(
                OWNER_COOKIE, default=None, salt=OWNER_SALT, max_age=DRAFT_LIFETIME_SECONDS
            )
            if owner is None:
                return None  # nobody to give it back to
            data = request.POST.copy()
            data.pop("csrfmiddlewaretoken", None)
            encoded = data.urlencode()
            drafts = _fresh(request.session.get(_SESSION_KEY, {}))
            # This post replaces the path's earlier draft, also when it is too large to keep.
            drafts.pop(request.path, None)
            if len(encoded) <= MAX_DRAFT_BYTES:
                drafts[request.path] = {"at": time.time(), "owner": owner, "data": encoded}
            newest = sorted(drafts.items(), key=lambda item: item[1]["at"])[-MAX_DRAFTS:]
            if newest:
                request.session[_SESSION_KEY] = dict(newest)
            else:
                request.session.pop(_SESSION_KEY, None)
        return None


def _fresh(drafts):
    now = time.time()
    return {path: d for path, d in drafts.items() if now - d["at"] <= DRAFT_LIFETIME_SECONDS}


def pop_draft(request):
    """The draft kept for this path by this user, as POST data, or None. Drafts of anyone else
    are dropped."""
    drafts = request.session.get(_SESSION_KEY)
    if not drafts:
        return None
    mine = {p: d for p, d in _fresh(drafts).items() if d.get("owner") == str(request.user.pk)}
    draft = mine.pop(request.path, None)
    if mine:
        request.session[_SESSION_KEY] = mine
    else:
        request.session.pop(_SESSION_KEY, None)
    return QueryDict(draft["data"]) if draft else None
