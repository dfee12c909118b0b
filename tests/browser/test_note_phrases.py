"""Snelteksten on a phone (390x844): the worker taps a phrase above the note, types a few
words after it and saves; one contact is stored with the phrase and the typed words as one note
(static/js/phrases.js). The lead's list is checked for accessibility too."""

from cases import services
from cases.models import ContactMoment
from cases.phases import Phase
from tests.browser.conftest import assert_accessible
from tests.cases.factories import case_in_phase

PHRASE = "Niet thuis, briefje achtergelaten."


def test_a_tap_puts_the_phrase_in_the_note_and_the_worker_types_on(login_as, owner, lead, team):
    case = case_in_phase(Phase.CONTRACT, acting_user=owner, team=team)
    services.note_phrase_add(acting_user=lead, team=team, text="Huis is opgeruimd.")
    services.note_phrase_add(acting_user=lead, team=team, text=PHRASE)
    page = login_as(owner, f"/casussen/{case.pk}/contact/")
    chips = page.get_by_role("group", name="Snelteksten")
    assert chips.get_by_role("button").all_inner_texts() == ["Huis is opgeruimd.", PHRASE]
    assert_accessible(page)
    # The row fits the phone: nothing sticks out of the page sideways.
    assert page.evaluate("document.documentElement.scrollWidth") <= 390

    chips.get_by_role("button", name=PHRASE).click()
    note = page.locator("textarea[name=notes]")
    assert note.input_value() == PHRASE + " "
    # The cursor is in the note, after the phrase: the worker types on without a tap.
    assert page.evaluate("document.activeElement.name") == "notes"
    page.keyboard.type("Buurvrouw zegt: hij is op vakantie.")
    # A second phrase goes after the text, as a sentence of its own.
    chips.get_by_role("button", name="Huis is opgeruimd.").click()
    expected = f"{PHRASE} Buurvrouw zegt: hij is op vakantie. Huis is opgeruimd."
    assert note.input_value() == expected + " "
    # The inserted text is ordinary text: the worker changes it like anything typed.
    page.keyboard.press("Backspace")
    page.keyboard.press("Backspace")
    page.keyboard.type("!")
    expected = expected[:-1] + "!"
    assert note.input_value() == expected

    with page.expect_navigation():
        page.locator("form.record-form button[type=submit]").click()
    page.get_by_text("Contact vastgelegd.").wait_for()
    assert list(ContactMoment.objects.filter(case=case).values_list("notes", flat=True)) == [
        expected
    ]


def test_the_phrase_goes_where_the_cursor_is_and_the_counter_follows(login_as, owner, lead, team):
    case = case_in_phase(Phase.CONTRACT, acting_user=owner, team=team)
    services.note_phrase_add(acting_user=lead, team=team, text=PHRASE)
    page = login_as(owner, f"/casussen/{case.pk}/contact/")
    note = page.locator("textarea[name=notes]")
    note.fill("x" * 1590 + " Het gaat beter.")
    note.evaluate("field => field.setSelectionRange(1590, 1590)")
    page.get_by_role("button", name=PHRASE).click()
    assert note.input_value() == "x" * 1590 + ". " + PHRASE + " Het gaat beter."
    counter = page.locator("#id_notes_counter")
    assert counter.inner_text().startswith(f"{len(note.input_value())} ")


def test_the_leads_list_is_accessible(login_as, lead, team):
    services.note_phrases_add_defaults(acting_user=lead, team=team)
    page = login_as(lead, f"/teams/{team.pk}/snelteksten/")
    page.get_by_role("heading", name="Snelteksten").wait_for()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390


def test_a_lead_adds_a_phrase_to_the_teams_list(login_as, lead, team):
    page = login_as(lead, f"/teams/{team.pk}/")
    page.get_by_role("link", name="Snelteksten").click()
    page.get_by_role("button", name="Sneltekst toevoegen").click()
    # A link to the form's page: axe runs on that page, not while the browser leaves this one.
    page.wait_for_url(f"**/teams/{team.pk}/snelteksten/nieuw/")
    page.get_by_label("Sneltekst").wait_for()
    assert_accessible(page)
    page.get_by_label("Sneltekst").fill("Samen naar de huisarts gebeld.")
    with page.expect_navigation():
        page.get_by_role("button", name="Opslaan").click()
    page.get_by_text("Sneltekst toegevoegd.").wait_for()
    assert "Samen naar de huisarts gebeld." in page.locator("ol.phrase-list").inner_text()
    assert list(team.note_phrases.values_list("text", flat=True)) == [
        "Samen naar de huisarts gebeld."
    ]
