"""A lead adds an organisation to the directory; a worker refers a client there with a warm
handover and later confirms the client arrived, on a phone."""

from cases.models import Case, PartnerOrganisation
from cases.phases import Phase
from tests.browser.conftest import assert_accessible
from tests.cases.factories import case_in_phase


def test_it_refers_with_a_handover_and_confirms_the_arrival(login_as, lead, owner, team):
    case = case_in_phase(
        Phase.EERSTE_CONTACT, acting_user=owner, team=team, first_name="Kees", last_name="Groen"
    )

    page = login_as(lead, "/partners/")
    page.get_by_role("heading", name="Partnerorganisaties").wait_for()
    assert_accessible(page)
    page.get_by_role("button", name="Organisatie toevoegen").click()
    page.get_by_label("Naam").fill("Pameijer")
    page.get_by_label("Soort").select_option(label="anders")
    page.get_by_label("Telefoon").fill("010 266 60 00")
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_role("heading", name="Pameijer").wait_for()
    assert_accessible(page)
    page.get_by_role("button", name="Contactpersoon toevoegen").click()
    page.get_by_label("Naam").fill("Ruud Hoogland")
    page.get_by_label("Rol").fill("trajectbegeleider")
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_text("Ruud Hoogland").first.wait_for()
    partner = PartnerOrganisation.objects.get(team=team)

    page = login_as(owner, f"/casussen/{case.pk}/")
    page.locator("details.phase-moves summary").click()
    page.get_by_role("link", name="Doorverwijzen: overdracht starten").click()
    page.get_by_role("heading", name="Doorverwijzen: overdracht starten").wait_for()
    assert_accessible(page)
    page.get_by_label("organisatie (uit de gids)").select_option(label="Pameijer")
    page.get_by_label("contactpersoon").select_option(
        label="Pameijer – Ruud Hoogland (trajectbegeleider)"
    )
    page.get_by_label("reden").fill("Licht verstandelijke beperking; langdurige begeleiding.")
    page.get_by_label("waarmee de cliënt instemde").fill("Naam, adres en de zorgen delen.")
    page.get_by_role("button", name="Opslaan").click()

    page.get_by_role("heading", name="Overdracht loopt").wait_for()
    assert_accessible(page)
    assert page.viewport_size == {"width": 390, "height": 844}
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.screenshot(path="/tmp/together/referral-case.png", full_page=True)
    case.refresh_from_db()
    assert (case.phase, case.referral_partner) == (Phase.OVERDRACHT, partner)

    page.get_by_role("button", name="Cliënt is aangekomen").click()
    page.get_by_role("button", name="Opslaan").click()
    page.locator(".messages .message-success").wait_for()
    page.get_by_role("heading", name="Doorverwijzing").wait_for()
    assert_accessible(page)
    case = Case.objects.get(pk=case.pk)
    assert case.phase == Phase.DOORVERWEZEN and case.arrival_confirmed_on is not None
