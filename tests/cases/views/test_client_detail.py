from datetime import date

from django.urls import reverse

from cases import services
from cases.phases import Phase
from outreach.models import AccessLogEntry
from tests.cases.factories import case_in_phase, open_case


def test_it_shows_the_clients_details_household_and_cases(client, owner, team):
    closed = case_in_phase(
        Phase.AFGESLOTEN,
        acting_user=owner,
        team=team,
        first_name="Ria",
        last_name="van Dijk",
        street_address="Zwaanshals 12",
        phone="06-12345678",
    )
    person = closed.client
    services.client_update(
        acting_user=owner,
        client=person,
        household=[
            {"name": "Sem van Dijk", "relation": "child", "date_of_birth": date(2015, 1, 9)}
        ],
    )
    current = open_case(acting_user=owner, team=team, client=person)
    client.force_login(owner)
    response = client.get(reverse("client_detail", args=[person.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Ria van Dijk" in html and "Zwaanshals 12" in html and "06-12345678" in html
    assert "Sem van Dijk" in html
    assert html.index(current.reference) < html.index(closed.reference)  # newest first
    assert reverse("case_detail", args=[current.pk]) in html
    assert reverse("client_edit", args=[person.pk]) in html


def test_it_logs_the_read_of_the_client(client, owner, team):
    person = open_case(acting_user=owner, team=team).client
    client.force_login(owner)
    client.get(reverse("client_detail", args=[person.pk]))
    entry = AccessLogEntry.objects.get()
    assert (entry.action, entry.record_type, entry.client_id, entry.team_id) == (
        "read",
        "cases.client",
        person.pk,
        team.pk,
    )


def test_it_is_a_logged_404_for_another_teams_client(client, owner, outsider, team):
    person = open_case(acting_user=owner, team=team, last_name="Geheimhouder").client
    client.force_login(outsider)
    response = client.get(reverse("client_detail", args=[person.pk]))
    assert response.status_code == 404
    assert "Geheimhouder" not in response.content.decode()
    entry = AccessLogEntry.objects.get()
    assert (entry.result, entry.client_id, entry.user) == ("denied", person.pk, outsider)
