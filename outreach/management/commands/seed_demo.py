from importlib import import_module

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.module_loading import module_has_submodule


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
        # Each app adds its own demo data in dependency order (outreach, cases, network, zrm),
        # so that no app has to import the ones that build on it.
        with transaction.atomic():
            for config in apps.get_app_configs():
                if module_has_submodule(config.module, "demo"):
                    import_module(f"{config.name}.demo").seed(self.stdout)
        if scale:
            # Bulk data, in its own transactions per chunk (cases/scale.py).
            for config in apps.get_app_configs():
                if module_has_submodule(config.module, "scale"):
                    import_module(f"{config.name}.scale").seed(scale, self.stdout)
