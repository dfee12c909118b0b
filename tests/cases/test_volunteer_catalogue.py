"""cases.services: the team's catalogue of volunteer services."""

import pytest
from django.core.exceptions import ValidationError

from cases import services
from cases.models import VolunteerService, VolunteerServiceChange
from cases.services.volunteers import STUDY_CATALOGUE
from tests.cases.volunteer_data import catalogue


def test_it_seeds_the_studys_services_once(lead, team):
    added = catalogue(lead, team)
    assert set(added) == {name for name, _d in STUDY_CATALOGUE}
    assert {"Postwijzer", "Zorgmaatje", "Netwerkcoach", "Zorgzaam"} <= set(added)
    assert services.volunteer_catalogue_seed(acting_user=lead, team=team) == []
    assert VolunteerService.objects.filter(team=team).count() == len(STUDY_CATALOGUE)


def test_it_logs_additions_and_changes_with_the_fields(lead, team):
    service = services.volunteer_service_create(acting_user=lead, team=team, name=" Maatje ")
    assert service.name == "Maatje"
    services.volunteer_service_update(
        acting_user=lead, service=service, description="Samen wandelen", active=False
    )
    changes = list(VolunteerServiceChange.objects.filter(service=service).order_by("id"))
    assert [(c.action, c.fields, c.by) for c in changes] == [
        ("created", [], lead),
        ("changed", ["description", "active"], lead),
    ]
    service.refresh_from_db()
    assert (service.active, service.version) == (False, 2)


def test_it_refuses_a_worker_and_a_duplicate_name(owner, lead, team):
    with pytest.raises(ValidationError) as refused:
        services.volunteer_service_create(acting_user=owner, team=team, name="Maatje")
    assert "Alleen een teamleider" in refused.value.messages[0]
    services.volunteer_service_create(acting_user=lead, team=team, name="Maatje")
    with pytest.raises(ValidationError) as refused:
        services.volunteer_service_create(acting_user=lead, team=team, name="maatje")
    assert "name" in refused.value.message_dict
    assert VolunteerService.objects.count() == 1


def test_it_keeps_catalogues_per_team(lead, team, outsider_lead, other_team):
    catalogue(lead, team)
    catalogue(outsider_lead, other_team)
    assert VolunteerService.objects.filter(name="Postwijzer").count() == 2
    with pytest.raises(ValidationError):
        services.volunteer_catalogue_seed(acting_user=outsider_lead, team=team)
