"""The manager's figures page: managers only, figures without client data, CSV, query count."""

from django.urls import reverse

from cases.phases import Phase
from outreach.models import AccessLogEntry
from tests.cases.factories import case_in_phase


def test_it_is_a_404_for_a_team_lead(client, lead):
    client.force_login(lead)
    assert client.get(reverse("organisation_figures")).status_code == 404
    assert AccessLogEntry.objects.filter(
        user=lead, record_type="figures.organisation", result="denied"
    ).exists()


def test_it_shows_a_manager_every_team_and_the_total(client, manager, owner, team, other_team):
    for _ in range(5):
        case_in_phase(Phase.SIGNAAL, acting_user=owner, team=team)
    client.force_login(manager)
    response = client.get(reverse("organisation_figures"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Outreach Noord" in html and "Outreach Zuid" in html and "Alle teams" in html
    assert "Jansen" not in html
    assert AccessLogEntry.objects.filter(user=manager, action="read").exists()


def test_it_refuses_a_period_that_ends_before_it_starts(client, manager):
    client.force_login(manager)
    response = client.get(
        reverse("organisation_figures"), {"start": "2026-05-01", "end": "2026-01-01"}
    )
    assert response.status_code == 200
    assert "Het begin van de periode ligt na het einde" in response.content.decode()
    assert (
        'value="2026-05-01"' in response.content.decode()
        or "01-05-2026" in response.content.decode()
    )


def test_it_gives_the_same_table_as_csv_with_small_numbers_hidden(client, manager, owner, team):
    case_in_phase(Phase.SIGNAAL, acting_user=owner, team=team)
    client.force_login(manager)
    response = client.get(
        reverse("organisation_figures"),
        {"start": "2026-01-01", "end": "2026-12-31", "formaat": "csv"},
    )
    text = response.content.decode("utf-8-sig")
    assert response["Content-Type"].startswith("text/csv")
    assert "Signalen;Signalen ontvangen;< 5;< 5" in text
    assert "Jansen" not in text
    assert AccessLogEntry.objects.filter(user=manager, action="export").exists()


def test_it_takes_as_many_queries_for_many_cases_as_for_one(
    client, manager, owner, team, django_assert_num_queries
):
    client.force_login(manager)
    case_in_phase(Phase.EERSTE_CONTACT, acting_user=owner, team=team)
    client.get(reverse("organisation_figures"))
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as one:
        client.get(reverse("organisation_figures"))
    for _ in range(4):
        case_in_phase(Phase.EERSTE_CONTACT, acting_user=owner, team=team)
    with django_assert_num_queries(len(one)):
        client.get(reverse("organisation_figures"))
