from django.urls import reverse

from outreach.models import AccessLogEntry, Membership
from tests.conftest import make_member


def test_it_shows_the_members_to_the_lead(client, lead, owner, colleague, team):
    client.force_login(lead)
    html = client.get(reverse("team_detail", args=[team.pk])).content.decode()
    assert str(owner) in html and str(colleague) in html and "teamleider" in html


def test_it_explains_in_dutch_that_a_worker_may_not_open_it(client, owner, team):
    client.force_login(owner)
    response = client.get(reverse("team_detail", args=[team.pk]))
    assert response.status_code == 403
    assert "Alleen de teamleiders van Outreach Noord" in response.content.decode()


def test_it_is_a_logged_404_for_a_lead_of_another_team(client, outsider_lead, team, lead):
    client.force_login(outsider_lead)
    assert client.get(reverse("team_detail", args=[team.pk])).status_code == 404
    entry = AccessLogEntry.objects.get(user=outsider_lead)
    assert (entry.result, entry.team_id, entry.record_id) == ("denied", team.pk, str(team.pk))


def test_it_shows_the_team_link_only_to_leads(client, lead, owner):
    client.force_login(lead)
    assert 'href="/teams/' in client.get(reverse("home")).content.decode()
    client.force_login(owner)
    assert 'href="/teams/' not in client.get(reverse("home")).content.decode()


def test_it_makes_the_same_number_of_queries_with_more_members(
    client, lead, team, django_assert_num_queries
):
    client.force_login(lead)
    url = reverse("team_detail", args=[team.pk])
    client.get(url)
    with django_assert_num_queries(8) as small:
        client.get(url)
    for i in range(30):
        make_member(f"extra{i}", team, Membership.Role.WORKER)
    with django_assert_num_queries(len(small.captured_queries)):
        html = client.get(url).content.decode()
    assert "Extra29" in html or "Pagina 1 van" in html
