"""The team's attention thresholds form (team_policy)."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from cases import services
from cases.models import TeamPolicy
from cases.phases import Phase
from tests.cases.factories import case_in_phase

VALID = {
    "quiet_days_early": "10",
    "quiet_days_trajectory": "21",
    "nazorg_check_days": "45",
    "voorfase_max_days": "7",
    "handover_confirm_days": "10",
    "referral_check_days": "60",
}


def url(team):
    return reverse("team_policy", args=[team.pk])


def stored(team):
    return TeamPolicy.objects.filter(team=team).values(*VALID).first()


def test_it_shows_the_current_thresholds(client, lead, team):
    client.force_login(lead)
    html = client.get(url(team)).content.decode()
    for name, value in [
        ("quiet_days_early", 14),
        ("quiet_days_trajectory", 30),
        ("nazorg_check_days", 30),
        ("voorfase_max_days", 14),
    ]:
        assert re.search(rf'<input type="number" name="{name}" value="{value}"', html), name


def test_it_saves_the_thresholds_and_goes_back_to_the_team_page(client, lead, team):
    client.force_login(lead)
    response = client.post(url(team), VALID)
    assert response.status_code == 302
    assert response["Location"] == reverse("team_detail", args=[team.pk])
    assert stored(team) == {name: int(value) for name, value in VALID.items()}
    html = client.get(response["Location"]).content.decode()
    assert "Grenzen opgeslagen." in html
    assert "Geen contact langer dan 10 dagen" in html


def test_it_applies_the_new_thresholds_to_the_attention_list(client, lead, owner, team):
    quiet = case_in_phase(Phase.EERSTE_CONTACT, acting_user=owner, team=team, last_name="Stil")
    services.attempt_record(
        acting_user=owner,
        case=quiet,
        attempted_at=timezone.now() - timedelta(days=3),
        method="door",
        result="brief",
    )
    client.force_login(lead)
    team_page = reverse("team_detail", args=[team.pk])
    assert "Geen casus vraagt aandacht." in client.get(team_page).content.decode()
    client.post(url(team), {**VALID, "quiet_days_early": "2"})
    html = client.get(team_page).content.decode()
    assert "1 casus vraagt aandacht" in html
    assert "Geen contact: 3 dagen" in html


@pytest.mark.parametrize(
    "value, message",
    [
        ("0", "Geef een aantal dagen van 1 tot 365."),
        ("400", "Geef een aantal dagen van 1 tot 365."),
        ("tien", "Voer een geheel getal in."),
    ],
)
@pytest.mark.parametrize("existing", [False, True], ids=["defaults", "own-policy"])
def test_it_shows_the_error_next_to_the_field_and_changes_nothing(
    value, message, existing, client, lead, team
):
    client.force_login(lead)
    if existing:
        client.post(url(team), VALID)
    before = stored(team)
    response = client.post(url(team), {**VALID, "quiet_days_trajectory": value})
    assert response.status_code == 200
    html = response.content.decode()
    error = re.search(
        r'<small class="field-error" id="id_quiet_days_trajectory_error">([^<]*)</small>', html
    )
    assert error, "no error next to the field"
    assert error.group(1) == message
    assert html.count('class="field-error"') == 1
    assert f'name="quiet_days_trajectory" value="{value}"' in html
    assert stored(team) == before


def test_it_explains_in_dutch_that_a_worker_may_not_change_it(client, owner, team):
    client.force_login(owner)
    response = client.post(url(team), VALID)
    assert response.status_code == 403
    assert "Alleen de teamleiders van Outreach Noord" in response.content.decode()
    assert client.get(url(team)).status_code == 403
    assert stored(team) is None


def test_it_is_a_404_for_a_lead_of_another_team(client, outsider_lead, team):
    client.force_login(outsider_lead)
    assert client.post(url(team), VALID).status_code == 404
    assert client.get(url(team)).status_code == 404
    assert stored(team) is None
