"""The case meetings' forms: plan a meeting, put a case on its agenda, record the meeting and a
case's discussion. They validate; cases.services.meetings decides and writes."""

from django import forms
from django.utils.translation import gettext_lazy as _

from cases.models import AgendaItem, Agreement, CaseMeeting, PartnerContact
from outreach.forms import DateInput
from outreach.models import User

# Decisions recorded with a case's discussion, one agreement each; more go on the case itself.
DECISION_ROWS = 3


class MeetingPlanForm(forms.ModelForm):
    class Meta:
        model = CaseMeeting
        fields = ["kind", "planned_on"]
        widgets = {"kind": forms.RadioSelect, "planned_on": DateInput()}


class MeetingChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.get_kind_display()}, {obj.planned_on:%d-%m-%Y}"


class AgendaItemForm(forms.Form):
    meeting = MeetingChoiceField(
        label=_("meeting"),
        queryset=CaseMeeting.objects.none(),
        required=False,
        empty_label=_("the team's next meeting"),
    )
    question = forms.CharField(
        label=_("question or reason"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What do you want to ask the meeting, or why should it discuss this case?"),
    )

    def __init__(self, *args, team, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["meeting"].queryset = CaseMeeting.objects.coming(team)


class WorkerMultipleChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.get_full_name() or obj.username


class ContactMultipleChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        role = f", {obj.role}" if obj.role else ""
        return f"{obj.name} ({obj.partner.name}{role})"


class MeetingRecordForm(forms.Form):
    held_on = forms.DateField(label=_("held on"), widget=DateInput())
    members = WorkerMultipleChoiceField(
        label=_("team members"),
        queryset=User.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )
    partner_contacts = ContactMultipleChoiceField(
        label=_("contact persons of partners"),
        queryset=PartnerContact.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("From the team's directory of partner organisations."),
    )
    client_present = forms.BooleanField(label=_("the client took part"), required=False)
    others = forms.CharField(
        label=_("others present"),
        max_length=300,
        required=False,
        help_text=_("By name, e.g. people from the client's network."),
    )
    notes = forms.CharField(
        label=_("notes on the meeting"),
        max_length=4000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("About the meeting as a whole; what concerns a case goes with that case."),
    )

    def __init__(self, *args, meeting, **kwargs):
        kwargs.setdefault("initial", {"held_on": meeting.planned_on})
        super().__init__(*args, **kwargs)
        self.fields["members"].queryset = User.objects.filter(
            memberships__team=meeting.team_id, is_active=True
        ).order_by("first_name", "last_name", "id")
        self.fields["partner_contacts"].queryset = (
            PartnerContact.objects.filter(
                partner__team=meeting.team_id, active=True, partner__active=True
            )
            .select_related("partner")
            .order_by("partner__name", "name", "id")
        )


class CaseDiscussionForm(forms.Form):
    consent = forms.ChoiceField(
        label=_("the client consented to share"),
        choices=AgendaItem.Consent.choices,
        widget=forms.RadioSelect,
        help_text=_(
            "Without consent the case is discussed anonymised: partners hear no name, and the "
            "meeting's page shows only the case reference."
        ),
    )
    consent_detail = forms.CharField(
        label=_("what may be shared, with whom"),
        max_length=500,
        required=False,
        help_text=_("Required when the client consented in part."),
    )
    conclusions = forms.CharField(
        label=_("conclusions"),
        max_length=4000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        responsible = [("", "—"), *Agreement.Responsible.choices]
        for number in range(1, DECISION_ROWS + 1):
            self.fields[f"decision_{number}"] = forms.CharField(
                label=_("decision %(number)s") % {"number": number},
                max_length=2000,
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
            )
            self.fields[f"decision_{number}_responsible"] = forms.ChoiceField(
                label=_("who does it (decision %(number)s)") % {"number": number},
                choices=responsible,
                required=False,
            )
            self.fields[f"decision_{number}_due"] = forms.DateField(
                label=_("by when (decision %(number)s)") % {"number": number},
                required=False,
                widget=DateInput(),
            )

    def clean(self):
        cleaned = super().clean()
        if (
            cleaned.get("consent") == AgendaItem.Consent.PARTLY
            and not cleaned.get("consent_detail", "").strip()
        ):
            self.add_error("consent_detail", _("Say what may be shared, and with whom."))
        decisions = []
        for number in range(1, DECISION_ROWS + 1):
            text = (cleaned.get(f"decision_{number}") or "").strip()
            who = cleaned.get(f"decision_{number}_responsible")
            due = cleaned.get(f"decision_{number}_due")
            if not text:
                if who or due:
                    self.add_error(f"decision_{number}", _("Say what was decided."))
                continue
            if not who:
                self.add_error(f"decision_{number}_responsible", _("Choose who does it."))
                continue
            decisions.append({"description": text, "responsible": who, "due_on": due})
        cleaned["decisions"] = decisions
        return cleaned
