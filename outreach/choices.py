"""A choice field's label (`get_<field>_display`) without Django's cost per call.

Django's `Model._get_FIELD_display` builds a dict of all the field's choices on every call, and
to do so hashes each label: a lazily translated label is translated to be hashed, so showing one
phase translates all twelve. A list of 50 cases with their phase did 600 translations; on the team,
home and search pages these calls were about a twentieth of the server time. Our choices' values
are plain strings and numbers, so the label is found by comparing values, and only the label
shown is translated."""

from django.utils.encoding import force_str


class ChoiceLabels:
    """Mixed into a model (before models.Model): its get_<field>_display methods, which Django
    binds to `_get_FIELD_display` when the class is made, use this one. Same answers as
    Django's (tests/outreach/test_choice_labels.py): the label of the value, else the value."""

    def _get_FIELD_display(self, field):
        value = getattr(self, field.attname)
        for choice, label in field.flatchoices:
            if choice == value:
                return force_str(label, strings_only=True)
        return force_str(value, strings_only=True)
