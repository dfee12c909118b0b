from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils.translation import gettext_lazy as _

VERSION_MISSING = _(
    "This form is out of date: it does not say which version you opened, so nothing has been "
    "saved, lest it overwrite a colleague's work. Open the form again and enter your changes "
    "there; what you typed is still on this page."
)


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
    update service. Give `version=` for a plain form; a model form takes its instance's.

    The version is required: a post without it (a page from before versions, a hand-made
    request) cannot tell whether someone else saved in between, so it is refused with a message
    at the top of the form and the typed text kept; the service never sees it."""

    def __init__(self, *args, version=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["expected_version"] = forms.IntegerField(
            widget=forms.HiddenInput, required=False, min_value=1
        )
        instance = getattr(self, "instance", None)
        if version is None and instance is not None and instance.pk:
            version = instance.version
        self.initial.setdefault("expected_version", version)

    def clean(self):
        cleaned = super().clean()
        # Missing, empty or garbled all leave no version; a hidden field's own error would show
        # nowhere, so the form says it above the fields.
        if cleaned.get("expected_version") is None:
            self.add_error(None, ValidationError(VERSION_MISSING, code="version_missing"))
        return cleaned

    @property
    def version_missing(self):
        """Whether the post was refused for want of a version, for a view that answers it with a
        message of its own (the agreement toggle)."""
        return self.has_error(NON_FIELD_ERRORS, "version_missing")


class DateInput(forms.DateInput):
    """The phone's own date picker; it shows dd-mm-jjjj in a Dutch browser and posts ISO."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%dT%H:%M")


def apply_service_errors(form, error):
    """Show a service's ValidationError next to the fields it names (None: above the form)."""
    for field, messages in error.message_dict.items():
        target = field if field in form.fields else None
        if field == "__all__":
            target = None
        for message in messages:
            form.add_error(target, message)


class PeriodForm(forms.Form):
    start = forms.DateField(label=_("closed from"), widget=DateInput())
    end = forms.DateField(label=_("up to and including"), widget=DateInput())

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("start") and cleaned.get("end") and cleaned["start"] > cleaned["end"]:
            raise ValidationError(_("The start of the period lies after its end."))
        return cleaned
