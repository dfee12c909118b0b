"""Removing a person from the map (network.views.member_remove)."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from cases.phases import Phase
from network.models import NetworkMember
from network.services import member_add
from tests.cases.factories import snapshot, walk_to

pytestmark = pytest.mark.case_phase(Phase.EERSTE_CONTACT)


@pytest.fixture
def member(owner, case):
    return member_add(acting_user=owner, case=case, name="Anna", relation="friend")


def url(member):
    return reverse("network_member_remove", args=[member.pk])


def test_it_removes_the_member_and_goes_back_to_the_map(client, owner, colleague, case, member):
    stays = member_add(acting_user=owner, case=case, name="Bram", relation="neighbour")
    client.force_login(colleague)
    response = client.post(url(member))
    assert response.status_code == 302
    assert response.url == reverse("network_case", args=[case.pk])
    assert list(NetworkMember.objects.all()) == [stays]
    event = case.events.filter(kind="network").latest("id")
    assert (event.actor, event.data) == (colleague, {"action": "removed", "name": "Anna"})


def test_it_says_why_it_cannot_remove_from_a_closed_case(client, owner, case, member):
    walk_to(case, Phase.AFGESLOTEN, acting_user=owner)
    before = snapshot(case)
    client.force_login(owner)
    response = client.post(url(member))
    assert response.status_code == 302
    assert [str(m) for m in get_messages(response.wsgi_request)] == ["Deze casus is afgesloten."]
    assert NetworkMember.objects.filter(pk=member.pk).exists()
    assert snapshot(case) == before


def test_it_is_a_404_for_another_team(client, outsider, case, member):
    before = snapshot(case)
    client.force_login(outsider)
    assert client.post(url(member)).status_code == 404
    assert NetworkMember.objects.filter(pk=member.pk).exists()
    assert snapshot(case) == before


def test_it_takes_posts_only(client, owner, member):
    client.force_login(owner)
    assert client.get(url(member)).status_code == 405
    assert NetworkMember.objects.filter(pk=member.pk).exists()
