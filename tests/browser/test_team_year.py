"""On a phone: a team lead opens the year figures from the team page, sets this year's target,
picks last year (which has a target of its own, here none) and downloads the CSV."""

import os
from datetime import date

from django.utils import timezone

from cases.models import Case
from cases.phases import Phase
from tests.browser.conftest import assert_accessible
from tests.cases.factories import case_in_phase

SHOTS = os.environ.get("TEAM_YEAR_SCREENSHOTS")


def shot(page, name):
    if SHOTS:
        page.screenshot(path=f"{SHOTS}/{name}.png", full_page=True)


def test_a_lead_reads_the_year_figures_of_two_years(login_as, owner, lead, team):
    this_year = timezone.localdate().year
    for n in range(3):
        case_in_phase(Phase.AFGESLOTEN, acting_user=owner, team=team, last_name=f"A{n}")
    old = case_in_phase(Phase.NIET_PASSEND, acting_user=owner, team=team, last_name="Oud")
    Case.objects.filter(pk=old.pk).update(closed_on=date(this_year - 1, 3, 1))
    page = login_as(lead, f"/teams/{team.pk}/")
    page.get_by_role("link", name="Jaarcijfers").click()
    page.get_by_role("heading", name=f"Afgesloten in {this_year}").wait_for()
    page.get_by_role("link", name=f"Doel voor {this_year} instellen").click()
    page.get_by_role("heading", name=f"Doel voor {this_year}").wait_for()
    assert_accessible(page)
    page.get_by_label("Af te sluiten casussen (doel)").fill("0")
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_text("Geef een aantal casussen van 1 tot 100000").wait_for()
    shot(page, "team-year-target-390")
    page.get_by_label("Af te sluiten casussen (doel)").fill("12")
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_text("Doel opgeslagen.").wait_for()
    assert page.locator("dd", has_text="12 (25%)").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    shot(page, "team-year-390")
    assert_accessible(page)
    # The year choice swaps the figures (htmx) and puts the year in the address.
    page.get_by_label("Jaar").select_option(str(this_year - 1))
    page.get_by_role("button", name="Tonen").click()
    page.get_by_role("heading", name=f"Afgesloten in {this_year - 1}").wait_for()
    assert f"jaar={this_year - 1}" in page.url
    row = page.locator("tfoot tr", has_text="Totaal afgesloten")
    assert row.locator("td").inner_text() == "1"
    assert page.get_by_text(f"Het team heeft geen doel voor {this_year - 1}.").is_visible()
    with page.expect_download() as download:
        page.get_by_role("link", name=f"Jaarcijfers {this_year - 1} als CSV").click()
    assert download.value.suggested_filename == f"jaarcijfers-NO-{this_year - 1}.csv"
    if SHOTS:
        page.set_viewport_size({"width": 1280, "height": 900})
        shot(page, "team-year-1280")
