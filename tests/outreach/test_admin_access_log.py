"""What an administrator sees of client data in the Django admin is written to the access log
like the app's own pages (NEN 7513): every list, search, record page and history, one row per
record shown. The walk takes every registered admin whose model holds client data, so a new one
fails until it is covered here."""

import pytest
from django.contrib import admin
from django.contrib.admin import AdminSite
from django.test import RequestFactory
from django.urls import reverse

from cases.models import Agreement
from cases.phases import Phase
from outreach.admin import ClientDataAdmin
from outreach.models import AccessLogEntry
from tests.cases.factories import add_agreement, case_in_phase, open_case


def holds_client_data(model):
    # Team is scoped for the access layer too, but is about no client (access_client_id = None).
    return hasattr(model, "access_team_lookup") and getattr(model, "access_client_id", None)


# Per model label: the record a case file gives, and a search term that finds it in the admin.
COVERED = {
    "cases.client": (lambda case: case.client, lambda client: client.last_name),
    "cases.case": (lambda case: case, lambda case: case.reference),
}


def client_data_admins():
    return sorted(
        (model._meta.label_lower, model_admin)
        for model, model_admin in admin.site._registry.items()
        if holds_client_data(model)
    )


def rows_since(last_id, user):
    return list(AccessLogEntry.objects.filter(id__gt=last_id, user=user).order_by("id"))


def last_log_id():
    return AccessLogEntry.objects.order_by("id").values_list("id", flat=True).last() or 0


def test_it_finds_the_admins_of_client_data_and_covers_each():
    found = [label for label, _model_admin in client_data_admins()]
    assert {"cases.client", "cases.case"} <= set(found)
    missing = set(found) - set(COVERED)
    assert not missing, f"add these client-data admins to COVERED: {missing}"


@pytest.mark.parametrize("label", sorted(COVERED))
def test_it_logs_every_record_an_admin_list_search_and_page_showed(
    client, admin_user, owner, team, label
):
    model_admin = dict(client_data_admins())[label]
    model = model_admin.model
    opts = f"admin:{model._meta.app_label}_{model._meta.model_name}"
    record_of, term_of = COVERED[label]
    first = record_of(open_case(acting_user=owner, team=team, last_name="Aalders"))
    second = record_of(open_case(acting_user=owner, team=team, last_name="Bakker"))
    client.force_login(admin_user)

    start = last_log_id()
    assert client.get(reverse(f"{opts}_changelist")).status_code == 200
    rows = rows_since(start, admin_user)
    assert sorted((row.action, row.record_type, row.record_id) for row in rows) == sorted(
        ("read", label, str(record.pk)) for record in (first, second)
    )
    assert {(row.team_id, row.client_id) for row in rows if row.record_id == str(first.pk)} == {
        (first.access_team_id, first.access_client_id)
    }

    start = last_log_id()
    client.get(reverse(f"{opts}_changelist"), {"q": term_of(second)})
    rows = rows_since(start, admin_user)
    assert [(row.action, row.record_id) for row in rows] == [("search", str(second.pk))]

    for page in ("change", "history"):
        start = last_log_id()
        assert client.get(reverse(f"{opts}_{page}", args=[first.pk])).status_code == 200
        rows = rows_since(start, admin_user)
        assert [(row.action, row.record_id, row.client_id) for row in rows] == [
            ("read", str(first.pk), first.access_client_id)
        ]


class EditableAgreementAdmin(ClientDataAdmin):
    """An admin that may add, change and delete: none of ours does, but one that builds on
    ClientDataAdmin logs those too."""


def admin_request(user, method="post"):
    request = getattr(RequestFactory(), method)("/admin/cases/agreement/")
    request.user = user
    return request


def test_it_logs_what_an_editing_admin_creates_changes_and_deletes(admin_user, owner, team):
    case = case_in_phase(Phase.CONTRACT, acting_user=owner, team=team)
    model_admin = EditableAgreementAdmin(Agreement, AdminSite(name="editable"))
    request = admin_request(admin_user)
    agreement = add_agreement(acting_user=owner, case=case)
    added = Agreement(case=case, description="Bellen", responsible="worker", created_by=owner)
    start = last_log_id()

    # The confirmation page names the record before it goes.
    model_admin.delete_view(admin_request(admin_user, "get"), str(agreement.pk))
    model_admin.save_model(request, added, form=None, change=False)
    model_admin.save_model(request, agreement, form=None, change=True)
    model_admin.delete_queryset(request, Agreement.objects.filter(pk=agreement.pk))
    added_id = added.pk
    model_admin.delete_model(request, added)

    rows = rows_since(start, admin_user)
    assert [(row.action, row.record_id, row.client_id) for row in rows] == [
        ("read", str(agreement.pk), case.client_id),
        ("create", str(added_id), case.client_id),
        ("change", str(agreement.pk), case.client_id),
        ("delete", str(agreement.pk), case.client_id),
        ("delete", str(added_id), case.client_id),
    ]
    assert not Agreement.objects.filter(case=case).exists()
