"""A worker puts a case on the agenda of the team's next case meeting from the case page; the
lead sees it on the team page, records the meeting and the case's discussion with the client's
consent and a decision; the decision is an agreement on the case and the meeting is on its
timeline. On a phone."""

from datetime import timedelta

from django.utils import timezone

from cases.models import Agreement, CaseMeeting
from cases.phases import Phase
from tests.browser.conftest import assert_accessible
from tests.cases.factories import case_in_phase
from tests.cases.meeting_data import plan_meeting


def test_it_puts_a_case_on_the_agenda_and_records_its_discussion(login_as, lead, owner, team):
    case = case_in_phase(
        Phase.EERSTE_CONTACT, acting_user=owner, team=team, first_name="Kees", last_name="Groen"
    )
    meeting = plan_meeting(acting_user=lead, team=team, days=0, kind="intake")

    page = login_as(owner, f"/casussen/{case.pk}/")
    page.get_by_role("button", name="Agenderen").click()
    page.get_by_role("heading", name="Agenderen voor een casusoverleg").wait_for()
    assert_accessible(page)
    page.get_by_label("Vraag of reden").fill("Schulden lopen op: wie sluit aan?")
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_role("heading", name="Op de agenda").wait_for()
    assert_accessible(page)

    page = login_as(lead, f"/teams/{team.pk}/")
    section = page.locator(
        "section", has=page.get_by_role("heading", name="Komende casusoverleggen")
    )
    section.get_by_text("Schulden lopen op: wie sluit aan?").wait_for()
    assert case.reference in section.inner_text()
    assert_accessible(page)
    section.get_by_role("link", name="Integraal intakeoverleg").click()
    page.get_by_role("heading", name="Agenda").wait_for()
    assert "Groen" not in page.locator("#agenda").inner_text()
    assert_accessible(page)

    page.get_by_role("button", name="Overleg vastleggen").click()
    page.get_by_label("Lotte Tester").check()
    page.get_by_label("Olga Tester").check()
    page.get_by_label("Anderen aanwezig").fill("Buurvrouw Ria")
    assert_accessible(page)
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_role("button", name="Bespreking vastleggen").click()
    page.get_by_label("ja", exact=True).check()
    page.get_by_label("Conclusies").fill("Schuldhulp erbij halen.")
    page.get_by_label("Besluit 1", exact=True).fill("Aanmelden bij schuldhulp")
    page.get_by_label("Wie doet het (besluit 1)").select_option(label="werker")
    assert_accessible(page)
    page.get_by_role("button", name="Opslaan").click()
    page.locator(".messages .message-success").wait_for()
    assert "Groen" in page.locator("#agenda").inner_text()
    assert_accessible(page)

    page.goto(page.url.split("/overleggen/")[0] + f"/casussen/{case.pk}/")
    page.get_by_text("Besproken: integraal intakeoverleg").wait_for()
    assert page.get_by_text("Aanmelden bij schuldhulp").count() >= 2
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.screenshot(path="/tmp/together/case-meeting-case.png", full_page=True)
    assert Agreement.objects.get(case=case).description == "Aanmelden bij schuldhulp"
    assert meeting.items.get().consent == "yes"


def test_a_lead_plans_the_teams_next_meeting_from_the_team_page(login_as, lead, team):
    page = login_as(lead, f"/teams/{team.pk}/")
    page.get_by_role("link", name="Overleg plannen").click()
    page.get_by_role("heading", name="Casusoverleg plannen").wait_for()
    assert_accessible(page)
    page.get_by_label("integraal intakeoverleg").check()
    on = timezone.localdate() + timedelta(days=7)
    page.locator("input[name=planned_on]").fill(on.isoformat())
    with page.expect_navigation():
        page.get_by_role("button", name="Opslaan").click()
    page.get_by_text("Overleg gepland.").wait_for()
    (meeting,) = CaseMeeting.objects.filter(team=team)
    assert (meeting.kind, meeting.planned_on) == ("intake", on)
