"""PostgreSQL rights that make the logs append-only for the app itself (NEN 7513).

The schema belongs to an owner role that runs `migrate`; the app runs as a separate role (e.g.
`outreach_app`) that may insert and read log rows but never change or delete them. Old rows go only
through outreach_access_log_purge(), which runs with the owner's rights (SECURITY DEFINER) and
refuses a cutoff less than a year ago, so a compromised app cannot wipe recent evidence.
See docs/deployment.md.
"""

from django.db import connection

LOG_TABLES = ("outreach_accesslogentry", "outreach_rolechange")
PURGE_FUNCTION = "outreach_access_log_purge(timestamptz)"
# The shortest cutoff the purge accepts; retention is five years (docs/deployment.md).
PURGE_MIN_AGE = "1 year"


def purge_function_sql(schema):
    return f"""
CREATE OR REPLACE FUNCTION {schema}.outreach_access_log_purge(before timestamptz)
RETURNS bigint LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE removed bigint;
BEGIN
    IF before IS NULL OR before > now() - interval '{PURGE_MIN_AGE}' THEN
        -- No percent placeholders here: the SQL goes through a DB-API cursor.
        RAISE EXCEPTION USING MESSAGE = 'access log purge refused: cutoff '
            || coalesce(before::text, 'NULL') || ' is less than {PURGE_MIN_AGE} ago';
    END IF;
    DELETE FROM {schema}.outreach_accesslogentry WHERE at < before;
    GET DIAGNOSTICS removed = ROW_COUNT;
    RETURN removed;
END $$;
REVOKE ALL ON FUNCTION {schema}.{PURGE_FUNCTION} FROM PUBLIC;
"""  # noqa: S608 -- schema comes through quote_ident()


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


def current_schema():
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_schema()")
        return quoted(cursor.fetchone()[0])


def grant_app_role(role):
    with connection.cursor() as cursor:
        cursor.execute(app_role_grants_sql(quoted(role), current_schema()))
