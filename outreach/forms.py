from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _


class LoginForm(AuthenticationForm):
    # Django's own Dutch catalogue leaves these untranslated.
    error_messages = {
        "invalid_login": _("Enter a correct username and password. Both are case-sensitive."),
        "inactive": _("This account is inactive."),
    }


class SecondFactorForm(forms.Form):
    code = forms.CharField(
        label=_("Code from your authenticator app or a backup code"),
        max_length=20,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "autofocus": True}),
    )


class TotpConfirmForm(forms.Form):
    code = forms.CharField(
        label=_("Code from your authenticator app"),
        max_length=20,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )


class ReverifyForm(forms.Form):
    secret = forms.CharField(
        label=_("Your password or a code from your authenticator app"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password", "autofocus": True}),
    )


class VersionedForm:
    """Mixin for a form that edits a record with a version (outreach.versioning): a hidden
    `expected_version` with the version the form was opened with, which the view passes to the
    update service. Give `version=` for a plain form; a model form takes its instance's."""

    def __init__(self, *args, version=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["expected_version"] = forms.IntegerField(
            widget=forms.HiddenInput, required=False, min_value=1
        )
        instance = getattr(self, "instance", None)
        if version is None and instance is not None and instance.pk:
            version = instance.version
        self.initial.setdefault("expected_version", version)
