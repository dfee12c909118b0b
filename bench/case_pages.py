"""Query counts and server time of the worker's home page and the case page at two data sizes.

    DEBUG=true .venv/bin/python bench/case_pages.py              # 40 and 4000 cases, SQLite
    DEBUG=true DATABASE_URL=postgres://postgres@127.0.0.1:5432/outreach .venv/bin/python \
        bench/case_pages.py --sizes 40 4000

It builds its data in a throwaway test database through the real services (a case: signal,
pre-phase, three attempts, contract, an agreement, three home visits), spread over ten workers,
then requests each page 20 times through Django's test client and prints the median server time
and the number of queries. Targets: p95 at most 100 ms; the query count the same at both sizes.
Exits 1 when one is missed. --tiny: a run of seconds (CI).
"""

import time
from datetime import timedelta

from harness import Targets, arguments, database, measure, verified_client

from django.utils import timezone

from cases import services
from outreach.models import Membership
from outreach.services import membership_set, team_create, user_create

WORKERS = 10
TARGET_P95_MS = 100
TINY = {"sizes": [4, 12], "repeat": 3}


def build_case(i, team, worker):
    now = timezone.now()
    signal = services.signal_register(
        acting_user=worker,
        team=team,
        source="housing",
        subject_name=f"Client {i}",
        observed="Huurachterstand",
        received_on=timezone.localdate() - timedelta(days=60),
    )
    case = services.signal_accept(
        acting_user=worker,
        signal=signal,
        assigned_worker=worker,
        client_fields={"first_name": "Client", "last_name": f"Nummer {i}"},
    )
    case = services.case_transition(acting_user=worker, case=case, move="voorfase")
    case = services.case_transition(acting_user=worker, case=case, move="eerste-contact")
    for days, result in ((40, "not_home"), (38, "not_opened"), (35, "contact")):
        services.attempt_record(
            acting_user=worker,
            case=case,
            attempted_at=now - timedelta(days=days),
            method="door",
            result=result,
        )
    case = services.case_transition(
        acting_user=worker,
        case=case,
        move="contract",
        contract_agreed_on=timezone.localdate() - timedelta(days=30),
    )
    services.agreement_add(
        acting_user=worker, case=case, description="Post sorteren", responsible="client"
    )
    for days in (28, 21, 14 + i % 10):
        services.contact_log(
            acting_user=worker,
            case=case,
            kind="home_visit",
            occurred_at=now - timedelta(days=days),
            activities=["post"],
            notes="Post gesorteerd.",
        )
    return case


def main():
    parser = arguments(__doc__)
    parser.add_argument("--sizes", type=int, nargs=2, default=[40, 4000])
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    if args.tiny:
        vars(args).update(TINY)
    targets = Targets(tiny=args.tiny)
    queries_at = {"home": [], "case": []}
    with database() as vendor:
        team = team_create(acting_user=None, name="Bench", code="BE")
        workers = []
        for n in range(WORKERS):
            user = user_create(acting_user=None, username=f"w{n}", password="bench-password-1")
            membership_set(acting_user=None, team=team, user=user, role=Membership.Role.WORKER)
            workers.append(user)
        client = verified_client(workers[0])
        built, first_case = 0, None
        print(f"database: {vendor}")
        print("cases  page        median ms  p95 ms  queries  CPU ms")
        for size in sorted(args.sizes):
            start = time.perf_counter()
            while built < size:
                case = build_case(built, team, workers[built % WORKERS])
                first_case = first_case or case
                built += 1
            print(f"(built {size} cases in {time.perf_counter() - start:.0f} s)")
            for name, url in (("home", "/"), ("case", f"/casussen/{first_case.pk}/")):
                median, p95, queries, cpu = measure(client, url, repeat=args.repeat)
                queries_at[name].append(queries)
                print(
                    f"{size:>5}  {name:<10} {median:>10.1f}  {p95:>6.1f}  {queries:>7}  {cpu:>6.1f}"
                )
                targets.at_most(f"{name} page p95 at {size:,} cases", p95, TARGET_P95_MS)
    for name, counts in queries_at.items():
        targets.same(f"{name} page queries at each size", counts)
    targets.finish()


if __name__ == "__main__":
    main()
