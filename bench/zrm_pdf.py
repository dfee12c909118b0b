"""Render the ZRM begin/end report of a two-assessment case 20 times and print the median.

    DEBUG=true .venv/bin/python bench/zrm_pdf.py [--repeat 20] [--tiny]

It builds the demo's DEMO-0001 case (all 11 domains scored at begin and end, with targets and
notes) in a throwaway test database through the real services, then times zrm.report.report_pdf,
which renders the template and writes the PDF with WeasyPrint. Target: median at most 250 ms;
exits 1 when missed. --tiny (CI): two renders, the target printed but not checked.
"""

import io
import statistics
import time

from harness import Targets, arguments, database

from django.utils import translation

from cases.models import Case
from devdata.outreach import seed as seed_people
from devdata.zrm import REFERENCE
from devdata.zrm import seed as seed_zrm
from zrm.report import report_pdf

TARGET_MEDIAN_MS = 250


def main():
    parser = arguments(__doc__)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    if args.tiny:
        args.repeat = 2
    targets = Targets(tiny=args.tiny)
    with database():
        quiet = io.StringIO()
        seed_people(quiet)
        seed_zrm(quiet)
        case = Case.objects.select_related("client", "team", "assigned_worker").get(
            reference=REFERENCE
        )
        with translation.override("nl"):
            report_pdf(case)  # warm up fonts and templates
            times, cpu = [], []
            for _ in range(args.repeat):
                start, start_cpu = time.perf_counter(), time.process_time()
                pdf = report_pdf(case)
                times.append((time.perf_counter() - start) * 1000)
                cpu.append((time.process_time() - start_cpu) * 1000)
        print(f"ZRM begin/end report, {len(pdf):,} bytes, {args.repeat} renders:")
        print(
            f"median {statistics.median(times):.0f} ms, min {min(times):.0f} ms, "
            f"max {max(times):.0f} ms; CPU median {statistics.median(cpu):.0f} ms"
        )
    targets.check(
        "the report is a PDF", f"{len(pdf):,} bytes", "%PDF", pdf[:4] == b"%PDF", timing=False
    )
    targets.at_most("median render", statistics.median(times), TARGET_MEDIAN_MS)
    targets.finish()


if __name__ == "__main__":
    main()
