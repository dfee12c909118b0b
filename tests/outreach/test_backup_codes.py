"""The backup codes page in the user menu: a new set replaces the old one and is shown once. More
than a few minutes after the code step the page asks for the password or a current code first."""

import re
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticToken

from devdata.outreach import authenticator_for, current_code
from outreach.models import AccessLogEntry
from outreach.views import RECENT_VERIFICATION_SECONDS
from tests.conftest import PASSWORD, backup_code_of, log_in_fully

PAGE = reverse("backup_codes")
LATER = timedelta(seconds=RECENT_VERIFICATION_SECONDS + 1)
FIELD = 'name="secret"'


def new_codes(response):
    return re.findall(r"<li><code>([a-z2-7]{8})</code></li>", response.content.decode())


def stored_codes(user):
    return set(StaticToken.objects.filter(device__user=user).values_list("token", flat=True))


@pytest.fixture
def clock():
    with time_machine.travel(datetime(2026, 3, 2, 9, 0, tzinfo=UTC), tick=False) as traveller:
        yield traveller


@pytest.fixture
def browser(owner):
    browser = Client()
    log_in_fully(browser, owner)
    return browser


def test_it_is_in_the_user_menu(client, owner):
    client.force_login(owner)
    assert f'href="{PAGE}"' in client.get(reverse("home")).content.decode()


def test_it_says_how_many_unused_codes_are_left(client, owner):
    client.force_login(owner)
    html = client.get(PAGE).content.decode()
    assert "Je hebt nog 10 ongebruikte reservecodes." in html


def test_it_replaces_the_codes_and_the_old_ones_stop_working(browser, owner):
    old = backup_code_of(owner)
    assert FIELD not in browser.get(PAGE).content.decode()
    new = new_codes(browser.post(PAGE))
    assert len(new) == 10 and old not in new
    for code, status in ((new[0], 302), (old, 200)):
        other = Client()
        other.post(reverse("login"), {"username": "owner", "password": PASSWORD})
        assert other.post(reverse("otp_verify"), {"code": code}).status_code == status
    entry = AccessLogEntry.objects.get(request=f"POST {PAGE}")
    assert (entry.user, entry.action, entry.record_type) == (owner, "change", "outreach.user")
    assert not any(code in str(vars(entry)) for code in new)


def test_it_makes_codes_without_asking_within_the_minutes_after_the_code(clock, browser, owner):
    clock.shift(LATER - timedelta(seconds=2))
    assert len(new_codes(browser.post(PAGE))) == 10


def test_it_asks_for_the_password_first_when_the_code_step_is_longer_ago(clock, browser, owner):
    before = stored_codes(owner)
    clock.shift(LATER)
    html = browser.get(PAGE).content.decode()
    assert FIELD in html and 'autocomplete="current-password"' in html
    assert "Je wachtwoord of een code uit je authenticator-app" in html
    # The button alone (a page opened in time, posted late) makes nothing: it asks.
    response = browser.post(PAGE)
    assert new_codes(response) == [] and FIELD in response.content.decode()
    response = browser.post(PAGE, {"secret": "not-my-password-at-all"})
    assert new_codes(response) == []
    assert 'id="id_secret_error">Dit is niet je wachtwoord en ook geen geldige code.' in (
        response.content.decode()
    )
    assert stored_codes(owner) == before

    made = new_codes(browser.post(PAGE, {"secret": PASSWORD}))
    assert len(made) == 10 and set(made) == stored_codes(owner) != before
    # Asked again just now: the next set needs no second asking.
    assert len(new_codes(browser.post(PAGE))) == 10


def test_it_takes_a_current_code_from_the_app_instead_and_not_an_old_one(clock, browser, owner):
    app = authenticator_for(owner)
    old = current_code(app, steps_ahead=1)
    clock.shift(LATER)
    assert new_codes(browser.post(PAGE, {"secret": old})) == []
    clock.shift(timedelta(seconds=2))  # past the one-second wait after a wrong code
    assert len(new_codes(browser.post(PAGE, {"secret": current_code(app)}))) == 10


def test_it_locks_out_wrong_passwords_as_the_login_does(clock, browser, owner):
    clock.shift(LATER)
    for _ in range(settings.AXES_FAILURE_LIMIT):
        browser.post(PAGE, {"secret": "not-my-password-at-all"})
    before = stored_codes(owner)
    response = browser.post(PAGE, {"secret": PASSWORD})
    assert response.status_code == 429 and new_codes(response) == []
    assert stored_codes(owner) == before
    other = Client()
    response = other.post(reverse("login"), {"username": "owner", "password": PASSWORD})
    assert response.status_code == 429
