from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from cases.models import MeldcodeTrajectory
from cases.phases import Phase
from outreach.models import AccessLogEntry
from tests.cases.factories import case_in_phase
from tests.cases.meldcode_data import start, walk


@pytest.fixture
def trajectory(owner, team):
    case = case_in_phase(Phase.EERSTE_CONTACT, acting_user=owner, team=team)
    return start(acting_user=owner, case=case)


def url(trajectory, key):
    return reverse("meldcode_step", args=[trajectory.pk, key])


def test_it_answers_htmx_with_the_form_alone(client, owner, trajectory):
    client.force_login(owner)
    partial = client.get(url(trajectory, "weighing"), HTTP_HX_REQUEST="true").content.decode()
    assert partial.lstrip().startswith("<form") and "<html" not in partial
    # The official wording of the question, and where each answer leads.
    assert "acute onveiligheid en/of structurele onveiligheid" in partial
    assert "Melden bij Veilig Thuis." in partial
    full = client.get(url(trajectory, "weighing")).content.decode()
    assert "<html" in full and 'id="step-form"' in full


def test_it_records_the_weighing_and_shows_where_it_leads(client, owner, trajectory):
    client.force_login(owner)
    response = client.post(
        url(trajectory, "weighing"),
        {"q1": "yes", "q1_reason": "Signalen kloppen.", "q2": "yes", "q2_reason": "Acuut."},
    )
    assert response.status_code == 302
    page = client.get(trajectory.get_absolute_url()).content.decode()
    assert "Signalen kloppen." in page and "Melden bij Veilig Thuis." in page
    assert AccessLogEntry.objects.filter(
        record_type="cases.meldcodetrajectory", action="change", user=owner
    ).exists()


def test_it_keeps_what_was_typed_and_says_which_question_comes_next(client, owner, trajectory):
    client.force_login(owner)
    response = client.post(
        url(trajectory, "weighing"), {"q1": "yes", "q1_reason": "GETYPT-ONDERBOUWING"}
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "GETYPT-ONDERBOUWING" in page
    assert page.count('class="field-error"') == 1
    assert not trajectory.steps.filter(key="weighing").exists()


def test_it_refuses_garbled_input_without_a_500(client, owner, trajectory):
    client.force_login(owner)
    response = client.post(
        url(trajectory, "decision"), {"decision": "<script>", "reported_on": "31-31-2026"}
    )
    assert response.status_code == 200
    assert trajectory.steps.count() == 1


def test_it_walks_to_a_report(client, owner, trajectory):
    walk(acting_user=owner, trajectory=trajectory)
    client.force_login(owner)
    response = client.post(
        url(trajectory, "decision"),
        {
            "decision": "report_help",
            "reported_on": timezone.localdate().isoformat(),
            "report_content": "Vermoeden van fysiek geweld.",
            "vt_reference": "VT-1",
            "client_told": "yes",
            "client_told_how": "Vooraf besproken.",
            "agreements": "Wekelijks huisbezoek.",
            "check_on": (timezone.localdate() + timedelta(days=28)).isoformat(),
        },
    )
    assert response.status_code == 302
    trajectory.refresh_from_db()
    assert trajectory.status == MeldcodeTrajectory.Status.HELP
    assert trajectory.reported_on == timezone.localdate()


def test_it_is_a_404_for_an_unknown_step_or_an_ended_trajectory(client, owner, trajectory):
    client.force_login(owner)
    assert client.get(url(trajectory, "nope")).status_code == 404
    assert client.get(url(trajectory, "result_check")).status_code == 404
    MeldcodeTrajectory.objects.filter(pk=trajectory.pk).update(status="closed")
    assert client.get(url(trajectory, "consultation")).status_code == 404
