from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from network.models import NetworkSnapshot
from outreach.forms import DateInput, VersionedForm
from zrm.models import LEVELS, ZrmAssessment
from zrm.network_story import asks_about_empty_map

NOT_ASSESSED = "na"


class AssessmentStartForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("kind"), choices=ZrmAssessment.Kind.choices, widget=forms.RadioSelect
    )
    assessed_on = forms.DateField(label=_("date"), widget=DateInput())


class ScoresForm(VersionedForm, forms.Form):
    """One row per domain of the assessment's matrix: a level 1-5 or 'not assessed' with a reason,
    and a note. Rows may stay empty in a draft. A begin draft on an empty network map also asks
    what the empty map means; finalising needs the answer (the service says so by the field)."""

    # Asked for the finalise step, not stored with the draft: the conflict page leaves it out.
    not_stored = ("empty_map",)

    def __init__(self, *args, assessment, **kwargs):
        super().__init__(*args, version=assessment.version, **kwargs)
        self.rows = []
        self.conflict_labels = {}
        self.levels = list(assessment.matrix.levels.all())
        names = {level.level: level.name for level in self.levels}
        for score in assessment.scores.all():
            key = score.domain_id
            texts = {d.level: d.text for d in score.domain.descriptors.all()}
            # A level reads as its number, name and this domain's descriptor (the conflict page
            # shows choices by their label).
            choices = [
                (str(level), f"{level} {names.get(level, '')}: {texts.get(level, '')}")
                for level in LEVELS
            ] + [(NOT_ASSESSED, _("not assessed"))]
            self.fields[f"level_{key}"] = forms.ChoiceField(
                label=score.domain.name,
                choices=choices,
                required=False,
                widget=forms.RadioSelect,
                initial=(
                    str(score.level)
                    if score.level
                    else NOT_ASSESSED
                    if score.not_assessed_reason
                    else None
                ),
            )
            self.fields[f"reason_{key}"] = forms.CharField(
                label=_("why not assessed"),
                required=False,
                max_length=300,
                initial=score.not_assessed_reason,
            )
            self.fields[f"note_{key}"] = forms.CharField(
                label=_("note"),
                required=False,
                max_length=2000,
                initial=score.note,
                widget=forms.Textarea(attrs={"rows": 2}),
            )
            self.rows.append(
                (score, self[f"level_{key}"], self[f"reason_{key}"], self[f"note_{key}"])
            )
            # The conflict page compares fields out of their fieldset: name the domain.
            for name in (f"reason_{key}", f"note_{key}"):
                self.conflict_labels[name] = f"{score.domain.name}: {self.fields[name].label}"
        if asks_about_empty_map(assessment):
            self.fields["empty_map"] = forms.ChoiceField(
                label=_("The network map is empty. What does that mean at the begin?"),
                choices=NetworkSnapshot.EmptyMap.choices,
                required=False,
                widget=forms.RadioSelect,
                help_text=_(
                    "Needed to finalise. Not mapped yet: you can record the begin network "
                    "afterwards on the network tab."
                ),
            )

    def finalise_options(self):
        """The keyword arguments of zrm.services.assessment_finalise this form collected."""
        return {"empty_map": self.cleaned_data.get("empty_map", "")}

    def clean(self):
        cleaned = super().clean()
        for _score, level, reason, _note in self.rows:
            if cleaned.get(level.name) == NOT_ASSESSED and not cleaned.get(reason.name):
                self.add_error(reason.name, ValidationError(_("Say why it was not assessed.")))
        return cleaned

    def scores(self):
        """{domain id: (level or None, reason, note)} for zrm.services.assessment_score."""
        result = {}
        for score, level, reason, note in self.rows:
            value = self.cleaned_data.get(level.name)
            result[score.domain_id] = (
                int(value) if value and value != NOT_ASSESSED else None,
                self.cleaned_data.get(reason.name, "") if value == NOT_ASSESSED else "",
                self.cleaned_data.get(note.name, ""),
            )
        return result


class CorrectionForm(forms.Form):
    reason = forms.CharField(
        label=_("why is the assessment corrected?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class TargetsForm(forms.Form):
    def __init__(self, *args, domains, targets, **kwargs):
        super().__init__(*args, **kwargs)
        current = {t.domain_id: t.level for t in targets}
        self.domains = list(domains)
        for domain in self.domains:
            self.fields[f"target_{domain.pk}"] = forms.TypedChoiceField(
                label=domain.name,
                required=False,
                coerce=int,
                empty_value=None,
                choices=[("", "—")] + [(level, str(level)) for level in LEVELS],
                initial=current.get(domain.pk),
            )

    def clean(self):
        cleaned = super().clean()
        # What the service takes: the level per domain, not a field per domain.
        cleaned["levels"] = {d: cleaned.get(f"target_{d.pk}") for d in self.domains}
        return cleaned
