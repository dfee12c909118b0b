"""Driving a sign-in through the real test provider (tests/oidc/conftest.py starts it)."""

from urllib.parse import urlsplit

import requests
from django.contrib.auth import get_user
from django.urls import reverse

ORIGIN = "http://testserver"


def account(*, email="", groups=(), given_name="Sam", family_name="Visser", username=""):
    return {
        "email": email,
        "email_verified": True,
        "given_name": given_name,
        "family_name": family_name,
        "preferred_username": username,
        "groups": list(groups),
    }


class ProviderBrowser:
    """The user's browser on the provider's side: its own cookies (the provider's session)."""

    def __init__(self):
        self.session = requests.Session()

    def to_callback(self, url, *, login=None, mfa=False):
        """Follow the provider from `url` until it sends the browser back to Outreach, logging
        in as `login` where it asks. Returns the URL it sends the browser to."""
        for _ in range(10):
            response = self.session.get(url, allow_redirects=False, timeout=10)
            if response.status_code == 200 and "/interaction/" in url:
                assert login is not None, "the provider asked for a login"
                response = self.session.post(
                    url,
                    data={"login": login, "mfa": "yes" if mfa else "no"},
                    allow_redirects=False,
                    timeout=10,
                )
            assert response.is_redirect, (response.status_code, response.text[:500])
            url = requests.compat.urljoin(url, response.headers["Location"])
            if urlsplit(url).netloc == "testserver":
                return url
        raise AssertionError("the provider never sent the browser back")

    def prompt(self, url):
        """The prompt the provider shows at an authorization URL (login when no session)."""
        response = self.session.get(url, timeout=10)
        return response.text.split('id="prompt">', 1)[1].split("<", 1)[0]


def sign_in(client, browser, sub, *, mfa=False):
    """Outreach's login button through to its callback; returns the callback's response."""
    start = client.get(reverse("oidc_authentication_init"))
    assert start.status_code == 302
    callback = browser.to_callback(start["Location"], login=sub, mfa=mfa)
    return client.get(callback)


def signed_in_user(client):
    return get_user(client)
