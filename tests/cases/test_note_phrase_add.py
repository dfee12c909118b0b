"""cases.services.note_phrase_add and note_phrases_add_defaults: a lead adds the team's phrases."""

import pytest
from django.core.exceptions import ValidationError

from cases import services
from cases.models import NotePhrase
from cases.services.phrases import DEFAULT_NOTE_PHRASES, MAX_NOTE_PHRASES


def texts(team):
    return list(NotePhrase.objects.filter(team=team).values_list("text", flat=True))


def test_it_adds_a_phrase_at_the_end_with_who_and_when(lead, team):
    first = services.note_phrase_add(acting_user=lead, team=team, text="Huis is opgeruimd.")
    second = services.note_phrase_add(acting_user=lead, team=team, text="  Niet   thuis.  ")
    assert texts(team) == ["Huis is opgeruimd.", "Niet thuis."]
    assert second.position == first.position + 1
    assert second.changed_by == lead
    assert second.changed_at is not None
    assert second.active


@pytest.mark.parametrize(
    "text, message",
    [
        ("", "Dit veld kan niet leeg zijn"),
        ("   ", "Dit veld kan niet leeg zijn"),
        ("x" * 81, "Zorg dat deze waarde niet meer dan 80 tekens bevat (het zijn er nu 81)."),
        ("huis is OPGERUIMD.", "Het team heeft deze sneltekst al."),
    ],
)
def test_it_refuses_bad_text_and_adds_nothing(lead, team, text, message):
    services.note_phrase_add(acting_user=lead, team=team, text="Huis is opgeruimd.")
    with pytest.raises(ValidationError) as refused:
        services.note_phrase_add(acting_user=lead, team=team, text=text)
    assert refused.value.message_dict["text"] == [message]
    assert texts(team) == ["Huis is opgeruimd."]


def test_it_refuses_more_than_the_limit(lead, team):
    for n in range(MAX_NOTE_PHRASES):
        services.note_phrase_add(acting_user=lead, team=team, text=f"Zin {n}.")
    with pytest.raises(ValidationError) as refused:
        services.note_phrase_add(acting_user=lead, team=team, text="Een te veel.")
    assert "hoogstens" in refused.value.message_dict["text"][0]
    assert len(texts(team)) == MAX_NOTE_PHRASES


def test_it_refuses_a_worker_and_another_teams_lead(owner, outsider_lead, team):
    for user in (owner, outsider_lead):
        with pytest.raises(ValidationError) as refused:
            services.note_phrase_add(acting_user=user, team=team, text="Huis is opgeruimd.")
        assert refused.value.message_dict[None] == [
            "Alleen een teamleider kan de snelteksten van het team wijzigen."
        ]
    assert texts(team) == []


def test_it_adds_the_defaults_the_team_does_not_have(lead, team, other_team):
    services.note_phrase_add(acting_user=lead, team=team, text="Eigen zin.")
    services.note_phrase_add(acting_user=lead, team=team, text=DEFAULT_NOTE_PHRASES[1].upper())
    added = services.note_phrases_add_defaults(acting_user=lead, team=team)
    assert len(added) == len(DEFAULT_NOTE_PHRASES) - 1
    assert texts(team)[:2] == ["Eigen zin.", DEFAULT_NOTE_PHRASES[1].upper()]
    assert services.note_phrases_add_defaults(acting_user=lead, team=team) == []
    assert texts(other_team) == []
