"""The team page, a worker's home page and a case page at the size of a city.

    DEBUG=true .venv/bin/python bench/pages.py                       # SQLite
    DEBUG=true DATABASE_URL=postgres://postgres@127.0.0.1:5432/outreach \\
        .venv/bin/python bench/pages.py                              # PostgreSQL
    options: --sizes 2500 25000 --repeat 50; --tiny (CI: seconds); --reuse (keep the data in
    the DATABASE_URL database and measure only the larger size)

In a throwaway test database it makes the scale data (devdata/scale.py: 20 teams, 200 workers,
about 40 timeline events per case) at the first size, times each page `repeat` times through the
test client (server time: median and 95th percentile, and the number of queries), grows the data
to the second size and times them again. Targets: each page's p95 at most 100 ms (at 25,000
cases on PostgreSQL); query counts the same at both sizes. Exits 1 when one is missed.
"""

import io
import time

from harness import Targets, arguments, database, measure, s01_cast, verified_client


from devdata import scale
from cases.models import TimelineEvent


def pages():
    """The pages to time: team S01's page as its lead, the home page of its busiest worker, and
    the case page of its case with the longest timeline as that case's worker (as bench/limit.py
    does: a colleague's view of it costs one query more, the co-worker check of its shielded
    parts, and which worker has the longest case changes with the size)."""
    cast = s01_cast()
    team, lead, worker = cast["team"], cast["lead"], cast["worker"]
    return (
        [
            ("team page", lead, f"/teams/{team.pk}/"),
            ("home page", worker, "/"),
            ("case page", cast["case"].assigned_worker, f"/casussen/{cast['case'].pk}/"),
        ],
        cast["open_cases"],
        cast["events"],
    )


TARGETS_P95_MS = {"team page": 100, "home page": 100, "case page": 100}
TINY = {"sizes": [100, 200], "repeat": 3}


def main():
    parser = arguments(__doc__)
    parser.add_argument("--sizes", type=int, nargs=2, default=[2500, 25000])
    parser.add_argument("--repeat", type=int, default=50)
    args = parser.parse_args()
    if args.tiny:
        vars(args).update(TINY)
    # A kept database only grows: measure it at the larger size only.
    sizes = [max(args.sizes)] if args.reuse else sorted(args.sizes)
    targets = Targets(tiny=args.tiny)
    queries_at = {name: [] for name in TARGETS_P95_MS}
    with database(reuse=args.reuse) as vendor:
        print(f"database: {vendor}")
        print("  cases     events  page        median ms  p95 ms  queries  CPU ms")
        for size in sizes:
            start = time.perf_counter()
            scale.seed(size, io.StringIO())
            events = TimelineEvent.objects.count()
            print(f"(made {size:,} cases in {time.perf_counter() - start:.0f} s)")
            pages_now, open_cases, timeline = pages()
            for name, user, url in pages_now:
                median, p95, queries, cpu = measure(verified_client(user), url, args.repeat)
                queries_at[name].append(queries)
                print(
                    f"{size:>7,} {events:>10,}  {name:<10} {median:>10.1f}  {p95:>6.1f}  "
                    f"{queries:>7}  {cpu:>6.1f}"
                )
                targets.at_most(f"{name} p95 at {size:,} cases", p95, TARGETS_P95_MS[name])
            print(f"        (home page: {open_cases} open cases; case page: {timeline} events)")
    for name, counts in queries_at.items():
        targets.same(f"{name} queries at each size", counts)
    targets.finish()


if __name__ == "__main__":
    main()
