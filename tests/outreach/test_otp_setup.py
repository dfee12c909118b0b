"""First login without an authenticator: link one by QR code or key, confirm it with a code, see
ten backup codes once. The secret being set up belongs to one session: every visit makes a new
one, no other session of the same user (someone else who has the password) ever sees it or can
confirm it, and confirming changes nothing another session saw."""

import re
from base64 import b32decode

import qrcode
from django.test import Client
from django.urls import reverse
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from qrcode.image.svg import SvgPathImage

from devdata.outreach import authenticator_for, current_code
from outreach.models import AccessLogEntry
from outreach.services import totp_device_confirm, totp_device_start
from tests.conftest import PASSWORD

SETUP = reverse("otp_setup")
QR = reverse("otp_setup_qr")


def password_only(user):
    browser = Client()
    browser.post(reverse("login"), {"username": user.username, "password": PASSWORD})
    return browser


def shown_key(response):
    """The key the set-up page shows to type into the app (base32, in groups of four)."""
    html = response.content.decode()
    return re.search(r'class="otp-key"><code>([A-Z2-7 ]+)</code>', html).group(1).replace(" ", "")


def app_with(key, user=None):
    """The authenticator app after the key was typed in: it shows the codes for that secret."""
    return TOTPDevice(user=user, key=b32decode(key).hex())


def qr_for(key, user):
    app = app_with(key, user)
    return qrcode.make(app.config_url, image_factory=SvgPathImage, box_size=10).to_string()


def test_it_shows_the_qr_code_as_an_image_and_the_key_to_type(owner):
    browser = password_only(owner)
    response = browser.get(SETUP)
    key = shown_key(response)
    assert len(key) == 32
    assert f'src="{QR}"' in response.content.decode()
    qr = browser.get(QR)
    assert qr["Content-Type"] == "image/svg+xml"
    assert qr.content == qr_for(key, owner)
    assert qr.content.startswith(b"<svg") and b"<script" not in qr.content
    assert qr["Cache-Control"] == "no-store"
    # Nothing is stored until the app's code confirms it.
    assert not TOTPDevice.objects.filter(user=owner).exists()


def test_it_shows_each_session_and_each_visit_a_secret_no_other_has_seen(owner):
    first, second = password_only(owner), password_only(owner)
    first_key = shown_key(first.get(SETUP))
    second_key = shown_key(second.get(SETUP))
    assert first_key != second_key
    # Each session's QR code holds its own secret.
    assert first.get(QR).content == qr_for(first_key, owner)
    assert second.get(QR).content == qr_for(second_key, owner)
    # A new visit is a new secret, and the one shown before no longer confirms.
    again = shown_key(first.get(SETUP))
    assert again not in {first_key, second_key}
    assert first.get(QR).content == qr_for(again, owner)
    response = first.post(SETUP, {"code": current_code(app_with(first_key))})
    assert "Deze code klopt niet." in response.content.decode()
    assert not TOTPDevice.objects.filter(user=owner).exists()


def test_it_opens_no_qr_code_to_a_session_that_did_not_start_set_up(owner):
    browser = password_only(owner)
    assert browser.get(QR).status_code == 404


def test_it_confirms_only_from_the_session_whose_secret_the_code_is_from(owner):
    first, second = password_only(owner), password_only(owner)
    first_key = shown_key(first.get(SETUP))
    second_key = shown_key(second.get(SETUP))

    # The second session, typing a code of the first one's secret, links nothing.
    response = second.post(SETUP, {"code": current_code(app_with(first_key))})
    assert "Deze code klopt niet." in response.content.decode()
    assert not TOTPDevice.objects.filter(user=owner).exists()

    assert first.post(SETUP, {"code": current_code(app_with(first_key))}).status_code == 200
    device = TOTPDevice.objects.get(user=owner)
    assert device.confirmed and device.key == b32decode(first_key).hex()

    # The confirmed secret is the one the first session saw, and it works at the next login.
    third = password_only(owner)
    code = current_code(app_with(first_key), steps_ahead=1)
    assert third.post(reverse("otp_verify"), {"code": code}).status_code == 302
    # The second session's own secret links nothing, and logs nobody in.
    response = second.post(SETUP, {"code": current_code(app_with(second_key))})
    assert response.url == reverse("otp_verify")
    code = current_code(app_with(second_key), steps_ahead=1)
    assert second.post(reverse("otp_verify"), {"code": code}).status_code == 200
    assert second.get(reverse("home")).status_code == 302
    assert list(TOTPDevice.objects.filter(user=owner)) == [device]


def test_it_refuses_a_wrong_code_in_dutch(owner):
    browser = password_only(owner)
    key = shown_key(browser.get(SETUP))
    response = browser.post(SETUP, {"code": "000000"})
    assert 'id="id_code_error">Deze code klopt niet.' in response.content.decode()
    # The same secret stays on the page: the app has it already.
    assert shown_key(response) == key
    assert not TOTPDevice.objects.filter(user=owner, confirmed=True).exists()
    assert browser.get(reverse("home")).status_code == 302


def test_it_confirms_the_device_and_shows_ten_backup_codes_once(owner):
    browser = password_only(owner)
    app = app_with(shown_key(browser.get(SETUP)))
    # One code for both posts: asked for twice, the second could fall in the next 30-second step,
    # a code the app has not used yet.
    confirming_code = current_code(app)
    response = browser.post(SETUP, {"code": confirming_code, "next": "/signalen/"})
    html = response.content.decode()
    codes = re.findall(r"<li><code>([a-z2-7]{8})</code></li>", html)
    assert len(codes) == 10
    assert set(codes) == set(StaticToken.objects.values_list("token", flat=True))
    assert 'href="/signalen/"' in html
    device = TOTPDevice.objects.get(user=owner)
    assert device.confirmed and device.key == app.key
    assert browser.session[DEVICE_ID_SESSION_KEY] == device.persistent_id
    assert browser.get(reverse("home")).status_code == 200
    # The code that confirmed the app does not work again at the next login.
    other = password_only(owner)
    assert other.post(reverse("otp_verify"), {"code": confirming_code}).status_code == 200
    # Set up once: later the page sends to the second step, and the QR code is gone.
    assert browser.get(SETUP).url == reverse("otp_verify")
    assert browser.get(QR).status_code == 404
    entry = AccessLogEntry.objects.get(record_type="otp_totp.totpdevice")
    assert (entry.user, entry.action, entry.record_id) == (owner, "create", str(device.pk))
    assert not any(code in entry.request for code in codes)


def test_it_offers_no_set_up_to_a_user_who_has_an_authenticator(owner):
    authenticator_for(owner)
    browser = password_only(owner)
    assert browser.get(SETUP).url == reverse("otp_verify")
    assert browser.post(SETUP, {"code": "000000"}).url == reverse("otp_verify")
    assert browser.get(QR).status_code == 404
    assert TOTPDevice.objects.filter(user=owner).count() == 1


def test_it_keeps_the_linked_app_when_another_session_confirms_just_after(owner):
    # Both sessions passed the page's check before either confirmed: the service decides.
    first, second = (totp_device_start(acting_user=owner, user=owner) for _ in range(2))
    linked, codes = totp_device_confirm(
        acting_user=owner, user=owner, key=first.key, code=current_code(first)
    )
    late, late_codes = totp_device_confirm(
        acting_user=owner, user=owner, key=second.key, code=current_code(second)
    )
    assert linked.device is not None and late.device is None and late_codes == []
    assert list(TOTPDevice.objects.filter(user=owner).values_list("key", flat=True)) == [first.key]
    assert set(StaticToken.objects.values_list("token", flat=True)) == set(codes)
