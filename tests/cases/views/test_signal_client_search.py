import re

from django.urls import reverse

from cases import services
from outreach.models import AccessLogEntry, Membership
from outreach.services import membership_set
from tests.cases.factories import client_fields, register_signal

HTMX = {"HTTP_HX_REQUEST": "true"}


def make_client(user, team, **fields):
    return services.client_create(acting_user=user, team=team, **client_fields(**fields))


def choice_ids(html):
    return {int(pk) for pk in re.findall(r'name="client" value="(\d+)"', html)}


def test_it_answers_htmx_with_only_the_client_choices(client, owner, team):
    found = make_client(owner, team, first_name="Wim", last_name="Zoetemelk")
    make_client(owner, team, first_name="Piet", last_name="Anders")
    signal = register_signal(acting_user=owner, team=team, subject_name="Iemand Onbekend")
    client.force_login(owner)
    response = client.post(
        reverse("signal_client_search", args=[signal.pk]), {"name": "Zoetemelk"}, **HTMX
    )
    html = response.content.decode().strip()
    assert response.status_code == 200
    assert html.startswith('<fieldset id="client-choices"') and html.endswith("</fieldset>")
    assert "<html" not in html and "<form" not in html
    assert choice_ids(html) == {found.pk}


def test_it_answers_without_htmx_with_the_whole_page_and_the_search_kept(client, owner, team):
    found = make_client(owner, team, first_name="Wim", last_name="Zoetemelk")
    signal = register_signal(acting_user=owner, team=team, subject_name="Iemand Onbekend")
    client.force_login(owner)
    html = client.post(
        reverse("signal_client_search", args=[signal.pk]), {"name": "Zoetemelk"}
    ).content.decode()
    assert "<html" in html and 'id="client-choices"' in html
    assert choice_ids(html) == {found.pk}
    assert 'name="name" value="Zoetemelk"' in html
    assert reverse("signal_link", args=[signal.pk]) in html


def test_it_finds_only_clients_of_the_signals_team(client, owner, outsider, team, other_team):
    """Even for a worker in both teams: a signal of one team links only to that team's clients."""
    membership_set(acting_user=None, team=other_team, user=owner, role=Membership.Role.WORKER)
    ours = make_client(owner, team, last_name="Zoetemelk")
    theirs = make_client(outsider, other_team, last_name="Zoetemelk")
    signal = register_signal(acting_user=owner, team=team, subject_name="Iemand Onbekend")
    client.force_login(owner)
    html = client.post(
        reverse("signal_client_search", args=[signal.pk]), {"name": "Zoetemelk"}, **HTMX
    ).content.decode()
    assert choice_ids(html) == {ours.pk}
    assert theirs.pk not in choice_ids(html)


def test_it_logs_the_search_without_the_search_terms(client, owner, team):
    make_client(owner, team, last_name="Zoetemelk")
    signal = register_signal(acting_user=owner, team=team, subject_name="Iemand Onbekend")
    client.force_login(owner)
    client.post(
        reverse("signal_client_search", args=[signal.pk]),
        {"name": "Zoetemelk", "address": "Kruisstraat"},
        **HTMX,
    )
    entry = AccessLogEntry.objects.get(action="search")
    assert (entry.record_type, entry.team_id, entry.result) == ("cases.client", team.pk, "allowed")
    for row in AccessLogEntry.objects.values():
        for value in row.values():
            assert "Zoetemelk" not in str(value) and "Kruisstraat" not in str(value)


def test_it_asks_for_a_search_term_and_does_not_search_without_one(client, owner, team):
    signal = register_signal(acting_user=owner, team=team, subject_name="Iemand Onbekend")
    client.force_login(owner)
    html = client.post(
        reverse("signal_client_search", args=[signal.pk]), {"name": "", "address": ""}
    ).content.decode()
    assert 'class="form-errors"' in html
    assert not AccessLogEntry.objects.filter(action="search").exists()


def test_it_is_post_only_so_no_name_ends_up_in_a_url(client, owner, team):
    signal = register_signal(acting_user=owner, team=team)
    client.force_login(owner)
    url = reverse("signal_client_search", args=[signal.pk])
    assert client.get(url, {"name": "Zoetemelk"}).status_code == 405
    assert not AccessLogEntry.objects.filter(action="search").exists()


def test_it_is_a_404_for_another_teams_signal(client, owner, outsider, team):
    make_client(owner, team, last_name="Zoetemelk")
    signal = register_signal(acting_user=owner, team=team)
    client.force_login(outsider)
    response = client.post(
        reverse("signal_client_search", args=[signal.pk]), {"name": "Zoetemelk"}, **HTMX
    )
    assert response.status_code == 404
    assert "Zoetemelk" not in response.content.decode()
    assert not AccessLogEntry.objects.filter(action="search").exists()


def test_it_tells_an_htmx_user_to_fill_in_a_search_term(client, owner, team):
    """An empty search must not answer 'no client matches' as if it had searched."""
    make_client(owner, team, last_name="Zoetemelk")
    signal = register_signal(acting_user=owner, team=team, subject_name="Iemand Onbekend")
    client.force_login(owner)
    html = client.post(
        reverse("signal_client_search", args=[signal.pk]), {"name": ""}, **HTMX
    ).content.decode()
    assert "field-error" in html or "form-errors" in html
    assert not AccessLogEntry.objects.filter(action="search").exists()
