"""Volunteer services test data, made through the services."""

from datetime import timedelta

from cases import services
from outreach import clock


def catalogue(lead, team):
    """The team's catalogue seeded with the study's services; {name: service}."""
    return {s.name: s for s in services.volunteer_catalogue_seed(acting_user=lead, team=team)}


def request_for(owner, case, service, *, days_ago=10):
    return services.volunteer_request_add(
        acting_user=owner,
        case=case,
        service=service,
        requested_on=clock.today() - timedelta(days=days_ago),
    )
