import re
from datetime import date

from django.urls import reverse

from cases import services
from outreach.models import AccessLogEntry, Membership
from outreach.services import membership_set
from tests.cases.factories import client_fields, open_case

URL = reverse("search")
CLIENT_LINK = 'href="' + reverse("client_detail", args=[999]).replace("999", r"(\d+)") + '"'


def make_client(user, team, **fields):
    return services.client_create(acting_user=user, team=team, **client_fields(**fields))


def result_ids(html):
    return {int(pk) for pk in re.findall(CLIENT_LINK, html)}


def urls_in(html):
    return re.findall(r'(?:href|action|hx-get|hx-post|src)="([^"]*)"', html)


def test_it_finds_the_teams_clients_and_never_another_teams_namesake(
    client, owner, outsider, team, other_team
):
    ours = make_client(owner, team, first_name="Ria", last_name="Zoetemelk")
    theirs = make_client(outsider, other_team, first_name="Ria", last_name="Zoetemelk")
    make_client(owner, team, first_name="Piet", last_name="Anders")
    client.force_login(owner)
    response = client.post(URL, {"name": "Ria Zoetemelk"})
    html = response.content.decode()
    assert response.status_code == 200
    assert result_ids(html) == {ours.pk}
    assert theirs.pk not in result_ids(html)


def test_it_searches_all_teams_of_a_member_of_two(client, owner, outsider, team, other_team):
    membership_set(acting_user=None, team=other_team, user=owner, role=Membership.Role.WORKER)
    ours = make_client(owner, team, last_name="Zoetemelk")
    theirs = make_client(outsider, other_team, last_name="Zoetemelk")
    client.force_login(owner)
    assert result_ids(client.post(URL, {"name": "Zoetemelk"}).content.decode()) == {
        ours.pk,
        theirs.pk,
    }


def test_it_finds_by_date_of_birth_and_by_postcode(client, owner, team):
    born = make_client(owner, team, last_name="Een", date_of_birth=date(1950, 5, 17))
    lives = make_client(owner, team, last_name="Twee", postcode="3066 KB")
    client.force_login(owner)
    assert result_ids(client.post(URL, {"date_of_birth": "1950-05-17"}).content.decode()) == {
        born.pk
    }
    assert result_ids(client.post(URL, {"address": "3066kb"}).content.decode()) == {lives.pk}


def test_it_links_to_the_open_case_of_a_result(client, owner, team):
    case = open_case(acting_user=owner, team=team, last_name="Zoetemelk")
    client.force_login(owner)
    html = client.post(URL, {"name": "Zoetemelk"}).content.decode()
    assert reverse("case_detail", args=[case.pk]) in html and case.reference in html


def test_it_puts_no_name_in_any_url(client, owner, team):
    make_client(owner, team, first_name="Ria", last_name="Zoetemelk")
    client.force_login(owner)
    html = client.post(URL, {"name": "Zoetemelk"}).content.decode()
    assert re.search(r'<form method="post"[^>]*class="record-form"', html)
    assert result_ids(html)
    for url in urls_in(html):
        assert "Zoetemelk" not in url and "Ria" not in url


def test_it_does_not_search_by_url(client, owner, team):
    make_client(owner, team, last_name="Zoetemelk")
    client.force_login(owner)
    html = client.get(URL, {"name": "Zoetemelk"}).content.decode()
    assert result_ids(html) == set()
    assert not AccessLogEntry.objects.filter(action="search").exists()


def test_it_logs_the_search_but_never_the_search_terms(client, owner, team):
    make_client(owner, team, last_name="Zoetemelk", postcode="3066 KB")
    client.force_login(owner)
    client.post(URL, {"name": "Zoetemelk", "date_of_birth": "1950-05-17", "address": "3066 KB"})
    client.post(URL, {"name": "Zoetemelk"})
    entries = AccessLogEntry.objects.filter(action="search")
    assert entries.count() == 2
    assert {(e.record_type, e.team_id, e.result) for e in entries} == {
        ("cases.client", team.pk, "allowed")
    }
    for row in AccessLogEntry.objects.values():
        for value in row.values():
            text = str(value)
            assert "Zoetemelk" not in text and "3066" not in text and "1950" not in text


def test_it_asks_for_at_least_one_criterion_and_keeps_a_bad_date(client, owner, team):
    make_client(owner, team, last_name="Zoetemelk")
    client.force_login(owner)
    empty = client.post(URL, {"name": "", "address": ""}).content.decode()
    assert 'class="form-errors"' in empty
    html = client.post(URL, {"name": "Zoetemelk", "date_of_birth": "31-31-1950"}).content.decode()
    assert 'id="id_date_of_birth_error"' in html
    assert 'value="31-31-1950"' in html and 'value="Zoetemelk"' in html
    assert result_ids(html) == set()
    assert not AccessLogEntry.objects.filter(action="search").exists()
