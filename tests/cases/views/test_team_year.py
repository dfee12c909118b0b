"""The team's year page and its CSV (team_year, team_year_export)."""

import csv
import io
import re
from datetime import date

from django.urls import reverse
from django.utils import timezone

from cases import services
from cases.models import Case
from cases.phases import Phase
from outreach.models import AccessLogEntry
from tests.cases.factories import case_in_phase, confirm_arrival, refer


def url(team, **query):
    base = reverse("team_year", args=[team.pk])
    return base + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def export_url(team, year):
    return reverse("team_year_export", args=[team.pk]) + f"?jaar={year}"


def read_csv(response):
    text = response.content.decode("utf-8")
    return list(csv.reader(io.StringIO(text.removeprefix("\ufeff")), delimiter=";"))


def closed_cases(*, owner, lead, team, prefix=""):
    """Two closed, one referred to a directory entry, one to a one-off name, one not suitable."""
    for n in range(2):
        case_in_phase(Phase.AFGESLOTEN, acting_user=owner, team=team, last_name=f"{prefix}A{n}")
    case_in_phase(Phase.NIET_PASSEND, acting_user=owner, team=team, last_name=f"{prefix}N")
    partner = services.partner_create(
        acting_user=lead, team=team, name=f"{prefix}GGZ Oost", kind="ggz"
    )
    for n, values in enumerate([{"partner": partner}, {"referred_to": f"{prefix}Buurtkracht"}]):
        case = case_in_phase(
            Phase.EERSTE_CONTACT, acting_user=owner, team=team, last_name=f"{prefix}R{n}"
        )
        confirm_arrival(refer(case, acting_user=owner, **values), acting_user=owner)


def cell(html, label):
    """The number in the table row headed `label`."""
    found = re.search(rf'<th scope="row">{re.escape(label)}</th><td>(?:<strong>)?(\d+)', html)
    return int(found.group(1)) if found else None


def test_it_shows_this_years_figures_that_add_up(client, lead, owner, team):
    closed_cases(owner=owner, lead=lead, team=team)
    services.team_year_target_set(
        acting_user=lead, team=team, year=timezone.localdate().year, target=10
    )
    client.force_login(lead)
    response = client.get(url(team))
    assert response.status_code == 200
    html = response.content.decode()
    year = timezone.localdate().year
    assert f"Afgesloten in {year}" in html
    assert "10 (50%)" in html
    assert cell(html, "Afgesloten") == 2
    assert cell(html, "Doorverwezen") == 2
    assert cell(html, "Niet passend") == 1
    assert cell(html, "Totaal afgesloten") == 5
    assert cell(html, "GGZ Oost") == 1
    assert cell(html, "Buurtkracht") == 1
    assert cell(html, "Totaal doorverwezen") == 2
    assert f'<option value="{year}" selected>' in html
    assert export_url(team, year).replace("&", "&amp;") in html
    team_page = client.get(reverse("team_detail", args=[team.pk])).content.decode()
    assert url(team) in team_page


def test_it_shows_the_year_chosen(client, lead, owner, team):
    case = case_in_phase(Phase.AFGESLOTEN, acting_user=owner, team=team, last_name="Vorig")
    last_year = timezone.localdate().year - 1
    Case.objects.filter(pk=case.pk).update(closed_on=date(last_year, 6, 1))
    client.force_login(lead)
    html = client.get(url(team, jaar=last_year)).content.decode()
    assert f"Afgesloten in {last_year}" in html
    assert cell(html, "Totaal afgesloten") == 1
    assert "geen doel" in html
    assert reverse("team_year_target", args=[team.pk, last_year]) in html
    this_year = client.get(url(team)).content.decode()
    assert cell(this_year, "Totaal afgesloten") == 0


def test_it_answers_htmx_with_the_figures_alone(client, lead, team):
    client.force_login(lead)
    html = client.get(url(team), headers={"HX-Request": "true"}).content.decode()
    assert html.lstrip().startswith('<div id="team-year-figures">')
    assert "<form" not in html


def test_it_says_by_the_field_that_a_year_is_not_in_the_list_and_shows_this_year(
    client, lead, team
):
    client.force_login(lead)
    for bad in ("1990", "tien", str(timezone.localdate().year + 1)):
        response = client.get(url(team, jaar=bad))
        assert response.status_code == 200
        html = response.content.decode()
        assert '<small class="field-error" id="id_jaar_error">Kies een jaar uit de lijst.' in html
        assert f"Afgesloten in {timezone.localdate().year}" in html
        assert client.get(export_url(team, bad)).status_code == 404


def test_it_exports_the_figures_as_csv(client, lead, owner, team):
    closed_cases(owner=owner, lead=lead, team=team)
    services.team_year_target_set(
        acting_user=lead, team=team, year=timezone.localdate().year, target=700
    )
    year = timezone.localdate().year
    client.force_login(lead)
    response = client.get(export_url(team, year))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="jaarcijfers-NO-{year}.csv"'
    assert read_csv(response) == [
        ["onderdeel", "wat", "casussen"],
        ["jaar", str(year), ""],
        ["doel", "af te sluiten casussen", "700"],
        ["afgesloten", "alle uitstroom", "5"],
        ["geëindigd als", "afgesloten", "2"],
        ["geëindigd als", "nazorg", "0"],
        ["geëindigd als", "doorverwezen", "2"],
        ["geëindigd als", "niet passend", "1"],
        ["geëindigd als", "cliënt wil niet", "0"],
        ["doorverwezen", "alle organisaties", "2"],
        ["doorverwezen naar", "Buurtkracht", "1"],
        ["doorverwezen naar", "GGZ Oost", "1"],
    ]
    assert AccessLogEntry.objects.filter(
        record_type="cases.team_year", action="export", team=team
    ).exists()
    # Without a year: this year's.
    plain = client.get(reverse("team_year_export", args=[team.pk]))
    assert read_csv(plain) == read_csv(response)


def test_it_is_for_the_teams_leads_only(client, owner, outsider_lead, team):
    client.force_login(owner)
    assert client.get(url(team)).status_code == 403
    assert client.get(export_url(team, timezone.localdate().year)).status_code == 403
    client.force_login(outsider_lead)
    assert client.get(url(team)).status_code == 404
    assert client.get(export_url(team, timezone.localdate().year)).status_code == 404


def test_it_makes_the_same_number_of_queries_for_a_small_and_a_larger_team(
    client, lead, owner, team, django_assert_num_queries
):
    closed_cases(owner=owner, lead=lead, team=team)
    client.force_login(lead)
    export = export_url(team, timezone.localdate().year)
    client.get(url(team))
    # The session and the lead's team (5), the years, the exits, the organisations, the target,
    # the access log row.
    with django_assert_num_queries(9):
        client.get(url(team))
    with django_assert_num_queries(9):
        client.get(export)
    for n in range(3):
        closed_cases(owner=owner, lead=lead, team=team, prefix=f"X{n}")
    with django_assert_num_queries(9):
        client.get(url(team))
    with django_assert_num_queries(9):
        client.get(export)
