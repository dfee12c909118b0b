"""How close each key page comes to the time of its own SQL.

    DEBUG=true DATABASE_URL=postgres://postgres@127.0.0.1:5432/outreach_bench \\
        .venv/bin/python bench/limit.py --reuse          # 25,000 cases, built once and kept
    options: --size 25000 --repeat 30; --tiny (CI: seconds)

With the demo data (its ZRM and network cases) and the scale data (devdata/scale.py) it requests
each key page `repeat` times through the test client, logged in past both steps as a user of
the page's team, and records the SQL of one request. It then replays that SQL alone, `repeat`
times, on the same connection in a transaction that is rolled back (the page's writes, the
access log rows and the session, are replayed too, and undone). It prints per page the median
server time, the median time of its SQL, and the ratio: what the page spends beyond its SQL is
Python (forms, templates, the ORM building objects). And the CPU per request, this process's
and its database server process's (harness.cpu_ms): the figure to compare on a shared machine;
and the Python function calls of one request (harness.python_calls), which do not drift with
the machine's speed at all: the figure to compare two versions of a page by.

Target per page: server time at most 4 times its SQL, or at most 15 ms, whichever is larger.
Exits 1 when a page misses it (at --tiny the ratio is printed, not checked).
"""

import statistics
import time

from harness import (
    Targets,
    arguments,
    database,
    python_calls,
    s01_cast,
    seed_city,
    timed,
    verified_client,
)

from django.db import connection, transaction
from django.db.models import Count

from cases.models import Case, Client
from devdata.zrm import REFERENCE
from network.models import NetworkMember

TIMES_ITS_SQL = 4
FLOOR_MS = 15
TINY = {"size": 100, "repeat": 3}
# Session and transaction bookkeeping that a replay outside the request cannot repeat.
NOT_REPLAYED = ("BEGIN", "COMMIT", "SAVEPOINT", "RELEASE SAVEPOINT", "ROLLBACK TO SAVEPOINT")


class Undo(Exception):
    pass


def key_pages():
    """(name, user, url, POST data or None) of each key page, as a user of its team: team S01's
    page as its lead, the home page of its busiest worker, the case with its longest timeline
    and that case's client, the signal list, a search by a common last name, and the ZRM and
    network tabs of the demo case with the most (ZRM: DEMO-0001; network: most members)."""
    cast = s01_cast()
    team, lead, worker, case = cast["team"], cast["lead"], cast["worker"], cast["case"]
    zrm_case = Case.objects.select_related("assigned_worker").get(reference=REFERENCE)
    networked = (
        NetworkMember.objects.values("case").annotate(n=Count("id")).order_by("-n", "case")[0]
    )
    network_case = Case.objects.select_related("assigned_worker").get(pk=networked["case"])
    client = Client.objects.get(pk=case.client_id)
    return [
        ("team", lead, f"/teams/{team.pk}/", None),
        ("home", worker, "/", None),
        ("case", case.assigned_worker, f"/casussen/{case.pk}/", None),
        ("signal list", lead, "/signalen/", None),
        ("client", case.assigned_worker, f"/clienten/{client.pk}/", None),
        ("ZRM tab", zrm_case.assigned_worker, f"/casussen/{zrm_case.pk}/zrm/", None),
        (
            "network tab",
            network_case.assigned_worker,
            f"/casussen/{network_case.pk}/netwerk/",
            None,
        ),
        ("search", lead, "/zoeken/", {"name": "Jansen"}),
    ]


def replayed(queries, repeat):
    """The median time in ms of running `queries` (captured SQL) alone, rows fetched."""
    statements = [q["sql"] for q in queries if not q["sql"].startswith(NOT_REPLAYED)]
    times = []
    for _ in range(repeat):
        try:
            with transaction.atomic(), connection.cursor() as cursor:
                start = time.perf_counter()
                for sql in statements:
                    cursor.execute(sql)
                    if cursor.description is not None:
                        cursor.fetchall()
                times.append((time.perf_counter() - start) * 1000)
                raise Undo
        except Undo:
            pass
    return statistics.median(times)


def main():
    parser = arguments(__doc__)
    parser.add_argument("--size", type=int, default=25000)
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    if args.tiny:
        vars(args).update(TINY)
    targets = Targets(tiny=args.tiny)
    with database(reuse=args.reuse) as vendor:
        seed_city(args.size)
        print(f"database: {vendor}, {Case.objects.count():,} cases")
        print("page           server ms   SQL ms   ratio  queries   CPU ms   Python calls")
        results = []
        for name, user, url, post in key_pages():
            client = verified_client(user)
            times, queries, cpu = timed(client, url, args.repeat, post=post)
            server, sql = statistics.median(times), replayed(queries, args.repeat)
            calls = python_calls(client, url, post=post)
            results.append((name, server, sql))
            print(
                f"{name:<13} {server:>10.1f} {sql:>8.1f} {server / sql:>7.1f}  {len(queries):>7}"
                f"  {cpu:>7.1f}  {calls:>13,}"
            )
    for name, server, sql in results:
        limit = max(TIMES_ITS_SQL * sql, FLOOR_MS)
        targets.at_most(f"{name}: server time (4x SQL or 15 ms)", server, round(limit, 1))
    targets.finish()


if __name__ == "__main__":
    main()
