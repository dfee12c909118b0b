"""The year the team's year page shows."""

from django import forms
from django.utils.translation import gettext_lazy as _


class TeamYearForm(forms.Form):
    jaar = forms.TypedChoiceField(
        label=_("year"),
        coerce=int,
        error_messages={"invalid_choice": _("Choose a year from the list.")},
    )

    def __init__(self, *args, years, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["jaar"].choices = [(year, str(year)) for year in years]
