"""The team's snelteksten: the lead's form for one phrase, and the chips above a contact's note
(static/js/phrases.js draws them from the note's data attributes; without JavaScript there are
none and the note is a plain text field)."""

import json

from django import forms
from django.utils.translation import gettext

from cases.models import NotePhrase
from outreach.forms import VersionedForm


def attach_phrases(field, phrases):
    """Give a note's text field the phrases a tap inserts (texts, in their order)."""
    texts = [phrase.text for phrase in phrases]
    if not texts:
        return
    attrs = field.widget.attrs
    attrs["data-phrases"] = json.dumps(texts, ensure_ascii=False)
    attrs["data-phrases-label"] = gettext("Phrases")
    attrs["data-phrases-hint"] = gettext("A tap adds the phrase to the note; type the rest.")


class NotePhraseForm(forms.ModelForm):
    """A new phrase: its text."""

    class Meta:
        model = NotePhrase
        fields = ["text"]
        widgets = {"text": forms.TextInput()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # No maxlength: a longer paste is refused with the text kept, not cut off unseen.
        self.fields["text"].widget.attrs.pop("maxlength", None)


class NotePhraseEditForm(VersionedForm, NotePhraseForm):
    """A phrase changed: its text, shown or not."""

    class Meta(NotePhraseForm.Meta):
        fields = ["text", "active"]
