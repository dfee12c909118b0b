"""Two app servers on one PostgreSQL behave as one (docs/deployment.md, *More than one app
server*): two gunicorn processes on localhost ports, the browser going to either at every request
as behind a load balancer without sticky sessions. Sessions, the login lockout, the second-factor
throttle and case references all live in the database; static files come from each server's own
install. PostgreSQL only: SQLite is one file on one machine."""

import os
import re
import socket
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import requests
from django.conf import global_settings
from django.db import connection
from django_otp.plugins.otp_totp.models import TOTPDevice

from cases.models import Case
from devdata.outreach import authenticator_for
from outreach.models import Membership
from outreach.services import backup_codes_regenerate, team_create, user_manager_set
from tests.cases.factories import register_signal
from tests.conftest import PASSWORD, make_member

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="two app servers need PostgreSQL"),
]

ROOT = Path(__file__).resolve().parents[2]
GUNICORN = Path(sys.executable).parent / "gunicorn"
START_TIMEOUT_SECONDS = 120
PARALLEL_INTAKES = 12
# Generous: CI machines and busy laptops are slow, and a server's first request loads everything.
REQUEST_TIMEOUT_SECONDS = 60


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def servers(transactional_db, migration_data, tmp_path):
    """Two gunicorn servers (two workers each) on the test database; their base URLs. With the
    data migrations' rows (the current ZRM version), which an earlier live-server test empties."""
    db = connection.settings_dict
    url = f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "DATABASE_CONN_MAX_AGE": "0",
        "DEBUG": "true",
        "SECRET_KEY": "two-servers-share-this-secret-key-and-nothing-else",
    }
    processes, bases = [], []
    for index in range(2):
        port = _free_port()
        log = (tmp_path / f"server-{index}.log").open("w")
        processes.append(
            subprocess.Popen(
                [
                    str(GUNICORN),
                    "outreach.wsgi",
                    *("-b", f"127.0.0.1:{port}", "-w", "2", "--graceful-timeout", "5"),
                ],
                cwd=ROOT,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        )
        bases.append(f"http://127.0.0.1:{port}")
    try:
        for base, process in zip(bases, processes, strict=True):
            deadline = time.monotonic() + START_TIMEOUT_SECONDS
            while True:
                try:
                    requests.get(f"{base}/login/", timeout=REQUEST_TIMEOUT_SECONDS)
                    break
                except requests.RequestException:
                    assert process.poll() is None, "a server did not start"
                    assert time.monotonic() < deadline, "a server did not start in time"
                    time.sleep(0.3)
        yield bases
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def _form_token(browser, url, name="csrfmiddlewaretoken"):
    page = browser.get(url, timeout=REQUEST_TIMEOUT_SECONDS).text
    return re.search(rf'name="{name}" value="([^"]+)"', page).group(1)


def _password(browser, base, user, password=PASSWORD):
    token = _form_token(browser, f"{base}/login/")
    return browser.post(
        f"{base}/login/",
        {"username": user.username, "password": password, "csrfmiddlewaretoken": token},
        allow_redirects=False,
        timeout=REQUEST_TIMEOUT_SECONDS,
    )


def _log_in(browser, base, user, code):
    assert _password(browser, base, user).status_code == 302, "password step refused"
    assert _code(browser, base, code).status_code == 302, "code step refused"


def _code(browser, base, code):
    token = _form_token(browser, f"{base}/tweestaps/")
    return browser.post(
        f"{base}/tweestaps/",
        {"code": code, "csrfmiddlewaretoken": token},
        allow_redirects=False,
        timeout=REQUEST_TIMEOUT_SECONDS,
    )


@pytest.fixture
def worker(settings):
    # The servers check passwords with the production hashers, not the tests' fast one.
    settings.PASSWORD_HASHERS = global_settings.PASSWORD_HASHERS
    team = team_create(acting_user=None, name="Outreach Noord", code="NO")
    user = make_member("owner", team, Membership.Role.WORKER)
    authenticator_for(user)
    user.codes = backup_codes_regenerate(acting_user=user, user=user)
    user.team = team
    return user


def test_it_keeps_a_session_made_on_one_server_on_the_other(servers, worker):
    a, b = servers
    browser = requests.Session()
    assert _password(browser, a, worker).status_code == 302
    assert _code(browser, b, worker.codes[0]).status_code == 302
    for base in (a, b, a):
        response = browser.get(f"{base}/", allow_redirects=False, timeout=REQUEST_TIMEOUT_SECONDS)
        assert response.status_code == 200
    # Logging out on one ends the session on both.
    token = _form_token(browser, f"{b}/")
    browser.post(f"{b}/logout/", {"csrfmiddlewaretoken": token}, timeout=REQUEST_TIMEOUT_SECONDS)
    assert (
        browser.get(f"{a}/", allow_redirects=False, timeout=REQUEST_TIMEOUT_SECONDS).status_code
        == 302
    )


def test_it_counts_wrong_passwords_across_both_servers(servers, worker):
    a, b = servers
    browser = requests.Session()
    # The fifth wrong password locks (LOGIN_FAILURE_LIMIT), wherever the first four went.
    for attempt in range(4):
        response = _password(browser, (a, b)[attempt % 2], worker, "wrong-password")
        assert response.status_code == 200
    assert _password(browser, a, worker, "wrong-password").status_code == 429
    assert _password(browser, a, worker).status_code == 429
    assert _password(requests.Session(), b, worker).status_code == 429


def test_it_throttles_wrong_codes_across_both_servers(servers, worker):
    a, b = servers
    browser = requests.Session()
    assert _password(browser, a, worker).status_code == 302
    assert _code(browser, a, "000000").status_code == 200
    time.sleep(1.2)  # past the first wait: the next wrong code is checked, and counts
    assert _code(browser, b, "111111").status_code == 200
    # A six-digit code is checked against the authenticator app's device, which counts both.
    assert TOTPDevice.objects.get(user=worker).throttling_failure_count == 2
    # Now a right code, at once, on the first server: still inside the second wait.
    refused = _code(browser, a, worker.codes[0])
    assert refused.status_code == 200
    assert "Te veel onjuiste codes" in refused.text


def test_it_keeps_case_references_unique_under_parallel_intake(servers, worker):
    signals = [
        register_signal(acting_user=worker, team=worker.team) for _ in range(PARALLEL_INTAKES)
    ]
    browsers = []
    for index in range(2):
        browser = requests.Session()
        _log_in(browser, servers[index], worker, worker.codes[index])
        browsers.append(browser)

    def intake(index):
        base, browser = servers[index % 2], browsers[index % 2]
        url = f"{base}/signalen/{signals[index].pk}/nieuwe-client/"
        page = browser.get(url, timeout=REQUEST_TIMEOUT_SECONDS).text
        data = {
            name: re.search(rf'name="{name}" value="([^"]+)"', page).group(1)
            for name in ("csrfmiddlewaretoken", "submission")
        }
        data.update(first_name="Ria", last_name=f"Client {index}", assigned_worker=worker.pk)
        return browser.post(
            url, data, allow_redirects=False, timeout=REQUEST_TIMEOUT_SECONDS
        ).status_code

    with ThreadPoolExecutor(max_workers=PARALLEL_INTAKES) as pool:
        statuses = list(pool.map(intake, range(PARALLEL_INTAKES)))
    assert statuses == [302] * PARALLEL_INTAKES
    references = list(Case.objects.values_list("reference", flat=True))
    assert len(references) == PARALLEL_INTAKES
    assert len(set(references)) == PARALLEL_INTAKES


def test_it_serves_static_files_and_pdfs_from_each_server_without_shared_disk(servers, worker):
    a, b = servers
    styles = [
        requests.get(f"{base}/static/css/app.css", timeout=REQUEST_TIMEOUT_SECONDS)
        for base in servers
    ]
    assert [r.status_code for r in styles] == [200, 200]
    assert styles[0].content == styles[1].content
    # A PDF is made in memory by the server that was asked, and written nowhere.
    user_manager_set(acting_user=None, user=worker, manager=True)
    browser = requests.Session()
    _log_in(browser, a, worker, worker.codes[0])
    year = time.localtime().tm_year
    pdf = browser.get(f"{b}/organisatie/jaarverslag/{year}.pdf", timeout=REQUEST_TIMEOUT_SECONDS)
    assert pdf.status_code == 200
    assert pdf.content.startswith(b"%PDF")
