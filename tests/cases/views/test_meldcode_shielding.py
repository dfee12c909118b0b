"""A meldcode trajectory is for the case's worker, the team leads and the team's
aandachtsfunctionaris. A colleague without the right sees only that one exists, on every page,
partial, PDF and export; another team gets 404s; every view, print, export and change is in the
access log."""

import pytest
from django.urls import reverse

from cases import services
from cases.phases import Phase
from outreach.models import AccessLogEntry
from tests.cases.factories import case_in_phase
from tests.cases.meldcode_data import SENTINELS, make_aandachtsfunctionaris, report, start, walk


@pytest.fixture
def trajectory(owner, team):
    case = case_in_phase(Phase.EERSTE_CONTACT, acting_user=owner, team=team)
    trajectory = walk(acting_user=owner, trajectory=start(acting_user=owner, case=case))
    services.meldcode_step_record(
        acting_user=owner,
        trajectory=trajectory,
        key="decision",
        **report(deviation_reason="Zekerheidshalve."),
    )
    return trajectory


def shows_nothing(content):
    text = content.decode(errors="replace")
    return not any(sentinel in text for sentinel in SENTINELS)


def trajectory_urls(trajectory):
    return [
        reverse("meldcode_detail", args=[trajectory.pk]),
        reverse("meldcode_pdf", args=[trajectory.pk]),
        reverse("meldcode_step", args=[trajectory.pk, "consultation"]),
    ]


def test_a_colleague_sees_only_that_a_trajectory_exists(client, colleague, trajectory):
    client.force_login(colleague)
    case_url = reverse("case_detail", args=[trajectory.case_id])
    page = client.get(case_url).content
    assert shows_nothing(page)
    assert "Er is een meldcodetraject op deze casus (afgeschermd)." in page.decode()
    assert trajectory.get_absolute_url() not in page.decode()
    assert reverse("meldcode_start", args=[trajectory.case_id]) not in page.decode()
    # The timeline, whole and as the htmx partial: each meldcode event says only "shielded".
    for response in (client.get(case_url), client.get(case_url, HTTP_HX_REQUEST="true")):
        assert "Meldcode: " not in response.content.decode()
    partial = client.get(case_url + "?soort=meldcode", HTTP_HX_REQUEST="true").content.decode()
    assert partial.count("afgeschermd") >= 5 and shows_nothing(partial.encode())


def test_a_colleague_gets_a_logged_403_on_the_trajectory_its_pdf_and_its_forms(
    client, colleague, trajectory
):
    client.force_login(colleague)
    for url in trajectory_urls(trajectory):
        for headers in ({}, {"HTTP_HX_REQUEST": "true"}):
            response = client.get(url, **headers)
            assert response.status_code == 403 and shows_nothing(response.content)
    response = client.post(trajectory_urls(trajectory)[2], {"advice": "x"})
    assert response.status_code == 403
    denied = AccessLogEntry.objects.filter(user=colleague, result="denied")
    assert denied.filter(record_type="cases.meldcodetrajectory").count() == 7
    assert not AccessLogEntry.objects.filter(
        user=colleague, result="allowed", record_type="cases.meldcodetrajectory"
    ).exists()


def test_a_colleague_gets_a_403_on_the_overview_and_its_export(client, colleague, team):
    client.force_login(colleague)
    for name in ("meldcode_overview", "meldcode_export", "meldcode_terms"):
        assert client.get(reverse(name, args=[team.pk])).status_code == 403


def test_another_team_gets_logged_404s(client, outsider, outsider_lead, trajectory, team):
    for user in (outsider, outsider_lead):
        client.force_login(user)
        for url in trajectory_urls(trajectory):
            assert client.get(url).status_code == 404
        for name in ("meldcode_overview", "meldcode_export"):
            assert client.get(reverse(name, args=[team.pk])).status_code == 404
    assert (
        AccessLogEntry.objects.filter(
            user=outsider, result="denied", record_type="cases.meldcodetrajectory"
        ).count()
        == 3
    )


@pytest.mark.parametrize("who", ["owner", "lead", "aandachtsfunctionaris"])
def test_the_worker_the_leads_and_the_aandachtsfunctionaris_see_it_all_and_are_logged(
    client, who, owner, lead, team, trajectory
):
    user = {"owner": owner, "lead": lead}.get(who) or make_aandachtsfunctionaris(team)
    client.force_login(user)
    page = client.get(trajectory.get_absolute_url()).content.decode()
    assert all(sentinel in page for sentinel in SENTINELS)
    timeline = client.get(reverse("case_detail", args=[trajectory.case_id])).content.decode()
    assert "Meldcode: Beslissen" in timeline
    assert client.get(reverse("meldcode_pdf", args=[trajectory.pk])).status_code == 200
    logged = AccessLogEntry.objects.filter(
        user=user, result="allowed", record_type="cases.meldcodetrajectory"
    )
    assert set(logged.values_list("action", flat=True)) == {"read", "print"}


def test_a_worker_of_the_team_who_is_aandachtsfunctionaris_elsewhere_sees_nothing(
    client, colleague, other_team, trajectory
):
    from outreach.models import Membership
    from outreach.services import membership_set

    membership_set(
        acting_user=None,
        team=other_team,
        user=colleague,
        role=Membership.Role.WORKER,
        aandachtsfunctionaris=True,
    )
    client.force_login(colleague)
    assert client.get(trajectory.get_absolute_url()).status_code == 403
