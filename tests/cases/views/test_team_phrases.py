"""The lead's snelteksten pages: the list with its order (team_phrases), a new phrase
(team_phrase_add), the default list (team_phrases_defaults), a changed phrase
(team_phrase_edit), moving (team_phrase_move) and removing (team_phrase_remove)."""

import html as htmllib

import pytest
from django.urls import reverse

from cases import services
from cases.models import NotePhrase
from cases.services.phrases import DEFAULT_NOTE_PHRASES
from tests.conflicts import as_opened


def list_url(team):
    return reverse("team_phrases", args=[team.pk])


def texts(team):
    return list(NotePhrase.objects.filter(team=team).values_list("text", flat=True))


def add(lead, team, *texts):
    return [services.note_phrase_add(acting_user=lead, team=team, text=t) for t in texts]


def test_it_lists_the_phrases_in_their_order_with_who_changed_them(client, lead, team):
    add(lead, team, "Niet thuis, briefje achtergelaten.", "Huis is opgeruimd.")
    client.force_login(lead)
    html = htmllib.unescape(client.get(list_url(team)).content.decode())
    assert html.index("Niet thuis, briefje achtergelaten.") < html.index("Huis is opgeruimd.")
    assert f"Laatst gewijzigd door {lead}" in html
    assert "Sneltekst toevoegen" in html
    assert "Begin met de standaardlijst" not in html


def test_its_query_count_does_not_grow_with_the_list(client, lead, team, django_assert_num_queries):
    add(lead, team, "Een.")
    client.force_login(lead)
    client.get(list_url(team))
    with django_assert_num_queries(5) as small:
        client.get(list_url(team))
    add(lead, team, "Twee.", "Drie.", "Vier.", "Vijf.")
    with django_assert_num_queries(len(small.captured_queries)):
        client.get(list_url(team))


def test_the_team_page_links_to_it(client, lead, team):
    client.force_login(lead)
    html = client.get(reverse("team_detail", args=[team.pk])).content.decode()
    assert f'href="{list_url(team)}"' in html


def test_an_empty_list_offers_the_default_list(client, lead, team):
    client.force_login(lead)
    html = htmllib.unescape(client.get(list_url(team)).content.decode())
    assert "Het team heeft nog geen snelteksten." in html
    assert DEFAULT_NOTE_PHRASES[0] in html
    response = client.post(reverse("team_phrases_defaults", args=[team.pk]), follow=True)
    assert texts(team) == list(DEFAULT_NOTE_PHRASES)
    assert f"{len(DEFAULT_NOTE_PHRASES)} snelteksten toegevoegd." in response.content.decode()


def test_it_adds_a_phrase(client, lead, team):
    client.force_login(lead)
    response = client.post(
        reverse("team_phrase_add", args=[team.pk]), {"text": "Samen naar de huisarts."}
    )
    assert response.status_code == 302
    assert response.url == list_url(team)
    assert texts(team) == ["Samen naar de huisarts."]


@pytest.mark.parametrize(
    "text, message",
    [
        ("", "Dit veld is verplicht."),
        ("x" * 81, "niet meer dan 80 tekens"),
        ("huis is opgeruimd.", "Het team heeft deze sneltekst al."),
    ],
)
def test_it_refuses_bad_input_at_the_field_and_keeps_it(client, lead, team, text, message):
    add(lead, team, "Huis is opgeruimd.")
    client.force_login(lead)
    response = client.post(reverse("team_phrase_add", args=[team.pk]), {"text": text})
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_text_error"' in html
    assert message in html
    assert f'value="{text}"' in html or not text
    assert texts(team) == ["Huis is opgeruimd."]


def test_it_changes_and_hides_a_phrase(client, lead, team):
    (phrase,) = add(lead, team, "Niet thuis.")
    client.force_login(lead)
    url = reverse("team_phrase_edit", args=[phrase.pk])
    assert "Niet thuis." in client.get(url).content.decode()
    response = client.post(url, as_opened(phrase, {"text": "Niet thuis, briefje."}))
    assert response.status_code == 302
    phrase.refresh_from_db()
    assert (phrase.text, phrase.active) == ("Niet thuis, briefje.", False)
    assert "verborgen" in client.get(list_url(team)).content.decode()


def test_it_refuses_a_change_to_another_phrases_text_at_the_field_and_keeps_it(client, lead, team):
    phrase, _other = add(lead, team, "Niet thuis.", "Huis is opgeruimd.")
    client.force_login(lead)
    url = reverse("team_phrase_edit", args=[phrase.pk])
    response = client.post(url, as_opened(phrase, {"text": "huis is opgeruimd.", "active": "on"}))
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_text_error"' in html and "Het team heeft deze sneltekst al." in html
    assert 'value="huis is opgeruimd."' in html
    assert texts(team) == ["Niet thuis.", "Huis is opgeruimd."]


def test_it_shows_the_conflict_when_someone_changed_it_meanwhile(client, lead, team):
    (phrase,) = add(lead, team, "Niet thuis.")
    opened = as_opened(phrase, {"text": "Niet thuis!", "active": "on"})
    services.note_phrase_update(acting_user=lead, phrase=phrase, text="Was er niet.")
    client.force_login(lead)
    url = reverse("team_phrase_edit", args=[phrase.pk])
    response = client.post(url, opened)
    assert response.status_code == 409
    assert texts(team) == ["Was er niet."]


def test_it_moves_and_removes_phrases(client, lead, team):
    one, two, three = add(lead, team, "Een.", "Twee.", "Drie.")
    client.force_login(lead)
    move = reverse("team_phrase_move", args=[three.pk])
    assert client.post(move, {"direction": "up"}).url == list_url(team)
    assert texts(team) == ["Een.", "Drie.", "Twee."]
    client.post(reverse("team_phrase_move", args=[one.pk]), {"direction": "down"})
    assert texts(team) == ["Drie.", "Een.", "Twee."]
    response = client.post(reverse("team_phrase_remove", args=[two.pk]), follow=True)
    assert "Sneltekst verwijderd: Twee." in response.content.decode()
    assert texts(team) == ["Drie.", "Een."]


def test_it_is_a_403_for_a_worker_of_the_team(client, lead, owner, team):
    (phrase,) = add(lead, team, "Niet thuis.")
    client.force_login(owner)
    for url in (list_url(team), reverse("team_phrase_add", args=[team.pk])):
        assert client.get(url).status_code == 403
    assert client.post(reverse("team_phrase_add", args=[team.pk]), {"text": "Nee."}).status_code
    assert client.post(reverse("team_phrase_remove", args=[phrase.pk])).status_code == 403
    assert client.post(reverse("team_phrase_edit", args=[phrase.pk]), {"text": "x"}).status_code
    assert texts(team) == ["Niet thuis."]


def test_it_is_a_404_for_a_lead_of_another_team(client, lead, outsider_lead, team):
    (phrase,) = add(lead, team, "Niet thuis.")
    client.force_login(outsider_lead)
    assert client.get(list_url(team)).status_code == 404
    assert client.get(reverse("team_phrase_edit", args=[phrase.pk])).status_code == 404
    for name in ("team_phrase_move", "team_phrase_remove"):
        assert client.post(reverse(name, args=[phrase.pk])).status_code == 404
    assert client.post(reverse("team_phrases_defaults", args=[team.pk])).status_code == 404
    assert texts(team) == ["Niet thuis."]
