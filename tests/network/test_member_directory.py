"""member_add and member_update with a professional from the team's directory (issue 16)."""

import pytest
from django.core.exceptions import ValidationError

from cases import services
from cases.phases import Phase
from cases.timeline import describe
from network.models import NetworkMember
from network.services import member_add, member_update
from tests.cases.factories import events

pytestmark = pytest.mark.case_phase(Phase.EERSTE_CONTACT)


@pytest.fixture
def ggz(lead, team):
    partner = services.partner_create(acting_user=lead, team=team, name="GGZ Oost", kind="ggz")
    services.partner_contact_add(acting_user=lead, partner=partner, name="Sanne", role="SPV")
    return partner


@pytest.fixture
def theirs(outsider_lead, other_team):
    partner = services.partner_create(
        acting_user=outsider_lead, team=other_team, name="GGZ West", kind="ggz"
    )
    services.partner_contact_add(acting_user=outsider_lead, partner=partner, name="Piet")
    return partner


def test_it_keeps_the_organisation_and_contact_and_names_them_on_the_timeline(owner, case, ggz):
    sanne = ggz.contacts.get()
    member = member_add(
        acting_user=owner,
        case=case,
        name="Sanne (SPV)",
        relation="professional",
        partner_organisation=ggz,
        partner_contact=sanne,
    )
    member = NetworkMember.objects.get(pk=member.pk)
    assert (member.partner_organisation, member.partner_contact) == (ggz, sanne)
    event = events(case, "network")[-1]
    assert event.data["organisation"] == "GGZ Oost"
    assert ("organisatie", "GGZ Oost") in [(str(k), v) for k, v in describe(event).facts]


def test_it_takes_a_one_off_professional_by_name_alone(owner, case):
    member = member_add(acting_user=owner, case=case, name="Wijkagent Ali", relation="professional")
    assert member.partner_organisation is None
    assert "organisation" not in events(case, "network")[-1].data


def test_it_refuses_a_pick_for_someone_who_is_not_a_professional(owner, case, ggz):
    with pytest.raises(ValidationError) as refused:
        member_add(
            acting_user=owner,
            case=case,
            name="Buur",
            relation="neighbour",
            partner_organisation=ggz,
        )
    assert "partner_organisation" in refused.value.message_dict
    assert not NetworkMember.objects.exists()


def test_it_refuses_another_teams_entry_or_a_contact_of_another_organisation(
    owner, case, ggz, theirs
):
    for fields, field in (
        ({"partner_organisation": theirs}, "partner_organisation"),
        (
            {"partner_organisation": ggz, "partner_contact": theirs.contacts.get()},
            "partner_contact",
        ),
    ):
        with pytest.raises(ValidationError) as refused:
            member_add(acting_user=owner, case=case, name="X", relation="professional", **fields)
        assert field in refused.value.message_dict
    assert not NetworkMember.objects.exists()


def test_it_changes_the_pick_and_refuses_another_teams_on_update(owner, case, ggz, theirs):
    member = member_add(acting_user=owner, case=case, name="Sanne", relation="professional")
    member = member_update(acting_user=owner, member=member, partner_organisation=ggz)
    assert NetworkMember.objects.get(pk=member.pk).partner_organisation == ggz
    with pytest.raises(ValidationError):
        member_update(acting_user=owner, member=member, partner_organisation=theirs)
    assert NetworkMember.objects.get(pk=member.pk).partner_organisation == ggz
