from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from cases import services
from cases.models import Case, CaseReferenceCounter
from cases.services.core import _case_open
from tests.cases.factories import client_fields, open_case, register_signal
from tests.threads import needs_postgres, run_together


def test_it_numbers_a_teams_cases_from_0001_upwards(owner, team):
    year = timezone.localdate().year
    first = open_case(acting_user=owner, team=team, first_name="Anna")
    second = open_case(acting_user=owner, team=team, first_name="Bert")
    third = open_case(acting_user=owner, team=team, first_name="Carla")

    assert [first.reference, second.reference, third.reference] == [
        f"NO-{year}-0001",
        f"NO-{year}-0002",
        f"NO-{year}-0003",
    ]


def test_it_counts_each_team_on_its_own(owner, team, outsider, other_team):
    year = timezone.localdate().year
    open_case(acting_user=owner, team=team, first_name="Anna")
    open_case(acting_user=owner, team=team, first_name="Bert")

    theirs = open_case(acting_user=outsider, team=other_team, first_name="Anna")
    ours = open_case(acting_user=owner, team=team, first_name="Carla")

    assert theirs.reference == f"ZU-{year}-0001"
    assert ours.reference == f"NO-{year}-0003"


def test_it_counts_each_year_on_its_own(owner, team):
    # No public service opens a case on another date; _case_open is what signal_accept uses.
    year = timezone.localdate().year
    this_year = open_case(acting_user=owner, team=team, first_name="Anna")
    client = services.client_create(acting_user=owner, team=team, first_name="Bert", last_name="B")

    last_year = _case_open(
        acting_user=owner, client=client, assigned_worker=owner, opened_on=date(year - 1, 12, 31)
    )
    services.case_transition(acting_user=owner, case=last_year, move="afsluiten", reason="Oud.")
    next_this_year = open_case(acting_user=owner, team=team, first_name="Carla")

    assert this_year.reference == f"NO-{year}-0001"
    assert last_year.reference == f"NO-{year - 1}-0001"
    assert next_this_year.reference == f"NO-{year}-0002"
    assert dict(
        CaseReferenceCounter.objects.filter(team=team).values_list("year", "last_number")
    ) == {year: 2, year - 1: 1}


def test_it_puts_the_reference_in_the_opening_event(owner, team):
    case = open_case(acting_user=owner, team=team)
    event = case.events.get(kind="phase")
    assert event.data == {"to": "signaal", "move": "open", "reference": case.reference}


def test_it_refuses_a_second_open_case_with_a_validation_error(owner, team):
    year = timezone.localdate().year
    case = open_case(acting_user=owner, team=team)

    # The race signal_accept guards against: another request opened a case a moment ago.
    with pytest.raises(ValidationError) as excinfo:
        _case_open(
            acting_user=owner,
            client=case.client,
            assigned_worker=owner,
            opened_on=timezone.localdate(),
        )

    assert list(excinfo.value.message_dict) == [None]
    assert list(Case.objects.filter(client=case.client)) == [case]
    # The number taken for the refused case was given back.
    other = open_case(acting_user=owner, team=team, first_name="Bert")
    assert other.reference == f"NO-{year}-0002"


def test_it_opens_a_new_case_once_the_old_one_is_closed(owner, team):
    year = timezone.localdate().year
    old = open_case(acting_user=owner, team=team)
    services.case_transition(acting_user=owner, case=old, move="niet-passend", reason="Nee.")

    new = open_case(acting_user=owner, team=team, client=old.client)

    assert new.pk != old.pk
    assert new.reference == f"NO-{year}-0002"
    assert new.client == old.client


@needs_postgres
@pytest.mark.django_db(transaction=True)
def test_it_gives_concurrent_openings_unique_consecutive_numbers(owner, team):
    year = timezone.localdate().year
    # Ten signals accepted at the same moment, the first ones also creating the year's counter.
    signals = [register_signal(acting_user=owner, team=team) for _ in range(10)]

    def accept(signal, i):
        return lambda: (
            services.signal_accept(
                acting_user=owner,
                signal=signal,
                assigned_worker=owner,
                client_fields=client_fields(first_name=f"Klant{i}"),
            ).reference
        )

    references, errors = run_together(*(accept(s, i) for i, s in enumerate(signals)))

    assert errors == []
    assert sorted(references) == [f"NO-{year}-{n:04d}" for n in range(1, 11)]
    assert CaseReferenceCounter.objects.get(team=team, year=year).last_number == 10
