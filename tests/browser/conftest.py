"""Browser tests: the app on pytest-django's live server, driven in Chromium by Playwright.

Chromium is looked for at $CHROMIUM_PATH, /usr/bin/chromium, then Playwright's own download.
Without it the browser tests are skipped with a loud line at the end of the run, except under
CI=true, where a missing browser is a failure.
"""

import os
from pathlib import Path

import pytest
from django.utils.http import urlencode

from tests.conftest import PASSWORD, backup_code_of

# Playwright's sync API runs an event loop in this thread; the ORM calls the tests make around it
# are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

AXE = Path(__file__).parent / "vendor" / "axe.min.js"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-quic",
    "--disable-sync",
]
PHONE = {"width": 390, "height": 844}


def find_chromium():
    candidates = [os.environ.get("CHROMIUM_PATH"), "/usr/bin/chromium"]
    try:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as p:
            candidates.append(p.chromium.executable_path)
    except Exception:  # noqa: BLE001, S110 - no Playwright download is a normal case
        pass
    return next((c for c in candidates if c and Path(c).exists()), None)


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/browser/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def chromium_path():
    path = find_chromium()
    if path is None:
        message = (
            "Chromium not found: set CHROMIUM_PATH, install Debian's chromium package "
            "(apt-get install chromium) or run .venv/bin/playwright install chromium"
        )
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return path


@pytest.fixture(scope="session")
def browser(chromium_path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def assert_accessible(page):
    """axe-core on the page as it is now; serious and critical violations fail the test."""
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    bad = [v for v in result["violations"] if v["impact"] in ("serious", "critical")]
    assert not bad, "\n".join(
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
        for v in bad
    )


@pytest.fixture(autouse=True)
def browser_migration_data(migration_data):
    """Every browser test runs on a live server, so it needs the data migrations' rows back
    (tests/conftest.py migration_data)."""


@pytest.fixture
def page(browser, live_server):
    """A phone-sized page. It fails the test on any console error (a CSP violation, a broken
    script) and checks accessibility of the page it ends on."""
    context = browser.new_context(base_url=live_server.url, viewport=PHONE, locale="nl-NL")
    context.set_default_timeout(10_000)
    # An init script is injected through the DevTools protocol, so the strict CSP still holds.
    context.add_init_script(path=str(AXE))
    page = context.new_page()
    errors = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    yield page
    try:
        if page.url.startswith("http"):
            assert_accessible(page)
        assert not errors, f"console errors: {errors}"
    finally:
        context.close()


def log_in(page, user, code, password=PASSWORD, path="/"):
    """The real login: the password page, then the second step with `code`."""
    page.goto(f"/login/?{urlencode({'next': path})}")
    page.get_by_label("Gebruikersnaam").fill(user.username)
    page.get_by_label("Wachtwoord").fill(password)
    page.get_by_role("button", name="Inloggen").click()
    page.get_by_label("Code uit je authenticator-app of een reservecode").fill(code)
    with page.expect_navigation():
        page.get_by_role("button", name="Controleren").click()
    return page


@pytest.fixture
def login_as(page):
    """Log a user in through the login page and the second step (with a fresh backup code), then
    open a path. Any earlier login in this browser is forgotten first."""

    def login(user, path="/"):
        page.context.clear_cookies()
        return log_in(page, user, backup_code_of(user), path=path)

    return login
