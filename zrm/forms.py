from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from network.models import NetworkSnapshot
from outreach.forms import DateInput, VersionedForm
from zrm.models import LEVELS, ZrmAssessment, ZrmScore
from zrm.network_story import asks_about_empty_map
from zrm.services import ScoreInput
from zrm.services.assessments import SPLIT_TOTAL

NOT_ASSESSED = "na"
# The split's three parts: (field prefix, label).
SPLIT_PARTS = (
    ("own", _("own strength %")),
    ("network", _("network %")),
    ("help", _("professional help %")),
)
SPLIT_ERROR = _("Fill in all three, adding up to 100%, or leave all three empty.")
FINALISE = "finalise"


class ScoreRow:
    """One domain's bound fields in a ScoresForm, as zrm/_domains.html shows them."""

    def __init__(self, form, score):
        key = score.domain_id
        self.score = score
        self.level = form[f"level_{key}"]
        self.reason = form[f"reason_{key}"]
        self.note = form[f"note_{key}"]
        self.sources = form[f"sources_{key}"]
        self.rationale = form[f"rationale_{key}"]
        self.split = [form[f"{part}_{key}"] for part, _label in SPLIT_PARTS]

    @property
    def basis_open(self):
        """Whether the sources, reason and split are shown opened: filled in or refused."""
        fields = [self.sources, self.rationale, *self.split]
        return any(f.value() not in (None, "", []) or f.errors for f in fields)

    @property
    def split_errors(self):
        return [error for field in self.split for error in field.errors]


class AssessmentStartForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("kind"), choices=ZrmAssessment.Kind.choices, widget=forms.RadioSelect
    )
    assessed_on = forms.DateField(label=_("date"), widget=DateInput())


class ScoresForm(VersionedForm, forms.Form):
    """One row per domain of the assessment's matrix: a level 1-5 or 'not assessed' with a reason,
    a note, the sources and a short reason for the level, and an optional split of what carries
    the level (own strength, network, professional help in percent). Rows may stay empty in a
    draft. A begin draft on an empty network map also asks
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
            self.fields[f"sources_{key}"] = forms.MultipleChoiceField(
                label=_("sources"),
                choices=ZrmScore.Source.choices,
                required=False,
                widget=forms.CheckboxSelectMultiple,
                initial=score.sources,
            )
            self.fields[f"rationale_{key}"] = forms.CharField(
                label=_("why this level"),
                required=False,
                max_length=300,
                initial=score.rationale,
            )
            for (part, label), value in zip(SPLIT_PARTS, score.shares, strict=True):
                self.fields[f"{part}_{key}"] = forms.IntegerField(
                    label=label,
                    required=False,
                    min_value=0,
                    max_value=SPLIT_TOTAL,
                    initial=value,
                    widget=forms.NumberInput(attrs={"inputmode": "numeric", "step": 5}),
                )
            self.rows.append(ScoreRow(self, score))
            # The conflict page compares fields out of their fieldset: name the domain.
            for name in (
                f"reason_{key}",
                f"note_{key}",
                f"sources_{key}",
                f"rationale_{key}",
                *(f"{part}_{key}" for part, _label in SPLIT_PARTS),
            ):
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
        for row in self.rows:
            if cleaned.get(row.level.name) == NOT_ASSESSED and not cleaned.get(row.reason.name):
                self.add_error(row.reason.name, ValidationError(_("Say why it was not assessed.")))
            names = [field.name for field in row.split]
            if self.data.get("action") != FINALISE or any(n not in cleaned for n in names):
                # A draft may hold a split being typed; a part that is not a number 0-100 has
                # its own error already.
                continue
            parts = [cleaned[name] for name in names]
            filled = [part for part in parts if part is not None]
            if filled and (len(filled) != len(parts) or sum(filled) != SPLIT_TOTAL):
                self.add_error(names[0], ValidationError(SPLIT_ERROR))
        return cleaned

    def scores(self):
        """{domain id: ScoreInput} for zrm.services.assessment_score."""
        result = {}
        for row in self.rows:
            value = self.cleaned_data.get(row.level.name)
            split = tuple(self.cleaned_data.get(field.name) for field in row.split)
            result[row.score.domain_id] = ScoreInput(
                level=int(value) if value and value != NOT_ASSESSED else None,
                not_assessed_reason=(
                    self.cleaned_data.get(row.reason.name, "") if value == NOT_ASSESSED else ""
                ),
                note=self.cleaned_data.get(row.note.name, ""),
                sources=tuple(self.cleaned_data.get(row.sources.name) or ()),
                rationale=self.cleaned_data.get(row.rationale.name, ""),
                split=split,
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
