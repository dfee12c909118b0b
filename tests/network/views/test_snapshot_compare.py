"""Two snapshots side by side (network.views.snapshot_compare)."""

import re

import pytest
from django.urls import reverse

from cases.phases import Phase
from network.services import begin_network_record, member_add, member_update, snapshot_take
from tests.cases.factories import case_in_phase
from tests.zrm.factories import finalised_assessment, trajectory_case

pytestmark = pytest.mark.case_phase(Phase.EERSTE_CONTACT)


def url(case, **params):
    query = "&".join(f"{k}={v}" for k, v in params.items())
    return reverse("network_compare", args=[case.pk]) + (f"?{query}" if query else "")


def get(client, user, target):
    client.force_login(user)
    response = client.get(target)
    assert response.status_code == 200
    return response.content.decode()


def drawings(html):
    return re.findall(r'<svg class="ecogram".*?</svg>', html, re.S)


def activation_cells(html, row):
    """The before, after and difference cells of a row of the activation table."""
    table = re.search(r'<table class="activation stack">.*?</table>', html, re.S).group(0)
    rows = re.findall(r"<tr><th scope=\"row\">.*?</tr>", table, re.S)
    return re.findall(r"<td[^>]*>(.*?)</td>", rows[row])


@pytest.fixture
def two(owner, case):
    """Before: a professional only. After: Anna now supports too, and Bram was added."""
    member_add(
        acting_user=owner,
        case=case,
        name="Hulp",
        relation="professional",
        support_practical="receives",
    )
    anna = member_add(
        acting_user=owner, case=case, name="Anna", relation="friend", status="sleeping"
    )
    first = snapshot_take(acting_user=owner, case=case, kind="manual", label="voor")
    member_update(acting_user=owner, member=anna, status="active", support_emotional="receives")
    member_add(
        acting_user=owner, case=case, name="Bram", relation="neighbour", support_company="receives"
    )
    second = snapshot_take(acting_user=owner, case=case, kind="manual", label="na")
    return first, second


def test_it_shows_both_drawings_and_the_activation_table(client, colleague, case, two):
    first, second = two
    html = get(client, colleague, url(case, a=first.pk, b=second.pk))
    before, after = drawings(html)
    assert 'id="first-title"' in before and 'id="second-title"' in after
    assert "Hulp" in before and "Anna" in before and "Bram" not in before
    assert "Bram" in after and "Anna [E]" in after
    assert re.search(r'<circle[^>]*fill="#ffffff" stroke-dasharray="3 2"', before)  # Anna slept
    assert activation_cells(html, 0) == ["0", "2", "+2"]  # informal supporters
    assert activation_cells(html, 2) == ["0", "1", "+1"]  # reactivated
    assert re.search(rf'<option value="{first.pk}" selected>', html)


def test_it_draws_the_same_page_from_the_cache_and_keeps_each_drawing_its_own(client, owner, case):
    # Two snapshots of the same map: the same members, so their drawings share everything but
    # their ids on the page, which the cached drawing must keep apart.
    member_add(acting_user=owner, case=case, name="Anna", relation="friend")
    first = snapshot_take(acting_user=owner, case=case, kind="manual", label="voor")
    second = snapshot_take(acting_user=owner, case=case, kind="manual", label="na")
    drawn = get(client, owner, url(case, a=first.pk, b=second.pk))
    cached = get(client, owner, url(case, a=first.pk, b=second.pk))
    assert drawings(cached) == drawings(drawn)
    before, after = drawings(cached)
    assert 'id="first-title"' in before and 'id="second-title"' in after
    assert "second-" not in before and "first-" not in after


def test_it_compares_the_latest_begin_with_the_latest_end_by_default(client, owner, team):
    case = trajectory_case(owner, team)
    member_add(acting_user=owner, case=case, name="Alleen Begin", relation="friend")
    finalised_assessment(case, owner, "begin")
    snapshot_take(acting_user=owner, case=case, kind="manual", label="tussendoor")
    member_add(acting_user=owner, case=case, name="Pas Aan Het Eind", relation="friend")
    finalised_assessment(case, owner, "end")
    snapshot_take(acting_user=owner, case=case, kind="manual", label="na het eind")
    html = get(client, owner, url(case))
    before, after = drawings(html)
    assert "Alleen Begin" in before and "Pas Aan Het Eind" not in before
    assert "Pas Aan Het Eind" in after


def test_it_ignores_a_snapshot_of_another_case(client, owner, team, case, two):
    first, second = two
    other = case_in_phase(Phase.EERSTE_CONTACT, acting_user=owner, team=team, last_name="Smit")
    member_add(acting_user=owner, case=other, name="Geheim", relation="friend")
    theirs = snapshot_take(acting_user=owner, case=other, kind="manual")
    html = get(client, owner, url(case, a=theirs.pk, b=second.pk))
    assert "Geheim" not in html
    assert len(drawings(html)) == 2


def test_it_is_a_404_without_snapshots(client, owner, case):
    client.force_login(owner)
    assert client.get(url(case)).status_code == 404


def test_it_is_a_404_for_another_team(client, outsider, case, two):
    first, second = two
    client.force_login(outsider)
    assert client.get(url(case, a=first.pk, b=second.pk)).status_code == 404


def test_it_compares_nothing_with_a_begin_network_not_mapped(client, owner, team):
    case = trajectory_case(owner, team)
    finalised_assessment(case, owner, "begin", empty_map="not_mapped")
    member_add(acting_user=owner, case=case, name="Anna", relation="friend")
    finalised_assessment(case, owner, "end")
    html = get(client, owner, url(case))
    assert "Een beginmomentopname van een kaart die nog niet getekend was" in html
    assert '<table class="activation stack">' not in html


def test_it_starts_from_the_begin_network_recorded_afterwards(client, owner, team):
    case = trajectory_case(owner, team)
    finalised_assessment(case, owner, "begin", empty_map="not_mapped")
    member_add(acting_user=owner, case=case, name="Anna", relation="friend")
    recorded = begin_network_record(acting_user=owner, case=case)
    member_add(
        acting_user=owner, case=case, name="Bram", relation="friend", support_practical="receives"
    )
    finalised_assessment(case, owner, "end")
    html = get(client, owner, url(case))
    assert re.search(rf'<option value="{recorded.pk}" selected>', html)
    assert activation_cells(html, 0) == ["0", "1", "+1"]
