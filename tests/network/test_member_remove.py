"""network.services.member_remove."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from cases.phases import Phase
from network.models import NetworkMember
from network.services import member_add, member_remove
from tests.cases.factories import add_agreement, events, snapshot, walk_to

pytestmark = pytest.mark.case_phase(Phase.EERSTE_CONTACT)


def test_it_removes_the_member_and_writes_one_event(owner, colleague, case):
    agreement = add_agreement(acting_user=owner, case=case)
    stays = member_add(acting_user=owner, case=case, name="Bram", relation="neighbour")
    goes = member_add(
        acting_user=owner, case=case, name="Anna", relation="friend", agreements=[agreement]
    )
    before = len(events(case))

    member_remove(acting_user=colleague, member=goes)

    assert list(NetworkMember.objects.all()) == [stays]
    assert list(agreement.network_members.all()) == []
    agreement.refresh_from_db()  # the agreement itself stays
    after = events(case)
    assert len(after) == before + 1
    assert (after[-1].kind, after[-1].actor, after[-1].data) == (
        "network",
        colleague,
        {"action": "removed", "name": "Anna"},
    )


def test_it_refuses_on_a_closed_case(owner, case):
    member = member_add(acting_user=owner, case=case, name="Anna", relation="friend")
    walk_to(case, Phase.CLIENT_WIL_NIET, acting_user=owner)
    member.refresh_from_db()
    before = snapshot(case)
    with translation.override("en"), pytest.raises(ValidationError) as error:
        member_remove(acting_user=owner, member=member)
    assert error.value.messages == ["This case is closed."]
    assert NetworkMember.objects.filter(pk=member.pk).exists()
    assert snapshot(case) == before
