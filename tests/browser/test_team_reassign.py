"""A team lead moves two of a worker's cases to a colleague, on a phone."""

from cases.models import Case, TimelineEvent
from cases.phases import Phase
from tests.browser.conftest import assert_accessible
from tests.cases.factories import case_in_phase, open_case

REASON = "Olga gaat drie maanden met verlof."


def test_it_reassigns_two_cases_from_the_worker_page(login_as, lead, owner, colleague, team):
    first = open_case(acting_user=owner, team=team, first_name="Ria", last_name="van Dijk")
    second = case_in_phase(
        Phase.CONTRACT, acting_user=owner, team=team, first_name="Kees", last_name="de Wit"
    )
    stays = open_case(acting_user=owner, team=team, first_name="Ans", last_name="Blijft")

    page = login_as(lead, f"/teams/{team.pk}/")
    page.get_by_role("heading", name="Outreach Noord").wait_for()
    assert_accessible(page)
    page.locator("table.caseload").get_by_role("link", name="Olga Tester").click()
    page.get_by_role("heading", name="Olga Tester").wait_for()
    assert page.url.endswith(f"/teams/{team.pk}/werkers/{owner.pk}/")
    assert_accessible(page)

    page.get_by_label("Ria van Dijk").check()
    page.get_by_label("Kees de Wit").check()
    page.locator("select[name=to_worker]").select_option(label="Cor Tester")
    page.locator("textarea[name=reason]").fill(REASON)
    page.locator("form.reassign-form button[type=submit]").click()

    page.locator(".messages .message-success").wait_for()
    assert "2 casussen overgedragen aan Cor Tester." in page.locator(".messages").inner_text()
    workers = dict(Case.objects.values_list("pk", "assigned_worker"))
    assert workers == {first.pk: colleague.pk, second.pk: colleague.pk, stays.pk: owner.pk}
    for case in (first, second):
        (event,) = TimelineEvent.objects.filter(case=case, kind=TimelineEvent.Kind.ASSIGNMENT)
        assert event.data == {"from": "Olga Tester", "to": "Cor Tester", "reason": REASON}
    # The worker page now shows only the case that stayed.
    assert page.locator("input[name=cases]").count() == 1
    assert page.viewport_size == {"width": 390, "height": 844}
    assert page.evaluate("document.documentElement.scrollWidth") <= 390

    page = login_as(colleague, "/")
    cards = page.locator(".case-card")
    cards.first.wait_for()
    home = page.locator("main").inner_text()
    assert "Ria van Dijk" in home and "Kees de Wit" in home
    assert "Ans Blijft" not in home


def test_it_reassigns_again_from_the_same_page_right_after(login_as, lead, owner, colleague, team):
    # The page a save leads back to has the same form: it is a new form, not the one just sent
    # (filled in again with its used one-time token, it would answer "already saved").
    first = open_case(acting_user=owner, team=team, first_name="Ria", last_name="van Dijk")
    second = open_case(acting_user=owner, team=team, first_name="Kees", last_name="de Wit")
    open_case(acting_user=owner, team=team, first_name="Ans", last_name="Blijft")
    page = login_as(lead, f"/teams/{team.pk}/werkers/{owner.pk}/")
    for case, name in ((first, "Ria van Dijk"), (second, "Kees de Wit")):
        page.get_by_label(name).check()
        page.locator("select[name=to_worker]").select_option(label="Cor Tester")
        page.locator("textarea[name=reason]").fill(REASON)
        page.locator("form.reassign-form button[type=submit]").click()
        page.locator(".messages .message-success").wait_for()
        assert "1 casus overgedragen aan Cor Tester." in page.locator(".messages").inner_text()
        assert Case.objects.get(pk=case.pk).assigned_worker == colleague
        assert page.locator("textarea[name=reason]").input_value() == ""
        assert page.locator(".offline-notice").count() == 0
    page.go_back()
    page.locator("form.reassign-form").wait_for()
    assert page.locator(".offline-notice").count() == 0
