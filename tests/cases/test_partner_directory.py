import pytest
from django.core.exceptions import ValidationError

from cases import services
from cases.models import PartnerChange, PartnerOrganisation
from outreach.models import Membership
from tests.conftest import make_member


def add_partner(lead, team, **fields):
    values = {"name": "GGZ Delfland", "kind": PartnerOrganisation.Kind.GGZ, **fields}
    return services.partner_create(acting_user=lead, team=team, **values)


def test_it_lets_a_lead_add_an_organisation_and_logs_it(lead, team):
    partner = add_partner(lead, team, phone=" 010 123 45 67 ")
    assert (partner.team, partner.phone) == (team, "010 123 45 67")
    change = partner.changes.get()
    assert (change.by, change.action) == (lead, PartnerChange.Action.CREATED)


def test_it_refuses_a_worker(owner, team):
    with pytest.raises(ValidationError) as refused:
        add_partner(owner, team)
    assert None in refused.value.message_dict
    assert not PartnerOrganisation.objects.exists()


def test_it_lets_an_administrator_of_the_team_edit(team):
    admin = make_member("beheer", team, Membership.Role.WORKER)
    admin.is_staff = True
    admin.save()
    assert add_partner(admin, team).pk


def test_it_refuses_a_lead_of_another_team(outsider_lead, team):
    with pytest.raises(ValidationError):
        add_partner(outsider_lead, team)


def test_it_refuses_a_second_organisation_by_the_same_name_ignoring_case(lead, team):
    add_partner(lead, team)
    with pytest.raises(ValidationError) as refused:
        add_partner(lead, team, name="ggz delfland")
    assert list(refused.value.message_dict) == ["name"]


def test_it_allows_the_same_name_in_another_team(lead, team, outsider_lead, other_team):
    add_partner(lead, team)
    assert add_partner(outsider_lead, other_team).team == other_team


def test_it_refuses_a_bad_email_by_the_field(lead, team):
    with pytest.raises(ValidationError) as refused:
        add_partner(lead, team, email="geen-adres")
    assert list(refused.value.message_dict) == ["email"]


def test_it_logs_which_fields_changed(lead, team):
    partner = add_partner(lead, team)
    services.partner_update(
        acting_user=lead, partner=partner, name="GGZ Delfland", phone="010 1", kind="ggz"
    )
    change = partner.changes.first()
    assert (change.action, change.fields) == (PartnerChange.Action.CHANGED, ["phone"])
    partner.refresh_from_db()
    assert partner.version == 2


def test_it_logs_nothing_when_nothing_changed(lead, team):
    partner = add_partner(lead, team)
    services.partner_update(acting_user=lead, partner=partner, name="GGZ Delfland")
    assert partner.changes.count() == 1


def test_it_adds_and_changes_contact_persons_with_a_log(lead, team):
    partner = add_partner(lead, team)
    contact = services.partner_contact_add(
        acting_user=lead, partner=partner, name="Petra de Wit", role="ambulant begeleider"
    )
    services.partner_contact_update(acting_user=lead, contact=contact, phone="06 12345678")
    actions = list(partner.changes.values_list("action", "contact_name", "fields"))
    assert actions == [
        ("contact_changed", "Petra de Wit", ["phone"]),
        ("contact_added", "Petra de Wit", []),
        ("created", "", []),
    ]


def test_it_refuses_a_contact_person_without_a_name(lead, team):
    partner = add_partner(lead, team)
    with pytest.raises(ValidationError) as refused:
        services.partner_contact_add(acting_user=lead, partner=partner, name="  ")
    assert list(refused.value.message_dict) == ["name"]
    assert not partner.contacts.exists()
