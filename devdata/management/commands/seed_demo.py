from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from devdata import cases, network, outreach, zrm
from devdata import scale as scale_data


class Command(BaseCommand):
    help = "Create demo teams, people and cases. Idempotent: running it twice changes nothing."

    def add_arguments(self, parser):
        parser.add_argument(
            "--allow-without-debug",
            action="store_true",
            help="Seed even though DEBUG is off (never on a production database).",
        )
        parser.add_argument(
            "--scale",
            type=int,
            metavar="N",
            help="Also make N cases over 20 teams and 200 workers, for benchmarks.",
        )

    def handle(self, *args, allow_without_debug=False, scale=None, **options):
        if not settings.DEBUG and not allow_without_debug:
            raise CommandError(
                "seed_demo creates users with a published password; it runs only with DEBUG=true."
            )
        # Each app's demo data in dependency order: each part builds on the ones before it.
        with transaction.atomic():
            for part in (outreach, cases, network, zrm):
                part.seed(self.stdout)
        if scale:
            # Bulk data, in its own transactions per chunk (devdata/scale.py).
            scale_data.seed(scale, self.stdout)
