"""The worker's day on a phone: a home visit logged with one-tap choices, a phrase chip and a few
words typed after it, and an agreement checked off, a visit planned, and Mijn week. With
OUTREACH_SCREENSHOTS=<dir> it saves the screenshots the README shows."""

import os
from datetime import timedelta

import time_machine
from django.utils import timezone

from cases import services
from cases.models import Agreement, ContactMoment
from cases.phases import Phase
from tests.browser.conftest import assert_accessible
from tests.cases.factories import add_agreement, case_in_phase

PHRASE = "Samen de post geopend en op stapels gesorteerd."
TYPED = "Energiebedrijf gebeld over de schuld."
NOTE = f"{PHRASE} {TYPED}"


def fits_the_phone(page):
    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]


def screenshot(page, name):
    folder = os.environ.get("OUTREACH_SCREENSHOTS")
    if folder:
        page.screenshot(path=os.path.join(folder, name), full_page=True)


def test_it_logs_a_home_visit_with_taps_and_puts_it_on_top(login_as, owner, team):
    # The default phrases, as every team had at the data migration.
    services.note_phrases_add_defaults(acting_user=None, team=team)
    case = case_in_phase(
        Phase.CONTRACT, acting_user=owner, team=team, first_name="Ria", last_name="van Dijk"
    )
    agreement = add_agreement(acting_user=owner, case=case, description="Huur op tijd betalen")
    page = login_as(owner, f"/casussen/{case.pk}/")
    page.get_by_role("button", name="Contact vastleggen").click()
    page.get_by_role("heading", name="Contact vastleggen").wait_for()
    assert page.locator("input[name=kind][value=home_visit]").is_checked()
    page.locator("label", has_text="45 min").click()
    page.locator("label", has_text="samen post sorteren").click()
    page.locator("label[for=id_activities_1]").click()
    page.locator(f"label[for=id_agreement_{agreement.pk}_0]").click()
    phrases = page.get_by_role("group", name="Snelteksten")
    phrases.get_by_role("button", name=PHRASE).click()
    page.keyboard.type(TYPED)
    page.locator("label", has_text="over 2 weken").click()
    assert_accessible(page)
    fits_the_phone(page)
    # The row of phrases back at its start, as the worker finds it, for the screenshot.
    phrases.evaluate("row => { row.scrollLeft = 0; }")
    screenshot(page, "screenshot-contact.png")
    page.get_by_role("button", name="Opslaan").click()
    page.locator(".messages").get_by_text("Contact vastgelegd").wait_for()

    contact = ContactMoment.objects.get(case=case)
    assert (contact.duration_minutes, contact.activities, contact.notes) == (
        45,
        ["post", "call_agency"],
        NOTE,
    )
    assert contact.follow_up_on == timezone.localdate() + timedelta(days=14)
    assert Agreement.objects.get(pk=agreement.pk).status == "done"
    newest = page.locator("ol.events > li").first.inner_text()
    assert "Huisbezoek" in newest and NOTE in newest and "Huur op tijd betalen" in newest


def test_it_plans_a_visit_and_shows_the_week(login_as, owner, team):
    with time_machine.travel(timezone.now() - timedelta(days=3)):
        late = case_in_phase(
            Phase.TRAJECT_BEGIN, acting_user=owner, team=team, first_name="Ans", last_name="Bos"
        )
        services.contact_log(
            acting_user=owner,
            case=late,
            kind="phone",
            next_step="Samen naar de schuldhulp",
            follow_up_on=timezone.localdate() + timedelta(days=1),
        )
    case = case_in_phase(
        Phase.CONTRACT, acting_user=owner, team=team, first_name="Kees", last_name="de Wit"
    )
    page = login_as(owner, f"/casussen/{case.pk}/")
    page.get_by_role("button", name="Bezoek plannen").click()
    page.get_by_role("heading", name="Bezoek plannen").wait_for()
    page.locator("input[name=planned_on]").fill(timezone.localdate().isoformat())
    page.locator("input[name=at]").fill("14:30")
    page.locator("input[name=place]").fill("Buurthuis De Pijp")
    assert_accessible(page)
    page.get_by_role("button", name="Opslaan").click()
    page.locator(".messages").get_by_text("Bezoek gepland").wait_for()

    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Mijn week").click()
    page.get_by_role("heading", name="Mijn week").wait_for()
    first, second = page.locator(".week-item").all()
    assert "Ans Bos" in first.inner_text() and "Samen naar de schuldhulp" in first.inner_text()
    assert "Kees de Wit" in second.inner_text() and "14:30" in second.inner_text()
    page.get_by_role("button", name="Adres aanmaken").click()
    page.locator("#feed-url").wait_for()
    assert "/agenda/" in page.locator("#feed-url").input_value()
    fits_the_phone(page)
    screenshot(page, "screenshot-week.png")
