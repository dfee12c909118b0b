from base64 import b32encode

import qrcode
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
from qrcode.image.svg import SvgPathImage

from outreach.access import Action, log_access, memberships_of
from outreach.forms import SecondFactorForm, TotpConfirmForm
from outreach.services import (
    backup_codes_regenerate,
    second_factor_verify,
    totp_device_confirm,
    totp_device_start,
    user_sessions_end,
)


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


def _next_or_home(request):
    target = request.POST.get("next") or request.GET.get("next", "")
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return resolve_url("home")


def _verified_login(request, device):
    """Mark the session as having passed the second factor, under a new session key."""
    request.session.cycle_key()
    otp_login(request, device)


def _code_refused(form, result):
    if result.retry_in:
        message = ngettext(
            "Too many wrong codes; try again in %(seconds)d second.",
            "Too many wrong codes; try again in %(seconds)d seconds.",
            result.retry_in,
        ) % {"seconds": result.retry_in}
    else:
        message = _("This code is not right. Check it and try again.")
    form.add_error("code", message)


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
        _code_refused(form, result)
    return render(
        request, "registration/otp_verify.html", {"form": form, "next": _next_or_home(request)}
    )


def otp_setup(request):
    """First login: link an authenticator app (QR code or key typed in), confirm it with a code,
    then see the backup codes once."""
    if user_has_device(request.user):
        return redirect("otp_verify")
    device = totp_device_start(acting_user=request.user, user=request.user)
    form = TotpConfirmForm(request.POST or None)
    if form.is_valid():
        result, codes = totp_device_confirm(
            acting_user=request.user, device=device, code=form.cleaned_data["code"]
        )
        if result.device is not None:
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
        _code_refused(form, result)
    key = b32encode(device.bin_key).decode()
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
    """The QR code of the device being set up, as its own SVG image (never inline markup)."""
    if user_has_device(request.user):
        raise Http404
    device = totp_device_start(acting_user=request.user, user=request.user)
    svg = qrcode.make(device.config_url, image_factory=SvgPathImage, box_size=10).to_string()
    return HttpResponse(svg, content_type="image/svg+xml")


def backup_codes(request):
    """Replace one's backup codes with a new set, shown once; the old ones stop working."""
    if request.method == "POST":
        codes = backup_codes_regenerate(acting_user=request.user, user=request.user)
        # Which codes is never logged; that they were replaced, by whom and from where is.
        log_access(
            request, action=Action.CHANGE, record_type="outreach.user", record_id=request.user.pk
        )
        return render(request, "registration/backup_codes.html", {"codes": codes})
    remaining = StaticToken.objects.filter(device__user=request.user).count()
    return render(request, "registration/backup_codes_renew.html", {"remaining": remaining})
