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
