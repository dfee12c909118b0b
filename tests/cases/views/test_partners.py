import re

from django.urls import reverse

from cases.models import PartnerContact, PartnerOrganisation
from outreach.models import AccessLogEntry
from tests.cases.test_partner_directory import add_partner


def names(html):
    return re.findall(r'class="case-card-link">\s*<strong>(.*?)</strong>', html)


def test_it_lists_the_teams_directory_for_every_worker(
    client, owner, lead, outsider_lead, team, other_team
):
    add_partner(lead, team, name="Woonstad Rotterdam", kind="housing")
    add_partner(lead, team)
    add_partner(outsider_lead, other_team, name="Zuidelijk GGZ")
    client.force_login(owner)
    html = client.get(reverse("partner_list")).content.decode()
    assert names(html) == ["GGZ Delfland", "Woonstad Rotterdam"]
    assert reverse("partner_create") not in html  # a worker reads, a lead edits


def test_it_searches_by_name(client, owner, lead, team):
    add_partner(lead, team, name="Woonstad Rotterdam", kind="housing")
    add_partner(lead, team)
    client.force_login(owner)
    html = client.get(reverse("partner_list"), {"zoek": "woon"}).content.decode()
    assert names(html) == ["Woonstad Rotterdam"]


def test_it_makes_the_same_number_of_queries_for_3_and_30_organisations(
    client, lead, team, django_assert_num_queries
):
    for i in range(3):
        add_partner(lead, team, name=f"Klein {i}")
    client.force_login(lead)
    client.get(reverse("partner_list"))
    with django_assert_num_queries(7) as small:
        client.get(reverse("partner_list"))
    for i in range(27):
        partner = add_partner(lead, team, name=f"Groot {i:02d}")
        PartnerContact.objects.create(partner=partner, name="Iemand")
    with django_assert_num_queries(len(small.captured_queries)):
        html = client.get(reverse("partner_list")).content.decode()
    assert len(names(html)) == 25


def test_it_lets_a_lead_add_an_organisation(client, lead, team):
    client.force_login(lead)
    page = client.get(reverse("partner_create")).content.decode()
    token = re.search(r'name="submission" value="([^"]+)"', page).group(1)
    response = client.post(
        reverse("partner_create"),
        {"name": "MEE Rotterdam", "kind": "mee", "phone": "010 282 18 18", "submission": token},
    )
    partner = PartnerOrganisation.objects.get()
    assert response.status_code == 302 and response.url.startswith(partner.get_absolute_url())
    assert (partner.name, partner.team) == ("MEE Rotterdam", team)


def test_it_shows_bad_input_by_the_field_and_keeps_what_was_typed(client, lead, team):
    add_partner(lead, team)
    client.force_login(lead)
    html = client.post(
        reverse("partner_create"),
        {"name": "MEE", "kind": "mee", "phone": "010 9", "email": "nee"},
    ).content.decode()
    assert 'id="id_email_error"' in html and "Voer een geldig e-mailadres in." in html
    assert 'value="010 9"' in html
    html = client.post(
        reverse("partner_create"), {"name": "ggz delfland", "kind": "ggz", "phone": "010 9"}
    ).content.decode()
    assert 'id="id_name_error"' in html and "al een organisatie met deze naam" in html
    assert 'value="010 9"' in html
    assert PartnerOrganisation.objects.count() == 1


def test_it_refuses_a_worker_the_forms_with_an_explanation(client, owner, lead, team):
    partner = add_partner(lead, team)
    client.force_login(owner)
    for name, args in [
        ("partner_create", []),
        ("partner_edit", [partner.pk]),
        ("partner_contact_add", [partner.pk]),
    ]:
        response = client.post(reverse(name, args=args), {"name": "Anders", "kind": "ggz"})
        assert response.status_code == 403
    partner.refresh_from_db()
    assert partner.name == "GGZ Delfland" and not partner.contacts.exists()


def test_it_is_a_404_for_another_teams_entry_and_logs_it(client, lead, outsider_lead, team):
    partner = add_partner(lead, team)
    contact = PartnerContact.objects.create(partner=partner, name="Petra")
    client.force_login(outsider_lead)
    for url in [
        reverse("partner_detail", args=[partner.pk]),
        reverse("partner_edit", args=[partner.pk]),
        reverse("partner_contact_add", args=[partner.pk]),
        reverse("partner_contact_edit", args=[contact.pk]),
    ]:
        assert client.get(url).status_code == 404
    assert AccessLogEntry.objects.filter(user=outsider_lead, result="denied").count() == 4


def test_it_edits_an_organisation_and_shows_the_change_log(client, lead, team):
    partner = add_partner(lead, team)
    client.force_login(lead)
    response = client.post(
        reverse("partner_edit", args=[partner.pk]),
        {
            "name": "GGZ Delfland",
            "kind": "ggz",
            "phone": "015 1",
            "active": "on",
            "expected_version": "1",
        },
    )
    assert response.status_code == 302
    html = client.get(partner.get_absolute_url()).content.decode()
    assert "015 1" in html and "gewijzigd: telefoon" in html


def test_it_shows_the_conflict_page_when_someone_else_saved_first(client, lead, team):
    partner = add_partner(lead, team)
    from cases import services

    services.partner_update(acting_user=lead, partner=partner, phone="010 2")
    client.force_login(lead)
    response = client.post(
        reverse("partner_edit", args=[partner.pk]),
        {"name": "GGZ Delfland", "kind": "ggz", "phone": "015 1", "expected_version": "1"},
    )
    assert response.status_code == 409
    partner.refresh_from_db()
    assert partner.phone == "010 2"


def test_it_adds_and_changes_a_contact_person(client, lead, team):
    partner = add_partner(lead, team)
    client.force_login(lead)
    page = client.get(reverse("partner_contact_add", args=[partner.pk])).content.decode()
    token = re.search(r'name="submission" value="([^"]+)"', page).group(1)
    client.post(
        reverse("partner_contact_add", args=[partner.pk]),
        {"name": "Petra de Wit", "role": "trajectbegeleider", "submission": token},
    )
    contact = partner.contacts.get()
    client.post(
        reverse("partner_contact_edit", args=[contact.pk]),
        {"name": "Petra de Wit", "role": "teamleider", "active": "on"},
    )
    contact.refresh_from_db()
    assert contact.role == "teamleider"
