"""The second step of logging in: a code from the authenticator app or a backup code."""

import re
from datetime import timedelta

from django.db.models import F
from django.test import Client
from django.urls import reverse
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from devdata.outreach import authenticator_for, current_code
from tests.conftest import PASSWORD, backup_code_of

STEP = reverse("otp_verify")


def password_only(user):
    browser = Client()
    browser.post(reverse("login"), {"username": user.username, "password": PASSWORD})
    return browser


def verify(browser, code, **extra):
    return browser.post(STEP, {"code": code, **extra})


def fresh_code(device):
    """The app's next code: the current one was used when the device was linked."""
    return current_code(device, steps_ahead=1)


def test_it_accepts_the_apps_code_and_goes_on_to_next(owner):
    device = authenticator_for(owner)
    browser = password_only(owner)
    response = verify(browser, fresh_code(device), next="/signalen/")
    assert response.url == "/signalen/"
    assert browser.session[DEVICE_ID_SESSION_KEY] == device.persistent_id
    assert browser.get("/signalen/").status_code == 200


def test_it_gives_the_session_a_new_key_at_each_step(owner):
    device = authenticator_for(owner)
    browser = Client()
    anonymous = browser.session.session_key  # an anonymous session, e.g. one holding a draft
    browser.post(reverse("login"), {"username": "owner", "password": PASSWORD})
    after_password = browser.cookies["sessionid"].value
    verify(browser, fresh_code(device))
    after_code = browser.cookies["sessionid"].value
    assert after_password != anonymous
    assert after_code != after_password


def test_it_refuses_a_wrong_code_in_dutch_next_to_the_field(owner):
    authenticator_for(owner)
    browser = password_only(owner)
    html = verify(browser, "000000").content.decode()
    assert 'id="id_code_error">Deze code klopt niet.' in html
    assert DEVICE_ID_SESSION_KEY not in browser.session
    assert browser.get(reverse("home")).status_code == 302


def test_it_refuses_a_code_that_was_used_before(owner):
    device = authenticator_for(owner)
    code = fresh_code(device)
    first = password_only(owner)
    assert verify(first, code).status_code == 302
    second = password_only(owner)
    response = verify(second, code)
    assert response.status_code == 200
    assert "Deze code klopt niet." in response.content.decode()
    assert DEVICE_ID_SESSION_KEY not in second.session


def test_it_throttles_wrong_codes_and_refuses_even_the_right_one_meanwhile(owner, settings):
    # Half a minute per wrong code (instead of one second), so a slow test run stays inside it.
    settings.OTP_TOTP_THROTTLE_FACTOR = 30
    device = authenticator_for(owner)
    browser = password_only(owner)
    assert "Deze code klopt niet." in verify(browser, "000000").content.decode()
    verify(browser, "111111")  # within the wait: not even checked
    response = verify(browser, fresh_code(device))
    assert response.status_code == 200
    assert re.search(
        r"Te veel onjuiste codes; probeer het over (29|30) seconden opnieuw\.",
        response.content.decode(),
    )
    assert DEVICE_ID_SESSION_KEY not in browser.session
    device.refresh_from_db()
    assert device.throttling_failure_count == 1
    # A backup code is refused as well while throttled.
    assert "Te veel onjuiste codes" in verify(browser, backup_code_of(owner)).content.decode()

    def wait(seconds):
        TOTPDevice.objects.filter(pk=device.pk).update(
            throttling_failure_timestamp=F("throttling_failure_timestamp")
            - timedelta(seconds=seconds)
        )

    # Each wrong code after the wait doubles it.
    wait(31)
    verify(browser, "222222")
    assert re.search(r"over (59|60) seconden", verify(browser, "333333").content.decode())
    # Once the wait is over, the right code gets in.
    wait(61)
    assert verify(browser, fresh_code(device)).status_code == 302


def test_it_accepts_a_backup_code_once(owner):
    code = backup_code_of(owner)
    browser = password_only(owner)
    assert verify(browser, f" {code.upper()} ").status_code == 302
    assert StaticDevice.objects.get(user=owner).token_set.count() == 9
    again = password_only(owner)
    assert "Deze code klopt niet." in verify(again, code).content.decode()


def test_it_never_redirects_off_site(owner):
    device = authenticator_for(owner)
    response = verify(password_only(owner), fresh_code(device), next="https://evil.example/")
    assert response.url == reverse("home")


def test_it_sends_a_user_without_an_authenticator_to_set_one_up(owner):
    response = password_only(owner).get(f"{STEP}?next=/signalen/")
    assert response.url == f"{reverse('otp_setup')}?next=%2Fsignalen%2F"
