"""A load test: gunicorn as docs/deployment.md runs it, a mix of pages from verified sessions.

    DEBUG=true DATABASE_URL=postgres://postgres@127.0.0.1:5432/outreach_bench \\
        .venv/bin/python bench/load.py --reuse              # 25,000 cases, built once and kept
    options: --size 25000 --seconds 60 --workers 3 --clients 8 --sessions 20; --tiny (CI)

It makes the scale data (devdata/scale.py; kept with --reuse), collects the static files,
starts gunicorn with production settings (DEBUG=false, behind a proxy that says https) on a
free local port, and mints `sessions` sessions that have passed both login steps: for each, a
worker with open cases and the lead of their team. Then `clients` threads request for `seconds`
the mix of a working day: 41% a case page of the worker's, 25% the worker's home page, 15% the
team page (as the lead), 10% the signal list, 10% a client page.

It prints requests per second, the latency (p50, p95, p99, as the load client sees it), the
errors (anything but a 200), and the CPU time per request of gunicorn and of the PostgreSQL
processes serving its connections, from /proc: the figure that holds on a shared machine,
where the requests per second depend on what else runs. Beside them: the load client's own CPU
per request (it runs on the same cores) and the gunicorn workers' resident memory before and
after the run (with --seconds 600, the 10-minute soak).

Targets: 0 errors; at most 20 ms of CPU per request; at least 100 requests a second. At
--tiny (seconds, a few cases) only the errors are checked, and that requests were answered.
"""

import contextlib
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from http.client import HTTPConnection
from pathlib import Path

from harness import (
    Targets,
    arguments,
    database,
    percentile,
    process_cpu_ms,
    seed_city,
    verified_client,
)

from django.conf import settings
from django.db import connection
from django.db.models import Count

from cases.models import Case
from cases.phases import CLOSED_PHASES
from outreach.models import Membership

REPO = Path(__file__).resolve().parent.parent
# (page, share of the requests): a working day's mix.
MIX = [("case", 41), ("home", 25), ("team", 15), ("signals", 10), ("client", 10)]
TARGET_CPU_MS = 20
TARGET_PER_SECOND = 100
TINY = {"size": 100, "seconds": 3, "workers": 2, "clients": 2, "sessions": 2}
READY_SECONDS = 30


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def database_url():
    """The URL of the database this process uses (the throwaway one included), for gunicorn."""
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{db['NAME']}"
    password = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
    return f"postgres://{db['USER']}{password}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


def session_of(user):
    client = verified_client(user)
    return client.cookies[settings.SESSION_COOKIE_NAME].value


def desks(count):
    """`count` (worker session, lead session, [(case id, client id)]) of workers with the most
    open cases, one per team as far as the teams go."""
    busiest = (
        Case.objects.exclude(phase__in=CLOSED_PHASES)
        .values("team", "assigned_worker")
        .annotate(n=Count("id"))
        .order_by("-n", "assigned_worker")
    )
    chosen, teams = [], set()
    for row in busiest:
        if row["team"] not in teams:
            teams.add(row["team"])
            chosen.append(row)
        if len(chosen) == count:
            break
    result = []
    for row in chosen:
        lead = Membership.objects.filter(team=row["team"], role="lead").first().user
        worker = Membership.objects.get(team=row["team"], user=row["assigned_worker"]).user
        cases = list(
            Case.objects.filter(team=row["team"], assigned_worker=worker)
            .exclude(phase__in=CLOSED_PHASES)
            .values_list("pk", "client_id")
        )
        result.append((session_of(worker), session_of(lead), row["team"], cases))
    return result


@contextlib.contextmanager
def gunicorn(port, workers):
    """gunicorn serving this database with production settings, until the block ends."""
    static = Path(tempfile.mkdtemp(prefix="outreach-bench-static-"))
    env = {
        **os.environ,
        "DEBUG": "false",
        "SECRET_KEY": settings.SECRET_KEY,  # the sessions minted here must be valid there
        "DATABASE_URL": database_url(),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_PROXY_SSL_HEADER": "true",
        "TRUSTED_PROXY_COUNT": "1",
        "STATIC_ROOT": str(static),
        "LOG_LEVEL": "WARNING",
    }
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--no-input", "-v0"],
        cwd=REPO,
        env=env,
        check=True,
    )
    command = [
        str(Path(sys.executable).parent / "gunicorn"),
        "outreach.wsgi",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(workers),
        "--timeout",
        "60",
    ]
    server = subprocess.Popen(command, cwd=REPO, env=env)  # noqa: S603 - our own command
    try:
        deadline = time.monotonic() + READY_SECONDS
        while get(port, "/login/", None)[0] != 200:
            if time.monotonic() > deadline or server.poll() is not None:
                raise SystemExit("gunicorn did not start")
            time.sleep(0.2)
        yield server
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
        shutil.rmtree(static, ignore_errors=True)


def get(port, path, session):
    """(status, seconds) of one GET as the reverse proxy would pass it on."""
    headers = {"X-Forwarded-Proto": "https", "X-Forwarded-For": "127.0.0.1"}
    if session:
        headers["Cookie"] = f"{settings.SESSION_COOKIE_NAME}={session}"
    start = time.perf_counter()
    try:
        http = HTTPConnection("127.0.0.1", port, timeout=60)
        http.request("GET", path, headers=headers)
        response = http.getresponse()
        response.read()
        http.close()
        status = response.status
    except OSError:
        status = None
    return status, time.perf_counter() - start


def request_for(desk, rng):
    worker, lead, team, cases = desk
    page = rng.choices([p for p, _ in MIX], weights=[w for _, w in MIX])[0]
    case, client = rng.choice(cases)
    return {
        "case": (f"/casussen/{case}/", worker),
        "home": ("/", worker),
        "team": (f"/teams/{team}/", lead),
        "signals": ("/signalen/", worker),
        "client": (f"/clienten/{client}/", worker),
    }[page]


def children(pid):
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        found += [int(c) for c in (task / "children").read_text().split()]
    return found


def server_cpu_ms(server):
    """CPU so far of gunicorn (master and workers) and of the database processes serving this
    database (PostgreSQL on this machine; SQLite runs inside the workers)."""
    pids = [server.pid, *children(server.pid)]
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
                "AND pid <> pg_backend_pid()"
            )
            pids += [pid for (pid,) in cursor.fetchall()]
    total = 0.0
    for pid in pids:
        with contextlib.suppress(OSError):
            total += process_cpu_ms(pid)
    return total


def workers_rss_mb(server):
    """The resident memory of gunicorn's workers together, in MB (from /proc)."""
    total = 0
    for pid in children(server.pid):
        with contextlib.suppress(OSError):
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
    return total / 1024


def run(port, desks_, clients, seconds, seed):
    """Request the mix from `clients` threads for `seconds`: [(status, seconds)]."""
    results, lock = [], threading.Lock()
    stop = time.monotonic() + seconds

    def client(number):
        rng = random.Random(seed + number)  # noqa: S311 - a load mix, not secrets
        mine = []
        while time.monotonic() < stop:
            path, session = request_for(desks_[rng.randrange(len(desks_))], rng)
            mine.append(get(port, path, session))
        with lock:
            results.extend(mine)

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def main():
    parser = arguments(__doc__)
    parser.add_argument("--size", type=int, default=25000)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--sessions", type=int, default=20)
    args = parser.parse_args()
    if args.tiny:
        vars(args).update(TINY)
    targets = Targets(tiny=args.tiny)
    with database(reuse=args.reuse, shared=True) as vendor:
        seed_city(args.size)
        sessions = desks(args.sessions)
        port = free_port()
        with gunicorn(port, args.workers) as server:
            # Warm up: every worker loads the app and opens its database connection.
            run(port, sessions, args.clients, 2, seed=0)
            rss_before = workers_rss_mb(server)
            cpu_before, start = server_cpu_ms(server), time.perf_counter()
            client_before = time.process_time()
            results = run(port, sessions, args.clients, args.seconds, seed=1000)
            elapsed = time.perf_counter() - start
            cpu = (server_cpu_ms(server) - cpu_before) / max(1, len(results))
            # The load client runs on the same two cores: what it takes is not the server's.
            client_cpu = (time.process_time() - client_before) * 1000 / max(1, len(results))
            rss_after = workers_rss_mb(server)
        times = [seconds * 1000 for status, seconds in results]
        errors = sum(status != 200 for status, _seconds in results)
        per_second = len(results) / elapsed
        print(
            f"database: {vendor}, {Case.objects.count():,} cases; gunicorn {args.workers} "
            f"workers, {args.clients} clients, {len(sessions)} worker and lead sessions, "
            f"{args.seconds} s"
        )
        print(
            f"{len(results):,} requests, {per_second:.1f}/s; latency p50 "
            f"{percentile(times, 0.5):.0f} ms, p95 {percentile(times, 0.95):.0f} ms, p99 "
            f"{percentile(times, 0.99):.0f} ms; {errors} errors; {cpu:.1f} CPU ms per request "
            "(gunicorn and its database processes)"
        )
        print(
            f"the load client itself: {client_cpu:.1f} CPU ms per request; gunicorn's workers "
            f"{rss_before:.0f} MB resident before, {rss_after:.0f} MB after"
        )
    targets.check("requests answered", f"{len(results):,}", "> 0", bool(results), timing=False)
    targets.check("errors", str(errors), "0", errors == 0, timing=False)
    targets.at_most("CPU per request", cpu, TARGET_CPU_MS)
    targets.at_least("requests per second", per_second, TARGET_PER_SECOND, unit="/s")
    targets.finish()


if __name__ == "__main__":
    main()
