"""case_reassign: a team lead gives open cases of the team to another worker of the team."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from cases import services
from cases.models import Case, CaseCoworker, TimelineEvent
from cases.phases import Phase
from outreach.models import Membership, User
from tests.cases.factories import add_coworker, case_in_phase, events, open_case, snapshot
from tests.conftest import make_member

REASON = "Olga gaat met zwangerschapsverlof."


def reassign(lead, team, cases, to_worker, reason=REASON):
    return services.case_reassign(
        acting_user=lead, team=team, cases=cases, to_worker=to_worker, reason=reason
    )


@pytest.fixture
def owners_cases(owner, team):
    return [
        open_case(acting_user=owner, team=team, last_name="Een"),
        case_in_phase(Phase.CONTRACT, acting_user=owner, team=team, last_name="Twee"),
        case_in_phase(Phase.NAZORG, acting_user=owner, team=team, last_name="Drie"),
    ]


def test_it_gives_the_cases_to_the_new_worker(lead, team, owner, colleague, owners_cases):
    moved = reassign(lead, team, owners_cases[:2], colleague)
    assert sorted(case.pk for case in moved) == sorted(case.pk for case in owners_cases[:2])
    assert dict(Case.objects.values_list("pk", "assigned_worker")) == {
        owners_cases[0].pk: colleague.pk,
        owners_cases[1].pk: colleague.pk,
        owners_cases[2].pk: owner.pk,
    }
    assert events(owners_cases[2], TimelineEvent.Kind.ASSIGNMENT) == []


def test_it_records_one_assignment_event_per_moved_case(lead, team, colleague, owners_cases):
    reassign(lead, team, owners_cases, colleague)
    for case in owners_cases:
        (event,) = events(case, TimelineEvent.Kind.ASSIGNMENT)
        assert event.actor == lead
        assert event.data == {"from": "Olga Tester", "to": "Cor Tester", "reason": REASON}


def test_it_leaves_a_case_the_worker_already_has_alone(lead, team, owner, colleague):
    theirs = open_case(acting_user=owner, team=team, assigned_worker=colleague, last_name="Al")
    mine = open_case(acting_user=owner, team=team, last_name="Nog")
    before = snapshot(theirs)
    moved = reassign(lead, team, [theirs, mine], colleague)
    assert [case.pk for case in moved] == [mine.pk]
    assert snapshot(theirs) == before
    assert events(theirs, TimelineEvent.Kind.ASSIGNMENT) == []
    assert len(events(mine, TimelineEvent.Kind.ASSIGNMENT)) == 1


def test_it_refuses_a_worker_who_already_has_every_case(lead, team, owner, owners_cases):
    before = [snapshot(case) for case in owners_cases]
    with pytest.raises(ValidationError) as refused:
        reassign(lead, team, owners_cases, owner)
    assert refused.value.message_dict == {
        "to_worker": ["Olga Tester heeft deze casussen al: kies een andere medewerker."]
    }
    assert [snapshot(case) for case in owners_cases] == before
    for case in owners_cases:
        assert events(case, TimelineEvent.Kind.ASSIGNMENT) == []


@pytest.mark.parametrize("reason", ["", "   \n "])
def test_it_requires_a_reason(reason, lead, team, colleague, owners_cases):
    before = [snapshot(case) for case in owners_cases]
    with pytest.raises(ValidationError) as refused:
        reassign(lead, team, owners_cases, colleague, reason=reason)
    assert list(refused.value.message_dict) == ["reason"]
    assert [snapshot(case) for case in owners_cases] == before


def test_it_requires_at_least_one_case(lead, team, colleague):
    with pytest.raises(ValidationError) as refused:
        reassign(lead, team, [], colleague)
    assert list(refused.value.message_dict) == ["cases"]


def test_it_refuses_a_worker_of_another_team(lead, team, outsider, owners_cases):
    before = [snapshot(case) for case in owners_cases]
    with pytest.raises(ValidationError) as refused:
        reassign(lead, team, owners_cases, outsider)
    assert list(refused.value.message_dict) == ["assigned_worker"]
    assert [snapshot(case) for case in owners_cases] == before


def test_it_refuses_a_worker_who_left_or_was_deactivated(lead, team, owners_cases):
    left = make_member("left", team, Membership.Role.WORKER)
    inactive = make_member("inactive", team, Membership.Role.WORKER)
    # No service ends a membership or deactivates an account yet: done directly, as the admin would.
    Membership.objects.filter(user=left).delete()
    User.objects.filter(pk=inactive.pk).update(is_active=False)
    before = [snapshot(case) for case in owners_cases]
    for worker in (left, User.objects.get(pk=inactive.pk)):
        with pytest.raises(ValidationError):
            reassign(lead, team, owners_cases, worker)
    assert [snapshot(case) for case in owners_cases] == before


@pytest.mark.parametrize("closed", [Phase.AFGESLOTEN, Phase.DOORVERWEZEN])
def test_it_refuses_the_whole_call_for_a_closed_case(closed, lead, team, owner, colleague):
    open_ones = [
        open_case(acting_user=owner, team=team, last_name="Open1"),
        open_case(acting_user=owner, team=team, last_name="Open2"),
    ]
    done = case_in_phase(closed, acting_user=owner, team=team, last_name="Dicht")
    before = [snapshot(case) for case in [*open_ones, done]]
    with pytest.raises(ValidationError) as refused:
        reassign(lead, team, [*open_ones, done], colleague)
    assert list(refused.value.message_dict) == ["cases"]
    assert [snapshot(case) for case in [*open_ones, done]] == before


def test_it_refuses_the_whole_call_for_another_teams_case(
    lead, team, owner, colleague, other_team, outsider
):
    ours = open_case(acting_user=owner, team=team, last_name="Ons")
    theirs = open_case(acting_user=outsider, team=other_team, last_name="Hun")
    before = [snapshot(ours), snapshot(theirs)]
    with pytest.raises(ValidationError) as refused:
        reassign(lead, team, [ours, theirs], colleague)
    assert list(refused.value.message_dict) == ["cases"]
    assert [snapshot(ours), snapshot(theirs)] == before


def test_it_refuses_a_case_that_no_longer_exists(lead, team, owner, colleague):
    ours = open_case(acting_user=owner, team=team, last_name="Ons")
    ghost = Case(pk=ours.pk + 1000)
    before = snapshot(ours)
    with pytest.raises(ValidationError):
        reassign(lead, team, [ours, ghost], colleague)
    assert snapshot(ours) == before


def test_it_shows_the_cases_on_the_new_workers_home_page_at_once(
    client, lead, team, colleague, owners_cases
):
    client.force_login(colleague)
    html = client.get(reverse("home")).content.decode()
    assert not any(case.reference in html for case in owners_cases)
    reassign(lead, team, owners_cases[:2], colleague)
    html = client.get(reverse("home")).content.decode()
    assert owners_cases[0].reference in html and owners_cases[1].reference in html
    assert owners_cases[2].reference not in html


def test_it_takes_the_new_worker_off_as_a_coworker(owner, lead, colleague, team):
    case = case_in_phase(Phase.CONTRACT, acting_user=owner, team=team)
    add_coworker(case, colleague, acting_user=owner, role="second", end=None)
    services.case_reassign(
        acting_user=lead, team=team, cases=[case], to_worker=colleague, reason="Olga stopt."
    )
    assert CaseCoworker.objects.get().ended_at is not None
    assert [e.data["action"] for e in events(case, "coworker")] == ["added", "ended"]
