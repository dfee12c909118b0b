"""A team lead sees who read, searched, changed, printed or exported a client's data."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from outreach.models import AccessLogEntry
from tests.cases.factories import open_case


def test_it_shows_the_clients_log_newest_first_in_dutch(client, owner, lead, outsider, team):
    case = open_case(acting_user=owner, team=team, first_name="Ria", last_name="Bos")
    other = open_case(acting_user=owner, team=team, first_name="Piet", last_name="Bos")
    client.force_login(owner)
    client.get(reverse("client_edit", args=[case.client_id]))
    client.get(reverse("client_detail", args=[other.client_id]))
    client.force_login(outsider)
    client.get(reverse("client_detail", args=[case.client_id]))
    client.force_login(lead)
    response = client.get(reverse("client_access_log", args=[case.client_id]))
    html = response.content.decode()
    assert response.status_code == 200
    for column in ("Tijdstip", "Gebruiker", "Actie", "Gegeven", "Resultaat", "Herkomst"):
        assert f'<th scope="col">{column}</th>' in html
    assert html.index("Otto Tester") < html.index("Olga Tester")  # newest first
    assert "geweigerd" in html and "cliënt " + str(case.client_id) in html
    assert f"/clienten/{case.client_id}/bewerken/" in html
    assert f"/clienten/{other.client_id}/" not in html
    assert timezone.localtime().strftime("%d-%m-%Y") in html
    viewed = AccessLogEntry.objects.filter(user=lead).get()
    assert (viewed.client_id, viewed.request) == (
        case.client_id,
        f"GET /clienten/{case.client_id}/toegangslog/",
    )


def test_it_is_a_logged_403_in_dutch_for_a_worker_of_the_team(client, owner, team):
    case = open_case(acting_user=owner, team=team)
    client.force_login(owner)
    response = client.get(reverse("client_access_log", args=[case.client_id]))
    assert response.status_code == 403
    assert "Alleen de teamleiders van Outreach Noord" in response.content.decode()
    entry = AccessLogEntry.objects.filter(user=owner).get()
    assert (entry.result, entry.client_id) == ("denied", case.client_id)


def test_it_pages_the_log_with_a_flat_query_count(client, owner, lead, team):
    case = open_case(acting_user=owner, team=team)
    client.force_login(owner)
    url = reverse("client_access_log", args=[case.client_id])
    client.force_login(lead)
    client.get(url)

    def count():
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        return len(queries), response

    small, _ = count()
    client.force_login(owner)
    for _n in range(60):
        client.get(reverse("client_detail", args=[case.client_id]))
    client.force_login(lead)
    client.get(url)
    big, response = count()
    assert big == small
    assert response.context["page"].paginator.num_pages == 2
    assert "pagina=2" in response.content.decode()


def test_it_links_the_log_and_inspection_file_for_leads_only(client, owner, lead, team):
    case = open_case(acting_user=owner, team=team)
    links = [
        reverse(name, args=[case.client_id])
        for name in ("client_access_log", "client_inspection_pdf", "client_inspection_json")
    ]
    client.force_login(lead)
    html = client.get(reverse("client_detail", args=[case.client_id])).content.decode()
    assert all(link in html for link in links)
    client.force_login(owner)
    html = client.get(reverse("client_detail", args=[case.client_id])).content.decode()
    assert not any(link in html for link in links)
