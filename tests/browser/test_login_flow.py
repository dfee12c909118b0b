from django.utils.http import urlencode

from devdata.outreach import authenticator_for, current_code
from tests.browser.conftest import assert_accessible
from tests.conftest import PASSWORD


def log_in(page, user, password=PASSWORD):
    """The password step, then the second step with the code the user's app shows next (the
    current one was just used to link it)."""
    device = authenticator_for(user)
    page.goto("/login/")
    assert_accessible(page)
    page.get_by_label("Gebruikersnaam").fill(user.username)
    page.get_by_label("Wachtwoord").fill(password)
    page.get_by_role("button", name="Inloggen").click()
    if password != PASSWORD:
        return
    page.get_by_role("heading", name="Tweede stap: je code").wait_for()
    assert_accessible(page)
    page.get_by_label("Code uit je authenticator-app of een reservecode").fill(
        current_code(device, steps_ahead=1)
    )
    page.get_by_role("button", name="Controleren").click()


def test_it_takes_a_worker_to_their_home_page(page, owner):
    log_in(page, owner)
    page.get_by_role("heading", name="Mijn casussen").wait_for()
    assert page.locator(".topbar .user-name").inner_text() == "Olga Tester"
    assert page.get_by_role("link", name="Team").count() == 0


def test_it_shows_a_team_lead_the_team_navigation(page, lead, owner):
    log_in(page, lead)
    page.get_by_role("link", name="Team", exact=True).click()
    page.get_by_role("heading", name="Outreach Noord").wait_for()
    assert page.get_by_role("rowheader", name=str(owner)).count() == 1


def test_it_shows_a_dutch_error_for_a_wrong_password(page, owner):
    log_in(page, owner, "not-the-password")
    page.get_by_text("Voer een correcte gebruikersnaam en wachtwoord in").wait_for()
    assert page.get_by_label("Gebruikersnaam").input_value() == "owner"


def test_it_logs_out(login_as, owner):
    page = login_as(owner)
    page.get_by_role("button", name="Uitloggen").click()
    page.get_by_role("heading", name="Inloggen bij Outreach").wait_for()
    page.goto("/")
    assert "/login/" in page.url


def test_it_shows_the_second_step_and_nothing_else_after_the_password(page, owner):
    authenticator_for(owner)
    page.goto("/login/")
    page.get_by_label("Gebruikersnaam").fill("owner")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.get_by_role("heading", name="Tweede stap: je code").wait_for()
    assert page.locator(".topbar").count() == 0  # no navigation before the second step
    page.goto("/signalen/")
    assert page.url.endswith("/tweestaps/?" + urlencode({"next": "/signalen/"}))
    page.get_by_label("Code uit je authenticator-app of een reservecode").fill("000000")
    page.get_by_role("button", name="Controleren").click()
    page.get_by_text("Deze code klopt niet").wait_for()
