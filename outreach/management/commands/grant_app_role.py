from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from outreach.dbroles import app_role_sql, grant_app_role


class Command(BaseCommand):
    help = (
        "PostgreSQL: give the app's database role normal rights on every table but only "
        "INSERT/SELECT on the logs, and (re)install the log's purge function with the configured "
        "retention (RETENTION_ACCESS_LOG_YEARS). Run as the owner after every migrate and after "
        "changing the retention."
    )

    def add_arguments(self, parser):
        parser.add_argument("role", help="the role the app connects as, e.g. outreach_app")
        parser.add_argument("--print", action="store_true", help="show the SQL, change nothing")

    def handle(self, role, **options):
        if connection.vendor != "postgresql":
            raise CommandError("Database roles exist on PostgreSQL only.")
        if options["print"]:
            self.stdout.write(app_role_sql(role))
            return
        grant_app_role(role)
        self.stdout.write(
            f"Granted {role} its rights; the logs are insert-only for it. The purge keeps "
            f"{settings.RETENTION_ACCESS_LOG_YEARS} years."
        )
