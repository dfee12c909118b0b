"""The lead's target for one year (team_year_target), set from the team's year page."""

from datetime import date

from django.urls import reverse
from django.utils import timezone

from cases import services
from cases.models import Case, TeamYearTarget
from cases.phases import Phase
from outreach.models import AccessLogEntry
from tests.cases.factories import case_in_phase


def url(team, year):
    return reverse("team_year_target", args=[team.pk, year])


def year_page(team, year):
    return reverse("team_year", args=[team.pk]) + f"?jaar={year}"


def targets(team):
    return dict(TeamYearTarget.objects.filter(team=team).values_list("year", "target"))


def test_it_sets_this_years_target_and_goes_back_to_that_years_figures(client, lead, team):
    year = timezone.localdate().year
    client.force_login(lead)
    form = client.get(url(team, year)).content.decode()
    assert f"Doel voor {year}" in form
    assert 'name="target"' in form
    response = client.post(url(team, year), {"target": "1200"})
    assert response.status_code == 302
    assert response["Location"] == year_page(team, year)
    assert targets(team) == {year: 1200}
    html = client.get(response["Location"]).content.decode()
    assert "Doel opgeslagen." in html
    assert "1200 (0%)" in html
    assert f"Doel voor {year} wijzigen" in html
    assert 'value="1200"' in client.get(url(team, year)).content.decode()


def test_it_keeps_an_earlier_years_target_when_this_years_changes(client, lead, owner, team):
    year = timezone.localdate().year
    case = case_in_phase(Phase.AFGESLOTEN, acting_user=owner, team=team)
    Case.objects.filter(pk=case.pk).update(closed_on=date(year - 1, 3, 1))
    client.force_login(lead)
    client.post(url(team, year - 1), {"target": "700"})
    client.post(url(team, year), {"target": "1200"})
    assert targets(team) == {year - 1: 700, year: 1200}
    earlier = client.get(year_page(team, year - 1)).content.decode()
    assert "700 (0%)" in earlier


def test_it_takes_the_target_away_when_left_empty(client, lead, team):
    year = timezone.localdate().year
    services.team_year_target_set(acting_user=lead, team=team, year=year, target=700)
    client.force_login(lead)
    client.post(url(team, year), {"target": ""})
    assert targets(team) == {}
    html = client.get(year_page(team, year)).content.decode()
    assert f"Het team heeft geen doel voor {year}." in html
    assert f"Doel voor {year} instellen" in html


def test_it_refuses_a_target_of_nought_next_to_the_field_and_keeps_it(client, lead, team):
    year = timezone.localdate().year
    services.team_year_target_set(acting_user=lead, team=team, year=year, target=700)
    client.force_login(lead)
    for bad in ("0", "100001", "zeven"):
        response = client.post(url(team, year), {"target": bad})
        assert response.status_code == 200
        html = response.content.decode()
        assert (
            '<small class="field-error" id="id_target_error">'
            "Geef een aantal casussen van 1 tot 100000, of laat het leeg." in html
        )
        assert f'value="{bad}"' in html
    assert targets(team) == {year: 700}


def test_it_is_not_found_for_a_year_the_year_page_does_not_offer(client, lead, team):
    client.force_login(lead)
    for year in (timezone.localdate().year + 1, 1990):
        assert client.get(url(team, year)).status_code == 404
        assert client.post(url(team, year), {"target": "700"}).status_code == 404
    assert targets(team) == {}


def test_it_is_for_the_teams_leads_only_and_logs_a_refusal(client, owner, outsider_lead, team):
    year = timezone.localdate().year
    client.force_login(owner)
    assert client.post(url(team, year), {"target": "700"}).status_code == 403
    client.force_login(outsider_lead)
    assert client.get(url(team, year)).status_code == 404
    assert client.post(url(team, year), {"target": "700"}).status_code == 404
    assert targets(team) == {}
    assert AccessLogEntry.objects.filter(user=outsider_lead, result="denied").exists()
