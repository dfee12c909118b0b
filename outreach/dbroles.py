"""PostgreSQL rights that make the logs append-only for the app itself (NEN 7513).

The schema belongs to an owner role that runs `migrate`; the app runs as a separate role (e.g.
`outreach_app`) that may insert and read log rows but never change or delete them. Old rows go only
through outreach_access_log_purge(), which runs with the owner's rights (SECURITY DEFINER) and
refuses a cutoff younger than the configured retention (RETENTION_ACCESS_LOG_YEARS), so a
compromised app cannot wipe evidence that must still be kept. The app can still insert rows: see
docs/deployment.md for what that leaves open and how to watch for it.
"""

from django.conf import settings
from django.db import connection

LOG_TABLES = ("outreach_accesslogentry", "outreach_rolechange")
PURGE_FUNCTION = "outreach_access_log_purge(timestamptz)"


def purge_function_sql(schema):
    """The purge function with the configured retention written into it: the app's role cannot
    change the function, so it cannot shorten the period. The youngest cutoff it accepts is local
    midnight, RETENTION_ACCESS_LOG_YEARS years before today, the cutoff purge_expired uses
    (outreach.retention._log_cutoff)."""
    years = int(settings.RETENTION_ACCESS_LOG_YEARS)
    zone = quoted_literal(settings.TIME_ZONE)
    oldest_kept = (
        f"(date_trunc('day', now() AT TIME ZONE {zone}) - make_interval(years => {years}))"
        f" AT TIME ZONE {zone}"
    )
    return f"""
CREATE OR REPLACE FUNCTION {schema}.outreach_access_log_purge(before timestamptz)
RETURNS bigint LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE removed bigint;
BEGIN
    IF before IS NULL OR before > {oldest_kept} THEN
        -- No percent placeholders here: the SQL goes through a DB-API cursor.
        RAISE EXCEPTION USING MESSAGE = 'access log purge refused: cutoff '
            || coalesce(before::text, 'NULL') || ' is younger than the retention of {years} years';
    END IF;
    DELETE FROM {schema}.outreach_accesslogentry WHERE at < before;
    GET DIAGNOSTICS removed = ROW_COUNT;
    RETURN removed;
END $$;
REVOKE ALL ON FUNCTION {schema}.{PURGE_FUNCTION} FROM PUBLIC;
"""  # noqa: S608 -- schema through quote_ident(), the time zone through quote_literal()


def app_role_grants_sql(role, schema):
    """Normal rights on every table, INSERT/SELECT only on the logs. Run after every migrate
    (new tables need their grants)."""
    tables = ", ".join(f"{schema}.{table}" for table in LOG_TABLES)
    return f"""
GRANT USAGE ON SCHEMA {schema} TO {role};
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {schema} TO {role};
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {schema} TO {role};
REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON {tables} FROM {role};
GRANT EXECUTE ON FUNCTION {schema}.{PURGE_FUNCTION} TO {role};
"""  # noqa: S608 -- role and schema come through quote_ident()


def quoted(name):
    with connection.cursor() as cursor:
        cursor.execute("SELECT quote_ident(%s)", [name])
        return cursor.fetchone()[0]


def quoted_literal(value):
    with connection.cursor() as cursor:
        cursor.execute("SELECT quote_literal(%s)", [value])
        return cursor.fetchone()[0]


def current_schema():
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_schema()")
        return quoted(cursor.fetchone()[0])


def app_role_sql(role):
    """The purge function with the configured retention, then the app role's grants."""
    schema = current_schema()
    return purge_function_sql(schema) + app_role_grants_sql(quoted(role), schema)


def grant_app_role(role):
    with connection.cursor() as cursor:
        cursor.execute(app_role_sql(role))
