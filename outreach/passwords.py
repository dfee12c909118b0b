from django.contrib.auth.password_validation import MinimumLengthValidator
from django.utils.translation import gettext


class PassphraseLengthValidator(MinimumLengthValidator):
    """Django's length rule with our own wording: Django 5.2's Dutch catalogue lacks the new
    message, and a long passphrase is what we want people to choose (ASVS 2.1.1)."""

    def get_error_message(self):
        return gettext(
            "This password is too short: use at least %(min_length)d characters. A sentence of "
            "a few words works well."
        ) % {"min_length": self.min_length}

    def get_help_text(self):
        return gettext(
            "At least %(min_length)d characters; a sentence of a few words works well."
        ) % {"min_length": self.min_length}
