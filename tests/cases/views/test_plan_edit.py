from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from cases import services
from cases.models import Case
from cases.phases import Phase
from outreach.models import AccessLogEntry
from tests.cases.factories import case_in_phase, snapshot
from tests.conflicts import as_opened, assert_conflict_page, opened_version, two_workers

PLAN = "1. Schulden in kaart.\n2. Contact met de huisarts herstellen."


def due():
    return timezone.localdate() + timedelta(days=42)


def stored(case):
    return Case.objects.filter(pk=case.pk).values("trajectory_plan", "evaluation_due_on")[0]


pytestmark = pytest.mark.case_phase(Phase.CONTRACT)


def test_it_saves_the_plan_and_shows_it_on_the_case(client, owner, case):
    client.force_login(owner)
    response = client.post(
        reverse("plan_edit", args=[case.pk]),
        as_opened(case, {"trajectory_plan": PLAN, "evaluation_due_on": due().isoformat()}),
    )
    assert response.status_code == 302 and response.url == case.get_absolute_url()
    assert stored(case) == {"trajectory_plan": PLAN, "evaluation_due_on": due()}
    event = case.events.get(kind="plan")
    assert set(event.data["fields"]) == {"trajectory_plan", "evaluation_due_on"}
    assert "Schulden in kaart." in client.get(response.url).content.decode()


def test_it_shows_the_current_plan_to_edit(client, owner, case):
    services.case_update_plan(
        acting_user=owner, case=case, trajectory_plan=PLAN, evaluation_due_on=due()
    )
    client.force_login(owner)
    html = client.get(reverse("plan_edit", args=[case.pk])).content.decode()
    assert "Schulden in kaart." in html
    assert f'value="{due().isoformat()}"' in html


def test_it_refuses_a_bad_date_and_keeps_the_plan_typed(client, owner, case):
    before = (stored(case), snapshot(case))
    client.force_login(owner)
    html = client.post(
        reverse("plan_edit", args=[case.pk]),
        as_opened(case, {"trajectory_plan": PLAN, "evaluation_due_on": "over zes weken"}),
    ).content.decode()
    assert 'id="id_evaluation_due_on_error"' in html
    assert 'value="over zes weken"' in html
    assert "2. Contact met de huisarts herstellen." in html
    assert (stored(case), snapshot(case)) == before


def test_it_writes_no_event_when_nothing_changed(client, owner, case):
    services.case_update_plan(
        acting_user=owner, case=case, trajectory_plan=PLAN, evaluation_due_on=due()
    )
    before = snapshot(case)
    client.force_login(owner)
    response = client.post(
        reverse("plan_edit", args=[case.pk]),
        as_opened(case, {"trajectory_plan": PLAN, "evaluation_due_on": due().isoformat()}),
    )
    assert response.status_code == 302
    assert snapshot(case) == before


@pytest.mark.parametrize("phase", [Phase.VOORFASE, Phase.EERSTE_CONTACT, Phase.AFGESLOTEN])
def test_it_is_a_404_before_the_contract_and_after_closing(client, owner, team, phase):
    case = case_in_phase(phase, acting_user=owner, team=team)
    before = (stored(case), snapshot(case))
    client.force_login(owner)
    assert client.get(reverse("plan_edit", args=[case.pk])).status_code == 404
    response = client.post(reverse("plan_edit", args=[case.pk]), {"trajectory_plan": PLAN})
    assert response.status_code == 404
    assert (stored(case), snapshot(case)) == before


def test_it_logs_the_change_to_the_case(client, owner, case):
    client.force_login(owner)
    client.post(reverse("plan_edit", args=[case.pk]), as_opened(case, {"trajectory_plan": PLAN}))
    entry = AccessLogEntry.objects.get(action="change")
    assert (entry.record_type, entry.record_id) == ("cases.case", str(case.pk))


def test_it_is_a_404_for_another_teams_case(client, outsider, case):
    before = stored(case)
    client.force_login(outsider)
    response = client.post(reverse("plan_edit", args=[case.pk]), {"trajectory_plan": PLAN})
    assert response.status_code == 404
    assert stored(case) == before


def test_it_keeps_the_first_save_and_shows_both_to_the_second_of_two_workers(
    owner, colleague, case
):
    first, second = two_workers(owner, colleague)
    url = reverse("plan_edit", args=[case.pk])
    version = opened_version(first.get(url))
    assert opened_version(second.get(url)) == version
    data = {"evaluation_due_on": due().isoformat(), "expected_version": version}

    first.post(url, {**data, "trajectory_plan": "Plan van Olga."})
    response = second.post(url, {**data, "trajectory_plan": "Plan van Cor."})

    assert_conflict_page(response, stored=["Plan van Olga."], typed=["Plan van Cor."])
    assert stored(case)["trajectory_plan"] == "Plan van Olga."
