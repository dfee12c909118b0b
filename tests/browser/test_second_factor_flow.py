"""First login: link an authenticator app, see the backup codes once; later log in with a backup
code, which then no longer works. New backup codes after being asked for the password again. On a
phone-sized screen, with axe checks."""

import time
from base64 import b32decode

from django.conf import settings
from django.contrib.sessions.backends.db import SessionStore
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from devdata.outreach import current_code
from outreach.views import RECENT_VERIFICATION_SECONDS, SESSION_VERIFIED_AT
from tests.browser.conftest import assert_accessible
from tests.conftest import PASSWORD

CODE_LABEL = "Code uit je authenticator-app of een reservecode"


def password_step(page, user):
    page.goto("/login/")
    page.get_by_label("Gebruikersnaam").fill(user.username)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()


def test_it_links_an_authenticator_and_then_accepts_a_backup_code_once(page, owner):
    password_step(page, owner)
    page.get_by_role("heading", name="Inloggen in twee stappen instellen").wait_for()
    qr = page.get_by_role("img", name="QR-code om te scannen met je authenticator-app")
    qr.wait_for()
    # No wait_for_function: the strict CSP forbids evaluating a string while it polls.
    expect(qr).to_have_js_property("complete", True)
    assert qr.evaluate("img => img.naturalWidth") > 0
    key = page.locator(".otp-key code").inner_text().replace(" ", "")
    assert key and len(key) == 32
    app = TOTPDevice(key=b32decode(key).hex())  # the app, once the key is typed into it
    assert not TOTPDevice.objects.filter(user=owner).exists()
    assert_accessible(page)
    wrong = "123456" if current_code(app) != "123456" else "654321"
    page.get_by_label("Code uit je authenticator-app").fill(wrong)
    page.get_by_role("button", name="Bevestigen").click()
    page.get_by_text("Deze code klopt niet").wait_for()
    page.get_by_label("Code uit je authenticator-app").fill(current_code(app))
    page.get_by_role("button", name="Bevestigen").click()
    page.get_by_role("heading", name="Je reservecodes").wait_for()
    codes = page.locator(".backup-codes code").all_inner_texts()
    assert len(codes) == 10
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert_accessible(page)
    page.get_by_role("button", name="Verder").click()
    page.get_by_role("heading", name="Mijn casussen").wait_for()
    page.get_by_role("button", name="Uitloggen").click()

    password_step(page, owner)
    page.get_by_label(CODE_LABEL).fill(codes[0])
    page.get_by_role("button", name="Controleren").click()
    page.get_by_role("heading", name="Mijn casussen").wait_for()
    page.get_by_role("button", name="Uitloggen").click()

    password_step(page, owner)
    page.get_by_label(CODE_LABEL).fill(codes[0])
    page.get_by_role("button", name="Controleren").click()
    page.get_by_text("Deze code klopt niet").wait_for()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390


def test_it_makes_new_backup_codes_from_the_user_menu_after_asking_again(login_as, owner):
    page = login_as(owner)
    # The code step was longer ago than the page allows without asking.
    cookie = next(c for c in page.context.cookies() if c["name"] == settings.SESSION_COOKIE_NAME)
    session = SessionStore(session_key=cookie["value"])
    session[SESSION_VERIFIED_AT] = time.time() - RECENT_VERIFICATION_SECONDS - 1
    session.save()
    page.get_by_role("link", name="Reservecodes").click()
    page.get_by_text("Je hebt nog 9 ongebruikte reservecodes.").wait_for()
    secret = page.get_by_label("Je wachtwoord of een code uit je authenticator-app")
    assert_accessible(page)
    secret.fill("not-my-password-at-all")
    page.get_by_role("button", name="Nieuwe reservecodes maken").click()
    page.get_by_text("Dit is niet je wachtwoord en ook geen geldige code.").wait_for()
    assert_accessible(page)
    secret.fill(PASSWORD)
    page.get_by_role("button", name="Nieuwe reservecodes maken").click()
    page.get_by_role("heading", name="Je reservecodes").wait_for()
    assert page.locator(".backup-codes code").count() == 10
