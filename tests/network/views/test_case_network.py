"""The case's Network tab (network.views.case_network)."""

import re

import pytest
from django.urls import reverse

from cases.phases import Phase
from network.models import NetworkMember
from network.services import member_add, snapshot_take
from outreach.models import AccessLogEntry
from tests.cases.factories import walk_to

RELATIONS = ["friend", "neighbour", "sibling", "professional", "volunteer"]


pytestmark = pytest.mark.case_phase(Phase.EERSTE_CONTACT)


def url(case):
    return reverse("network_case", args=[case.pk])


def get(client, user, case):
    client.force_login(user)
    response = client.get(url(case))
    assert response.status_code == 200
    return response.content.decode()


def svg(html):
    return re.search(r'<svg class="ecogram".*?</svg>', html, re.S).group(0)


def table_names(html):
    table = re.search(r'<table class="network-members stack">.*?</table>', html, re.S).group(0)
    return re.findall(r'<th scope="row">(.*?)</th>', table)


def add_members(owner, case, n, start=0):
    for i in range(start, start + n):
        member_add(
            acting_user=owner,
            case=case,
            name=f"Persoon {i:02d}",
            relation=RELATIONS[i % len(RELATIONS)],
            ring=1 + i % 3,
            support_practical="receives" if i % 2 else "",
        )


def test_it_shows_the_drawing_the_table_and_the_measures(client, owner, colleague, case):
    member_add(
        acting_user=owner,
        case=case,
        name="Buurvrouw Fatima",
        relation="neighbour",
        support_practical="receives",
    )
    member_add(
        acting_user=owner,
        case=case,
        name="Oud-collega Kees",
        relation="colleague",
        status="sleeping",
    )

    html = get(client, colleague, case)

    drawing = svg(html)
    assert "Buurvrouw Fatima [" in drawing and "Oud-collega Kees" in drawing
    assert table_names(html) == ["Buurvrouw Fatima", "Oud-collega Kees"]
    measures = re.search(r'<dl class="case-facts network-measures">(.*?)</dl>', html, re.S).group(1)
    assert re.findall(r"<dd>(.*?)</dd>", measures)[0] == "1"  # one informal supporter
    assert 'id="network-body"' in html
    assert reverse("network_interview", args=[case.pk]) in html
    assert 'href="?formulier=persoon#add-member"' in html  # the add form, loaded when opened
    for member in NetworkMember.objects.all():  # an edit link each
        assert f'href="{reverse("network_member_edit", args=[member.pk])}"' in html


def test_it_says_an_empty_network_is_empty_and_warns(client, owner, case):
    html = get(client, owner, case)
    assert table_names(html) == []
    assert 'class="network-warnings"' in html
    assert '<g class="member">' not in html


def test_it_lists_the_snapshots_and_offers_a_comparison_from_two(client, owner, case):
    compare = reverse("network_compare", args=[case.pk])
    snapshot_take(acting_user=owner, case=case, kind="manual", label="Eerste gesprek")
    html = get(client, owner, case)
    assert "Eerste gesprek" in html and compare not in html
    snapshot_take(acting_user=owner, case=case, kind="manual", label="Tweede gesprek")
    html = get(client, owner, case)
    assert "Tweede gesprek" in html and compare in html
    assert reverse("network_snapshot", args=[case.pk]) in html


def test_it_renders_the_add_form_only_when_it_is_opened(client, owner, case):
    """Nineteen fields are most of the tab's time: htmx loads them when the section opens; the
    link in the section shows them without JavaScript."""
    add = reverse("network_member_add", args=[case.pk])
    html = get(client, owner, case)
    assert add not in html and 'name="name"' not in html
    assert f'hx-get="{url(case)}?formulier=persoon"' in html
    opened = client.get(f"{url(case)}?formulier=persoon").content.decode()
    assert '<details class="case-section" open>' in opened
    assert f'action="{add}"' in opened and 'name="name"' in opened
    assert 'name="submission"' in opened
    loaded = client.get(f"{url(case)}?formulier=persoon", headers={"HX-Request": "true"})
    form = loaded.content.decode()
    assert "<html" not in form and 'id="network-body"' not in form
    assert form.strip().startswith("<form") and 'name="name"' in form


def test_it_offers_no_changes_on_a_closed_case(client, owner, case):
    member_add(acting_user=owner, case=case, name="Anna", relation="friend")
    walk_to(case, Phase.AFGESLOTEN, acting_user=owner)
    html = get(client, owner, case)
    assert table_names(html) == ["Anna"]
    assert "formulier=persoon" not in html
    asked = client.get(f"{url(case)}?formulier=persoon").content.decode()
    assert reverse("network_member_add", args=[case.pk]) not in html + asked
    assert reverse("network_snapshot", args=[case.pk]) not in html
    assert "/netwerk/personen/" not in html


def test_it_is_a_404_for_another_team_and_logs_the_attempt(client, outsider, case):
    client.force_login(outsider)
    assert client.get(url(case)).status_code == 404
    entry = AccessLogEntry.objects.filter(user=outsider).latest("id")
    assert (entry.result, entry.record_id) == ("denied", str(case.pk))


def test_it_logs_the_read(client, colleague, case):
    get(client, colleague, case)
    entry = AccessLogEntry.objects.filter(user=colleague).latest("id")
    assert (entry.action, entry.result, entry.record_id) == ("read", "allowed", str(case.pk))


def test_it_runs_the_same_queries_for_2_and_20_members(
    client, owner, case, django_assert_num_queries
):
    client.force_login(owner)
    snapshot_take(acting_user=owner, case=case, kind="manual")
    add_members(owner, case, 2)
    # The first request of a session writes its start (outreach.middleware.session_limits).
    client.get(url(case))
    with django_assert_num_queries(8) as small:
        assert client.get(url(case)).status_code == 200
    add_members(owner, case, 18, start=2)
    with django_assert_num_queries(len(small.captured_queries)):
        html = client.get(url(case)).content.decode()
    assert len(table_names(html)) == 20
