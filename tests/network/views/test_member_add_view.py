"""Adding a person to the map (network.views.member_add), as a plain post and with htmx."""

import re

import pytest
from django.urls import reverse

from cases.phases import Phase
from network.models import NetworkMember
from network.services import member_add
from tests.cases.factories import add_agreement, case_in_phase, snapshot, walk_to

HTMX = {"HX-Request": "true"}


pytestmark = pytest.mark.case_phase(Phase.EERSTE_CONTACT)


def url(case):
    return reverse("network_member_add", args=[case.pk])


def form_data(**extra):
    return {
        "name": "Buurvrouw Fatima",
        "relation": "neighbour",
        "ring": "1",
        "distance": "same_wijk",
        "frequency": "weekly",
        "involvement": "high",
        "support_practical": "receives",
        "support_material": "",
        "support_emotional": "both",
        "support_company": "",
        "support_decisions": "",
        "status": "active",
        "wants_back": "",
        "note": "Haalt de boodschappen.",
        **extra,
    }


def svg(html):
    return re.search(r'<svg class="ecogram".*?</svg>', html, re.S).group(0)


def table_names(html):
    table = re.search(r'<table class="network-members stack">.*?</table>', html, re.S).group(0)
    return re.findall(r'<th scope="row">(.*?)</th>', table)


def state(case):
    return snapshot(case), list(NetworkMember.objects.values_list("pk", flat=True))


def test_it_adds_the_person_and_goes_back_to_the_map(client, owner, case):
    agreement = add_agreement(acting_user=owner, case=case)
    client.force_login(owner)
    response = client.post(url(case), form_data(agreements=[agreement.pk], overloaded="on"))
    assert response.status_code == 302
    assert response.url == reverse("network_case", args=[case.pk])
    member = NetworkMember.objects.get()
    assert (member.case, member.name, member.relation, member.ring) == (
        case,
        "Buurvrouw Fatima",
        "neighbour",
        1,
    )
    assert (member.support_practical, member.support_emotional, member.overloaded) == (
        "receives",
        "both",
        True,
    )
    assert list(member.agreements.all()) == [agreement]
    assert case.events.filter(kind="network").latest("id").data["action"] == "added"


def test_it_answers_htmx_with_the_network_body_only(client, owner, case):
    member_add(acting_user=owner, case=case, name="Zus Wilma", relation="sibling")
    client.force_login(owner)
    response = client.post(url(case), form_data(), headers=HTMX)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<html" not in html and "<body" not in html and "<h1" not in html
    assert html.strip().startswith('<div id="network-body"')
    assert html.count('id="network-body"') == 1
    assert "Buurvrouw Fatima [" in svg(html) and "Zus Wilma" in svg(html)
    assert table_names(html) == ["Buurvrouw Fatima", "Zus Wilma"]
    # A fresh form to add the next person.
    assert 'name="name"' in html and "Haalt de boodschappen." not in html
    assert NetworkMember.objects.count() == 2


@pytest.mark.parametrize(
    ("extra", "field"),
    [({"name": "  "}, "name"), ({"ring": "7"}, "ring"), ({"relation": "vreemde"}, "relation")],
)
@pytest.mark.parametrize("headers", [{}, HTMX], ids=["plain", "htmx"])
def test_it_shows_the_field_error_and_adds_nothing(client, owner, case, extra, field, headers):
    before = state(case)
    client.force_login(owner)
    response = client.post(url(case), form_data(**extra), headers=headers)
    assert response.status_code == 200
    html = response.content.decode()
    assert ("<html" in html) == (not headers)
    assert re.search(r'class="field[^"]*has-error', html)
    if field == "ring":
        fieldset = re.search(
            r'<fieldset class="field choice-group has-error">.*?</fieldset>', html, re.S
        )
        assert 'name="ring"' in fieldset.group(0) and 'class="field-error"' in fieldset.group(0)
    else:
        assert f'id="id_{field}_error"' in html
    assert '<details class="case-section" open>' in html  # the form stays open
    assert "Haalt de boodschappen." in html  # what was typed stays
    assert state(case) == before


def test_it_refuses_an_agreement_of_another_case(client, owner, team, case):
    other = case_in_phase(Phase.EERSTE_CONTACT, acting_user=owner, team=team, last_name="Smit")
    theirs = add_agreement(acting_user=owner, case=other)
    before = state(case)
    client.force_login(owner)
    response = client.post(url(case), form_data(agreements=[theirs.pk]), headers=HTMX)
    assert response.status_code == 200
    assert 'class="field-error"' in response.content.decode()
    assert state(case) == before
    assert not theirs.network_members.exists()


@pytest.mark.parametrize("headers", [{}, HTMX], ids=["plain", "htmx"])
def test_it_refuses_on_a_closed_case_and_says_why(client, owner, case, headers):
    # A colleague closed the case while this worker still had the map open.
    closed = walk_to(case, Phase.AFGESLOTEN, acting_user=owner)
    before = state(closed)
    client.force_login(owner)
    response = client.post(url(closed), form_data(), headers=headers)
    assert state(closed) == before
    assert response.status_code == 200
    assert "Deze casus is afgesloten." in response.content.decode()


def test_it_is_a_404_for_another_team(client, outsider, case):
    before = state(case)
    client.force_login(outsider)
    assert client.post(url(case), form_data()).status_code == 404
    assert client.post(url(case), form_data(), headers=HTMX).status_code == 404
    assert state(case) == before


def test_it_takes_posts_only(client, owner, case):
    client.force_login(owner)
    assert client.get(url(case)).status_code == 405
