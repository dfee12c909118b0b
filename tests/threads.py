"""Run calls at the same moment in threads, each with its own database connection, for the
concurrency tests. They need PostgreSQL: SQLite locks the whole file, so nothing overlaps."""

import threading

import pytest
from django.db import connection, connections

needs_postgres = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="concurrency needs PostgreSQL row locks (select_for_update); SQLite locks the whole "
    "database file, so run with DATABASE_URL=postgres://…",
)


def run_together(*calls):
    """Start every call at once (a barrier), wait for all; return (results, errors)."""
    barrier = threading.Barrier(len(calls))
    results, errors = [None] * len(calls), []

    def run(i, call):
        try:
            barrier.wait(timeout=30)
            results[i] = call()
        except Exception as error:  # noqa: BLE001 (reported to the test)
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not any(t.is_alive() for t in threads), "a thread is stuck (deadlock?)"
    return results, errors
