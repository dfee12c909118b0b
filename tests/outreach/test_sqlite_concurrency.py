"""A page fires requests in parallel (the team page loads its network and ZRM parts at once) and
every request writes: the session (saved on every request), the access log, and for a form the
record in a transaction that first reads, then writes. These tests send such a burst at a real
threaded server and want every answer right and every row there."""

import contextlib
import http.client
import json
import os
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from http.cookies import SimpleCookie
from urllib.parse import urlencode, urlsplit

import pytest
from django.conf import settings
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from cases.models import ContactAttempt
from cases.phases import Phase
from outreach.models import AccessLogEntry
from tests.cases.factories import case_in_phase
from tests.conftest import PASSWORD, backup_code_of

BURST = 20
REQUEST_TIMEOUT_SECONDS = 30
SERVER_START_SECONDS = 30


class Visitor:
    """One browser over plain HTTP: it keeps the cookies the server sets and follows no
    redirects, so each step of the login can be checked. Safe to use from several threads."""

    def __init__(self, base_url):
        address = urlsplit(base_url)
        self.host, self.port = address.hostname, address.port
        self.cookies = {}
        self._lock = threading.Lock()

    def request(self, method, path, data=None):
        with self._lock:
            headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
            body = None
            if data is not None:
                body = urlencode({**data, "csrfmiddlewaretoken": self.cookies["csrftoken"]})
                headers["Content-Type"] = "application/x-www-form-urlencoded"
            elif path.startswith("/teams/"):
                headers["HX-Request"] = "true"  # the team page's parts are loaded by htmx
        connection = http.client.HTTPConnection(
            self.host, self.port, timeout=REQUEST_TIMEOUT_SECONDS
        )
        try:
            connection.request(method, path, body, headers)
            response = connection.getresponse()
            response.read()
        finally:
            connection.close()
        with self._lock:
            for line in response.headers.get_all("Set-Cookie") or []:
                for name, morsel in SimpleCookie(line).items():
                    if morsel["max-age"] == "0":
                        self.cookies.pop(name, None)
                    else:
                        self.cookies[name] = morsel.value
        return response.status

    def log_in(self, username, code):
        self.request("GET", reverse("login"))
        password_step = {"username": username, "password": PASSWORD}
        assert self.request("POST", reverse("login"), password_step) == 302
        assert self.request("POST", reverse("otp_verify"), {"code": code}) == 302
        return self


def lead_burst(team_id, case_id):
    """What a lead's screens send at once, BURST requests in all: the team page's network and
    ZRM parts and a case page (each logs a read), and contact attempts recorded on that case."""
    attempt = {
        "attempted_at": timezone.localtime(timezone.now() - timedelta(hours=1)).strftime(
            "%Y-%m-%dT%H:%M"
        ),
        "method": "door",
        "result": "not_home",
    }
    kinds = [
        ("GET", reverse("network_team", args=[team_id]), None),
        ("GET", reverse("zrm_team", args=[team_id]), None),
        ("GET", reverse("case_detail", args=[case_id]), None),
        ("POST", reverse("attempt_add", args=[case_id]), attempt),
    ]
    return [kinds[i % len(kinds)] for i in range(BURST)]


def send_at_once(visitor, requests):
    with ThreadPoolExecutor(max_workers=len(requests)) as pool:
        return list(pool.map(lambda r: visitor.request(*r), requests))


def assert_all_answered_and_stored(statuses, requests, logged, attempts):
    """Every GET a page, every POST a redirect back to the case; one access log row per GET and
    one attempt per POST."""
    assert statuses == [200 if method == "GET" else 302 for method, _, _ in requests]
    reads = Counter(f"GET {path}" for method, path, _ in requests if method == "GET")
    assert Counter(row for row in logged if row in reads) == reads
    assert attempts == sum(method == "POST" for method, _, _ in requests)


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's own connection settings")
def test_it_opens_every_sqlite_connection_in_wal_with_the_busy_timeout(db):
    """The init_command and timeout take effect, on the suite's file database as in production."""
    with connection.cursor() as cursor:
        assert cursor.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        busy_timeout = cursor.execute("PRAGMA busy_timeout").fetchone()
    assert busy_timeout == (settings.SQLITE_BUSY_TIMEOUT_SECONDS * 1000,)
    assert connection.transaction_mode == "IMMEDIATE"


def test_it_answers_a_burst_of_parallel_requests_on_the_live_server(
    live_server, migration_data, lead, team
):
    """The browser tests' server. On SQLite with an in-memory test database its threads shared
    one connection, and a burst like this got 400s (a session save refused) and 500s."""
    case = case_in_phase(Phase.EERSTE_CONTACT, acting_user=lead, team=team)
    visitor = Visitor(live_server.url).log_in(lead.username, backup_code_of(lead))
    requests = lead_burst(team.pk, case.pk)

    statuses = send_at_once(visitor, requests)

    assert_all_answered_and_stored(
        statuses,
        requests,
        AccessLogEntry.objects.values_list("request", flat=True),
        ContactAttempt.objects.filter(case=case).count(),
    )


# Run in the server's own environment before it starts: the database made by migrate, a lead
# with a case in first contact, and a backup code for the login, printed as JSON.
SERVER_DATA = """
import json
from django.core.management import call_command
from cases.phases import Phase
from devdata.outreach import authenticator_for
from outreach.models import Membership
from outreach.services import backup_codes_regenerate, membership_set, team_create, user_create
from tests.cases.factories import case_in_phase

call_command("migrate", verbosity=0)
team = team_create(acting_user=None, name="Outreach Noord", code="NO")
lead = user_create(
    acting_user=None, username="lead", password={password!r}, first_name="L", last_name="T"
)
membership_set(acting_user=None, team=team, user=lead, role=Membership.Role.LEAD)
case = case_in_phase(Phase.EERSTE_CONTACT, acting_user=lead, team=team)
authenticator_for(lead)
code = backup_codes_regenerate(acting_user=lead, user=lead)[0]
print(json.dumps({{"team": team.pk, "case": case.pk, "code": code}}))
"""


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_listening(port, server):
    deadline = time.monotonic() + SERVER_START_SECONDS
    while time.monotonic() < deadline:
        assert server.poll() is None, "runserver stopped"
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 1):
            return
        time.sleep(0.2)
    raise AssertionError(f"runserver did not listen within {SERVER_START_SECONDS} s")


def test_it_answers_a_burst_of_parallel_requests_on_runserver_with_the_default_database(tmp_path):
    """`make run`: runserver on the embedded default, a SQLite file in DATA_DIR, with the
    settings' WAL, busy timeout and IMMEDIATE transactions (without IMMEDIATE, attempts posted
    at once fail with "database is locked"). Whatever database the suite itself runs on."""
    env = {**os.environ, "DEBUG": "true", "DATA_DIR": str(tmp_path)}
    env.pop("DATABASE_URL", None)
    manage = [sys.executable, str(settings.BASE_DIR / "manage.py")]
    made = subprocess.run(
        [*manage, "shell", "-c", SERVER_DATA.format(password=PASSWORD)],
        env=env,
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=True,
    )
    data = json.loads(made.stdout.splitlines()[-1])
    port = free_port()
    server = subprocess.Popen(
        [*manage, "runserver", "--noreload", f"127.0.0.1:{port}"],
        env=env,
        cwd=settings.BASE_DIR,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        wait_until_listening(port, server)
        visitor = Visitor(f"http://127.0.0.1:{port}").log_in("lead", data["code"])
        requests = lead_burst(data["team"], data["case"])
        statuses = send_at_once(visitor, requests)
    finally:
        server.terminate()
        server_log = server.communicate(timeout=REQUEST_TIMEOUT_SECONDS)[1]

    with contextlib.closing(sqlite3.connect(tmp_path / "outreach.sqlite3")) as database:
        assert database.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        logged = [row for (row,) in database.execute("SELECT request FROM outreach_accesslogentry")]
        (attempts,) = database.execute("SELECT count(*) FROM cases_contactattempt").fetchone()
    try:
        assert_all_answered_and_stored(statuses, requests, logged, attempts)
    except AssertionError:
        print(server_log)  # the server's tracebacks, shown with the failure
        raise
