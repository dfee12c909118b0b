"""The contact form's pick from the team's directory, for a contact with a partner organisation
(contact_add; issue 16)."""

import re

import pytest
from django.urls import reverse

from cases import services
from cases.models import ContactMoment


@pytest.fixture
def ggz(lead, team):
    return services.partner_create(acting_user=lead, team=team, name="GGZ Oost", kind="ggz")


def url(case):
    return reverse("contact_add", args=[case.pk])


def test_it_offers_the_teams_organisations_still_in_use(
    client, owner, lead, records, ggz, other_team, outsider_lead
):
    gone = services.partner_create(
        acting_user=lead, team=records["case"].team, name="Oud", kind="ggz"
    )
    services.partner_update(acting_user=lead, partner=gone, active=False)
    services.partner_create(acting_user=outsider_lead, team=other_team, name="GGZ West", kind="ggz")
    client.force_login(owner)
    html = client.get(url(records["case"])).content.decode()
    picker = re.search(r'<select name="partner_organisation".*?</select>', html, re.S).group(0)
    assert re.findall(r"<option[^>]*>([^<]*)</option>", picker) == [
        "— niet in de gids —",
        "GGZ Oost",
    ]
    # Right after the type, so it stands next to the choice it belongs to.
    assert html.index('name="kind"') < html.index('name="partner_organisation"')
    assert html.index('name="partner_organisation"') < html.index('name="duration_minutes"')


def test_it_keeps_the_organisation_and_names_it_on_the_timeline(client, owner, records, ggz):
    case = records["case"]
    client.force_login(owner)
    response = client.post(
        url(case), {"kind": "partner", "partner_organisation": ggz.pk, "present": "Sanne"}
    )
    assert response.status_code == 302
    assert ContactMoment.objects.get(case=case, kind="partner").partner_organisation == ggz
    page = client.get(case.get_absolute_url()).content.decode()
    assert "GGZ Oost" in page


def test_it_drops_a_pick_left_behind_when_the_type_changed(client, owner, records, ggz):
    case = records["case"]
    client.force_login(owner)
    before = ContactMoment.objects.count()
    response = client.post(url(case), {"kind": "phone", "partner_organisation": ggz.pk})
    assert response.status_code == 302
    contact = ContactMoment.objects.order_by("pk").last()
    assert ContactMoment.objects.count() == before + 1
    assert (contact.kind, contact.partner_organisation) == ("phone", None)


def test_it_refuses_another_teams_organisation_and_keeps_the_input(
    client, owner, records, other_team, outsider_lead
):
    theirs = services.partner_create(
        acting_user=outsider_lead, team=other_team, name="GGZ West", kind="ggz"
    )
    client.force_login(owner)
    before = ContactMoment.objects.count()
    response = client.post(
        url(records["case"]),
        {"kind": "partner", "partner_organisation": theirs.pk, "notes": "Overleg gehad."},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert re.search(r'id="id_partner_organisation_error">Selecteer een geldige keuze', html), (
        "no error next to the picker"
    )
    assert "Overleg gehad." in html
    assert ContactMoment.objects.count() == before
