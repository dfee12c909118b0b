import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.shortcuts import redirect, resolve_url
from django.utils.translation import gettext as _

SESSION_STARTED = "outreach_session_started"
SESSION_EPOCH = "outreach_session_epoch"


def session_limits(get_response):
    """A session lasts at most SESSION_ABSOLUTE_SECONDS (12 hours) however active it is, and
    ends when its user logs out anywhere (each session remembers the user's epoch at its start).
    The idle timeout is Django's own SESSION_COOKIE_AGE with SESSION_SAVE_EVERY_REQUEST."""

    def middleware(request):
        user = request.user
        if user.is_authenticated:
            session = request.session
            if SESSION_STARTED not in session:
                session[SESSION_STARTED] = time.time()
                session[SESSION_EPOCH] = user.session_epoch
            elif (
                time.time() - session[SESSION_STARTED] > settings.SESSION_ABSOLUTE_SECONDS
                or session.get(SESSION_EPOCH) != user.session_epoch
            ):
                logout(request)
                messages.info(request, _("Your session has ended. Log in again."))
                return redirect(f"{resolve_url(settings.LOGIN_URL)}?next={request.path}")
        return get_response(request)

    return middleware


def no_store_for_authenticated(get_response):
    """Pages with client data must not stay in a shared computer's browser cache."""

    def middleware(request):
        response = get_response(request)
        if request.user.is_authenticated:
            response["Cache-Control"] = "no-store"
        return response

    return middleware
