"""A worker asks for a volunteer service for a client, the request is matched with the
volunteer's alias, and the volunteer stands on the network map as new network."""

from playwright.sync_api import expect

from cases.models import VolunteerRequest, VolunteerService
from network.services import snapshot_take
from tests.browser.conftest import assert_accessible
from tests.cases.volunteer_data import catalogue
from tests.zrm.factories import trajectory_case


def test_it_requests_a_service_matches_it_and_shows_the_volunteer_as_new_network(
    login_as, owner, lead, team
):
    case = trajectory_case(owner, team, first_name="Ria", last_name="van Dijk")
    snapshot_take(acting_user=owner, case=case, kind="begin", empty_map="no_network")
    service = catalogue(lead, team)["Zorgmaatje"]
    page = login_as(owner, f"/casussen/{case.pk}/")
    page.get_by_role("link", name="Vrijwilligersdiensten").click()
    page.wait_for_url(f"**/casussen/{case.pk}/vrijwilligers/")
    assert_accessible(page)

    form = page.locator("#volunteer-requests form.record-form")
    form.locator("[name=service]").select_option(str(service.pk))
    form.get_by_role("button", name="Aanvragen").click()
    card = page.locator("#volunteer-requests li.case-card").first
    expect(card).to_contain_text("Zorgmaatje")
    expect(card).to_contain_text("aangevraagd")
    assert_accessible(page)

    card.get_by_role("button", name="Vrijwilliger koppelen").click()
    page.locator("form.record-form").wait_for()
    page.get_by_role("button", name="Opslaan").click()  # no name yet: refused by the field
    expect(page.locator(".field-error").first).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Naam of alias van de vrijwilliger").fill("Joke (maatje)")
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_url(f"**/casussen/{case.pk}/netwerk/")

    row = page.locator("table.network-members tr").filter(has_text="Joke (maatje)")
    expect(row).to_contain_text("vrijwilliger")
    expect(row).to_contain_text("nieuw netwerk")
    assert VolunteerRequest.objects.get().status == "matched"
    assert page.evaluate("document.documentElement.scrollWidth") <= 390


def test_a_lead_adds_a_service_to_the_teams_catalogue(login_as, lead, team):
    page = login_as(lead, "/vrijwilligers/")
    page.get_by_role("button", name="Dienst toevoegen").click()
    page.get_by_role("heading", name="Vrijwilligersdienst toevoegen").wait_for()
    assert_accessible(page)
    page.get_by_label("Naam").fill("Klussendienst")
    page.get_by_label("Wat de dienst biedt").fill("Kleine klussen in huis.")
    with page.expect_navigation():
        page.get_by_role("button", name="Opslaan").click()
    page.get_by_text("Dienst toegevoegd aan de catalogus.").wait_for()
    assert list(VolunteerService.objects.filter(team=team).values_list("name", "description")) == [
        ("Klussendienst", "Kleine klussen in huis.")
    ]
