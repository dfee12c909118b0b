"""get_<field>_display through outreach.choices.ChoiceLabels gives Django's own answers."""

import pytest
from django.apps import apps
from django.db import models
from django.utils import translation

from cases.models import Case, Signal
from network.models import NetworkMember
from outreach.choices import ChoiceLabels
from zrm.models import ZrmAssessment

WITH_LABELS = [
    model
    for model in apps.get_models()
    if issubclass(model, ChoiceLabels) and any(f.choices for f in model._meta.concrete_fields)
]


def test_it_serves_the_models_the_busy_pages_list():
    assert {Case, Signal, NetworkMember, ZrmAssessment} <= set(WITH_LABELS)


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("model", WITH_LABELS, ids=lambda m: m._meta.label)
def test_it_answers_as_django_does_for_every_value(model, language):
    record = model()
    with translation.override(language):
        for field in (f for f in model._meta.concrete_fields if f.choices):
            values = [choice for choice, _label in field.flatchoices]
            for value in [*values, "not-a-choice", None]:
                setattr(record, field.attname, value)
                ours = getattr(record, f"get_{field.name}_display")()
                assert ours == models.Model._get_FIELD_display(record, field), (field, value)
                assert type(ours) is type(models.Model._get_FIELD_display(record, field))


def test_it_shows_the_label_in_the_active_language():
    case = Case(phase="signaal")
    with translation.override("nl"):
        dutch = case.get_phase_display()
    with translation.override("en"):
        english = case.get_phase_display()
    assert dutch != english and isinstance(dutch, str)
