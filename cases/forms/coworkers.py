"""The people on a case: adding a co-worker for a period (cases.services.coworker_add)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from cases.forms import WorkerChoiceField, chips
from cases.models import CaseCoworker
from outreach import clock
from outreach.forms import DateInput


class CoworkerForm(forms.Form):
    """A worker of the case's team (not its own worker), a role and a period. The service
    checks the dates and that they are not on the case already then."""

    user = WorkerChoiceField(label=_("worker"), queryset=None)
    role = forms.ChoiceField(label=_("role"), choices=CaseCoworker.Role.choices, widget=chips())
    starts_on = forms.DateField(label=_("from"), widget=DateInput())
    ends_on = forms.DateField(
        label=_("until"),
        required=False,
        widget=DateInput(),
        help_text=_("Required for cover; for a second worker or intern leave it empty if open."),
    )

    def __init__(self, *args, case, **kwargs):
        kwargs.setdefault("initial", {"starts_on": clock.today(), "role": "cover"})
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = (
            case.team.members.filter(is_active=True)
            .exclude(pk=case.assigned_worker_id)
            .order_by("first_name", "last_name")
        )
