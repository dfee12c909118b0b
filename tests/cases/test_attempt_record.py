from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from cases import services
from cases.models import Case, ContactAttempt, TimelineEvent
from cases.phases import Phase, allows
from tests.cases.factories import case_in_phase, events

ATTEMPT_PHASES = [phase for phase in Phase if allows(phase, "attempt")]

Result = ContactAttempt.Result


def attempt(case, user, *, when=None, result=Result.NOT_HOME, **extra):
    return services.attempt_record(
        acting_user=user,
        case=case,
        attempted_at=when or timezone.now() - timedelta(hours=1),
        method=ContactAttempt.Method.DOOR,
        result=result,
        **extra,
    )


def first_contact_case(user, team):
    return case_in_phase(Phase.EERSTE_CONTACT, acting_user=user, team=team)


def test_it_records_an_attempt_on_the_timeline(owner, team):
    case = first_contact_case(owner, team)
    when = timezone.now() - timedelta(hours=3)

    item = attempt(case, owner, when=when, note="  Briefje achtergelaten.  ", urgent_needs="Eten.")

    item = ContactAttempt.objects.get(pk=item.pk)
    assert (item.case, item.attempted_at, item.note, item.recorded_by) == (
        case,
        when,
        "Briefje achtergelaten.",
        owner,
    )
    event = events(case, TimelineEvent.Kind.ATTEMPT)[0]
    assert event.occurred_at == when
    assert event.data == {
        "method": "door",
        "result": "not_home",
        "number": 1,
        "note": "Briefje achtergelaten.",
        "urgent_needs": "Eten.",
    }


def test_it_counts_the_attempts(owner, team):
    case = first_contact_case(owner, team)
    for hours in (5, 3, 1):
        attempt(case, owner, when=timezone.now() - timedelta(hours=hours))

    assert [e.data["number"] for e in events(case, TimelineEvent.Kind.ATTEMPT)] == [1, 2, 3]


@pytest.mark.parametrize("result", [Result.CONTACT, Result.BRIEF])
def test_it_updates_the_last_contact_when_there_was_contact(result, owner, team):
    case = first_contact_case(owner, team)
    when = timezone.now() - timedelta(hours=2)

    attempt(case, owner, when=when, result=result)

    assert Case.objects.get(pk=case.pk).last_contact_at == when


@pytest.mark.parametrize("result", [Result.NOT_HOME, Result.DOOR_NOT_OPENED, Result.REFUSED])
def test_it_leaves_the_last_contact_alone_without_contact(result, owner, team):
    case = first_contact_case(owner, team)

    attempt(case, owner, result=result)

    assert Case.objects.get(pk=case.pk).last_contact_at is None


def test_it_keeps_the_latest_contact_when_an_older_one_is_recorded_later(owner, team):
    case = first_contact_case(owner, team)
    recent = timezone.now() - timedelta(hours=1)
    attempt(case, owner, when=recent, result=Result.CONTACT)

    attempt(case, owner, when=recent - timedelta(days=2), result=Result.CONTACT)

    assert Case.objects.get(pk=case.pk).last_contact_at == recent


def test_it_refuses_a_time_in_the_future(owner, team):
    case = first_contact_case(owner, team)
    before = len(events(case))

    with pytest.raises(ValidationError) as excinfo:
        attempt(case, owner, when=timezone.now() + timedelta(hours=1), result=Result.CONTACT)

    assert list(excinfo.value.message_dict) == ["attempted_at"]
    assert not ContactAttempt.objects.exists()
    assert Case.objects.get(pk=case.pk).last_contact_at is None
    assert len(events(case)) == before


@pytest.mark.parametrize("phase", [phase for phase in Phase if phase not in ATTEMPT_PHASES])
def test_it_refuses_an_attempt_in_another_phase(phase, owner, team):
    case = case_in_phase(phase, acting_user=owner, team=team)
    attempts_before = ContactAttempt.objects.count()
    before = len(events(case))

    with pytest.raises(ValidationError) as excinfo:
        attempt(case, owner, result=Result.CONTACT)

    assert list(excinfo.value.message_dict) == [None]
    assert ContactAttempt.objects.count() == attempts_before
    assert len(events(case)) == before
    assert Case.objects.get(pk=case.pk).last_contact_at == case.last_contact_at


def test_it_refuses_an_unknown_result(owner, team):
    case = first_contact_case(owner, team)

    with pytest.raises(ValidationError) as excinfo:
        attempt(case, owner, result="teleported")

    assert "result" in excinfo.value.message_dict
    assert not ContactAttempt.objects.exists()
