"""The Django admin for soft-deleted clients and cases (cases/admin.py): admins find them with
the "verwijderd" filter, read the reason, and restore them through the restore services."""

from django.contrib.admin.models import LogEntry
from django.urls import reverse

from cases import services
from cases.models import Case, Client
from outreach.models import AccessLogEntry
from tests.cases.factories import open_case


def test_it_lists_deleted_clients_with_their_reason_and_restores_them(
    client, admin_user, owner, lead, team
):
    case = open_case(acting_user=owner, team=team, first_name="Ria", last_name="Verwijderd")
    open_case(acting_user=owner, team=team, first_name="Bert", last_name="Blijft")
    services.client_delete(acting_user=lead, client=case.client, reason="Dubbel ingevoerd.")
    client.force_login(admin_user)
    changelist = reverse("admin:cases_client_changelist")

    html = client.get(changelist, {"verwijderd": "ja"}).content.decode()
    assert "Verwijderd" in html and "Dubbel ingevoerd." in html and "Blijft" not in html

    response = client.post(
        changelist, {"action": "restore", "_selected_action": [case.client_id]}, follow=True
    )

    assert response.status_code == 200
    assert Client.objects.filter(pk=case.client_id).exists()
    assert Case.objects.filter(pk=case.pk).exists()
    assert LogEntry.objects.filter(object_id=str(case.client_id)).exists()
    # The list shown after the redirect is logged too (a read per client), after the restore.
    entry = AccessLogEntry.objects.get(user=admin_user, action="restore")
    assert entry.record_id == str(case.client_id)


def test_it_restores_a_case_and_reports_a_refusal(client, admin_user, owner, lead, team):
    case = open_case(acting_user=owner, team=team)
    services.case_delete(acting_user=lead, case=case, reason="Per ongeluk.")
    newer = open_case(acting_user=owner, team=team, client=case.client)
    client.force_login(admin_user)
    changelist = reverse("admin:cases_case_changelist")
    assert "Per ongeluk." in client.get(changelist, {"verwijderd": "ja"}).content.decode()

    html = client.post(
        changelist, {"action": "restore", "_selected_action": [case.pk]}, follow=True
    ).content.decode()

    # The client has a newer open case: the old one stays deleted, and the admin is told why.
    assert case.reference in html and "andere open casus" in html
    assert Case.all_objects.get(pk=case.pk).is_deleted
    assert newer.is_open
