"""Brute force: five wrong passwords for one username from one address lock that combination;
a colleague, or the same user from another address, can still log in."""

from django.test import Client, override_settings
from django.urls import reverse

from tests.conftest import PASSWORD


def attempt(user, password, ip="203.0.113.5", **meta):
    return Client(REMOTE_ADDR=ip, **meta).post(
        reverse("login"), {"username": user.username, "password": password}
    )


def test_it_locks_a_username_from_one_address_after_five_wrong_passwords(owner):
    for _ in range(4):
        assert attempt(owner, "wrong-password").status_code == 200
    locked = attempt(owner, "wrong-password")
    assert locked.status_code == 429
    assert "Te veel pogingen" in locked.content.decode()
    # Even the right password does not get in from there now.
    assert attempt(owner, PASSWORD).status_code == 429


def test_it_does_not_lock_before_the_fifth_wrong_password(owner):
    for _ in range(4):
        attempt(owner, "wrong-password")
    response = attempt(owner, PASSWORD)
    assert response.status_code == 302 and response.url == reverse("home")


def test_it_lets_the_same_user_in_from_another_address_and_a_colleague_from_the_same(
    owner, colleague
):
    for _ in range(5):
        attempt(owner, "wrong-password")
    assert attempt(owner, PASSWORD, ip="198.51.100.7").status_code == 302
    assert attempt(colleague, PASSWORD).status_code == 302


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_it_counts_the_clients_address_behind_the_reverse_proxy(owner):
    def through_proxy(ip, password):
        return attempt(owner, password, ip="10.0.0.2", HTTP_X_FORWARDED_FOR=ip)

    for _ in range(5):
        through_proxy("203.0.113.9", "wrong-password")
    assert through_proxy("203.0.113.9", PASSWORD).status_code == 429
    # Another client behind the same proxy is not locked out.
    assert through_proxy("192.0.2.44", PASSWORD).status_code == 302


def test_it_still_locks_out_with_the_second_step_in_place_and_lets_in_only_through_it(owner):
    """The password step keeps its lockout; a right password from elsewhere reaches only the
    second step."""
    for _ in range(5):
        attempt(owner, "wrong-password")
    assert attempt(owner, PASSWORD).status_code == 429
    browser = Client(REMOTE_ADDR="198.51.100.7")
    browser.post(reverse("login"), {"username": "owner", "password": PASSWORD})
    assert browser.get(reverse("home")).url.startswith(reverse("otp_verify"))
