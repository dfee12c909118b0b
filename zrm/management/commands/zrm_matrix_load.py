import json
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from zrm import services


class Command(BaseCommand):
    help = (
        "Load a ZRM version from a JSON file in the format of zrm/matrices/zrm_2013.json "
        "(docs/zrm.md). A loaded version is never changed."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="the JSON file, e.g. zrm_2017.json")
        parser.add_argument(
            "--current", action="store_true", help="new trajectories use this version from now on"
        )
        parser.add_argument("--language", default="nl", choices=["nl", "en"])

    def handle(self, *args, file, current, language, **options):
        with translation.override(language):
            matrix, created = self._load(Path(file))
            if current:
                services.matrix_make_current(acting_user=None, matrix=matrix)
        state = "loaded" if created else "already loaded with these texts; nothing changed"
        self.stdout.write(f"ZRM version {matrix.key} ({matrix.domains.count()} domains): {state}.")
        if current:
            self.stdout.write(f"New trajectories use version {matrix.key}.")

    def _load(self, path):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
            raise CommandError(f"{path}: {error}") from None
        try:
            return services.matrix_load(acting_user=None, data=data)
        except ValidationError as error:
            raise CommandError("\n".join(error.messages)) from None
