"""cases.services.case_restore: an admin brings one deleted case back."""

import pytest
from django.core.exceptions import ValidationError

from cases import services
from cases.models import Case
from tests.cases.factories import events, open_case


def test_it_brings_the_case_back_onto_the_timeline(owner, lead, team, admin_user):
    case = open_case(acting_user=owner, team=team)
    services.case_delete(acting_user=lead, case=case, reason="Per ongeluk.")

    services.case_restore(acting_user=admin_user, case=case)

    assert Case.objects.get(pk=case.pk).deletion_reason == ""
    assert [e.data["action"] for e in events(case, "deletion")] == ["deleted", "restored"]


def test_it_refuses_while_the_client_has_another_open_case(owner, lead, team, admin_user):
    case = open_case(acting_user=owner, team=team)
    services.case_delete(acting_user=lead, case=case, reason="Dubbel.")
    open_case(acting_user=owner, team=team, client=case.client)

    with pytest.raises(ValidationError) as refused:
        services.case_restore(acting_user=admin_user, case=case)

    assert case.reference in refused.value.messages[0]
    assert Case.all_objects.get(pk=case.pk).is_deleted


def test_it_asks_to_restore_a_deleted_client_first(owner, lead, team, admin_user):
    case = open_case(acting_user=owner, team=team)
    services.client_delete(acting_user=lead, client=case.client, reason="Weg.")
    with pytest.raises(ValidationError):
        services.case_restore(acting_user=admin_user, case=case)
    with pytest.raises(ValidationError):
        services.case_restore(acting_user=lead, case=case)
