"""The organisation's figures: per team and in total, small numbers shown as "< 5"."""

from datetime import date

from django.utils import timezone

from cases import services
from cases.models import ContactAttempt
from cases.phases import Phase
from figures.selectors import Figure, organisation_figures
from figures.table import csv_rows, figure_rows
from outreach.models import Membership
from tests.cases.factories import case_in_phase, confirm_arrival, record_contact, refer
from tests.conftest import make_member
from tests.zrm.factories import begin_end_case, close


def _year():
    today = timezone.localdate()
    return date(today.year, 1, 1), today


def test_it_counts_per_team_and_in_total(owner, team, other_team):
    other = make_member("zuidwerker", other_team, Membership.Role.WORKER)
    for _ in range(6):
        case = case_in_phase(Phase.EERSTE_CONTACT, acting_user=owner, team=team)
        record_contact(acting_user=owner, case=case, result=ContactAttempt.Result.NOT_HOME)
        record_contact(acting_user=owner, case=case)
    for _ in range(5):
        case_in_phase(Phase.DOORVERWEZEN, acting_user=owner, team=team)
    for _ in range(2):
        case_in_phase(Phase.DOORVERWEZEN, acting_user=other, team=other_team)
    start, end = _year()
    figures = organisation_figures(start, end)
    noord, zuid = figures.teams
    total = figures.total
    assert (noord.signals.display, zuid.signals.display, total.signals.display) == (
        "11",
        "< 5",
        "13",
    )
    assert noord.opened.display == "11"
    assert noord.attempts_to_contact.display == "2,0"
    assert noord.days_to_contact.display == "0,0"
    assert noord.endings[Phase.DOORVERWEZEN].display == "5"
    assert zuid.endings[Phase.DOORVERWEZEN].display == "< 5"
    assert zuid.referred_share.display == "< 5"
    assert total.referred_share.display == "100,0%"
    assert dict(total.referred_to)["Ggz noord"].display == "7"
    # Caseload: Noord has 6 open cases, with one worker; Zuid none open.
    assert (noord.workers, noord.caseload_mean.display) == (1, "6,0")
    assert zuid.open_cases.display == "0"


def test_it_counts_a_referral_to_a_directory_partner_under_its_name(owner, lead, team):
    partner = services.partner_create(
        acting_user=lead, team=team, name="BAVO Europoort", kind="ggz"
    )
    for _ in range(5):
        case = case_in_phase(Phase.EERSTE_CONTACT, acting_user=owner, team=team)
        confirm_arrival(refer(case, acting_user=owner, partner=partner), acting_user=owner)
    start, end = _year()
    assert dict(organisation_figures(start, end).total.referred_to)["BAVO Europoort"].display == "5"


def test_it_pools_zrm_outcomes_and_hides_small_ones(owner, team):
    for _ in range(5):
        case, _begin, _end = begin_end_case(owner, team, begin={"finances": 2}, end={"finances": 4})
        close(case, owner)
    start, end = _year()
    figures = organisation_figures(start, end)
    finances = figures.total.zrm[0]
    assert (finances.cases.display, finances.mean_begin.display, finances.mean_end.display) == (
        "5",
        "2,0",
        "4,0",
    )
    assert finances.improved.display == "100,0%"
    assert figures.teams[0].network_cases.display in ("0", "5")


def test_it_shows_small_numbers_as_less_than_five_also_in_the_csv(owner, team):
    case_in_phase(Phase.DOORVERWEZEN, acting_user=owner, team=team)
    start, end = _year()
    figures = organisation_figures(start, end)
    header, body = csv_rows(figures, figure_rows(figures))
    assert header[-1] == "All teams" or header[-1] == "Alle teams"
    cells = [cell for row in body for cell in row[2:]]
    assert "1" not in cells
    assert "< 5" in cells
    assert set(cells) <= {"< 5", "0", "—"}
    # On the page each cell carries its column's name (its label on a phone).
    row = figure_rows(figures)[0]
    assert [name for name, _figure in row.cells] == [c.name for c in figures.columns]
    assert [figure for _name, figure in row.cells] == row.figures


def test_it_shows_zero_and_nothing_as_they_are():
    assert Figure.count(0).display == "0"
    assert Figure(None, 0).display == "—"
    assert Figure(12, 12).display == "12"
    assert Figure(0.5, 10, percent=True).display == "50,0%"
    assert Figure(3, 4).display == "< 5"
