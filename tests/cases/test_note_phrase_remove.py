"""cases.services.note_phrase_remove: a lead removes a phrase."""

import pytest
from django.core.exceptions import ValidationError

from cases import services
from cases.models import NotePhrase


def test_it_removes_the_phrase(lead, team):
    keep = services.note_phrase_add(acting_user=lead, team=team, text="Blijft.")
    gone = services.note_phrase_add(acting_user=lead, team=team, text="Weg.")
    services.note_phrase_remove(acting_user=lead, phrase=gone)
    assert list(NotePhrase.objects.filter(team=team)) == [keep]


def test_it_refuses_a_worker_and_another_teams_lead(lead, owner, outsider_lead, team):
    phrase = services.note_phrase_add(acting_user=lead, team=team, text="Blijft.")
    for user in (owner, outsider_lead):
        with pytest.raises(ValidationError):
            services.note_phrase_remove(acting_user=user, phrase=phrase)
    assert NotePhrase.objects.filter(pk=phrase.pk).exists()
