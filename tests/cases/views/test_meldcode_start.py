from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from cases.models import MeldcodeTrajectory
from cases.phases import Phase
from outreach.models import AccessLogEntry
from tests.cases.factories import case_in_phase
from tests.cases.meldcode_data import FACTS, make_aandachtsfunctionaris


def post_data(**values):
    return {
        "observed_on": (timezone.localdate() - timedelta(days=1)).isoformat(),
        "source": "huisbezoek",
        "facts": FACTS,
        "interpretation": "",
        "involved": "Moeder en twee kinderen",
        "children": "yes",
        "child_check": "Veilig op school.",
        **values,
    }


def test_it_starts_a_trajectory_with_step_1_and_logs_it(client, owner, team):
    case = case_in_phase(Phase.EERSTE_CONTACT, acting_user=owner, team=team)
    client.force_login(owner)
    url = reverse("meldcode_start", args=[case.pk])
    page = client.get(url).content.decode()
    assert "Kindcheck" in page and "Signalen in kaart brengen" in page
    response = client.post(url, post_data())
    trajectory = MeldcodeTrajectory.objects.get()
    assert response.status_code == 302 and response.url == trajectory.get_absolute_url()
    assert AccessLogEntry.objects.filter(
        record_type="cases.meldcodetrajectory", record_id=str(trajectory.pk), action="create"
    ).exists()


def test_it_shows_bad_input_next_to_the_field_and_keeps_what_was_typed(client, owner, team):
    case = case_in_phase(Phase.EERSTE_CONTACT, acting_user=owner, team=team)
    client.force_login(owner)
    response = client.post(
        reverse("meldcode_start", args=[case.pk]), post_data(child_check="", facts="")
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert page.count('class="field-error"') == 2
    assert "Moeder en twee kinderen" in page
    assert not MeldcodeTrajectory.objects.exists()


def test_it_refuses_a_colleague_with_a_logged_403(client, owner, colleague, team):
    case = case_in_phase(Phase.EERSTE_CONTACT, acting_user=owner, team=team)
    client.force_login(colleague)
    url = reverse("meldcode_start", args=[case.pk])
    assert client.get(url).status_code == 403
    assert client.post(url, post_data()).status_code == 403
    assert not MeldcodeTrajectory.objects.exists()
    assert AccessLogEntry.objects.filter(user=colleague, result="denied").count() == 2


def test_it_lets_the_aandachtsfunctionaris_start_one(client, owner, team):
    case = case_in_phase(Phase.EERSTE_CONTACT, acting_user=owner, team=team)
    client.force_login(make_aandachtsfunctionaris(team))
    assert client.post(reverse("meldcode_start", args=[case.pk]), post_data()).status_code == 302


def test_it_is_a_404_for_another_team(client, owner, outsider, team):
    case = case_in_phase(Phase.EERSTE_CONTACT, acting_user=owner, team=team)
    client.force_login(outsider)
    assert client.get(reverse("meldcode_start", args=[case.pk])).status_code == 404
