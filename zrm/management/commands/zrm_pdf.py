from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from cases.models import Case
from zrm.report import NothingToReport, report_pdf


class Command(BaseCommand):
    help = "Write the ZRM begin/end report of a case as PDF."

    def add_arguments(self, parser):
        parser.add_argument("reference", help="the case reference, e.g. PA-2026-0042")
        parser.add_argument("--out", required=True, help="the PDF file to write")
        parser.add_argument("--language", default="nl", choices=["nl", "en"])

    def handle(self, *args, reference, out, language, **options):
        case = (
            Case.objects.select_related("client", "team", "assigned_worker")
            .filter(reference=reference)
            .first()
        )
        if case is None:
            raise CommandError(f"No case with reference {reference}.")
        with translation.override(language):
            try:
                pdf = report_pdf(case)
            except NothingToReport:
                raise CommandError(f"{reference} has no finalised ZRM assessment.") from None
        Path(out).write_bytes(pdf)
        self.stdout.write(f"Wrote {out} ({len(pdf):,} bytes).")
