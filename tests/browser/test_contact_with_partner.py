"""On a phone: a worker logs a contact with a partner organisation picked from the team's
directory. The picker shows only for that type of contact."""

import os

from cases import services
from cases.models import ContactMoment
from cases.phases import Phase
from tests.browser.conftest import assert_accessible
from tests.cases.factories import case_in_phase

SHOTS = os.environ.get("TEAM_YEAR_SCREENSHOTS")


def test_a_worker_logs_a_contact_with_a_partner_from_the_directory(login_as, owner, lead, team):
    ggz = services.partner_create(acting_user=lead, team=team, name="GGZ Oost", kind="ggz")
    case = case_in_phase(Phase.CONTRACT, acting_user=owner, team=team, last_name="van Dijk")
    page = login_as(owner, f"/casussen/{case.pk}/")
    page.get_by_role("button", name="Contact vastleggen").click()
    page.get_by_role("heading", name="Contact vastleggen").wait_for()
    picker = page.get_by_label("Organisatie (uit de gids)")
    # A home visit, chosen to begin with, names no organisation.
    assert not picker.is_visible()
    page.locator("label", has_text="met een partnerorganisatie").click()
    assert picker.is_visible()
    picker.select_option(label="GGZ Oost")
    page.locator("textarea[name=notes]").fill("Overleg over de behandeling.")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert_accessible(page)
    if SHOTS:
        page.screenshot(path=f"{SHOTS}/contact-partner-390.png", full_page=True)
    page.get_by_role("button", name="Opslaan").click()
    page.locator(".messages").get_by_text("Contact vastgelegd").wait_for()
    contact = ContactMoment.objects.get(case=case)
    assert (contact.kind, contact.partner_organisation) == ("partner", ggz)
    newest = page.locator("ol.events > li").first.inner_text()
    assert "GGZ Oost" in newest
