"""What the benchmark scripts share: Django set up against a throwaway test database, and timing
a page through the test client (server time, no network)."""

import contextlib
import gc
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "outreach.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402


@contextlib.contextmanager
def throwaway_database():
    """A fresh, migrated test database (test_<name>), dropped afterwards."""
    setup_test_environment()
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        yield connection.vendor
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


def percentile(values, share):
    ordered = sorted(values)
    return ordered[max(0, int(round(share * len(ordered))) - 1)]


def measure(client, url, repeat):
    """Median and 95th percentile server time in ms over `repeat` requests, and the queries of
    one request."""
    response = client.get(url)  # warm up
    assert response.status_code == 200, (url, response.status_code)
    # Start from a clean heap, as a fresh server worker does: left-over objects from building the
    # data would otherwise make the garbage collector pause in the timed requests.
    gc.collect()
    times = []
    for _ in range(repeat):
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    return statistics.median(times), percentile(times, 0.95), len(queries.captured_queries)
