"""Deleting a client (clients.client_delete): a Dutch confirmation page with a required reason,
for the team's leads; a plain form that works without JavaScript."""

from django.urls import reverse

from cases.models import Client
from outreach.models import AccessLogEntry
from tests.cases.factories import open_case


def url(client):
    return reverse("client_delete", args=[client.pk])


def test_it_asks_a_lead_for_the_reason_and_deletes(client, owner, lead, team):
    person = open_case(acting_user=owner, team=team).client
    client.force_login(lead)
    assert f'href="{url(person)}"' in client.get(person.get_absolute_url()).content.decode()
    html = client.get(url(person)).content.decode()
    assert "verwijderen" in html and 'name="reason"' in html and "1 casus" in html

    response = client.post(url(person), {"reason": "Dubbel ingevoerd."})

    assert response.status_code == 302 and response.url == reverse("home")
    assert Client.all_objects.get(pk=person.pk).deletion_reason == "Dubbel ingevoerd."
    entry = AccessLogEntry.objects.filter(user=lead, record_type="cases.client").latest("id")
    assert (entry.action, entry.record_id) == ("delete", str(person.pk))
    assert client.get(person.get_absolute_url()).status_code == 404


def test_it_keeps_the_client_without_a_reason_and_says_so_in_dutch(client, owner, lead, team):
    person = open_case(acting_user=owner, team=team).client
    client.force_login(lead)
    html = client.post(url(person), {"reason": "  "}).content.decode()
    assert "Geef aan waarom dit wordt verwijderd." in html
    assert Client.objects.filter(pk=person.pk).exists()


def test_it_is_not_for_a_worker(client, owner, team):
    person = open_case(acting_user=owner, team=team).client
    client.force_login(owner)
    assert 'verwijderen/"' not in client.get(person.get_absolute_url()).content.decode()
    assert client.get(url(person)).status_code == 403
    assert client.post(url(person), {"reason": "Weg."}).status_code == 403
    assert Client.objects.filter(pk=person.pk).exists()
