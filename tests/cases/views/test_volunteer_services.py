"""The team's catalogue of volunteer services: list, add, change, deactivate, the study's list."""

import re

from django.urls import reverse

from cases import services
from cases.models import VolunteerService, VolunteerServiceChange
from cases.services.volunteers import STUDY_CATALOGUE
from outreach.models import AccessLogEntry
from tests.cases.volunteer_data import catalogue


def names(html):
    return re.findall(r'class="case-card-link">\s*<strong>(.*?)</strong>', html)


def test_it_lists_the_teams_catalogue_for_every_worker(
    client, owner, lead, outsider_lead, team, other_team
):
    catalogue(lead, team)
    services.volunteer_service_create(acting_user=outsider_lead, team=other_team, name="Elders")
    client.force_login(owner)
    html = client.get(reverse("volunteer_service_list")).content.decode()
    assert "Postwijzer" in names(html) and "Elders" not in names(html)
    assert reverse("volunteer_service_create") not in html  # a worker reads, a lead edits


def test_it_seeds_the_studys_list_for_a_lead_and_refuses_a_worker(client, owner, lead, team):
    client.force_login(owner)
    assert client.post(reverse("volunteer_catalogue_seed")).status_code == 403
    client.force_login(lead)
    html = client.get(reverse("volunteer_service_list")).content.decode()
    assert reverse("volunteer_catalogue_seed") in html
    response = client.post(reverse("volunteer_catalogue_seed"))
    assert response.status_code == 302
    assert VolunteerService.objects.filter(team=team).count() == len(STUDY_CATALOGUE)


def test_it_makes_the_same_number_of_queries_for_3_and_30_services(
    client, lead, team, django_assert_num_queries
):
    for i in range(3):
        services.volunteer_service_create(acting_user=lead, team=team, name=f"Klein {i}")
    client.force_login(lead)
    client.get(reverse("volunteer_service_list"))
    with django_assert_num_queries(7) as small:
        client.get(reverse("volunteer_service_list"))
    for i in range(27):
        services.volunteer_service_create(acting_user=lead, team=team, name=f"Groot {i:02d}")
    with django_assert_num_queries(len(small.captured_queries)):
        html = client.get(reverse("volunteer_service_list")).content.decode()
    assert len(names(html)) == 25


def test_it_lets_a_lead_add_change_and_deactivate_with_the_changes_logged(client, lead, team):
    client.force_login(lead)
    response = client.post(
        reverse("volunteer_service_create"), {"name": "Zorgmaatje", "description": "Samen"}
    )
    service = VolunteerService.objects.get()
    assert response.status_code == 302
    response = client.post(
        reverse("volunteer_service_edit", args=[service.pk]),
        {"name": "Zorgmaatje", "description": "Samen", "expected_version": 1},
    )
    assert response.status_code == 302
    service.refresh_from_db()
    assert service.active is False
    html = client.get(service.get_absolute_url()).content.decode()
    assert "wordt niet meer aangeboden" in html and "wordt nog aangeboden" in html  # the change
    assert list(VolunteerServiceChange.objects.values_list("action", flat=True)) == [
        "changed",
        "created",
    ]


def test_it_shows_bad_input_by_the_field_and_keeps_what_was_typed(client, lead, team):
    services.volunteer_service_create(acting_user=lead, team=team, name="Postwijzer")
    client.force_login(lead)
    html = client.post(
        reverse("volunteer_service_create"), {"name": "postwijzer", "description": "Brieven"}
    ).content.decode()
    assert 'id="id_name_error"' in html and "al een dienst met deze naam" in html
    assert 'value="Brieven"' in html
    assert VolunteerService.objects.count() == 1


def test_it_refuses_a_change_to_another_services_name_at_the_field(client, lead, team):
    services.volunteer_service_create(acting_user=lead, team=team, name="Postwijzer")
    service = services.volunteer_service_create(acting_user=lead, team=team, name="Zorgmaatje")
    client.force_login(lead)
    response = client.post(
        reverse("volunteer_service_edit", args=[service.pk]),
        {"name": "postwijzer", "description": "Samen", "active": "on", "expected_version": 1},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_name_error"' in html and "al een dienst met deze naam" in html
    assert 'value="postwijzer"' in html
    assert VolunteerService.objects.get(pk=service.pk).name == "Zorgmaatje"


def test_it_is_a_logged_404_for_another_teams_service(client, outsider, lead, team):
    service = services.volunteer_service_create(acting_user=lead, team=team, name="Postwijzer")
    client.force_login(outsider)
    assert client.get(service.get_absolute_url()).status_code == 404
    assert AccessLogEntry.objects.get(user=outsider).result == "denied"


def test_it_refuses_a_worker_the_edit_page(client, owner, lead, team):
    service = services.volunteer_service_create(acting_user=lead, team=team, name="Postwijzer")
    client.force_login(owner)
    assert client.get(reverse("volunteer_service_edit", args=[service.pk])).status_code == 403
