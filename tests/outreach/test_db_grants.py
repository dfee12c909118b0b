"""On PostgreSQL the app's own database role cannot change or delete log rows; only the purge
function removes rows, and only rows older than the configured retention."""

import io
import uuid
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import DatabaseError, connection, transaction
from django.test import override_settings
from django.utils import timezone

from outreach.dbroles import grant_app_role

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="database roles and grants exist on PostgreSQL only; SQLite relies on the ORM guard",
)


@pytest.fixture
def as_app_role(db, owner):
    """A fresh app role with the documented grants, in this test's transaction (rolled back)."""
    role = f"outreach_app_{uuid.uuid4().hex[:8]}"
    with connection.cursor() as cursor:
        cursor.execute(f"CREATE ROLE {role} NOLOGIN")
    grant_app_role(role)
    with connection.cursor() as cursor:
        cursor.execute(f"SET ROLE {role}")
    yield connection
    with connection.cursor() as cursor:
        cursor.execute("RESET ROLE")


def run(sql, params=()):
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall() if cursor.description else cursor.rowcount


def insert(owner, at):
    return run(
        "INSERT INTO outreach_accesslogentry (at, user_id, record_type, record_id, action, result,"
        " request) VALUES (%s, %s, 'cases.client', '1', 'read', 'allowed', '') RETURNING id",
        [at, owner.pk],
    )[0][0]


def test_it_lets_the_app_role_insert_and_read_but_not_change_or_delete(as_app_role, owner):
    entry = insert(owner, timezone.now())
    assert run("SELECT id FROM outreach_accesslogentry WHERE id = %s", [entry]) == [(entry,)]
    for statement in (
        "UPDATE outreach_accesslogentry SET action = 'change'",
        "DELETE FROM outreach_accesslogentry",
        "TRUNCATE outreach_accesslogentry",
        "UPDATE outreach_rolechange SET kind = 'granted'",
        "DELETE FROM outreach_rolechange",
    ):
        with pytest.raises(DatabaseError, match="permission denied"):
            run(statement)
    # Everything else stays writable for the app.
    assert run("UPDATE outreach_team SET name = name") >= 0


def test_it_purges_only_rows_older_than_the_cutoff_and_refuses_a_recent_cutoff(as_app_role, owner):
    now = timezone.now()
    old, recent = insert(owner, now - timedelta(days=7 * 365)), insert(owner, now)
    with pytest.raises(DatabaseError, match="purge refused"):
        run("SELECT outreach_access_log_purge(%s)", [now - timedelta(days=30)])
    removed = run("SELECT outreach_access_log_purge(%s)", [now - timedelta(days=6 * 365)])
    assert removed == [(1,)]
    ids = {row[0] for row in run("SELECT id FROM outreach_accesslogentry")}
    assert recent in ids and old not in ids


@pytest.mark.parametrize("years,refused,accepted", [(5, 2, 6), (8, 7, 9)])
def test_it_refuses_a_cutoff_younger_than_the_configured_retention(
    db, owner, years, refused, accepted
):
    # The function holds the retention grant_app_role installed: a compromised app cannot purge
    # a two-year-old log while five years must be kept.
    role = f"outreach_app_{uuid.uuid4().hex[:8]}"
    with connection.cursor() as cursor:
        cursor.execute(f"CREATE ROLE {role} NOLOGIN")
    with override_settings(RETENTION_ACCESS_LOG_YEARS=years):
        call_command("grant_app_role", role, stdout=io.StringIO())
    run(f"SET ROLE {role}")
    now = timezone.now()
    old = insert(owner, now - timedelta(days=accepted * 366))
    younger = insert(owner, now - timedelta(days=refused * 366))
    with pytest.raises(DatabaseError, match=f"retention of {years} years"):
        run("SELECT outreach_access_log_purge(%s)", [now - timedelta(days=refused * 365)])
    assert run("SELECT outreach_access_log_purge(%s)", [now - timedelta(days=accepted * 365)]) == [
        (1,)
    ]
    ids = {row[0] for row in run("SELECT id FROM outreach_accesslogentry")}
    assert younger in ids and old not in ids
    run("RESET ROLE")


def test_it_prints_the_grants_it_would_run(db):
    out = io.StringIO()
    call_command("grant_app_role", "outreach_app", "--print", stdout=out)
    assert "REVOKE UPDATE, DELETE, TRUNCATE" in out.getvalue()
    assert "outreach_accesslogentry" in out.getvalue()
    assert "make_interval(years => 5)" in out.getvalue()


def test_it_lets_purge_expired_remove_old_log_rows_as_the_app_role(as_app_role, owner):
    now = timezone.now()
    old, recent = insert(owner, now - timedelta(days=6 * 365)), insert(owner, now)
    out = io.StringIO()
    call_command("purge_expired", stdout=out)
    assert "Deleted 1 access log entries" in out.getvalue()
    ids = {row[0] for row in run("SELECT id FROM outreach_accesslogentry")}
    assert recent in ids and old not in ids
