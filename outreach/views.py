import time
from base64 import b32encode

import qrcode
from django.conf import settings
from django.contrib.auth import views as auth_views
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render, resolve_url
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from django_otp import user_has_device
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from qrcode.image.svg import SvgPathImage

from outreach.access import Action, log_access, memberships_of
from outreach.forms import LoginForm, ReverifyForm, SecondFactorForm, TotpConfirmForm
from outreach.oidc import SESSION_ID_TOKEN, provider_logout_url
from outreach.services import (
    backup_codes_regenerate,
    second_factor_verify,
    totp_device_confirm,
    totp_device_start,
    user_reverify,
    user_sessions_end,
)


class LoginView(auth_views.LoginView):
    """The login page: the organisation's identity provider when configured, and the local
    username and password unless LOCAL_LOGIN is off (then no password backend is installed)."""

    authentication_form = LoginForm
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            oidc_enabled=settings.OIDC_ENABLED,
            oidc_provider_name=settings.OIDC_PROVIDER_NAME,
            local_login=settings.LOCAL_LOGIN,
            **kwargs,
        )


@require_POST
def logout(request):
    """Log out here, and end the user's sessions on every other device too; after an OpenID
    Connect login, the provider's session as well where it supports that."""
    provider_url = provider_logout_url(request, id_token=request.session.get(SESSION_ID_TOKEN))
    if request.user.is_authenticated:
        user_sessions_end(acting_user=request.user, user=request.user)
    response = auth_views.LogoutView.as_view()(request)
    return redirect(provider_url) if provider_url else response


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


def _next_or_home(request):
    target = request.POST.get("next") or request.GET.get("next", "")
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return resolve_url("home")


# When the session last proved who its user is (the code step, or asked again on a sensitive
# page); and the key of the authenticator being set up, known to this session only.
SESSION_VERIFIED_AT = "outreach_verified_at"
SESSION_TOTP_KEY = "outreach_totp_key_being_set_up"
# How long the code step keeps counting as proof for a change to one's own second factor.
RECENT_VERIFICATION_SECONDS = 5 * 60


def _verified_login(request, device):
    """Mark the session as having passed the second factor, under a new session key."""
    request.session.cycle_key()
    otp_login(request, device)
    request.session[SESSION_VERIFIED_AT] = time.time()


def _recently_verified(request):
    verified_at = request.session.get(SESSION_VERIFIED_AT, 0)
    return time.time() - verified_at <= RECENT_VERIFICATION_SECONDS


def _refused(form, result, *, field="code", wrong=None):
    """Say next to the field why what was typed did not count: the wait while codes are
    throttled, or that it was wrong (`wrong`, by default the message for a code)."""
    if result.retry_in:
        message = ngettext(
            "Too many wrong codes; try again in %(seconds)d second.",
            "Too many wrong codes; try again in %(seconds)d seconds.",
            result.retry_in,
        ) % {"seconds": result.retry_in}
    else:
        message = wrong or _("This code is not right. Check it and try again.")
    form.add_error(field, message)


def otp_verify(request):
    """The second step of logging in: a code from the authenticator app or a backup code."""
    if request.user.is_verified():
        return redirect(_next_or_home(request))
    if not user_has_device(request.user):
        return redirect(f"{reverse('otp_setup')}?{urlencode({'next': _next_or_home(request)})}")
    form = SecondFactorForm(request.POST or None)
    if form.is_valid():
        result = second_factor_verify(acting_user=request.user, code=form.cleaned_data["code"])
        if result.device is not None:
            _verified_login(request, result.device)
            return redirect(_next_or_home(request))
        _refused(form, result)
    return render(
        request, "registration/otp_verify.html", {"form": form, "next": _next_or_home(request)}
    )


def otp_setup(request):
    """First login: link an authenticator app (QR code or key typed in), confirm it with a code,
    then see the backup codes once. Every visit shows a new secret, kept in this session only:
    another session of the same user (someone else with the password) never sees it."""
    if user_has_device(request.user):
        return redirect("otp_verify")
    key = request.session.get(SESSION_TOTP_KEY)
    if request.method != "POST" or key is None:
        key = totp_device_start(acting_user=request.user, user=request.user).key
        request.session[SESSION_TOTP_KEY] = key
        form = TotpConfirmForm()
    else:
        form = TotpConfirmForm(request.POST)
        if form.is_valid():
            result, codes = totp_device_confirm(
                acting_user=request.user,
                user=request.user,
                key=key,
                code=form.cleaned_data["code"],
            )
            if result.device is not None:
                del request.session[SESSION_TOTP_KEY]
                _verified_login(request, result.device)
                log_access(
                    request,
                    action=Action.CREATE,
                    record_type="otp_totp.totpdevice",
                    record_id=result.device.pk,
                )
                return render(
                    request,
                    "registration/backup_codes.html",
                    {"codes": codes, "next": _next_or_home(request), "first_time": True},
                )
            _refused(form, result)
    key = b32encode(bytes.fromhex(key)).decode()
    return render(
        request,
        "registration/otp_setup.html",
        {
            "form": form,
            "key_groups": [key[i : i + 4] for i in range(0, len(key), 4)],
            "next": _next_or_home(request),
        },
    )


def otp_setup_qr(request):
    """The QR code of the authenticator this session is setting up, as its own SVG image (never
    inline markup)."""
    key = request.session.get(SESSION_TOTP_KEY)
    if key is None or user_has_device(request.user):
        raise Http404
    device = TOTPDevice(user=request.user, key=key)
    svg = qrcode.make(device.config_url, image_factory=SvgPathImage, box_size=10).to_string()
    return HttpResponse(svg, content_type="image/svg+xml")


def backup_codes(request):
    """Replace one's backup codes with a new set, shown once; the old ones stop working. Longer
    than RECENT_VERIFICATION_SECONDS after the code step, the password or a current code is asked
    first (someone at an unlocked, unattended computer cannot make codes of their own)."""
    form = None
    if not _recently_verified(request):
        # Bound only when the field was sent: a page opened in time and posted late asks anew.
        form = ReverifyForm(request.POST if "secret" in request.POST else None)
        if form.is_valid():
            result = user_reverify(
                acting_user=request.user, request=request, secret=form.cleaned_data["secret"]
            )
            if result.passed:
                request.session[SESSION_VERIFIED_AT] = time.time()
                form = None
            else:
                _refused(
                    form,
                    result,
                    field="secret",
                    wrong=_("This is not your password or a current code. Check it and try again."),
                )
    if request.method == "POST" and form is None:
        codes = backup_codes_regenerate(acting_user=request.user, user=request.user)
        # Which codes is never logged; that they were replaced, by whom and from where is.
        log_access(
            request, action=Action.CHANGE, record_type="outreach.user", record_id=request.user.pk
        )
        return render(request, "registration/backup_codes.html", {"codes": codes})
    remaining = StaticToken.objects.filter(device__user=request.user).count()
    return render(
        request, "registration/backup_codes_renew.html", {"remaining": remaining, "form": form}
    )
