"""Nothing lost when the connection drops: a contact typed and saved without a connection is
kept in the browser and sent once when the connection is back; one whose connection dropped
during the post is found again by Back, with a notice, and saved once."""

import pytest
from playwright.sync_api import expect

from cases.models import ContactMoment
from cases.phases import Phase
from tests.browser.conftest import assert_accessible
from tests.cases.factories import case_in_phase

NOTE = "Samen de post gesorteerd in de keuken; de huur is betaald."
KEPT = "Er is geen verbinding"
UNSURE = "Wat je het laatst verstuurde is misschien niet aangekomen"


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
    # Back to the form and the same token once more: "already saved", still one contact. The
    # send did arrive, so there is no notice.
    page.go_back()
    expect(page.locator(".offline-notice")).to_have_count(0)
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


def drop_the_post(page, path, *, arrives):
    """The connection drops during the post of the form at `path`: before the server has it,
    or (`arrives`) after the server saved it, before the answer is back. The browser shows its
    error page."""

    def handle(route):
        if route.request.method != "POST":
            route.continue_()
            return
        if arrives:
            route.fetch(max_redirects=0)
        route.abort("internetdisconnected")

    page.route(f"**{path}", handle)
    return handle


@pytest.mark.parametrize("arrives", [False, True], ids=["lost", "arrived"])
def test_it_finds_the_text_again_by_back_after_a_dropped_post_and_saves_it_once(
    arrives, login_as, owner, team
):
    case = case_in_phase(Phase.CONTRACT, acting_user=owner, team=team)
    path = f"/casussen/{case.pk}/contact/"
    page = login_as(owner, path)
    page.locator("label[for=id_kind_2]").click()  # telefoon
    page.locator("textarea[name=notes]").fill(NOTE)
    handle = drop_the_post(page, path, arrives=arrives)
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_url("chrome-error://**")
    assert ContactMoment.objects.count() == (1 if arrives else 0)

    page.unroute(f"**{path}", handle)
    page.go_back()
    page.wait_for_url(f"**{path}")
    notice = page.locator(".offline-notice")
    expect(notice).to_have_attribute("role", "alert")
    expect(notice).to_contain_text(UNSURE)
    assert page.locator("textarea[name=notes]").input_value() == NOTE
    assert page.locator("input[name=kind][value=phone]").is_checked()
    assert_accessible(page)
    # Sent again only when asked: a connection that comes and goes sends nothing behind the
    # worker's back (a send would have left the page well within the wait).
    page.context.set_offline(True)
    page.context.set_offline(False)
    page.wait_for_timeout(500)
    assert page.url.endswith(path)
    assert ContactMoment.objects.count() == (1 if arrives else 0)

    page.get_by_role("button", name="Opslaan").click()
    done = "Dit was al opgeslagen" if arrives else "Contact vastgelegd"
    page.locator(".messages").get_by_text(done).wait_for()
    (contact,) = ContactMoment.objects.all()
    assert (contact.kind, contact.notes) == ("phone", NOTE)
    assert kept_keys(page) == []


def test_it_warns_nothing_on_back_after_the_server_answered_with_errors(login_as, owner, team):
    # A refused form is the server's answer to that send, with what was typed: Back from it is
    # not a send that may not have arrived.
    case = case_in_phase(Phase.CONTRACT, acting_user=owner, team=team)
    path = f"/casussen/{case.pk}/contact/"
    page = login_as(owner, path)
    page.locator("textarea[name=notes]").fill(NOTE)
    page.locator("input[name=follow_up_on]").fill("2020-01-01")
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_text("De vervolgdatum kan niet in het verleden liggen.").wait_for()
    assert page.locator("textarea[name=notes]").input_value() == NOTE
    assert page.locator(".offline-notice").count() == 0
    assert kept_keys(page) == []
    page.go_back()
    page.wait_for_url(f"**{path}")
    page.locator("textarea[name=notes]").wait_for()
    assert page.locator(".offline-notice").count() == 0
    assert ContactMoment.objects.count() == 0
