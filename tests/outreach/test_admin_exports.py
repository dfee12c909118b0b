"""Admins export the access log and the user × team × role overview; membership and account
changes made in the admin are logged as role changes."""

import csv
import io
from datetime import timedelta

import time_machine
from django.core.management import call_command
from django.test import RequestFactory
from django.utils import timezone

from outreach.access import log_access
from outreach.models import AccessLogEntry, Membership, RoleChange


def rows_of(response):
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))


def read(user, team, path="/x/"):
    request = RequestFactory().get(path)
    request.user = user
    log_access(request, action="read", record=team)


def test_it_exports_the_filtered_access_log_and_logs_the_export(client, admin_user, owner, team):
    read(owner, team)
    read(owner, team, "/y/")
    client.force_login(admin_user)
    response = client.post(
        "/admin/outreach/accesslogentry/?q=owner",
        {
            "action": "export_csv",
            "_selected_action": AccessLogEntry.objects.values_list("pk", flat=True),
        },
    )
    rows = rows_of(response)
    assert rows[0][:3] == ["tijdstip (UTC)", "gebruiker", "team"]
    assert [row[9] for row in rows[1:]] == ["GET /x/", "GET /y/"]
    assert [row[1] for row in rows[1:]] == ["owner", "owner"]
    export = AccessLogEntry.objects.get(user=admin_user)
    assert (export.action, export.record_type) == ("export", "outreach.accesslogentry")


def test_it_exports_the_rows_the_system_wrote_as_by_the_system(client, admin_user, owner, team):
    # purge_expired logs its removals without a user; the export used to crash on them.
    with time_machine.travel(timezone.now() - timedelta(days=6 * 366), tick=False):
        read(owner, team)
    call_command("purge_expired", stdout=io.StringIO())
    system_row = AccessLogEntry.objects.get(user=None)
    client.force_login(admin_user)

    response = client.post(
        "/admin/outreach/accesslogentry/",
        {"action": "export_csv", "_selected_action": [system_row.pk]},
    )

    assert response.status_code == 200
    [row] = rows_of(response)[1:]
    assert (row[1], row[6], row[5]) == ("systeem", "verwijderen", system_row.record_id)


def test_it_exports_who_has_which_role_in_which_team(
    client, admin_user, owner, lead, team, other_team
):
    client.force_login(admin_user)
    response = client.post(
        "/admin/outreach/user/",
        {"action": "export_access_review", "_selected_action": [owner.pk, lead.pk, admin_user.pk]},
    )
    rows = rows_of(response)
    assert rows[0] == [
        "gebruikersnaam",
        "naam",
        "actief",
        "beheerder",
        "laatste inlog",
        "team",
        "rol",
        "toegekend",
    ]
    by_user = {row[0]: row for row in rows[1:]}
    assert by_user["owner"][2] == "ja"
    assert by_user["owner"][5:7] == ["Outreach Noord", "outreachwerker"]
    assert by_user["lead"][6] == "teamleider"
    assert by_user["admin"][5:] == ["", "", ""]
    assert by_user["owner"][7][2] == "-"  # dd-mm-jjjj
    assert AccessLogEntry.objects.get(user=admin_user).action == "export"


def test_it_logs_membership_changes_made_in_the_admin(client, admin_user, owner, team):
    membership = Membership.objects.get(user=owner)
    client.force_login(admin_user)
    data = {
        "name": team.name,
        "code": team.code,
        "memberships-TOTAL_FORMS": "1",
        "memberships-INITIAL_FORMS": "1",
        "memberships-0-id": membership.pk,
        "memberships-0-team": team.pk,
        "memberships-0-user": owner.pk,
        "memberships-0-role": "lead",
    }
    response = client.post(f"/admin/outreach/team/{team.pk}/change/", data)
    assert response.status_code == 302
    change = RoleChange.objects.order_by("id").last()
    assert (change.changed_by, change.user, change.old_role, change.new_role) == (
        admin_user,
        owner,
        "worker",
        "lead",
    )
    data["memberships-0-DELETE"] = "on"
    client.post(f"/admin/outreach/team/{team.pk}/change/", data)
    assert RoleChange.objects.order_by("id").last().kind == "removed"
    assert not Membership.objects.filter(user=owner).exists()
