"""A worker takes a signal all the way to a contract and logs a home visit, on a phone."""

from cases.models import Case, ContactMoment
from tests.browser.conftest import assert_accessible


def save(page):
    page.locator("form.record-form button[type=submit]").click()


def take_step(page, slug):
    page.locator("details.phase-moves summary").click()
    page.locator(f"details.phase-moves a[href$='/stap/{slug}/']").click()


def test_it_takes_a_signal_to_a_contract_and_logs_a_home_visit(login_as, owner):
    page = login_as(owner, "/signalen/nieuw/")
    assert_accessible(page)
    page.locator("[name=source]").select_option("housing")
    page.locator("[name=reporter_organisation]").fill("Havensteder")
    page.locator("[name=subject_name]").fill("Ria van Dijk")
    page.locator("[name=subject_address]").fill("Prinsenlaan 12")
    page.locator("[name=subject_postcode]").fill("3066kb")
    page.locator("[name=observed]").fill("Huurachterstand van drie maanden, balkon verwaarloosd.")
    page.locator("input[name=concerns][value=finances]").check()
    save(page)

    # The signal waits for a decision; take it in as a new client.
    page.locator("a[href$='/nieuwe-client/']").click()
    assert page.locator("[name=last_name]").input_value() == "van Dijk"
    assert page.locator("[name=postcode]").input_value() == "3066 KB"
    assert_accessible(page)
    save(page)
    page.locator(".case-header").wait_for()
    case = Case.objects.get()
    assert page.url.endswith(f"/casussen/{case.pk}/")

    take_step(page, "voorfase")
    save(page)
    take_step(page, "eerste-contact")
    save(page)

    # Contract is refused until contact is made: the message shows and nothing changes.
    take_step(page, "contract")
    save(page)
    page.locator(".form-errors").wait_for()
    assert Case.objects.get().phase == "eerste_contact"
    page.go_back()
    page.go_back()

    for result in ("not_home", "contact"):
        page.goto(f"/casussen/{case.pk}/poging/")
        page.locator("input[name=method][value=door]").check()
        page.locator(f"input[name=result][value={result}]").check()
        if result == "contact":
            page.locator("[name=observations]").fill("Rommelig, veel ongeopende post.")
        save(page)
        page.locator(".case-header").wait_for()

    take_step(page, "contract")
    save(page)
    page.locator(".case-header").wait_for()
    assert Case.objects.get().phase == "contract"

    page.locator(".case-actions a[href$='/contact/']").click()
    assert page.locator("input[name=kind][value=home_visit]").is_checked()
    page.locator("input[name=activities][value=post]").check()
    page.get_by_text("45 min", exact=True).click()  # a one-tap choice
    page.locator("[name=notes]").fill("Samen de post gesorteerd; brief Kredietbank gebeld.")
    assert_accessible(page)
    save(page)

    page.get_by_role("heading", name="Tijdlijn").wait_for()
    timeline = page.locator("#timeline")
    timeline.get_by_text("Samen de post gesorteerd").wait_for()
    assert ContactMoment.objects.get().duration_minutes == 45
    assert timeline.locator("li.event").count() == 8  # opened, signal, 3 phases, 2 attempts, visit
    assert page.viewport_size == {"width": 390, "height": 844}
    # Nothing on the page is wider than the phone.
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
