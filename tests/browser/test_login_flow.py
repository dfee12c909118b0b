from tests.browser.conftest import assert_accessible
from tests.conftest import PASSWORD


def log_in(page, username, password):
    page.goto("/login/")
    assert_accessible(page)
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(password)
    page.get_by_role("button", name="Inloggen").click()


def test_it_takes_a_worker_to_their_home_page(page, owner):
    log_in(page, "owner", PASSWORD)
    page.get_by_role("heading", name="Mijn casussen").wait_for()
    assert page.locator(".topbar .user-name").inner_text() == "Olga Tester"
    assert page.get_by_role("link", name="Team").count() == 0


def test_it_shows_a_team_lead_the_team_navigation(page, lead, owner):
    log_in(page, "lead", PASSWORD)
    page.get_by_role("link", name="Team", exact=True).click()
    page.get_by_role("heading", name="Outreach Noord").wait_for()
    assert page.get_by_role("rowheader", name=str(owner)).count() == 1


def test_it_shows_a_dutch_error_for_a_wrong_password(page, owner):
    log_in(page, "owner", "not-the-password")
    page.get_by_text("Voer een correcte gebruikersnaam en wachtwoord in").wait_for()
    assert page.get_by_label("Gebruikersnaam").input_value() == "owner"


def test_it_logs_out(login_as, owner):
    page = login_as(owner)
    page.get_by_role("button", name="Uitloggen").click()
    page.get_by_role("heading", name="Inloggen bij Outreach").wait_for()
    page.goto("/")
    assert "/login/" in page.url
