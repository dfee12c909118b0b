"""Forms validate and clean input; the services decide and write. No form saves anything."""

import re
from datetime import date, timedelta

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from cases import meldcode
from cases.attention import policy_for
from cases.forms.phrases import attach_phrases
from cases.models import (
    POLICY_DAYS_MAX,
    POLICY_DAYS_MIN,
    Agreement,
    Case,
    Client,
    ContactAttempt,
    ContactMoment,
    HouseholdMember,
    MeldcodeTerms,
    PartnerContact,
    PartnerOrganisation,
    PlannedVisit,
    PriorInformation,
    SensitiveDetail,
    Signal,
    SignalFeedback,
    TeamPolicy,
)
from cases.phases import MINIMAL_CONTACT_CHECKIN_DAYS
from cases.selectors import normalise_postcode
from outreach import clock
from outreach.access_log import ACTION_WORDS
from outreach.forms import DateInput, DateTimeInput, VersionedForm
from outreach.inspection import ThirdParties, Wanted
from outreach.models import Team, User


def now_to_the_minute():
    return timezone.localtime().replace(second=0, microsecond=0)


class SignalForm(forms.ModelForm):
    concerns = forms.MultipleChoiceField(
        label=_("concerns"),
        choices=Signal.Concern.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = Signal
        fields = [
            "received_on",
            "source",
            "reporter_name",
            "reporter_partner",
            "reporter_organisation",
            "reporter_contact",
            "subject_name",
            "subject_address",
            "subject_postcode",
            "subject_date_of_birth",
            "observed",
            "concerns",
            "urgency",
        ]
        widgets = {
            "received_on": DateInput(),
            "subject_date_of_birth": DateInput(),
            "observed": forms.Textarea(attrs={"rows": 4}),
            "urgency": forms.RadioSelect,
        }
        labels = {"reporter_organisation": _("or another organisation (one-off)")}

    def __init__(self, *args, team, **kwargs):
        super().__init__(*args, **kwargs)
        directory_choice(self.fields["reporter_partner"], team)
        self.fields["reporter_partner"].label = _("reporter's organisation (directory)")

    def clean_received_on(self):
        received_on = self.cleaned_data["received_on"]
        if received_on > timezone.localdate():
            raise ValidationError(_("The date cannot lie in the future."))
        return received_on

    def clean_subject_postcode(self):
        return clean_postcode(self.cleaned_data["subject_postcode"])

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("subject_name") and not cleaned.get("subject_address"):
            self.add_error("subject_name", _("Give a name or an address of the person concerned."))
        return cleaned


def clean_postcode(value):
    if not value:
        return ""
    postcode = normalise_postcode(value)
    if not re.fullmatch(r"\d{4} [A-Z]{2}", postcode):
        raise ValidationError(_("Enter a Dutch postcode such as 3071 AB."))
    return postcode


class SignalDeclineForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("reason"), choices=Signal.DeclineReason.choices, widget=forms.RadioSelect
    )
    note = forms.CharField(
        label=_("explanation"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class SignalFeedbackForm(forms.ModelForm):
    class Meta:
        model = SignalFeedback
        fields = ["given_on", "shared", "client_consented"]
        widgets = {
            "given_on": DateInput(),
            "shared": forms.Textarea(attrs={"rows": 3}),
            "client_consented": forms.RadioSelect,
        }


class WorkerChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return str(obj)


class AssignForm(forms.Form):
    """Who will work the case; only active members of the team can be chosen."""

    assigned_worker = WorkerChoiceField(label=_("worker"), queryset=None)

    def __init__(self, *args, team, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assigned_worker"].queryset = team.members.filter(is_active=True).order_by(
            "first_name", "last_name"
        )


class ExistingClientForm(AssignForm):
    """Link a signal to one of the team's clients; another team's client id is not a choice."""

    client = forms.ModelChoiceField(label=_("client"), queryset=None, widget=forms.RadioSelect)

    def __init__(self, *args, team, **kwargs):
        super().__init__(*args, team=team, **kwargs)
        self.fields["client"].queryset = Client.objects.filter(team=team)


class ClientForm(forms.ModelForm):
    class Meta:
        model = Client
        fields = [
            "first_name",
            "last_name",
            "date_of_birth",
            "street_address",
            "postcode",
            "city",
            "neighbourhood",
            "phone",
            "language",
            "interpreter_needed",
            "household_notes",
        ]
        widgets = {
            "date_of_birth": DateInput(),
            "household_notes": forms.Textarea(attrs={"rows": 2}),
            "phone": forms.TextInput(attrs={"type": "tel", "autocomplete": "off"}),
        }

    def clean_postcode(self):
        return clean_postcode(self.cleaned_data["postcode"])

    def clean_date_of_birth(self):
        born = self.cleaned_data["date_of_birth"]
        if born and born > timezone.localdate():
            raise ValidationError(_("The date of birth cannot lie in the future."))
        return born


class ClientEditForm(VersionedForm, ClientForm):
    pass


class HouseholdMemberForm(forms.ModelForm):
    class Meta:
        model = HouseholdMember
        fields = ["name", "relation", "date_of_birth"]
        widgets = {"date_of_birth": DateInput()}


HouseholdFormSet = forms.formset_factory(
    HouseholdMemberForm, extra=2, can_delete=True, max_num=20, validate_max=True
)


def household_from(formset):
    return [
        {k: v for k, v in form.cleaned_data.items() if k != "DELETE"}
        for form in formset.forms
        if form.cleaned_data and not form.cleaned_data.get("DELETE")
    ]


class ClientSearchForm(forms.Form):
    name = forms.CharField(label=_("name"), required=False, max_length=100)
    date_of_birth = forms.DateField(label=_("date of birth"), required=False, widget=DateInput())
    address = forms.CharField(label=_("address or postcode"), required=False, max_length=200)

    def clean(self):
        cleaned = super().clean()
        if not any(cleaned.get(f) for f in ("name", "date_of_birth", "address")):
            raise ValidationError(_("Fill in at least one of name, date of birth or address."))
        return cleaned


class TransitionForm(forms.Form):
    """The fields a phase move asks for (cases.phases.Move.fields); the service decides."""

    reason = forms.CharField(
        label=_("reason"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    referral_partner = forms.ModelChoiceField(
        label=_("organisation (from the directory)"),
        queryset=PartnerOrganisation.objects.none(),
        required=False,
    )
    referral_contact = forms.ModelChoiceField(
        label=_("contact person"), queryset=PartnerContact.objects.none(), required=False
    )
    referred_to = forms.CharField(
        label=_("or another organisation (one-off)"), required=False, max_length=200
    )
    referral_consent = forms.CharField(
        label=_("what the client agreed to"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    handover_on = forms.DateField(
        label=_("date of the warm handover (together with the client)"),
        required=False,
        widget=DateInput(),
    )
    follow_up_on = forms.DateField(label=_("planned check-in"), required=False, widget=DateInput())
    arrival_confirmed_on = forms.DateField(
        label=_("date the client arrived"), required=False, widget=DateInput()
    )
    referral_check_on = forms.DateField(
        label=_("check how it goes on"), required=False, widget=DateInput()
    )
    contract_agreed_on = forms.DateField(
        label=_("date the contract was agreed"), required=False, widget=DateInput()
    )
    nazorg_until = forms.DateField(label=_("aftercare until"), required=False, widget=DateInput())
    no_zrm_reason = forms.CharField(
        label=_("why no ZRM was taken"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    note = forms.CharField(
        label=_("note"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, move, case, **kwargs):
        super().__init__(*args, **kwargs)
        for name in list(self.fields):
            if name not in move.fields:
                del self.fields[name]
            elif name in move.required:
                self.fields[name].required = True
        if "referral_partner" in self.fields:
            self.fields["referral_partner"].queryset = PartnerOrganisation.objects.filter(
                team=case.team_id, active=True
            )
            contact = self.fields["referral_contact"]
            contact.queryset = PartnerContact.objects.filter(
                partner__team=case.team_id, partner__active=True, active=True
            ).select_related("partner")
            contact.label_from_instance = lambda c: f"{c.partner} – {c}"
        if not self.is_bound:
            today = timezone.localdate()
            for name in ("contract_agreed_on", "handover_on", "arrival_confirmed_on"):
                if name in self.fields:
                    self.initial[name] = today
            if "follow_up_on" in self.fields:
                self.initial["follow_up_on"] = today + timedelta(days=MINIMAL_CONTACT_CHECKIN_DAYS)
            if "referral_check_on" in self.fields:
                days = policy_for(case.team).referral_check_days
                self.initial["referral_check_on"] = today + timedelta(days=days)


class PrephaseForm(VersionedForm, forms.ModelForm):
    class Meta:
        model = Case
        fields = [
            "prior_info_decision",
            "prior_info_reason",
            "prior_info_basis",
            "suitability_analysis",
            "approach_plan",
        ]
        widgets = {
            "prior_info_decision": forms.RadioSelect,
            "prior_info_reason": forms.Textarea(attrs={"rows": 2}),
            "prior_info_basis": forms.Textarea(attrs={"rows": 2}),
            "suitability_analysis": forms.Textarea(attrs={"rows": 4}),
            "approach_plan": forms.Textarea(attrs={"rows": 4}),
        }


class PriorInformationForm(forms.ModelForm):
    class Meta:
        model = PriorInformation
        fields = ["gathered_on", "source", "content", "without_client_knowledge"]
        widgets = {"gathered_on": DateInput(), "content": forms.Textarea(attrs={"rows": 4})}


class SensitiveDetailForm(forms.ModelForm):
    class Meta:
        model = SensitiveDetail
        fields = ["kind", "recorded_on", "content"]
        widgets = {
            "kind": forms.RadioSelect,
            "recorded_on": DateInput(),
            "content": forms.Textarea(attrs={"rows": 4}),
        }


class AttemptForm(forms.ModelForm):
    class Meta:
        model = ContactAttempt
        fields = [
            "attempted_at",
            "method",
            "result",
            "note",
            "observations",
            "urgent_needs",
            "client_problem",
        ]
        widgets = {
            "attempted_at": DateTimeInput(),
            "method": forms.RadioSelect,
            "result": forms.RadioSelect,
            "note": forms.Textarea(attrs={"rows": 2}),
            "observations": forms.Textarea(attrs={"rows": 3}),
            "urgent_needs": forms.Textarea(attrs={"rows": 2}),
            "client_problem": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attempted_at"].initial = now_to_the_minute


# One tap each on a phone: the durations and follow-ups a visit usually has. A duration in
# between is rounded to the nearest; a follow-up on another day is typed as a date.
CONTACT_DURATIONS = (10, 15, 30, 45, 60, 90, 120)
FOLLOW_UP_WEEKS = (1, 2, 4)
NEXT_MONTH = "month"
# The note's counter shows from this share of its limit (static/js/counter.js).
COUNTER_FROM = 0.8
AGREEMENT_FIELD = "agreement_"


def directory_choice(field, team):
    """A pick from the team's directory: its organisations still in use, by name. Another
    team's entry is not among the choices, so a post of its id is refused by the field."""
    field.queryset = PartnerOrganisation.objects.filter(team=team, active=True)
    field.label = _("organisation (from the directory)")
    field.empty_label = _("— not in the directory —")


def chips(widget_class=forms.RadioSelect):
    """A choice shown as a row of large tap targets (app.css `.chip`)."""
    return widget_class(attrs={"class": "chip"})


def in_a_month(today):
    month = today.month % 12 + 1
    year = today.year + (today.month == 12)
    last_day = (date(year + (month == 12), month % 12 + 1, 1) - timedelta(days=1)).day
    return date(year, month, min(today.day, last_day))


class ContactForm(forms.ModelForm):
    """Laid out for a phone: the usual choices are one tap each, the time is now unless
    changed, and the case's open agreements are checked off one tap each
    (`agreement_<id>`, gathered into `agreement_outcomes`)."""

    kind = forms.ChoiceField(
        label=_("type"),
        choices=ContactMoment.Kind.choices,
        initial=ContactMoment.Kind.HOME_VISIT,
        widget=chips(),
    )
    duration_minutes = forms.TypedChoiceField(
        label=_("duration"),
        coerce=int,
        empty_value=None,
        required=False,
        widget=chips(),
    )
    activities = forms.MultipleChoiceField(
        label=_("what was done"),
        choices=ContactMoment.Activity.choices,
        widget=chips(forms.CheckboxSelectMultiple),
        required=False,
    )
    follow_up = forms.ChoiceField(
        label=_("next visit or follow-up"),
        required=False,
        widget=chips(),
    )
    follow_up_on = forms.DateField(label=_("or on this date"), required=False, widget=DateInput())
    occurred_at = forms.DateTimeField(
        label=_("date and time"),
        required=False,
        help_text=_("Leave empty: now."),
        widget=DateTimeInput(),
    )

    class Meta:
        model = ContactMoment
        fields = [
            "kind",
            "duration_minutes",
            "activities",
            "notes",
            "follow_up_on",
            "next_step",
            "present",
            "occurred_at",
            "partner_organisation",
        ]
        widgets = {"notes": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, team, agreements=(), phrases=(), **kwargs):
        super().__init__(*args, **kwargs)
        # Shown only for a contact with a partner organisation (app.css); "who was there" names
        # a one-off.
        directory_choice(self.fields["partner_organisation"], team)
        self.fields["partner_organisation"].help_text = _(
            "Not in the directory? Name the organisation under who was there."
        )
        self.fields["present"].initial = _("the client")
        notes = self.fields["notes"]
        attach_phrases(notes, phrases)
        # No maxlength: the browser would cut a long paste off without a word. The counter
        # warns near the limit and the form refuses what is over it, with the text kept.
        notes.widget.attrs.pop("maxlength", None)
        notes.widget.attrs["data-limit"] = notes.max_length
        notes.widget.attrs["data-counter-from"] = int(notes.max_length * COUNTER_FROM)
        notes.widget.attrs["data-counter-text"] = gettext("{count} of {limit} characters")
        # Labels with a number are made here, in the reader's language.
        self.fields["duration_minutes"].choices = [
            (m, gettext("%(minutes)s min") % {"minutes": m}) for m in CONTACT_DURATIONS
        ]
        self.fields["follow_up"].choices = [
            *(
                (str(7 * n), ngettext("in %(n)s week", "in %(n)s weeks", n) % {"n": n})
                for n in FOLLOW_UP_WEEKS
            ),
            (NEXT_MONTH, gettext("next month")),
        ]
        self.agreements = list(agreements)
        for agreement in self.agreements:
            self.fields[f"{AGREEMENT_FIELD}{agreement.pk}"] = forms.ChoiceField(
                label=gettext("agreement: %(what)s") % {"what": agreement.description},
                choices=ContactMoment.AgreementOutcome.choices,
                required=False,
                widget=chips(),
            )
        self.order_fields(
            [
                "kind",
                "partner_organisation",
                "duration_minutes",
                "activities",
                *(f"{AGREEMENT_FIELD}{a.pk}" for a in self.agreements),
                "notes",
                "follow_up",
            ]
        )

    def clean(self):
        cleaned = super().clean()
        outcomes = {}
        for agreement in self.agreements:
            outcome = cleaned.pop(f"{AGREEMENT_FIELD}{agreement.pk}", "")
            if outcome:
                outcomes[agreement.pk] = outcome
        cleaned["agreement_outcomes"] = outcomes
        # A pick left behind when the type was changed (the picker is hidden then) is dropped.
        if cleaned.get("kind") != ContactMoment.Kind.PARTNER:
            cleaned["partner_organisation"] = None
        choice = cleaned.pop("follow_up", "")
        if choice and not cleaned.get("follow_up_on"):
            today = clock.today()
            cleaned["follow_up_on"] = (
                in_a_month(today) if choice == NEXT_MONTH else today + timedelta(days=int(choice))
            )
        return cleaned


class PlannedVisitForm(forms.ModelForm):
    class Meta:
        model = PlannedVisit
        fields = ["kind", "planned_on", "at", "place"]
        widgets = {
            "kind": chips(),
            "planned_on": DateInput(),
            "at": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        }


class AgreementForm(forms.ModelForm):
    class Meta:
        model = Agreement
        fields = ["description", "responsible", "due_on"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 2}),
            "responsible": forms.RadioSelect,
            "due_on": DateInput(),
        }


class AgreementStatusForm(VersionedForm, forms.Form):
    status = forms.ChoiceField(label=_("status"), choices=Agreement.Status.choices)


class PlanForm(VersionedForm, forms.ModelForm):
    class Meta:
        model = Case
        fields = ["trajectory_plan", "evaluation_due_on"]
        widgets = {
            "trajectory_plan": forms.Textarea(attrs={"rows": 6}),
            "evaluation_due_on": DateInput(),
        }


class MoveTeamForm(forms.Form):
    """Where a case moves: one of the other teams the lead works in, and a worker there (the
    service checks that the worker belongs to the chosen team)."""

    to_team = forms.ModelChoiceField(label=_("new team"), queryset=None)
    assigned_worker = WorkerChoiceField(label=_("worker in the new team"), queryset=None)
    reason = forms.CharField(
        label=_("reason"), max_length=1000, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, teams, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_team"].queryset = Team.objects.filter(pk__in=[t.pk for t in teams])
        self.fields["assigned_worker"].queryset = (
            User.objects.filter(memberships__team__in=teams, is_active=True)
            .distinct()
            .order_by("first_name", "last_name")
        )


class DeleteForm(forms.Form):
    reason = forms.CharField(
        label=_("why is this deleted?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Say why this is deleted.")},
    )


class CorrectionForm(forms.Form):
    text = forms.CharField(
        label=_("correction"), max_length=4000, widget=forms.Textarea(attrs={"rows": 3})
    )


class ReassignForm(forms.Form):
    """Cases of this team to give to another worker of this team; another team's case id is not
    a valid choice."""

    cases = forms.ModelMultipleChoiceField(
        label=_("cases"), queryset=None, widget=forms.CheckboxSelectMultiple
    )
    to_worker = WorkerChoiceField(label=_("new worker"), queryset=None)
    reason = forms.CharField(
        label=_("reason"), max_length=1000, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, team, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cases"].queryset = Case.objects.filter(team=team)
        self.fields["to_worker"].queryset = team.members.filter(is_active=True).order_by(
            "first_name", "last_name"
        )


class TeamPolicyForm(forms.ModelForm):
    class Meta:
        model = TeamPolicy
        fields = [
            "quiet_days_early",
            "quiet_days_trajectory",
            "nazorg_check_days",
            "voorfase_max_days",
            "handover_confirm_days",
            "referral_check_days",
        ]
        widgets = {
            name: forms.NumberInput(
                attrs={"min": POLICY_DAYS_MIN, "max": POLICY_DAYS_MAX, "inputmode": "numeric"}
            )
            for name in fields
        }


YES_NO = [("yes", _("yes")), ("no", _("no"))]


def _meldcode_field(spec):
    """A form field for one field of the meldcode's data. All are optional here: which are
    needed depends on the other answers, and the service says so next to the field."""
    label, help_text = meldcode.text(spec), meldcode.text(spec.get("help"))
    common = {"label": label, "help_text": help_text, "required": False}
    kind = spec["type"]
    if kind == "date":
        return forms.DateField(widget=DateInput, **common)
    if kind == "yesno":
        return forms.ChoiceField(choices=YES_NO, widget=forms.RadioSelect, **common)
    if kind == "choice":
        choices = [(c["value"], meldcode.text(c)) for c in spec["choices"]]
        return forms.ChoiceField(choices=[("", "—"), *choices], **common)
    if kind == "line":
        return forms.CharField(max_length=200, **common)
    return forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), max_length=8000, **common)


class MeldcodeStepForm(forms.Form):
    """The fields of one step of the meldcode (or the check of question 5), as the trajectory's
    version of cases/meldcode defines them."""

    def __init__(self, *args, key, version=meldcode.VERSION, **kwargs):
        super().__init__(*args, **kwargs)
        for spec in meldcode.fields(key, version):
            self.fields[spec["name"]] = _meldcode_field(spec)


class MeldcodeTermsForm(forms.ModelForm):
    class Meta:
        model = MeldcodeTerms
        fields = ["step2_days", "step3_days", "step4_days", "step5_days"]
        widgets = {
            name: forms.NumberInput(
                attrs={"min": POLICY_DAYS_MIN, "max": POLICY_DAYS_MAX, "inputmode": "numeric"}
            )
            for name in fields
        }


class InspectionRequestForm(forms.Form):
    """What a lead chooses before making a client's inspection file (outreach.inspection)."""

    third_parties = forms.ChoiceField(
        label=_("other people in the file (the reporter, the network)"),
        choices=ThirdParties.choices,
        initial=ThirdParties.ANONYMISE,
        widget=forms.RadioSelect,
    )
    language = forms.ChoiceField(
        label=_("language"), choices=settings.LANGUAGES, initial="nl", widget=forms.RadioSelect
    )

    def wanted(self):
        return Wanted(**self.cleaned_data)


ANY = ""
DENIED_FILTER = "denied"


class AccessLogFilterForm(forms.Form):
    """A client's access log narrowed to a period, a person and an action. Blank: everything."""

    start = forms.DateField(label=_("from"), required=False, widget=DateInput())
    end = forms.DateField(label=_("up to and including"), required=False, widget=DateInput())
    person = forms.TypedChoiceField(label=_("who"), required=False, coerce=int, empty_value=None)
    action = forms.ChoiceField(label=_("what"), required=False)

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].choices = [(ANY, _("everyone")), *people]
        self.fields["action"].choices = [
            (ANY, _("everything")),
            *[(value, capfirst(label)) for value, label in ACTION_WORDS.items()],
            (DENIED_FILTER, _("refused attempts")),
        ]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("start") and cleaned.get("end") and cleaned["start"] > cleaned["end"]:
            raise ValidationError(_("The start of the period lies after its end."))
        return cleaned


class PartnerForm(forms.ModelForm):
    class Meta:
        model = PartnerOrganisation
        fields = ["name", "kind", "phone", "email", "notes"]
        widgets = {
            "phone": forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "off"}),
            "notes": forms.Textarea(attrs={"rows": 3}),
        }


class PartnerEditForm(VersionedForm, forms.ModelForm):
    class Meta(PartnerForm.Meta):
        fields = [*PartnerForm.Meta.fields, "active"]


class PartnerContactForm(forms.ModelForm):
    class Meta:
        model = PartnerContact
        fields = ["name", "role", "phone", "email"]
        widgets = {"phone": forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "off"})}


class PartnerContactEditForm(forms.ModelForm):
    class Meta(PartnerContactForm.Meta):
        fields = [*PartnerContactForm.Meta.fields, "active"]
