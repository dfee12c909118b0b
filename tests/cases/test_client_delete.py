"""cases.services.client_delete: a soft delete with a reason, by a lead, taking the cases along."""

import pytest
from django.core.exceptions import ValidationError

from cases import services
from cases.models import Case, Client
from cases.phases import Phase
from tests.cases.factories import case_in_phase, events, open_case


def test_it_hides_the_client_and_their_cases_but_keeps_them(owner, lead, team):
    old = case_in_phase(Phase.AFGESLOTEN, acting_user=owner, team=team)
    case = open_case(acting_user=owner, team=team, client=old.client)

    services.client_delete(acting_user=lead, client=case.client, reason="Dubbel ingevoerd.")

    assert not Client.objects.filter(pk=case.client_id).exists()
    assert not Case.objects.filter(pk__in=[old.pk, case.pk]).exists()
    stored = Client.all_objects.get(pk=case.client_id)
    assert (stored.deleted_by, stored.deletion_reason) == (lead, "Dubbel ingevoerd.")
    deleted = Case.all_objects.filter(pk__in=[old.pk, case.pk])
    assert {c.deleted_at for c in deleted} == {stored.deleted_at}
    event = events(case, "deletion")[-1]
    assert event.data == {
        "action": "deleted",
        "reference": case.reference,
        "reason": "Dubbel ingevoerd.",
    }
    assert event.actor == lead


@pytest.mark.parametrize("reason", ["", "   "])
def test_it_asks_for_a_reason(owner, lead, team, reason):
    case = open_case(acting_user=owner, team=team)
    with pytest.raises(ValidationError) as refused:
        services.client_delete(acting_user=lead, client=case.client, reason=reason)
    assert "reason" in refused.value.message_dict
    assert Client.objects.filter(pk=case.client_id).exists()


def test_it_is_for_a_lead_of_the_clients_team_only(owner, colleague, outsider_lead, team):
    case = open_case(acting_user=owner, team=team)
    for user in (owner, colleague, outsider_lead):
        with pytest.raises(ValidationError):
            services.client_delete(acting_user=user, client=case.client, reason="Weg.")
    assert Client.objects.filter(pk=case.client_id).exists()
    assert Case.objects.filter(pk=case.pk).exists()
