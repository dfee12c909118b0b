"""Forms of the volunteer services: the team's catalogue, a request on a case, its status, and
matching a volunteer (the network app's view uses that one). They validate; the services in
cases.services.volunteers and network.services decide and write."""

from django import forms
from django.utils.translation import gettext_lazy as _

from cases.models import VolunteerRequest, VolunteerService
from outreach import clock
from outreach.forms import DateInput, VersionedForm

Status = VolunteerRequest.Status


class VolunteerServiceForm(forms.ModelForm):
    class Meta:
        model = VolunteerService
        fields = ["name", "description"]


class VolunteerServiceEditForm(VersionedForm, forms.ModelForm):
    class Meta(VolunteerServiceForm.Meta):
        fields = [*VolunteerServiceForm.Meta.fields, "active"]


class VolunteerRequestForm(forms.Form):
    service = forms.ModelChoiceField(
        label=_("volunteer service"), queryset=VolunteerService.objects.none()
    )
    requested_on = forms.DateField(label=_("requested on"), widget=DateInput())

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["service"].queryset = VolunteerService.objects.filter(
            team=case.team_id, active=True
        )
        self.fields["service"].label_from_instance = lambda s: (
            f"{s.name} – {s.description}" if s.description else s.name
        )
        self.initial.setdefault("requested_on", clock.today())


class VolunteerStatusForm(VersionedForm, forms.Form):
    """The waiting list or stopping; matching has a form of its own."""

    status = forms.ChoiceField(
        label=_("new status"),
        choices=[(Status.WAITING, Status.WAITING.label), (Status.STOPPED, Status.STOPPED.label)],
        widget=forms.RadioSelect,
    )
    on = forms.DateField(label=_("date"), widget=DateInput())
    reason = forms.CharField(label=_("reason (when it stops)"), required=False, max_length=300)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial.setdefault("on", clock.today())


class VolunteerMatchForm(VersionedForm, forms.Form):
    volunteer_name = forms.CharField(label=_("volunteer's name or alias"), max_length=80)
    on = forms.DateField(label=_("matched on"), widget=DateInput())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial.setdefault("on", clock.today())
