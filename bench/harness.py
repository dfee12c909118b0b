"""What the benchmark scripts share: Django set up against a throwaway test database (or, with
--reuse, a kept one), a test client logged in past both steps, timing a page through it (server
time, no network), and the targets each script checks and prints beside its figures.

Every script takes --tiny: a run of seconds that CI makes (`make bench`), so a benchmark that no
longer runs fails CI. At that size the structural targets (every page answers 200, query counts
flat) are checked; the timing targets are printed but not checked, since a few requests on a
tiny data set on a shared machine say nothing about the figures at full size, and a check on
them would only make CI flaky. A script exits non-zero when a checked target is missed.
"""

import argparse
import contextlib
import cProfile
import gc
import io
import logging
import os
import pstats
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "outreach.settings")

import django  # noqa: E402

django.setup()
# django-axes logs every login at INFO, the benchmarks' force_login too.
logging.getLogger("axes").setLevel(logging.WARNING)

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.template import Template  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402

from devdata.outreach import pass_second_step  # noqa: E402


def arguments(doc):
    """The parser every script starts from: its docstring as help, --tiny and --reuse."""
    parser = argparse.ArgumentParser(
        description=doc, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--tiny",
        action="store_true",
        help="a run of seconds (CI): structural targets checked, timing targets only printed",
    )
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="use the database DATABASE_URL names as it is (migrated, data only added) and keep "
        "it, instead of a throwaway test database: the 25,000-case data is then built once",
    )
    return parser


@contextlib.contextmanager
def database(*, reuse=False, shared=False):
    """A fresh, migrated test database (test_<name>), dropped afterwards; with `reuse` the
    configured database itself, migrated and kept. `shared`: one that other processes (a
    server) can open too, a file on SQLite instead of memory."""
    # DEBUG off, as on a server and in Django's own test runner: with it on, every query is
    # formatted and logged (connection.queries) and templates render in debug mode.
    server_render = Template._render
    setup_test_environment(debug=False)
    # The test environment makes every template (each include too) send a signal on which the
    # test client copies the template's whole context, to offer response.context: work that
    # no server does and that grows with the includes of a page. The benchmarks time what
    # gunicorn runs, so templates render as they do there (responses then have no .context).
    Template._render = server_render
    if reuse:
        call_command("migrate", verbosity=0, interactive=False)
        yield connection.vendor
        return
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    if shared and connection.vendor == "sqlite":
        settings.DATA_DIR.mkdir(parents=True, exist_ok=True)
        connection.settings_dict["TEST"]["NAME"] = str(settings.DATA_DIR / "bench-shared.sqlite3")
    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        yield connection.vendor
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


def verified_client(user):
    """A test client whose session has passed the password and the second step (the pages
    answer anything else with a redirect to the second step)."""
    client = Client()
    client.force_login(user)
    pass_second_step(client.session, user)
    return client


def percentile(values, share):
    ordered = sorted(values)
    return ordered[max(0, int(round(share * len(ordered))) - 1)]


TICK_MS = 1000 / os.sysconf("SC_CLK_TCK")


def process_cpu_ms(pid):
    """The CPU time (user and system) a process has used so far, from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * TICK_MS


def cpu_ms():
    """CPU time used so far by this process and, on PostgreSQL on this machine, by its server
    process: what a request costs, whatever else the machine is doing."""
    used = time.process_time() * 1000
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_backend_pid()")
            backend = cursor.fetchone()[0]
        with contextlib.suppress(OSError):
            used += process_cpu_ms(backend)
    return used


def answered(client, url, post=None):
    """One request (a POST of `post` if given). A page that does not answer 200 stops the
    benchmark (exit status 1)."""
    response = client.post(url, post) if post is not None else client.get(url)
    assert response.status_code == 200, (url, response.status_code)


def timed(client, url, repeat, *, post=None):
    """The server times in ms of `repeat` requests (a POST of `post` if given), the queries of
    one such request, and the mean CPU ms per request (this process and its database server
    process)."""

    def request():
        answered(client, url, post)

    request()  # warm up
    # The queries of one request, told outside the timed ones: capturing formats and keeps
    # every statement, work a server does not do.
    with CaptureQueriesContext(connection) as captured:
        request()
    # Read now: the next request empties the connection's log.
    queries = captured.captured_queries
    # Start from a clean heap, as a fresh server worker does: left-over objects from building the
    # data would otherwise make the garbage collector pause in the timed requests.
    gc.collect()
    times = []
    cpu_before = cpu_ms()
    for _ in range(repeat):
        start = time.perf_counter()
        request()
        times.append((time.perf_counter() - start) * 1000)
    cpu = (cpu_ms() - cpu_before) / repeat
    return times, queries, cpu


def python_calls(client, url, *, post=None):
    """The Python function calls of one request, as cProfile counts them: unlike a time, the same
    on a fast minute and a slow one, so two versions of a page compare on any machine."""
    profile = cProfile.Profile()
    profile.enable()
    try:
        answered(client, url, post)
    finally:
        profile.disable()
    return pstats.Stats(profile).total_calls


def measure(client, url, repeat):
    """Median and 95th percentile server time in ms over `repeat` requests, the number of
    queries of one request, and the mean CPU ms per request."""
    times, queries, cpu = timed(client, url, repeat)
    return statistics.median(times), percentile(times, 0.95), len(queries), cpu


def seed_city(size):
    """The demo data (its ZRM and network cases) and `size` cases of scale data (both additive:
    a kept database gets only what it lacks)."""
    from devdata import cases, network, outreach, scale, zrm

    quiet = io.StringIO()
    with transaction.atomic():
        for part in (outreach, cases, network, zrm):
            part.seed(quiet)
    scale.seed(size, quiet)


class Targets:
    """The targets of one run, printed beside the figures as they are checked."""

    def __init__(self, *, tiny):
        self.tiny = tiny
        self.missed = []

    def check(self, what, figure, target, ok, *, timing=True):
        checked = not (timing and self.tiny)
        if ok:
            verdict = "ok"
        elif checked:
            verdict = "MISSED"
            self.missed.append(what)
        else:
            verdict = "missed (not checked at tiny size)"
        print(f"  target  {what:<44} {figure:>12}  {target:<16} {verdict}")

    def at_most(self, what, value, limit, *, unit="ms", timing=True):
        self.check(
            what, f"{value:,.1f} {unit}", f"<= {limit:,} {unit}", value <= limit, timing=timing
        )

    def at_least(self, what, value, limit, *, unit="", timing=True):
        self.check(
            what, f"{value:,.1f} {unit}", f">= {limit:,} {unit}", value >= limit, timing=timing
        )

    def same(self, what, values):
        """A structural target: the values (query counts at two sizes) are equal."""
        shown = " / ".join(str(v) for v in values)
        self.check(what, shown, "all equal", len(set(values)) <= 1, timing=False)

    def finish(self):
        """Exit non-zero when a checked target was missed."""
        if self.missed:
            print(f"MISSED {len(self.missed)} target(s): {', '.join(self.missed)}")
            sys.exit(1)
        print("all checked targets met" + (" (tiny size: timing not checked)" if self.tiny else ""))


def s01_cast():
    """Team S01 of the scale data (devdata/scale.py), its lead, its busiest worker with that
    worker's number of open cases, and the case with its longest timeline with that length:
    the users and records the page benchmarks time."""
    from django.db.models import Count

    from cases.models import Case, TimelineEvent
    from cases.phases import CLOSED_PHASES
    from outreach.models import Team, User

    team = Team.objects.get(code="S01")
    busiest = (
        Case.objects.filter(team=team)
        .exclude(phase__in=CLOSED_PHASES)
        .values("assigned_worker")
        .annotate(n=Count("id"))
        .order_by("-n")
        .first()
    )
    longest = (
        TimelineEvent.objects.filter(case__team=team)
        .values("case")
        .annotate(n=Count("id"))
        .order_by("-n")
        .first()
    )
    return {
        "team": team,
        "lead": User.objects.get(username="s01lead"),
        "worker": User.objects.get(pk=busiest["assigned_worker"]),
        "open_cases": busiest["n"],
        "case": Case.objects.select_related("assigned_worker").get(pk=longest["case"]),
        "events": longest["n"],
    }
