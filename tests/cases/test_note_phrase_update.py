"""cases.services.note_phrase_update and note_phrase_move: a lead changes and orders phrases."""

import pytest
from django.core.exceptions import ValidationError

from cases import services
from cases.models import NotePhrase
from outreach.models import Membership
from outreach.services import membership_set
from outreach.versioning import EditConflict


@pytest.fixture
def phrases(lead, team):
    return [
        services.note_phrase_add(acting_user=lead, team=team, text=text)
        for text in ("Een.", "Twee.", "Drie.")
    ]


def order(team):
    return list(NotePhrase.objects.filter(team=team).values_list("text", flat=True))


def test_it_changes_the_text_and_hides_a_phrase(lead, colleague, team, phrases):
    membership_set(acting_user=None, team=team, user=colleague, role=Membership.Role.LEAD)
    one = services.note_phrase_update(
        acting_user=colleague, phrase=phrases[0], text="Eén.", active=False, expected_version=1
    )
    one.refresh_from_db()
    assert (one.text, one.active, one.version, one.changed_by) == ("Eén.", False, 2, colleague)


def test_it_refuses_an_old_version(lead, team, phrases):
    services.note_phrase_update(acting_user=lead, phrase=phrases[0], text="Eén.")
    with pytest.raises(EditConflict):
        services.note_phrase_update(
            acting_user=lead, phrase=phrases[0], text="Een!", expected_version=1
        )
    assert order(team)[0] == "Eén."


def test_it_refuses_a_duplicate_and_changes_nothing(lead, team, phrases):
    with pytest.raises(ValidationError) as refused:
        services.note_phrase_update(acting_user=lead, phrase=phrases[0], text="twee.")
    assert refused.value.message_dict["text"] == ["Het team heeft deze sneltekst al."]
    assert order(team) == ["Een.", "Twee.", "Drie."]


def test_it_refuses_a_worker(owner, team, phrases):
    with pytest.raises(ValidationError):
        services.note_phrase_update(acting_user=owner, phrase=phrases[0], active=False)
    assert NotePhrase.objects.get(pk=phrases[0].pk).active


def test_it_moves_a_phrase_up_and_down_within_the_list(lead, team, phrases):
    services.note_phrase_move(acting_user=lead, phrase=phrases[2], up=True)
    assert order(team) == ["Een.", "Drie.", "Twee."]
    services.note_phrase_move(acting_user=lead, phrase=phrases[0], up=False)
    assert order(team) == ["Drie.", "Een.", "Twee."]
    services.note_phrase_move(acting_user=lead, phrase=phrases[2], up=True)
    services.note_phrase_move(acting_user=lead, phrase=phrases[1], up=False)
    assert order(team) == ["Drie.", "Een.", "Twee."]
