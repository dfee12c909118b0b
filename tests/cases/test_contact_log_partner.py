"""contact_log with a partner organisation from the team's directory (issue 16)."""

import pytest
from django.core.exceptions import ValidationError

from cases import services
from cases.models import ContactMoment
from cases.timeline import describe
from tests.cases.factories import events, open_case


@pytest.fixture
def ggz(lead, team):
    return services.partner_create(acting_user=lead, team=team, name="GGZ Oost", kind="ggz")


def test_it_keeps_the_organisation_and_shows_its_name_on_the_timeline(owner, team, ggz):
    case = open_case(acting_user=owner, team=team)
    contact = services.contact_log(
        acting_user=owner, case=case, kind="partner", partner_organisation=ggz, present="Sanne"
    )
    assert ContactMoment.objects.get(pk=contact.pk).partner_organisation == ggz
    (event,) = events(case, "contact")
    assert event.data["partner"] == "GGZ Oost"
    assert ("partnerorganisatie", "GGZ Oost") in [
        (str(label), value) for label, value in describe(event).facts
    ]


def test_it_takes_a_one_off_partner_as_typed(owner, team):
    case = open_case(acting_user=owner, team=team)
    contact = services.contact_log(
        acting_user=owner, case=case, kind="partner", present="Buurtkracht, Jan"
    )
    assert contact.partner_organisation is None
    assert "partner" not in events(case, "contact")[0].data


def test_it_refuses_an_organisation_for_another_kind_of_contact(owner, team, ggz):
    case = open_case(acting_user=owner, team=team)
    with pytest.raises(ValidationError) as refused:
        services.contact_log(
            acting_user=owner, case=case, kind="home_visit", partner_organisation=ggz
        )
    assert "partner_organisation" in refused.value.message_dict
    assert not ContactMoment.objects.exists()


def test_it_refuses_another_teams_directory_entry(owner, team, other_team, outsider_lead):
    theirs = services.partner_create(
        acting_user=outsider_lead, team=other_team, name="GGZ West", kind="ggz"
    )
    case = open_case(acting_user=owner, team=team)
    with pytest.raises(ValidationError) as refused:
        services.contact_log(
            acting_user=owner, case=case, kind="partner", partner_organisation=theirs
        )
    assert "partner_organisation" in refused.value.message_dict
    assert not ContactMoment.objects.exists()
