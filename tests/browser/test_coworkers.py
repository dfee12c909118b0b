"""A team lead puts a colleague on a case as cover over a holiday, on a phone, and opens the
shielded parts to them; the colleague then finds the case on their home page, marked as cover."""

from datetime import timedelta

from django.utils import timezone

from cases.models import CaseCoworker
from cases.phases import Phase
from tests.browser.conftest import assert_accessible
from tests.cases.factories import case_in_phase


def test_it_adds_a_cover_that_the_colleague_sees_on_their_home_page(
    login_as, lead, owner, colleague, team
):
    case = case_in_phase(
        Phase.CONTRACT, acting_user=owner, team=team, first_name="Ria", last_name="van Dijk"
    )
    start = timezone.localdate()
    end = start + timedelta(days=14)

    page = login_as(lead, case.get_absolute_url())
    people = page.locator("#people")
    people.get_by_role("heading", name="Mensen op deze casus").wait_for()
    assert_accessible(page)
    people.get_by_role("button", name="Iemand toevoegen").click()
    page.get_by_role("heading", name="Iemand aan deze casus toevoegen").wait_for()
    assert_accessible(page)
    page.locator("select[name=user]").select_option(label="Cor Tester")
    page.get_by_label("vervanging tijdens afwezigheid").check()
    page.locator("input[name=starts_on]").fill(start.isoformat())
    page.locator("input[name=ends_on]").fill(end.isoformat())
    page.locator("main form button[type=submit]").click()

    people.get_by_text("Cor Tester").wait_for()
    assert page.url.endswith(f"{case.get_absolute_url()}#people")
    text = people.inner_text()
    assert f"{start:%d-%m-%Y} t/m {end:%d-%m-%Y}" in text
    assert "vervanging tijdens afwezigheid" in text
    # The lead opens the shielded parts to Cor (htmx redraws the section).
    people.get_by_role("button", name="Afgeschermde delen openzetten").click()
    people.get_by_text("ziet de afgeschermde delen").wait_for()
    assert CaseCoworker.objects.get().has_access
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert_accessible(page)

    page = login_as(colleague, "/")
    card = page.locator(".case-card", has_text="Ria van Dijk")
    card.wait_for()
    assert f"vervanging t/m {end:%d-%m-%Y}" in card.inner_text()
