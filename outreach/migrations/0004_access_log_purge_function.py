"""On PostgreSQL: the one way to delete access log rows (see outreach/dbroles.py). SQLite has no
roles, so there the ORM-level append-only guard is all there is."""

from django.db import migrations


def create_purge_function(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    from outreach.dbroles import current_schema, purge_function_sql

    schema_editor.execute(purge_function_sql(current_schema()))


def drop_purge_function(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("DROP FUNCTION IF EXISTS outreach_access_log_purge(timestamptz)")


class Migration(migrations.Migration):
    dependencies = [("outreach", "0003_access_review")]

    operations = [migrations.RunPython(create_purge_function, drop_purge_function)]
