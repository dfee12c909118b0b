"""The network map's member form: a professional picked from the team's directory (issue 16)."""

import re

import pytest
from django.urls import reverse

from cases import services
from cases.phases import Phase
from network.models import NetworkMember
from network.services import member_add
from tests.network.views.test_member_add_view import form_data

pytestmark = pytest.mark.case_phase(Phase.EERSTE_CONTACT)


@pytest.fixture
def ggz(lead, team):
    partner = services.partner_create(acting_user=lead, team=team, name="GGZ Oost", kind="ggz")
    services.partner_contact_add(acting_user=lead, partner=partner, name="Sanne", role="SPV")
    return partner


def map_url(case):
    return reverse("network_case", args=[case.pk])


def test_it_offers_the_teams_directory_and_shows_the_pick_on_the_map(
    client, owner, case, ggz, other_team, outsider_lead
):
    services.partner_create(acting_user=outsider_lead, team=other_team, name="GGZ West", kind="ggz")
    client.force_login(owner)
    html = client.get(map_url(case) + "?formulier=persoon").content.decode()
    picker = re.search(r'<select name="partner_organisation".*?</select>', html, re.S).group(0)
    assert "GGZ Oost" in picker and "GGZ West" not in picker
    assert "GGZ Oost – Sanne (SPV)" in html
    sanne = ggz.contacts.get()
    response = client.post(
        reverse("network_member_add", args=[case.pk]),
        form_data(name="Sanne", relation="professional", partner_contact=sanne.pk),
    )
    assert response.status_code == 302
    member = NetworkMember.objects.get()
    # The contact person names their organisation.
    assert (member.partner_organisation, member.partner_contact) == (ggz, sanne)
    page = client.get(map_url(case)).content.decode()
    assert '<span class="muted">GGZ Oost, Sanne (SPV)</span>' in page


def test_it_drops_picks_left_behind_when_the_relation_changed(client, owner, case, ggz):
    client.force_login(owner)
    client.post(
        reverse("network_member_add", args=[case.pk]),
        form_data(relation="neighbour", partner_organisation=ggz.pk),
    )
    assert NetworkMember.objects.get().partner_organisation is None


def test_it_refuses_another_teams_entry_next_to_the_field(
    client, owner, case, other_team, outsider_lead
):
    theirs = services.partner_create(
        acting_user=outsider_lead, team=other_team, name="GGZ West", kind="ggz"
    )
    client.force_login(owner)
    response = client.post(
        reverse("network_member_add", args=[case.pk]),
        form_data(relation="professional", partner_organisation=theirs.pk),
    )
    html = response.content.decode()
    assert 'id="id_partner_organisation_error"' in html
    assert not NetworkMember.objects.exists()


def test_it_keeps_a_pick_no_longer_in_use_when_the_member_is_edited(client, owner, lead, case, ggz):
    member = member_add(
        acting_user=owner,
        case=case,
        name="Sanne",
        relation="professional",
        partner_organisation=ggz,
    )
    services.partner_update(acting_user=lead, partner=ggz, active=False)
    client.force_login(owner)
    html = client.get(reverse("network_member_edit", args=[member.pk])).content.decode()
    assert re.search(rf'<option value="{ggz.pk}" selected>GGZ Oost</option>', html)


def test_it_runs_the_same_queries_for_2_and_20_professionals(
    client, owner, case, ggz, django_assert_num_queries
):
    def add(n, start=0):
        for i in range(start, start + n):
            member_add(
                acting_user=owner,
                case=case,
                name=f"Prof {i:02d}",
                relation="professional",
                partner_organisation=ggz,
                partner_contact=ggz.contacts.get(),
            )

    client.force_login(owner)
    add(2)
    client.get(map_url(case))
    with django_assert_num_queries(8) as small:
        client.get(map_url(case))
    add(18, start=2)
    with django_assert_num_queries(len(small.captured_queries)):
        html = client.get(map_url(case)).content.decode()
    assert html.count("GGZ Oost, Sanne (SPV)") == 20
