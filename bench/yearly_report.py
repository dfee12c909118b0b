"""Time the yearly report (figures, PDF and CSV) at the scale of a city, against its target.

    DEBUG=true .venv/bin/python bench/yearly_report.py                 # 25,000 cases, SQLite
    DEBUG=true .venv/bin/python bench/yearly_report.py --tiny          # 300 cases (make bench, CI)
    DEBUG=true DATABASE_URL=postgres://postgres@127.0.0.1:5432/outreach_bench \
        .venv/bin/python bench/yearly_report.py

It builds the scale data (devdata/scale.py: N cases over 20 teams and 200 workers) in a
throwaway test database, then makes the report of the current year: the figures once, the PDF
and the CSV from them, each timed. Exits 1 when figures + PDF take longer than the target (the
issue's 10 s at 25,000 cases).
"""

import argparse
import io
import sys
import time

from harness import database

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from devdata import scale
from figures.report import report_csv_rows, report_pdf, year_figures
from outreach import clock

TARGET_SECONDS = 10.0
TINY_CASES = 300


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=25_000)
    parser.add_argument("--target", type=float, default=TARGET_SECONDS)
    parser.add_argument("--tiny", action="store_true", help="300 cases: a run of seconds (CI)")
    args = parser.parse_args()
    if args.tiny:
        args.cases = TINY_CASES
    with database() as vendor:
        built = time.perf_counter()
        out = io.StringIO()
        scale.seed(args.cases, out)
        print(out.getvalue(), f"({time.perf_counter() - built:.0f} s to build)")
        year = clock.today().year
        with translation.override("nl"):
            start = time.perf_counter()
            connection.queries_log.clear()
            with CaptureQueriesContext(connection) as queries:
                figures = year_figures(year)
            figured = time.perf_counter()
            pdf = report_pdf(year, figures)
            rendered = time.perf_counter()
            header, body = report_csv_rows(year, figures)
            done = time.perf_counter()
    total = rendered - start
    print(f"Yearly report {year}, {args.cases:,} cases on {vendor}:")
    print(f"  figures {figured - start:.2f} s ({len(queries)} queries)")
    print(f"  PDF     {rendered - figured:.2f} s ({len(pdf):,} bytes)")
    print(f"  CSV     {done - rendered:.2f} s ({len(body)} rows)")
    print(f"  figures + PDF {total:.2f} s; target <= {args.target:.1f} s: ", end="")
    print("met" if total <= args.target else "MISSED")
    return 0 if total <= args.target else 1


if __name__ == "__main__":
    sys.exit(main())
