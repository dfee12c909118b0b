"""The year the team's year page shows, and the lead's target for a year."""

from django import forms
from django.utils.translation import gettext_lazy as _

from cases.models.targets import YEARLY_TARGET_MAX, YEARLY_TARGET_MESSAGE


class TeamYearForm(forms.Form):
    jaar = forms.TypedChoiceField(
        label=_("year"),
        coerce=int,
        error_messages={"invalid_choice": _("Choose a year from the list.")},
    )

    def __init__(self, *args, years, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["jaar"].choices = [(year, str(year)) for year in years]


class TeamYearTargetForm(forms.Form):
    """The number of cases to close in one year; empty takes the target away."""

    target = forms.IntegerField(
        label=_("cases to close in the year (target)"),
        required=False,
        min_value=1,
        max_value=YEARLY_TARGET_MAX,
        help_text=_("Leave empty for no target."),
        error_messages={
            "invalid": YEARLY_TARGET_MESSAGE,
            "min_value": YEARLY_TARGET_MESSAGE,
            "max_value": YEARLY_TARGET_MESSAGE,
        },
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
