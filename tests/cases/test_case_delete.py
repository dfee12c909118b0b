"""cases.services.case_delete: one case, soft, with a reason, by a lead of its team."""

import pytest
from django.core.exceptions import ValidationError

from cases import services
from cases.models import Case, Client
from tests.cases.factories import events, open_case


def test_it_hides_the_case_and_keeps_the_client(owner, lead, team):
    case = open_case(acting_user=owner, team=team)

    services.case_delete(acting_user=lead, case=case, reason="Verkeerde cliënt gekoppeld.")

    assert not Case.objects.filter(pk=case.pk).exists()
    assert Client.objects.filter(pk=case.client_id).exists()
    stored = Case.all_objects.get(pk=case.pk)
    assert stored.deletion_reason == "Verkeerde cliënt gekoppeld." and stored.deleted_by == lead
    assert events(case, "deletion")[-1].data["action"] == "deleted"


def test_it_lets_the_client_have_a_new_open_case(owner, lead, team):
    case = open_case(acting_user=owner, team=team)
    services.case_delete(acting_user=lead, case=case, reason="Dubbel.")

    new = open_case(acting_user=owner, team=team, client=case.client)

    assert new.pk != case.pk and new.is_open


def test_it_asks_for_a_reason_and_a_lead(owner, colleague, lead, team):
    case = open_case(acting_user=owner, team=team)
    with pytest.raises(ValidationError) as refused:
        services.case_delete(acting_user=lead, case=case, reason=" ")
    assert "reason" in refused.value.message_dict
    with pytest.raises(ValidationError):
        services.case_delete(acting_user=colleague, case=case, reason="Weg.")
    assert Case.objects.filter(pk=case.pk).exists()
