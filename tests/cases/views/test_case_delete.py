"""Deleting a case (case.case_delete): a Dutch confirmation page with a required reason, for the
team's leads."""

from django.urls import reverse

from cases.models import Case
from outreach.models import AccessLogEntry
from tests.cases.factories import open_case


def url(case):
    return reverse("case_delete", args=[case.pk])


def test_it_asks_a_lead_for_the_reason_and_deletes(client, owner, lead, team):
    case = open_case(acting_user=owner, team=team)
    client.force_login(lead)
    assert f'href="{url(case)}"' in client.get(case.get_absolute_url()).content.decode()
    assert 'name="reason"' in client.get(url(case)).content.decode()

    response = client.post(url(case), {"reason": "Verkeerde cliënt."})

    assert response.status_code == 302 and response.url == case.client.get_absolute_url()
    assert Case.all_objects.get(pk=case.pk).deletion_reason == "Verkeerde cliënt."
    entry = AccessLogEntry.objects.filter(user=lead, record_type="cases.case").latest("id")
    assert (entry.action, entry.record_id) == ("delete", str(case.pk))
    assert case.reference not in client.get(response.url).content.decode()
    assert client.get(case.get_absolute_url()).status_code == 404


def test_it_keeps_the_case_without_a_reason(client, owner, lead, team):
    case = open_case(acting_user=owner, team=team)
    client.force_login(lead)
    html = client.post(url(case), {"reason": ""}).content.decode()
    assert "Geef aan waarom dit wordt verwijderd." in html
    assert Case.objects.filter(pk=case.pk).exists()


def test_it_is_not_for_a_worker(client, owner, team):
    case = open_case(acting_user=owner, team=team)
    client.force_login(owner)
    assert url(case) not in client.get(case.get_absolute_url()).content.decode()
    assert client.post(url(case), {"reason": "Weg."}).status_code == 403
    assert Case.objects.filter(pk=case.pk).exists()
