"""Passwords (ASVS V2.1): at least 12 characters, no composition rules, common passwords refused,
long passphrases allowed, with Dutch messages."""

import pytest
from django.contrib.auth.forms import SetPasswordForm
from django.utils import translation

from outreach.models import User


@pytest.fixture
def user(db):
    return User.objects.create_user(username="wietske", first_name="Wietske", last_name="Bakker")


def errors_for(user, password):
    form = SetPasswordForm(user, {"new_password1": password, "new_password2": password})
    with translation.override("nl"):
        return list(form.errors.get("new_password2", []))


def test_it_refuses_eleven_characters_in_dutch(user):
    assert any("minstens 12 tekens" in e for e in errors_for(user, "bloemkool-7"))


@pytest.mark.parametrize(
    "password",
    [
        "bloemkoolsoep",  # twelve plus lower-case letters only: no composition rules
        "het paard eet graag wortels bij de molen",
        "x" * 3 + "lang wachtwoord " * 60,  # about a thousand characters
        "ëén kopje thee 🫖 graag",
    ],
)
def test_it_accepts_long_passphrases_without_composition_rules(user, password):
    assert errors_for(user, password) == []


def test_it_refuses_a_common_password(user):
    assert "Dit wachtwoord is te algemeen." in errors_for(user, "password1234")


def test_it_refuses_a_password_like_the_users_name(user):
    assert errors_for(user, "wietskebakker") != []


def test_it_refuses_a_numbers_only_password(user):
    assert errors_for(user, "830219467512") != []
