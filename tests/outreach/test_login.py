import pytest
from django.test import Client
from django.urls import reverse

from tests.conftest import PASSWORD, backup_code_of
from tests.urlwalk import our_patterns, sample_path


def test_it_shows_a_dutch_login_page(client, db):
    response = client.get(reverse("login"))
    assert response.status_code == 200
    assert "Inloggen" in response.content.decode()


def test_it_logs_in_and_goes_home_through_the_second_step(owner):
    browser = Client()
    response = browser.post(reverse("login"), {"username": "owner", "password": PASSWORD})
    assert response.status_code == 302
    assert response.url == reverse("home")
    response = browser.get(reverse("home"))
    assert response.url == f"{reverse('otp_verify')}?next=%2F"
    response = browser.post(response.url, {"code": backup_code_of(owner)})
    assert response.url == reverse("home")
    assert browser.get(reverse("home")).status_code == 200


def test_it_rejects_a_wrong_password_in_dutch_and_keeps_the_username(client, owner):
    response = client.post(reverse("login"), {"username": "owner", "password": "wrong-one"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Voer een correcte gebruikersnaam en wachtwoord in" in html
    assert 'value="owner"' in html
    assert "_auth_user_id" not in client.session


# The calendar feed is fetched by a phone calendar without a session: its token is the key.
# The OpenID Connect sign-in starts before there is a user (tests/oidc).
PUBLIC = {
    "login",
    "set_language",
    "calendar_feed",
    "oidc_authentication_init",
    "oidc_authentication_callback",
}


@pytest.mark.parametrize(
    "name,converters", [p for p in our_patterns() if p[0] not in PUBLIC], ids=lambda v: str(v)
)
def test_it_requires_login_everywhere_but_the_login_page(client, db, name, converters):
    response = client.get(sample_path(name, converters))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_it_logs_out_with_a_post(client, owner):
    client.force_login(owner)
    response = client.post(reverse("logout"))
    assert response.status_code == 302
    assert client.get(reverse("home")).status_code == 302
