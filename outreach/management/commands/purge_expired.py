from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from outreach.retention import find_expired
from outreach.services import retention_purge


class Command(BaseCommand):
    help = (
        "Delete the records whose retention period has ended (docs/privacy.md), logging each "
        "removal. With --dry-run, list what would be deleted and change nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="List what would be deleted; change nothing."
        )

    def handle(self, *args, dry_run=False, **options):
        today = timezone.localdate()
        groups = find_expired(today) if dry_run else retention_purge(acting_user=None)
        verb = "Would delete" if dry_run else "Deleted"
        self.stdout.write(
            f"Retention on {today:%d-%m-%Y}: closed case files after "
            f"{settings.RETENTION_CLOSED_CASE_YEARS} years, declined signals after "
            f"{settings.RETENTION_DECLINED_SIGNAL_YEARS} years, deleted files after "
            f"{settings.RETENTION_DELETED_DAYS} days, access log after "
            f"{settings.RETENTION_ACCESS_LOG_YEARS} years."
        )
        if not groups:
            self.stdout.write("Nothing has expired.")
        for group in groups:
            self.stdout.write(
                f"{verb} {group.count} {group.record_class} "
                f"(cut-off date {group.cutoff:%d-%m-%Y})" + (":" if group.records else ".")
            )
            for record_id, _client_id, _team_id, label in group.records:
                self.stdout.write(f"  {group.record_type} {record_id} {label}")
