"""Nothing lost when the connection drops: a contact typed and saved without a connection is
kept in the browser and sent once when the connection is back."""

from playwright.sync_api import expect

from cases.models import ContactMoment
from cases.phases import Phase
from tests.browser.conftest import assert_accessible
from tests.cases.factories import case_in_phase

NOTE = "Samen de post gesorteerd in de keuken; de huur is betaald."
KEPT = "Er is geen verbinding"


def kept_keys(page):
    return page.evaluate(
        "Object.keys(sessionStorage).filter(function (k) { return k.startsWith('outreach:'); })"
    )


def test_it_keeps_the_contact_offline_and_saves_it_once_when_back_online(login_as, owner, team):
    case = case_in_phase(Phase.CONTRACT, acting_user=owner, team=team)
    page = login_as(owner, f"/casussen/{case.pk}/contact/")
    page.locator("label[for=id_kind_2]").click()  # telefoon
    page.locator("textarea[name=notes]").fill(NOTE)

    page.context.set_offline(True)
    page.get_by_role("button", name="Opslaan").click()
    expect(page.locator(".offline-notice")).to_contain_text(KEPT)
    assert_accessible(page)
    assert not ContactMoment.objects.exists()
    assert kept_keys(page) == [f"outreach:kept:{owner.pk}:/casussen/{case.pk}/contact/"]

    page.context.set_offline(False)
    page.locator(".messages").get_by_text("Contact vastgelegd").wait_for()
    (contact,) = ContactMoment.objects.all()
    assert (contact.kind, contact.notes) == ("phone", NOTE)
    # Saved: nothing is kept any more.
    assert kept_keys(page) == []


def test_it_sends_again_when_asked_and_never_twice(login_as, owner, team):
    case = case_in_phase(Phase.CONTRACT, acting_user=owner, team=team)
    page = login_as(owner, f"/casussen/{case.pk}/contact/")
    page.locator("textarea[name=notes]").fill(NOTE)
    page.context.set_offline(True)
    page.get_by_role("button", name="Opslaan").click()
    expect(page.locator(".offline-notice")).to_be_visible()
    # Asked while still offline: kept again, nothing sent.
    page.get_by_role("button", name="Opnieuw versturen").click()
    expect(page.locator(".offline-notice")).to_have_count(1)
    assert page.locator("textarea[name=notes]").input_value() == NOTE
    assert not ContactMoment.objects.exists()
    page.context.set_offline(False)
    page.locator(".messages").get_by_text("Contact vastgelegd").wait_for()
    # Back to the form and the same token once more: "already saved", still one contact.
    page.go_back()
    page.get_by_role("button", name="Opslaan").click()
    page.locator(".messages").get_by_text("Dit was al opgeslagen").wait_for()
    assert ContactMoment.objects.filter(notes=NOTE).count() == 1


def test_it_forgets_what_was_kept_at_logout(login_as, owner, team):
    case = case_in_phase(Phase.CONTRACT, acting_user=owner, team=team)
    page = login_as(owner, f"/casussen/{case.pk}/contact/")
    page.locator("textarea[name=notes]").fill(NOTE)
    page.context.set_offline(True)
    page.get_by_role("button", name="Opslaan").click()
    expect(page.locator(".offline-notice")).to_be_visible()
    page.context.set_offline(False)
    page.get_by_role("button", name="Uitloggen").click()
    page.wait_for_url("**/login/**")
    assert kept_keys(page) == []
