import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpResponse
from django.shortcuts import redirect, resolve_url
from django.urls import Resolver404, resolve, reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

SESSION_STARTED = "outreach_session_started"
# Set at an OpenID Connect login whose ID token says the provider did multi-factor
# authentication (outreach/oidc.py): the user id, so it counts for that user only.
SESSION_PROVIDER_MFA = "outreach_provider_mfa_user"
SESSION_EPOCH = "outreach_session_epoch"
SESSION_TOUCHED = "outreach_session_touched"


def keep_alive(session):
    """The idle timeout is Django's own SESSION_COOKIE_AGE, counted from the session's last
    write (the stored expiry and the cookie's both). Writing the session on every request
    (SESSION_SAVE_EVERY_REQUEST) would cost an UPDATE on every page; instead a session in use is
    written when its last write is more than SESSION_TOUCH_SECONDS ago, so an idle session ends
    between SESSION_COOKIE_AGE - SESSION_TOUCH_SECONDS and SESSION_COOKIE_AGE after its last
    request. A request without a session (or with an expired one) creates none."""
    if session.keys():
        now = time.time()
        if now - session.get(SESSION_TOUCHED, 0) >= settings.SESSION_TOUCH_SECONDS:
            session[SESSION_TOUCHED] = now


def session_limits(get_response):
    """A session lasts at most SESSION_ABSOLUTE_SECONDS (12 hours) however active it is, and
    ends when its user logs out anywhere (each session remembers the user's epoch at its start).
    Idle, it ends after SESSION_COOKIE_AGE (keep_alive)."""

    def middleware(request):
        keep_alive(request.session)
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
    """Pages with client data must not stay in a shared computer's browser cache: every response
    to a logged-in session gets `Cache-Control: no-store`, whatever answered it (a view, the
    second-factor gate, an error page; see MIDDLEWARE for where this sits). Told without the
    database, so even a 500 from a failing database gets it: a request that carries a session
    cookie (logged in, or was until this very request), or whose user has just logged in."""

    def middleware(request):
        response = get_response(request)
        user = getattr(request, "user", None)
        if settings.SESSION_COOKIE_NAME in request.COOKIES or (
            user is not None and user.is_authenticated
        ):
            response["Cache-Control"] = "no-store"
        return response

    return middleware


def provider_second_factor(get_response):
    """A session whose login the identity provider confirmed with multi-factor authentication
    counts as having passed the second step (after django-otp's middleware, which decides
    `is_verified` from a device of our own). Read from the session, so any app server agrees."""

    def middleware(request):
        marked = request.session.get(SESSION_PROVIDER_MFA)
        if marked is not None and request.user.is_authenticated and request.user.pk == marked:
            request.user.is_verified = lambda: True
        return get_response(request)

    return middleware


# What a session that has passed only the password step may reach: the second-factor step itself,
# logging out, and the language switch (no content). Static files never get this far (WhiteNoise).
SECOND_FACTOR_STEP = frozenset(
    {"otp_verify", "otp_setup", "otp_setup_qr", "logout", "set_language"}
)


def second_factor_required(get_response):
    """A logged-in session reaches nothing but the second-factor step until a code from the
    user's authenticator app or a backup code has been accepted. Every other URL, the admin and
    its login page included, redirects there; unknown paths too, so not even a 404 tells what
    exists."""

    def middleware(request):
        user = request.user
        if user.is_authenticated and not user.is_verified():
            try:
                allowed = resolve(request.path_info).view_name in SECOND_FACTOR_STEP
            except Resolver404:
                allowed = False
            if not allowed:
                step = f"{reverse('otp_verify')}?{urlencode({'next': request.get_full_path()})}"
                if request.htmx:
                    response = HttpResponse(status=204)
                    response["HX-Redirect"] = step
                    return response
                return redirect(step)
        return get_response(request)

    return middleware
