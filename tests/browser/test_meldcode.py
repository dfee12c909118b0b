"""On a phone: a worker walks all five steps of the meldcode on a case, the afwegingskader's
answers leading the way, and ends with a report to Veilig Thuis; a colleague of the team sees
only that a trajectory exists; the lead's overview counts the report."""

import os

from django.utils import timezone

from cases.models import MeldcodeTrajectory
from cases.phases import Phase
from tests.browser.conftest import assert_accessible
from tests.cases.factories import case_in_phase

FACTS = "Blauwe plek op de arm; buurvrouw hoorde geschreeuw."
SHOTS = os.environ.get("MELDCODE_SCREENSHOTS")


def shot(page, name, part=None):
    """With MELDCODE_SCREENSHOTS set, a screenshot to look at: a part of the page, or the
    screen as the user sees it."""
    if SHOTS:
        (part or page).screenshot(path=f"{SHOTS}/{name}.png")


def fits(page):
    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]


def open_step(page, key):
    """The step's form, opened under its step by htmx."""
    page.locator(f"#record-{key}").click()
    form = page.locator(f"#form-{key} form")
    form.wait_for()
    return form


def save(page, form):
    form.locator("button[type=submit]").click()
    page.locator(".messages .message-success").wait_for()


def test_a_worker_walks_the_five_steps_to_a_report(login_as, owner, colleague, lead, team):
    case = case_in_phase(
        Phase.EERSTE_CONTACT, acting_user=owner, team=team, first_name="Ria", last_name="Dijk"
    )
    today = timezone.localdate().isoformat()
    page = login_as(owner, f"/casussen/{case.pk}/")
    page.locator("summary", has_text="Meldcode (afgeschermd)").click()
    page.get_by_role("button", name="Meldcodetraject starten").click()

    # Step 1: facts apart from interpretation, and the child check.
    page.locator("input[name=observed_on]").fill(today)
    page.locator("input[name=source]").fill("eigen waarneming bij huisbezoek")
    page.locator("textarea[name=facts]").fill(FACTS)
    page.locator("textarea[name=interpretation]").fill("Mogelijk geweld door de partner.")
    page.locator("textarea[name=involved]").fill("Moeder (34), kinderen van 4 en 7.")
    page.locator("input[name=children][value=yes]").check()
    page.locator("main form button[type=submit]").click()
    # Bad input: the child check is missing; the message stands next to it, the rest kept.
    page.locator(".has-error textarea[name=child_check]").wait_for()
    assert page.locator("textarea[name=facts]").input_value() == FACTS
    shot(page, "step1-error-390")
    page.locator("textarea[name=child_check]").fill("Op school, veilig.")
    assert_accessible(page)
    page.locator("main form button[type=submit]").click()
    page.locator(".messages .message-success").wait_for()
    trajectory = MeldcodeTrajectory.objects.get()

    # Step 2: consultation.
    form = open_step(page, "consultation")
    form.locator("input[name=consulted_on]").fill(today)
    form.locator("select[name=kind]").select_option("veilig_thuis_anonymous")
    form.locator("input[name=with_whom]").fill("Adviseur Veilig Thuis")
    form.locator("textarea[name=advice]").fill("Bespreek het met moeder.")
    assert_accessible(page)
    save(page, form)

    # Step 3: the conversation.
    form = open_step(page, "conversation")
    form.locator("input[name=held][value=yes]").check()
    form.locator("input[name=held_on]").fill(today)
    form.locator("input[name=with_whom]").fill("Moeder")
    form.locator("textarea[name=said]").fill("Zorgen benoemd.")
    form.locator("textarea[name=reaction]").fill("Schrikt, herkent het.")
    save(page, form)

    # Step 4: the afwegingskader; acute unsafety leads to a report.
    form = open_step(page, "weighing")
    assert "acute onveiligheid en/of structurele onveiligheid" in form.inner_text()
    form.locator("input[name=q1][value=yes]").check()
    form.locator("textarea[name=q1_reason]").fill("Signalen en gesprek bevestigen het.")
    form.locator("input[name=q2][value=yes]").check()
    form.locator("textarea[name=q2_reason]").fill("Herhaald geweld, kinderen in huis.")
    assert_accessible(page)
    shot(page, "step4-390", form)
    save(page, form)
    assert "Melden bij Veilig Thuis." in page.locator("#step-weighing").inner_text()

    # Step 5: the report.
    form = open_step(page, "decision")
    form.locator("select[name=decision]").select_option("report")
    form.locator("input[name=reported_on]").fill(today)
    form.locator("textarea[name=report_content]").fill("Vermoeden fysiek geweld.")
    form.locator("input[name=vt_reference]").fill("VT-2026-0815")
    form.locator("input[name=client_told][value=yes]").check()
    form.locator("textarea[name=client_told_how]").fill("Vooraf besproken.")
    save(page, form)
    trajectory.refresh_from_db()
    assert trajectory.status == MeldcodeTrajectory.Status.REPORTED
    assert trajectory.step_reached == 5
    main = page.locator("main").inner_text()
    assert "Gemeld bij Veilig Thuis" in main and "VT-2026-0815" in main
    assert_accessible(page)
    fits(page)
    shot(page, "trajectory-390")
    shot(page, "trajectory-step5-390", page.locator("#step-decision"))
    if SHOTS:
        page.set_viewport_size({"width": 1280, "height": 900})
        shot(page, "trajectory-1280")
        page.set_viewport_size({"width": 390, "height": 844})

    page = login_as(colleague, f"/casussen/{case.pk}/")
    page.locator("summary", has_text="Meldcode (afgeschermd)").click()
    main = page.locator("main").inner_text()
    assert "Er is een meldcodetraject op deze casus (afgeschermd)." in main
    assert FACTS not in page.content() and "VT-2026-0815" not in page.content()
    assert_accessible(page)
    fits(page)
    shot(page, "colleague-390")

    # The lead's overview counts the report of this year.
    page = login_as(lead, f"/teams/{team.pk}/")
    page.locator("main .page-head a", has_text="Meldcode").click()
    assert "Meldingen bij Veilig Thuis in" in page.locator("main").inner_text()
    assert_accessible(page)
    fits(page)
    shot(page, "overview-390")
