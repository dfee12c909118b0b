"""network.services.member_add."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from cases.phases import Phase
from network.models import NetworkMember
from network.services import member_add
from tests.cases.factories import add_agreement, case_in_phase, events, snapshot

pytestmark = pytest.mark.case_phase(Phase.EERSTE_CONTACT)


def test_it_adds_the_member_with_its_agreements_and_one_network_event(owner, case):
    agreement = add_agreement(acting_user=owner, case=case)
    before = len(events(case))

    member = member_add(
        acting_user=owner,
        case=case,
        agreements=[agreement],
        name="Tante Riet",
        relation="other_family",
        ring=1,
        support_practical="receives",
        support_company="both",
        known_before=True,
    )

    stored = NetworkMember.objects.get()
    assert stored == member and stored.case == case
    assert (stored.name, stored.relation, stored.ring, stored.status) == (
        "Tante Riet",
        "other_family",
        1,
        "active",
    )
    assert (stored.support_practical, stored.support_company, stored.known_before) == (
        "receives",
        "both",
        True,
    )
    assert list(stored.agreements.all()) == [agreement]
    after = events(case)
    assert len(after) == before + 1
    event = after[-1]
    assert (event.kind, event.actor) == ("network", owner)
    assert event.data == {
        "action": "added",
        "name": "Tante Riet",
        "relation": "other_family",
        "status": "active",
    }


def test_it_refuses_on_a_closed_case(owner, team):
    closed = case_in_phase(Phase.AFGESLOTEN, acting_user=owner, team=team)
    before = snapshot(closed)
    with translation.override("en"), pytest.raises(ValidationError) as error:
        member_add(acting_user=owner, case=closed, name="Buurman", relation="neighbour")
    assert error.value.messages == ["This case is closed."]
    assert not NetworkMember.objects.exists()
    assert snapshot(closed) == before


def test_it_refuses_an_agreement_of_another_case(owner, team, case):
    other = case_in_phase(Phase.EERSTE_CONTACT, acting_user=owner, team=team, last_name="Smit")
    theirs = add_agreement(acting_user=owner, case=other)
    ours = add_agreement(acting_user=owner, case=case)
    before = snapshot(case)
    with pytest.raises(ValidationError) as error:
        member_add(
            acting_user=owner,
            case=case,
            agreements=[ours, theirs],
            name="Buurman",
            relation="neighbour",
        )
    assert "agreements" in error.value.message_dict
    assert not NetworkMember.objects.exists()
    assert snapshot(case) == before


@pytest.mark.parametrize(
    "fields",
    [
        {"name": "", "relation": "friend"},
        {"name": "Anna", "relation": "friend", "ring": 7},
        {"name": "Anna", "relation": "stranger"},
        {"name": "Anna", "relation": "friend", "support_emotional": "always"},
    ],
)
def test_it_refuses_invalid_fields_and_writes_nothing(owner, case, fields):
    before = snapshot(case)
    with pytest.raises(ValidationError):
        member_add(acting_user=owner, case=case, **fields)
    assert not NetworkMember.objects.exists()
    assert snapshot(case) == before
