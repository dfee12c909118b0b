"""A new password never skips the second factor. Outreach has no self-service reset: an
administrator sets a new password in the admin (or with manage.py changepassword). Either way
the user's authenticator and backup codes stay, and the next login still asks for a code."""

from django.contrib.auth.views import PasswordResetConfirmView
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from devdata.outreach import authenticator_for

NEW_PASSWORD = "a-brand-new-long-password"  # noqa: S105


def every_view():
    def walk(patterns):
        for p in patterns:
            if isinstance(p, URLResolver):
                yield from walk(p.url_patterns)
            elif isinstance(p, URLPattern):
                yield p.callback

    return list(walk(get_resolver().url_patterns))


def test_it_routes_no_password_reset_that_logs_the_user_in():
    """Should a reset flow be added, Django's post_reset_login must stay off: its login would
    be a password-only session anyway, but the user would not be asked for a code first."""
    resets = [
        v
        for v in every_view()
        if issubclass(getattr(v, "view_class", object), PasswordResetConfirmView)
    ]
    assert all(not v.view_initkwargs.get("post_reset_login") for v in resets)
    assert not PasswordResetConfirmView.post_reset_login


def test_it_asks_for_the_second_factor_after_an_administrator_set_a_new_password(
    client, owner, lead
):
    device = authenticator_for(owner)
    lead.is_staff = lead.is_superuser = True
    lead.save(update_fields=["is_staff", "is_superuser"])
    client.force_login(lead)
    response = client.post(
        reverse("admin:auth_user_password_change", args=[owner.pk]),
        {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD, "usable_password": "true"},
    )
    assert response.status_code == 302
    owner.refresh_from_db()
    assert owner.check_password(NEW_PASSWORD)

    browser = Client()
    response = browser.post(reverse("login"), {"username": "owner", "password": NEW_PASSWORD})
    assert response.status_code == 302
    assert browser.get(reverse("home")).url == f"{reverse('otp_verify')}?next=%2F"
    device.refresh_from_db()
    assert device.confirmed  # the authenticator survived the new password
