"""The team's year figures (cases/team_year.py): closed against the target, per exit, and the
referrals per organisation; the numbers add up."""

from datetime import date

from django.utils import timezone

from cases import services
from cases.models import Case
from cases.phases import EXIT_PHASES, Phase
from cases.team_year import team_year_figures, team_years
from tests.cases.factories import case_in_phase, confirm_arrival, refer


def closed_on(case, day):
    """Move the closing date as the clock would have put it."""
    Case.objects.filter(pk=case.pk).update(closed_on=day)


def referred(*, owner, team, partner=None, name=None, last_name):
    case = case_in_phase(Phase.EERSTE_CONTACT, acting_user=owner, team=team, last_name=last_name)
    values = {"referred_to": name} if name else {}
    case = refer(case, acting_user=owner, partner=partner, **values)
    return confirm_arrival(case, acting_user=owner)


def test_it_counts_the_cases_closed_in_the_year_per_exit_and_they_add_up(owner, lead, team):
    today = timezone.localdate()
    for number, phase in enumerate(
        [
            Phase.AFGESLOTEN,
            Phase.AFGESLOTEN,
            Phase.NAZORG,
            Phase.NIET_PASSEND,
            Phase.CLIENT_WIL_NIET,
        ]
    ):
        case_in_phase(phase, acting_user=owner, team=team, last_name=f"K{number}")
    ggz = services.partner_create(acting_user=lead, team=team, name="GGZ Oost", kind="ggz")
    for number in range(2):
        referred(owner=owner, team=team, partner=ggz, last_name=f"G{number}")
    referred(owner=owner, team=team, name="Buurtkracht", last_name="B")
    # Still open, or in a handover: not closed.
    case_in_phase(Phase.EERSTE_CONTACT, acting_user=owner, team=team, last_name="Open")
    refer(
        case_in_phase(Phase.EERSTE_CONTACT, acting_user=owner, team=team, last_name="Over"),
        acting_user=owner,
    )
    figures = team_year_figures(team, today.year, today=today)
    assert figures.exits == [
        (Phase.AFGESLOTEN, 2),
        (Phase.NAZORG, 1),
        (Phase.DOORVERWEZEN, 3),
        (Phase.NIET_PASSEND, 1),
        (Phase.CLIENT_WIL_NIET, 1),
    ]
    assert [phase for phase, _n in figures.exits] == list(EXIT_PHASES)
    assert figures.closed == 8
    assert figures.referred == 3
    assert figures.organisations == [("GGZ Oost", 2), ("Buurtkracht", 1)]
    assert sum(n for _name, n in figures.organisations) == figures.referred


def test_it_counts_a_case_in_the_year_of_its_closing_date(owner, team):
    cases = [
        case_in_phase(Phase.AFGESLOTEN, acting_user=owner, team=team, last_name=f"J{n}")
        for n in range(3)
    ]
    closed_on(cases[0], date(2024, 12, 31))
    closed_on(cases[1], date(2025, 1, 1))
    closed_on(cases[2], date(2025, 12, 31))
    today = date(2026, 6, 1)
    assert team_year_figures(team, 2024, today=today).closed == 1
    assert team_year_figures(team, 2025, today=today).closed == 2
    assert team_year_figures(team, 2026, today=today).closed == 0
    assert team_years(team, today) == [2026, 2025, 2024]


def test_it_leaves_out_another_teams_and_deleted_cases(owner, lead, team, outsider, other_team):
    today = timezone.localdate()
    kept = case_in_phase(Phase.AFGESLOTEN, acting_user=owner, team=team, last_name="Blijft")
    gone = case_in_phase(Phase.AFGESLOTEN, acting_user=owner, team=team, last_name="Weg")
    services.case_delete(acting_user=lead, case=gone, reason="Dubbel aangemaakt.")
    referred(owner=outsider, team=other_team, name="Elders", last_name="Ander")
    figures = team_year_figures(team, today.year, today=today)
    assert figures.closed == 1
    assert figures.organisations == []
    assert Case.objects.filter(pk=kept.pk).exists()
    assert team_year_figures(other_team, today.year, today=today).organisations == [("Elders", 1)]


def test_it_sets_the_closed_against_the_target_and_the_pace_so_far(owner, lead, team):
    for number in range(3):
        case = case_in_phase(Phase.AFGESLOTEN, acting_user=owner, team=team, last_name=f"D{number}")
        closed_on(case, date(2025, 3, number + 1))
    assert team_year_figures(team, 2025, today=date(2026, 1, 5)).target_pct is None
    services.team_year_target_set(acting_user=lead, team=team, year=2025, target=12)
    past = team_year_figures(team, 2025, today=date(2026, 1, 5))
    assert (past.target, past.target_pct, past.target_so_far) == (12, 25, None)
    # Half-way through 2025 (1 July is day 182 of 365), half the target is the even pace.
    halfway = team_year_figures(team, 2025, today=date(2025, 7, 1))
    assert halfway.target_so_far == 6
    assert halfway.closed == 3


def test_it_measures_each_year_against_its_own_target(owner, lead, team):
    # The study's team worked towards about 700 cases a year, later 1,200: raising the target
    # does not move an earlier year's mark.
    today = timezone.localdate()
    last_year = today.year - 1
    for number, year in enumerate([last_year, last_year, today.year]):
        case = case_in_phase(Phase.AFGESLOTEN, acting_user=owner, team=team, last_name=f"Y{number}")
        closed_on(case, date(year, 2, 1))
    services.team_year_target_set(acting_user=lead, team=team, year=last_year, target=4)
    services.team_year_target_set(acting_user=lead, team=team, year=today.year, target=10)
    earlier = team_year_figures(team, last_year, today=today)
    now = team_year_figures(team, today.year, today=today)
    assert (earlier.target, earlier.closed, earlier.target_pct) == (4, 2, 50)
    assert (now.target, now.closed, now.target_pct) == (10, 1, 10)


def test_it_offers_this_year_alone_to_a_team_that_never_closed_a_case(team):
    assert team_years(team, date(2026, 12, 1)) == [2026]
