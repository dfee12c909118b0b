"""Every form that creates a record saves it once.

Back and *Opslaan* again, a refresh after a POST, or a double tap on a slow connection post the
same form a second time. Each create form therefore carries a one-time token, a hidden
`submission` input with a fresh UUID drawn when the form is rendered (`{% submission_field %}`,
outreach/templatetags/submissions.py). The view saves through `saving_once`: in the transaction
of the create it claims the token as a `FormSubmission` row (unique per user and token) and
stores the URL of what was saved. A second post with the same token, `@saves_once` on the view,
is answered before the view runs (before its access checks, which may no longer pass once the
first post moved the case on) with a redirect to that URL and "This was already saved."; htmx
gets the same as an `HX-Redirect`. Two posts at the same moment cannot both create: the second's
claim waits on the first's unique index entry, then fails, and its transaction saves nothing.

Back needs the browser's help. Pages with client data are `no-store`, so Back fetches the form
page again: Chromium refills the visible fields with what was typed (form state restoration) but
not a hidden input whose value came from the server, so the new page carries a new token, and
saving would create the record again (seen in Chromium; tests/browser/test_no_double_save.py).
static/js/submission.js therefore keeps each form's token in the page's session history entry
(`history.state`), which survives the refetch: on the first visit it stores the rendered
tokens, on Back it puts the stored ones back. Tokens of forms swapped in by htmx are stored
afresh. Without JavaScript a double tap and a refresh after a POST are still caught (they post
the same body); Back and save again is not.

A post without a token (a page opened before tokens existed, demo data, scripts) is saved as
before, once per post: there is nothing to recognise it by. The claims are kept for
`FORM_SUBMISSION_KEEP_DAYS` and then removed by `purge_expired` (outreach/retention.py).
"""

import uuid
from contextlib import contextmanager
from functools import wraps

from django.contrib import messages
from django.core.exceptions import ImproperlyConfigured
from django.db import IntegrityError, transaction
from django.http import HttpResponse
from django.shortcuts import redirect, resolve_url
from django.utils.translation import gettext as _

from outreach.models import FormSubmission

FIELD = "submission"
# Longer than any session (at most 12 hours) and a weekend: a form page kept in a tab's history
# over it is still recognised.
FORM_SUBMISSION_KEEP_DAYS = 7
_DECORATED = "_saves_once"


def new_token():
    return uuid.uuid4()


def posted_token(request):
    """The form token in this POST, or None when it has none (or not a UUID)."""
    try:
        return uuid.UUID(request.POST.get(FIELD, ""))
    except ValueError:
        return None


class AlreadySaved(Exception):
    def __init__(self, url):
        super().__init__(url)
        self.url = url


def _saved_url(user, token):
    return (
        FormSubmission.objects.filter(user=user, token=token)
        .values_list("saved_url", flat=True)
        .first()
    )


def already_saved(request, url):
    messages.info(request, _("This was already saved."))
    if request.htmx:
        response = HttpResponse()
        response["HX-Redirect"] = url
        return response
    return redirect(url)


def saves_once(view):
    """For a view that saves through `saving_once`: a POST whose token this user has claimed
    before is answered with what was saved, before the view runs."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        setattr(request, _DECORATED, True)
        token = posted_token(request) if request.method == "POST" else None
        if token is not None:
            url = _saved_url(request.user, token)
            if url is not None:
                return already_saved(request, url)
        try:
            return view(request, *args, **kwargs)
        except AlreadySaved as saved:
            return already_saved(request, saved.url)

    return wrapper


class Claim:
    """What `saving_once` gives the block: tell it where what was saved is shown."""

    url = None

    def saved_at(self, url):
        """`url`: a path, a URL name or a model with get_absolute_url (as for redirect)."""
        self.url = resolve_url(url)
        return self.url


@contextmanager
def saving_once(request):
    """Wrap the service call that creates the record. The token is claimed first, in the same
    transaction: an error in the block (a ValidationError, an EditConflict) rolls the claim back
    with the rest, so the form can be corrected and posted again with the same token. A post
    whose token another request claimed meanwhile raises AlreadySaved, which `@saves_once`
    answers."""
    if not getattr(request, _DECORATED, False):
        raise ImproperlyConfigured("A view that saves through saving_once needs @saves_once.")
    token = posted_token(request)
    with transaction.atomic():
        submission = None
        if token is not None:
            submission = FormSubmission(user=request.user, token=token)
            try:
                # Its own savepoint: the failed insert leaves the transaction usable. On
                # PostgreSQL a concurrent claim of the same token waits here for the first.
                with transaction.atomic():
                    submission.save()
            except IntegrityError:
                raise AlreadySaved(_saved_url(request.user, token)) from None
        claim = Claim()
        yield claim
        if submission is not None:
            if claim.url is None:
                raise ImproperlyConfigured("Call claim.saved_at(url) after the create.")
            submission.saved_url = claim.url
            submission.save(update_fields=["saved_url"])
