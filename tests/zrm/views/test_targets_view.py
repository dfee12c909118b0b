"""Setting the targets per domain (zrm.views.targets)."""

import re

import pytest
from django.urls import reverse

from cases.models import TimelineEvent
from cases.phases import Phase
from tests.cases.factories import case_in_phase, events
from tests.zrm.factories import domain, domains
from zrm import services
from zrm.models import ZrmTarget

pytestmark = pytest.mark.case_phase(Phase.TRAJECT_BEGIN)


def targets(case):
    return {
        t.domain.key: t.level for t in ZrmTarget.objects.filter(case=case).select_related("domain")
    }


def data(**levels):
    ids = {d.key: d.pk for d in domains()}
    return {f"target_{ids[k]}": v for k, v in levels.items()}


def test_it_shows_a_choice_per_domain_with_the_current_targets(client, owner, case):
    services.targets_set(acting_user=owner, case=case, levels={domain("housing"): 4})
    client.force_login(owner)

    html = client.get(reverse("zrm_targets", args=[case.pk])).content.decode()

    assert len(re.findall(r'<select name="target_\d+"', html)) == 11
    housing = re.search(rf'<select name="target_{domain("housing").pk}".*?</select>', html, re.S)
    assert re.findall(r'<option value="(\d?)"[^>]*selected', housing.group(0)) == ["4"]
    assert "Huisvesting" in html and "Justitie" in html


def test_it_saves_changes_and_clears_targets(client, owner, case):
    services.targets_set(
        acting_user=owner, case=case, levels={domain("housing"): 4, domain("adl"): 2}
    )
    client.force_login(owner)

    response = client.post(
        reverse("zrm_targets", args=[case.pk]), data(finances="3", housing="5", adl="")
    )

    assert response.status_code == 302 and response.url == reverse("zrm_case", args=[case.pk])
    assert targets(case) == {"finances": 3, "housing": 5}
    assert events(case, TimelineEvent.Kind.ZRM)[-1].data == {
        "kind": "targets",
        "targets": {"finances": 3, "housing": 5},
    }


def test_it_refuses_a_level_that_is_not_offered(client, owner, case):
    client.force_login(owner)
    response = client.post(reverse("zrm_targets", args=[case.pk]), data(finances="3", housing="7"))
    assert response.status_code == 200
    assert f'id="id_target_{domain("housing").pk}_error"' in response.content.decode()
    assert targets(case) == {}


def test_it_refuses_a_closed_case(client, owner, team):
    case = case_in_phase(Phase.AFGESLOTEN, acting_user=owner, team=team)
    before = len(events(case))
    client.force_login(owner)
    response = client.post(reverse("zrm_targets", args=[case.pk]), data(finances="3"))
    assert response.status_code == 200
    assert 'class="form-errors"' in response.content.decode()
    assert (targets(case), len(events(case))) == ({}, before)
