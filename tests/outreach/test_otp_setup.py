"""First login without an authenticator: link one by QR code or key, confirm it with a code, see
ten backup codes once."""

import re

from django.test import Client
from django.urls import reverse
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from devdata.outreach import authenticator_for, current_code
from outreach.models import AccessLogEntry
from tests.conftest import PASSWORD

SETUP = reverse("otp_setup")


def password_only(user):
    browser = Client()
    browser.post(reverse("login"), {"username": user.username, "password": PASSWORD})
    return browser


def test_it_shows_the_qr_code_as_an_image_and_the_key_to_type(owner):
    browser = password_only(owner)
    html = browser.get(SETUP).content.decode()
    device = TOTPDevice.objects.get(user=owner, confirmed=False)
    key = re.search(r'class="otp-key"><code>([A-Z2-7 ]+)</code>', html).group(1)
    assert key.replace(" ", "") in device.config_url
    assert f'src="{reverse("otp_setup_qr")}"' in html
    qr = browser.get(reverse("otp_setup_qr"))
    assert qr["Content-Type"] == "image/svg+xml"
    assert qr.content.startswith(b"<svg") and b"<script" not in qr.content
    assert qr["Cache-Control"] == "no-store"
    # The same device until it is confirmed: reloading does not invalidate the scanned code.
    browser.get(SETUP)
    assert TOTPDevice.objects.filter(user=owner).count() == 1


def test_it_refuses_a_wrong_code_in_dutch(owner):
    browser = password_only(owner)
    browser.get(SETUP)
    html = browser.post(SETUP, {"code": "000000"}).content.decode()
    assert 'id="id_code_error">Deze code klopt niet.' in html
    assert not TOTPDevice.objects.filter(user=owner, confirmed=True).exists()
    assert browser.get(reverse("home")).status_code == 302


def test_it_confirms_the_device_and_shows_ten_backup_codes_once(owner):
    browser = password_only(owner)
    browser.get(SETUP)
    device = TOTPDevice.objects.get(user=owner)
    response = browser.post(SETUP, {"code": current_code(device), "next": "/signalen/"})
    html = response.content.decode()
    codes = re.findall(r"<li><code>([a-z2-7]{8})</code></li>", html)
    assert len(codes) == 10
    assert set(codes) == set(StaticToken.objects.values_list("token", flat=True))
    assert 'href="/signalen/"' in html
    device.refresh_from_db()
    assert device.confirmed
    assert browser.session[DEVICE_ID_SESSION_KEY] == device.persistent_id
    assert browser.get(reverse("home")).status_code == 200
    # Set up once: later the page sends to the second step, and the QR code is gone.
    assert browser.get(SETUP).url == reverse("otp_verify")
    assert browser.get(reverse("otp_setup_qr")).status_code == 404
    entry = AccessLogEntry.objects.get(record_type="otp_totp.totpdevice")
    assert (entry.user, entry.action, entry.record_id) == (owner, "create", str(device.pk))
    assert not any(code in entry.request for code in codes)


def test_it_offers_no_set_up_to_a_user_who_has_an_authenticator(owner):
    authenticator_for(owner)
    browser = password_only(owner)
    assert browser.get(SETUP).url == reverse("otp_verify")
    assert browser.post(SETUP, {"code": "000000"}).url == reverse("otp_verify")
    assert browser.get(reverse("otp_setup_qr")).status_code == 404
    assert TOTPDevice.objects.filter(user=owner).count() == 1
