"""Back and save again on a phone: the contact is saved once and the worker is told so; opening
the form anew logs a new contact. The form page is `no-store`, so Back fetches it again with a
new token and Chromium refills only what was typed: static/js/submission.js puts the first
visit's token back (outreach/submissions.py)."""

from cases.models import ContactMoment
from cases.phases import Phase
from network.models import NetworkMember
from tests.browser.conftest import assert_accessible
from tests.cases.factories import case_in_phase

NOTICE = "Dit was al opgeslagen."


def save(page):
    with page.expect_navigation():
        page.locator("form.record-form button[type=submit]").click()


def test_it_saves_a_contact_once_after_back_and_save_again(login_as, owner, team):
    case = case_in_phase(Phase.CONTRACT, acting_user=owner, team=team)
    page = login_as(owner, case.get_absolute_url())
    page.locator(".case-actions a[href$='/contact/']").click()
    page.locator("input[name=kind][value=phone]").check()
    page.locator("[name=notes]").fill("Telefoon 08:08: afspraak gemaakt.")
    first_token = page.locator("input[name=submission]").input_value()
    save(page)
    page.get_by_text("Contact vastgelegd.").wait_for()

    response = page.go_back()
    assert response.headers["cache-control"] == "no-store"
    # A new page from the server, with a new token in its HTML; the typed text is refilled.
    assert first_token not in response.text()
    assert page.locator("[name=notes]").input_value() == "Telefoon 08:08: afspraak gemaakt."
    assert page.locator("input[name=submission]").input_value() == first_token
    save(page)

    page.get_by_text(NOTICE).wait_for()
    assert page.url.endswith(case.get_absolute_url())
    assert ContactMoment.objects.filter(case=case).count() == 1
    assert_accessible(page)

    # The next contact, from the link again, is a new form and is saved.
    page.locator(".case-actions a[href$='/contact/']").click()
    page.locator("[name=notes]").fill("Huisbezoek.")
    save(page)
    page.get_by_text("Contact vastgelegd.").wait_for()
    assert ContactMoment.objects.filter(case=case).count() == 2


def add_member(page, name):
    page.locator("#network-body details summary").click()
    form = page.locator("#network-body form.record-form")
    form.locator("[name=name]").fill(name)
    form.locator("[name=relation]").select_option("neighbour")
    form.locator("input[name=ring][value='1']").check()
    form.locator("button[type=submit]").click()
    page.locator(".ecogram-key dd", has_text=name).wait_for()  # the phone drawing's names


def test_it_saves_the_next_member_after_an_htmx_add_and_back(login_as, owner, team):
    """The form htmx swaps in after a save has a new token; after Back the tab loads its form
    afresh when the section opens (network.views.case_network), with a token of its own: the
    next person added is saved, not taken for the first one again."""
    case = case_in_phase(Phase.CONTRACT, acting_user=owner, team=team)
    network = f"/casussen/{case.pk}/netwerk/"
    page = login_as(owner, network)
    add_member(page, "Buurman Henk")
    # The add-a-person form's token (the tab has more forms, each with its own).
    token = page.locator("#network-body form.record-form input[name=submission]")
    swapped_token = token.input_value()

    page.locator(f"a[href='{case.get_absolute_url()}']").first.click()
    page.get_by_role("heading", name="Tijdlijn").wait_for()
    page.go_back()
    add_member(page, "Zus Wilma")
    assert swapped_token != token.input_value()

    assert NetworkMember.objects.filter(case=case).count() == 2
    assert page.get_by_text(NOTICE).count() == 0


def test_it_makes_a_reloaded_form_a_new_form(login_as, owner, team):
    """Only Back and Forward bring a kept token back: the form reloaded after Back is a new
    form, and saving it logs a new contact."""
    case = case_in_phase(Phase.CONTRACT, acting_user=owner, team=team)
    page = login_as(owner, f"/casussen/{case.pk}/contact/")
    page.locator("[name=notes]").fill("Telefoon: geen gehoor.")
    save(page)
    page.get_by_text("Contact vastgelegd.").wait_for()
    page.go_back()
    kept_token = page.locator("input[name=submission]").input_value()

    page.reload()
    assert page.locator("input[name=submission]").input_value() != kept_token
    page.locator("[name=notes]").fill("Huisbezoek: samen post gesorteerd.")
    save(page)
    page.get_by_text("Contact vastgelegd.").wait_for()
    assert ContactMoment.objects.filter(case=case).count() == 2
