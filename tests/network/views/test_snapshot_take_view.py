"""Taking a snapshot by hand (network.views.snapshot_take)."""

import pytest
from django.urls import reverse

from cases.phases import Phase
from network.models import NetworkSnapshot
from network.services import member_add
from tests.cases.factories import snapshot, walk_to

pytestmark = pytest.mark.case_phase(Phase.EERSTE_CONTACT)


def url(case):
    return reverse("network_snapshot", args=[case.pk])


def test_it_takes_a_manual_snapshot_with_its_label(client, owner, colleague, case):
    member_add(acting_user=owner, case=case, name="Anna", relation="friend")
    client.force_login(colleague)
    response = client.post(url(case), {"label": "Na het netwerkberaad"})
    assert response.status_code == 302
    assert response.url == reverse("network_case", args=[case.pk])
    taken = NetworkSnapshot.objects.get()
    assert (taken.case, taken.kind, taken.label, taken.taken_by) == (
        case,
        "manual",
        "Na het netwerkberaad",
        colleague,
    )
    assert [m["name"] for m in taken.members] == ["Anna"]
    html = client.get(response.url).content.decode()
    assert "Na het netwerkberaad" in html


def test_it_takes_no_kind_from_the_form(client, owner, case):
    client.force_login(owner)
    client.post(url(case), {"label": "", "kind": "begin"})
    assert NetworkSnapshot.objects.get().kind == "manual"


def test_it_refuses_a_label_that_is_too_long(client, owner, case):
    before = snapshot(case)
    client.force_login(owner)
    assert client.post(url(case), {"label": "x" * 101}).status_code == 302
    assert not NetworkSnapshot.objects.exists()
    assert snapshot(case) == before


def test_it_takes_no_snapshot_of_a_closed_case(client, owner, case):
    # The page offers no button on a closed case; a post from a page opened earlier still comes.
    closed = walk_to(case, Phase.AFGESLOTEN, acting_user=owner)
    before = snapshot(closed)
    client.force_login(owner)
    client.post(url(closed), {"label": "Te laat"})
    assert not NetworkSnapshot.objects.exists()
    assert snapshot(closed) == before


def test_it_is_a_404_for_another_team(client, outsider, case):
    before = snapshot(case)
    client.force_login(outsider)
    assert client.post(url(case), {"label": "x"}).status_code == 404
    assert not NetworkSnapshot.objects.exists()
    assert snapshot(case) == before


def test_it_takes_posts_only(client, owner, case):
    client.force_login(owner)
    assert client.get(url(case)).status_code == 405
    assert not NetworkSnapshot.objects.exists()
