from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from cases.forms import directory_choice
from cases.models import PartnerContact, PartnerOrganisation
from network.guide import sections, text
from network.models import NetworkMember, NetworkSnapshot
from outreach.forms import VersionedForm


class MemberForm(forms.ModelForm):
    class Meta:
        model = NetworkMember
        fields = [
            "name",
            "relation",
            "partner_organisation",
            "partner_contact",
            "ring",
            "distance",
            "frequency",
            "involvement",
            "support_practical",
            "support_material",
            "support_emotional",
            "support_company",
            "support_decisions",
            "overloaded",
            "too_far",
            "own_problems",
            "negative_influence",
            "status",
            "known_before",
            "wants_back",
            "agreements",
            "note",
        ]
        widgets = {
            "ring": forms.RadioSelect,
            "agreements": forms.CheckboxSelectMultiple,
            "note": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        # Only this case's agreements: another case's id is not a valid choice.
        self.fields["agreements"].queryset = case.agreements.all()
        self.fields["agreements"].required = False
        # For a professional, a pick from the team's directory (app.css shows it only then);
        # what the member already names stays a choice when it is no longer in use.
        organisation, contact = self.fields["partner_organisation"], self.fields["partner_contact"]
        directory_choice(organisation, case.team_id)
        organisation.queryset = PartnerOrganisation.objects.filter(
            Q(team=case.team_id, active=True) | Q(pk=self.instance.partner_organisation_id)
        )
        contact.queryset = PartnerContact.objects.filter(
            Q(partner__team=case.team_id, partner__active=True, active=True)
            | Q(pk=self.instance.partner_contact_id)
        ).select_related("partner")
        contact.label_from_instance = lambda c: f"{c.partner} – {c}"
        contact.empty_label = organisation.empty_label

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("relation") != NetworkMember.Relation.PROFESSIONAL:
            # Picks left behind when the relation was changed (hidden then) are dropped.
            cleaned["partner_organisation"] = cleaned["partner_contact"] = None
        elif cleaned.get("partner_contact") and not cleaned.get("partner_organisation"):
            # A contact person names their organisation.
            cleaned["partner_organisation"] = cleaned["partner_contact"].partner
        return cleaned


class MemberEditForm(VersionedForm, MemberForm):
    pass


class SnapshotForm(forms.Form):
    label = forms.CharField(label=_("label"), max_length=100, required=False)


class BeginNetworkForm(forms.Form):
    # Sent by the button that records "no network" when the map is still empty.
    empty_map = forms.ChoiceField(
        label=_("empty map at the begin"),
        choices=NetworkSnapshot.EmptyMap.choices,
        required=False,
    )


class InterviewForm(forms.Form):
    """The wijkecogram guide: an answer per question, and for questions that name people a field
    to add them to the map (names separated by commas)."""

    def __init__(self, *args, answers, **kwargs):
        super().__init__(*args, **kwargs)
        self.sections = []
        for section in sections():
            rows = []
            for question in section["questions"]:
                key = question["key"]
                self.fields[f"answer_{key}"] = forms.CharField(
                    label=text(question),
                    required=False,
                    max_length=4000,
                    initial=answers.get(key, ""),
                    widget=forms.Textarea(attrs={"rows": 2}),
                )
                add = None
                if question.get("adds"):
                    self.fields[f"add_{key}"] = forms.CharField(
                        label=_("Add the people named (separate names with commas)"),
                        required=False,
                        max_length=400,
                    )
                    add = self[f"add_{key}"]
                rows.append((question, self[f"answer_{key}"], add))
            self.sections.append((section, text(section), text(section.get("intro")), rows))

    def clean(self):
        cleaned = super().clean()
        longest = NetworkMember._meta.get_field("name").max_length
        for name, value in list(cleaned.items()):
            too_long = [n.strip() for n in value.split(",") if len(n.strip()) > longest]
            if name.startswith("add_") and too_long:
                self.add_error(
                    name,
                    _("A name can be at most %(max)s characters (this one has %(n)s).")
                    % {"max": longest, "n": len(too_long[0])},
                )
        return cleaned

    def answers(self):
        return {
            name.removeprefix("answer_"): value
            for name, value in self.cleaned_data.items()
            if name.startswith("answer_")
        }

    def named(self):
        return {
            name.removeprefix("add_"): [n for n in value.split(",") if n.strip()]
            for name, value in self.cleaned_data.items()
            if name.startswith("add_") and value.strip()
        }
