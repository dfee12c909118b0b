"""The backup codes page in the user menu: a new set replaces the old one and is shown once."""

import re

from django.test import Client
from django.urls import reverse

from outreach.models import AccessLogEntry
from tests.conftest import PASSWORD, backup_code_of

PAGE = reverse("backup_codes")


def test_it_is_in_the_user_menu(client, owner):
    client.force_login(owner)
    assert f'href="{PAGE}"' in client.get(reverse("home")).content.decode()


def test_it_says_how_many_unused_codes_are_left(client, owner):
    client.force_login(owner)
    html = client.get(PAGE).content.decode()
    assert "Je hebt nog 10 ongebruikte reservecodes." in html


def test_it_replaces_the_codes_and_the_old_ones_stop_working(client, owner):
    old = backup_code_of(owner)
    client.force_login(owner)
    html = client.post(PAGE).content.decode()
    new = re.findall(r"<li><code>([a-z2-7]{8})</code></li>", html)
    assert len(new) == 10 and old not in new
    for code, status in ((new[0], 302), (old, 200)):
        browser = Client()
        browser.post(reverse("login"), {"username": "owner", "password": PASSWORD})
        assert browser.post(reverse("otp_verify"), {"code": code}).status_code == status
    entry = AccessLogEntry.objects.get(request=f"POST {PAGE}")
    assert (entry.user, entry.action, entry.record_type) == (owner, "change", "outreach.user")
    assert not any(code in str(vars(entry)) for code in new)
