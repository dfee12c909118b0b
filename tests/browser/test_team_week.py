"""On a phone: a team lead opens the team's week from the navigation and the team page, and sees
each worker's planned visits under that worker."""

from datetime import time

from django.utils import timezone

from cases import services
from cases.phases import Phase
from tests.browser.conftest import assert_accessible
from tests.cases.factories import case_in_phase


def test_a_lead_sees_a_workers_planned_visit_under_that_worker(
    login_as, owner, colleague, lead, team
):
    case = case_in_phase(
        Phase.CONTRACT, acting_user=owner, team=team, first_name="Kees", last_name="de Wit"
    )
    services.visit_plan(
        acting_user=owner,
        case=case,
        planned_on=timezone.localdate(),
        at=time(14, 30),
        place="Buurthuis De Pijp",
    )
    other = case_in_phase(
        Phase.CONTRACT,
        acting_user=owner,
        team=team,
        assigned_worker=colleague,
        first_name="Ans",
        last_name="Bos",
    )
    services.visit_plan(acting_user=owner, case=other, planned_on=timezone.localdate())
    page = login_as(lead)
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Team").click()
    page.get_by_role("link", name="Week van het team").click()
    page.get_by_role("heading", name="Week van Outreach Noord").wait_for()

    # Each worker's heading, then that worker's visits until the next worker's heading.
    workers = page.locator("h2.week-worker")
    assert workers.all_inner_texts() == ["Cor Tester", "Olga Tester"]
    olga_items = page.locator("h2.week-worker:has-text('Olga Tester') ~ article.week-item")
    cor_items = page.locator(
        "h2.week-worker:has-text('Cor Tester') ~ article.week-item"
        ":not(h2.week-worker:has-text('Olga Tester') ~ article)"
    )
    assert olga_items.count() == 1
    visit = olga_items.first.inner_text()
    assert "Kees de Wit" in visit and "14:30" in visit and "Buurthuis De Pijp" in visit
    assert cor_items.count() == 1 and "Ans Bos" in cor_items.first.inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert_accessible(page)
