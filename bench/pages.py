"""The team page, a worker's home page and a case page at the size of a city.

    DEBUG=true .venv/bin/python bench/pages.py                       # SQLite
    DEBUG=true DATABASE_URL=postgres://postgres@127.0.0.1:5432/outreach \\
        .venv/bin/python bench/pages.py                              # PostgreSQL
    options: --sizes 2500 25000 --repeat 50

In a throwaway test database it makes the scale data (devdata/scale.py: 20 teams, 200 workers,
about 40 timeline events per case) at the first size, times each page `repeat` times through the
test client (server time: median and 95th percentile, and the number of queries), grows the data
to the second size and times them again. Targets at 25,000 cases on PostgreSQL: team page p95
under 150 ms, home page and case page p95 under 100 ms; query counts the same at both sizes.
"""

import argparse
import io
import time

from harness import measure, throwaway_database

from django.db.models import Count
from django.test import Client

from devdata import scale
from cases.models import Case, TimelineEvent
from cases.phases import CLOSED_PHASES
from outreach.models import Team, User


def pages():
    """The pages to time: team S01's page as its lead, the home page of its busiest worker, and
    the case page of its case with the longest timeline."""
    team = Team.objects.get(code="S01")
    lead = User.objects.get(username="s01lead")
    busiest = (
        Case.objects.filter(team=team)
        .exclude(phase__in=CLOSED_PHASES)
        .values("assigned_worker")
        .annotate(n=Count("id"))
        .order_by("-n")
        .first()
    )
    worker = User.objects.get(pk=busiest["assigned_worker"])
    longest = (
        TimelineEvent.objects.filter(case__team=team)
        .values("case")
        .annotate(n=Count("id"))
        .order_by("-n")
        .first()
    )
    return (
        [
            ("team page", lead, f"/teams/{team.pk}/"),
            ("home page", worker, "/"),
            ("case page", worker, f"/casussen/{longest['case']}/"),
        ],
        busiest["n"],
        longest["n"],
    )


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs=2, default=[2500, 25000])
    parser.add_argument("--repeat", type=int, default=50)
    args = parser.parse_args()
    with throwaway_database() as vendor:
        print(f"database: {vendor}")
        print("  cases     events  page        median ms  p95 ms  queries")
        for size in sorted(args.sizes):
            start = time.perf_counter()
            scale.seed(size, io.StringIO())
            events = TimelineEvent.objects.count()
            print(f"(made {size:,} cases in {time.perf_counter() - start:.0f} s)")
            targets, open_cases, timeline = pages()
            for name, user, url in targets:
                client = Client()
                client.force_login(user)
                median, p95, queries = measure(client, url, args.repeat)
                print(
                    f"{size:>7,} {events:>10,}  {name:<10} {median:>10.1f}  {p95:>6.1f}  "
                    f"{queries:>7}"
                )
            print(f"        (home page: {open_cases} open cases; case page: {timeline} events)")


if __name__ == "__main__":
    main()
