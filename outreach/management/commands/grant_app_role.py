from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from outreach.dbroles import app_role_grants_sql, current_schema, grant_app_role, quoted


class Command(BaseCommand):
    help = (
        "PostgreSQL: give the app's database role normal rights on every table but only "
        "INSERT/SELECT on the logs. Run as the owner after every migrate."
    )

    def add_arguments(self, parser):
        parser.add_argument("role", help="the role the app connects as, e.g. outreach_app")
        parser.add_argument("--print", action="store_true", help="show the SQL, change nothing")

    def handle(self, role, **options):
        if connection.vendor != "postgresql":
            raise CommandError("Database roles exist on PostgreSQL only.")
        if options["print"]:
            self.stdout.write(app_role_grants_sql(quoted(role), current_schema()))
            return
        grant_app_role(role)
        self.stdout.write(f"Granted {role} its rights; the logs are insert-only for it.")
