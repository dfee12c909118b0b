"""Changing a person on the map (network.views.member_edit)."""

import re

import pytest
from django.urls import reverse

from cases.phases import Phase
from network.models import NetworkMember
from network.services import member_add
from tests.cases.factories import add_agreement, case_in_phase, snapshot
from tests.conflicts import as_opened, assert_conflict_page, opened_version, two_workers

pytestmark = pytest.mark.case_phase(Phase.EERSTE_CONTACT)


@pytest.fixture
def member(owner, case):
    return member_add(
        acting_user=owner,
        case=case,
        name="Buurvrouw Fatima",
        relation="neighbour",
        ring=1,
        support_practical="receives",
        note="Haalt de boodschappen.",
    )


def url(member):
    return reverse("network_member_edit", args=[member.pk])


def form_data(**extra):
    return {
        "name": "Buurvrouw Fatima",
        "relation": "neighbour",
        "ring": "2",
        "distance": "same_wijk",
        "frequency": "weekly",
        "involvement": "some",
        "support_practical": "receives",
        "support_material": "",
        "support_emotional": "receives",
        "support_company": "",
        "support_decisions": "",
        "status": "active",
        "wants_back": "",
        "note": "Nu ook een luisterend oor.",
        **extra,
    }


def stored(member):
    m = NetworkMember.objects.get(pk=member.pk)
    return (m.name, m.ring, m.support_emotional, m.note, m.status, list(m.agreements.all()))


def test_it_shows_the_member_filled_in(client, colleague, member):
    client.force_login(colleague)
    response = client.get(url(member))
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Buurvrouw Fatima</h1>" in html
    assert re.search(r'name="name"[^>]*value="Buurvrouw Fatima"', html)
    assert re.search(r'name="ring" value="1"[^>]*checked', html)

    assert "Haalt de boodschappen." in html
    assert reverse("network_member_remove", args=[member.pk]) in html


def test_it_saves_the_change_and_goes_back_to_the_map(client, owner, case, member):
    agreement = add_agreement(acting_user=owner, case=case)
    client.force_login(owner)
    response = client.post(url(member), as_opened(member, form_data(agreements=[agreement.pk])))
    assert response.status_code == 302
    assert response.url == reverse("network_case", args=[case.pk])
    assert stored(member) == (
        "Buurvrouw Fatima",
        2,
        "receives",
        "Nu ook een luisterend oor.",
        "active",
        [agreement],
    )
    event = case.events.filter(kind="network").latest("id")
    assert event.data["action"] == "changed"
    assert set(event.data["fields"]) == {
        "ring",
        "frequency",
        "support_emotional",
        "note",
        "agreements",
    }


def test_it_marks_a_sleeping_contact_set_to_active_as_reactivated(client, owner, case):
    oud = member_add(
        acting_user=owner,
        case=case,
        name="Oud-collega Kees",
        relation="colleague",
        status="sleeping",
    )
    client.force_login(owner)
    data = form_data(name="Oud-collega Kees", relation="colleague", status="active")
    assert client.post(url(oud), as_opened(oud, data)).status_code == 302
    assert NetworkMember.objects.get(pk=oud.pk).status == "reactivated"


def test_it_keeps_what_was_typed_on_an_error(client, owner, member):
    before = stored(member)
    client.force_login(owner)
    data = form_data(name="", ring="7", note="Getypt maar niet bewaard.", frequency="daily")
    response = client.post(url(member), as_opened(member, data))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="id_name_error"' in html
    assert re.search(r'choice-group has-error">\s*<legend>[^<]*ring', html, re.I)
    assert "Getypt maar niet bewaard." in html
    assert '<option value="daily" selected>' in html
    assert '<option value="receives" selected>' in html
    # The heading still names the member as stored, not the empty name typed.
    assert "<h1>Buurvrouw Fatima</h1>" in html
    assert stored(member) == before


def test_it_refuses_an_agreement_of_another_case(client, owner, team, case, member):
    other = case_in_phase(Phase.EERSTE_CONTACT, acting_user=owner, team=team, last_name="Smit")
    theirs = add_agreement(acting_user=owner, case=other)
    before = (stored(member), snapshot(case))
    client.force_login(owner)
    response = client.post(url(member), as_opened(member, form_data(agreements=[theirs.pk])))
    assert response.status_code == 200
    assert 'class="field-error"' in response.content.decode()
    assert (stored(member), snapshot(case)) == before
    assert not theirs.network_members.exists()


def test_it_is_a_404_for_another_team(client, outsider, case, member):
    before = (stored(member), snapshot(case))
    client.force_login(outsider)
    assert client.get(url(member)).status_code == 404
    assert client.post(url(member), form_data(name="Gestolen")).status_code == 404
    assert (stored(member), snapshot(case)) == before


def test_it_keeps_the_first_save_and_shows_both_to_the_second_of_two_workers(
    owner, colleague, member
):
    first, second = two_workers(owner, colleague)
    version = opened_version(first.get(url(member)))
    assert opened_version(second.get(url(member))) == version

    first.post(url(member), form_data(note="Komt elke dag langs.", expected_version=version))
    response = second.post(url(member), form_data(note="Verhuisd.", expected_version=version))

    assert_conflict_page(response, stored=["Komt elke dag langs."], typed=["Verhuisd."])
    assert stored(member)[3] == "Komt elke dag langs."
