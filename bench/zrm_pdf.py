"""Render the ZRM begin/end report of a two-assessment case 20 times and print the median.

    DEBUG=true .venv/bin/python bench/zrm_pdf.py [--repeat 20]

It builds the case in a throwaway test database through the real services (the demo's DEMO-0001
case: all 11 domains scored at begin and end, with targets and notes), then times
zrm.report.report_pdf, which renders the template and writes the PDF with WeasyPrint.
"""

import argparse
import io
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
from django.test.utils import setup_test_environment  # noqa: E402
from django.utils import translation  # noqa: E402

from cases.models import Case  # noqa: E402
from outreach.demo import seed as seed_people  # noqa: E402
from zrm.demo import REFERENCE  # noqa: E402
from zrm.demo import seed as seed_zrm  # noqa: E402
from zrm.report import report_pdf  # noqa: E402


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    setup_test_environment()
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        quiet = io.StringIO()
        seed_people(quiet)
        seed_zrm(quiet)
        case = Case.objects.select_related("client", "team", "assigned_worker").get(
            reference=REFERENCE
        )
        with translation.override("nl"):
            report_pdf(case)  # warm up fonts and templates
            times = []
            for _ in range(args.repeat):
                start = time.perf_counter()
                pdf = report_pdf(case)
                times.append((time.perf_counter() - start) * 1000)
        print(f"ZRM begin/end report, {len(pdf):,} bytes, {args.repeat} renders:")
        print(
            f"median {statistics.median(times):.0f} ms, min {min(times):.0f} ms, "
            f"max {max(times):.0f} ms"
        )
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
