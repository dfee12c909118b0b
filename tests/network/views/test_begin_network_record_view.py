"""Recording the begin network afterwards from the Network tab
(network.views.begin_network_record), and how the tab shows the replaced snapshot."""

import re

import pytest
from django.urls import reverse

from network.models import NetworkSnapshot
from network.services import member_add
from tests.zrm.factories import finalised_assessment, trajectory_case


@pytest.fixture
def case(owner, team):
    case = trajectory_case(owner, team)
    finalised_assessment(case, owner, "begin", empty_map="not_mapped")
    return case


def tab(client, user, case):
    client.force_login(user)
    response = client.get(reverse("network_case", args=[case.pk]))
    assert response.status_code == 200
    return response.content.decode()


def record(client, user, case, **data):
    client.force_login(user)
    return client.post(reverse("network_begin_record", args=[case.pk]), data)


def begin_box(html):
    found = re.search(r'<div class="notice" id="begin-network">.*?</div>', html, re.S)
    return found.group(0) if found else None


def test_it_offers_to_record_the_begin_network_once_people_are_on_the_map(client, owner, case):
    box = begin_box(tab(client, owner, case))
    assert "nog niet in kaart gebracht" in box
    assert "Vastleggen: de cliënt heeft geen netwerk" in box  # the map is still empty
    member_add(acting_user=owner, case=case, name="Zus Wilma", relation="sibling")
    box = begin_box(tab(client, owner, case))
    assert "Beginnetwerk vastleggen" in box and 'name="empty_map"' not in box


def test_it_records_the_begin_network_and_marks_the_first_replaced(client, owner, colleague, case):
    (first,) = NetworkSnapshot.objects.all()
    member_add(acting_user=owner, case=case, name="Zus Wilma", relation="sibling")
    response = record(client, colleague, case)
    assert response.status_code == 302
    assert response.url == reverse("network_case", args=[case.pk])
    recorded = NetworkSnapshot.objects.get(replaces=first)
    assert (recorded.kind, recorded.taken_by) == ("begin", colleague)
    html = tab(client, colleague, case)
    assert "Beginnetwerk vastgelegd." in html
    assert begin_box(html) is None
    assert "achteraf vastgelegd" in html
    assert f"Vervangen door het beginnetwerk dat {colleague} op" in html


def test_it_records_no_network_from_the_button_on_an_empty_map(client, owner, case):
    record(client, owner, case, empty_map="no_network")
    recorded = NetworkSnapshot.objects.exclude(replaces=None).get()
    assert (recorded.members, recorded.empty_map) == ([], "no_network")
    # Nothing more to record on an empty map; people who turn up later can still be recorded.
    assert begin_box(tab(client, owner, case)) is None
    member_add(acting_user=owner, case=case, name="Buurman", relation="neighbour")
    assert "Beginnetwerk vastleggen" in begin_box(tab(client, owner, case))


def test_it_offers_the_button_with_the_map_redrawn_by_htmx(client, owner, case):
    client.force_login(owner)
    html = client.post(
        reverse("network_member_add", args=[case.pk]),
        {
            "name": "Zus Wilma",
            "relation": "sibling",
            "ring": "1",
            "distance": "same_wijk",
            "frequency": "weekly",
            "involvement": "high",
            "status": "active",
        },
        headers={"HX-Request": "true"},
    ).content.decode()
    assert "<html" not in html
    assert "Beginnetwerk vastleggen" in begin_box(html)


def test_it_tells_why_it_refuses(client, owner, case):
    response = record(client, owner, case)  # an empty map without "no network"
    assert response.status_code == 302
    assert "De kaart is nog leeg" in tab(client, owner, case)
    assert NetworkSnapshot.objects.count() == 1


def test_it_refuses_an_unknown_answer(client, owner, case):
    record(client, owner, case, empty_map="nobody")
    assert NetworkSnapshot.objects.count() == 1
