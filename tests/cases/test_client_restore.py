"""cases.services.client_restore: an admin brings a deleted client back, with the cases deleted
with them."""

import pytest
from django.core.exceptions import ValidationError

from cases import services
from cases.models import Case, Client
from tests.cases.factories import events, open_case


def test_it_brings_back_the_client_and_the_cases_deleted_with_them(owner, lead, team, admin_user):
    case = open_case(acting_user=owner, team=team, first_name="Ria")
    other = open_case(acting_user=owner, team=team, first_name="Bert")
    # Deleted on its own earlier: it stays deleted.
    services.case_delete(acting_user=lead, case=other, reason="Fout.")
    services.client_delete(acting_user=lead, client=case.client, reason="Per ongeluk.")

    services.client_restore(acting_user=admin_user, client=case.client)

    client = Client.objects.get(pk=case.client_id)
    assert (client.deleted_at, client.deleted_by, client.deletion_reason) == (None, None, "")
    assert Case.objects.filter(pk=case.pk).exists()
    assert not Case.objects.filter(pk=other.pk).exists()
    assert events(case, "deletion")[-1].data["action"] == "restored"


def test_it_is_for_an_admin_only(owner, lead, team):
    case = open_case(acting_user=owner, team=team)
    services.client_delete(acting_user=lead, client=case.client, reason="Weg.")
    with pytest.raises(ValidationError):
        services.client_restore(acting_user=lead, client=case.client)
    assert not Client.objects.filter(pk=case.client_id).exists()
