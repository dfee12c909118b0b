"""Administrators can delete a user's second-factor devices (after a lost phone the user then
links a new app at the next login) but never see anyone's TOTP key or QR code."""

from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from devdata.outreach import authenticator_for
from tests.conftest import PASSWORD


def test_it_never_shows_a_users_totp_key_or_qr_code_in_the_admin(client, owner, lead):
    device = authenticator_for(owner)
    lead.is_staff = lead.is_superuser = True
    lead.save(update_fields=["is_staff", "is_superuser"])
    client.force_login(lead)
    change = client.get(reverse("admin:otp_totp_totpdevice_change", args=[device.pk]))
    assert change.status_code == 200
    assert device.key not in change.content.decode()
    for view in ("config", "qrcode"):
        url = reverse(f"admin:otp_totp_totpdevice_{view}", args=[device.pk])
        assert client.get(url).status_code == 403


def test_it_lets_a_user_whose_devices_were_deleted_link_a_new_app(owner):
    authenticator_for(owner)
    TOTPDevice.objects.filter(user=owner).delete()
    StaticDevice.objects.filter(user=owner).delete()
    browser = Client()
    browser.post(reverse("login"), {"username": "owner", "password": PASSWORD})
    assert browser.get(reverse("otp_verify")).url.startswith(reverse("otp_setup"))
