from datetime import timedelta

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.utils import timezone

from cases import services
from cases.models import Agreement, Case, ContactMoment, TimelineEvent
from cases.phases import AFTERCARE_CONTACT_DAYS, Phase
from tests.cases.factories import add_agreement, case_in_phase, events, open_case

Kind = ContactMoment.Kind


def log(case, user, *, kind=Kind.HOME_VISIT, when=None, **extra):
    return services.contact_log(
        acting_user=user,
        case=case,
        kind=kind,
        occurred_at=when or timezone.now() - timedelta(hours=1),
        **extra,
    )


def test_it_logs_a_contact_and_updates_the_case(owner, team):
    case = case_in_phase(Phase.CONTRACT, acting_user=owner, team=team)
    when = timezone.now() - timedelta(minutes=30)
    follow_up = timezone.localdate() + timedelta(days=7)

    contact = log(
        case,
        owner,
        when=when,
        duration_minutes=45,
        present="Client en dochter",
        activities=[ContactMoment.Activity.POST, ContactMoment.Activity.FORMS],
        notes="  Post gesorteerd, twee aanmaningen.  ",
        next_step="Bellen met de woningcorporatie",
        follow_up_on=follow_up,
    )

    case = Case.objects.get(pk=case.pk)
    assert case.last_contact_at == when
    assert case.follow_up_on == follow_up
    contact = ContactMoment.objects.get(pk=contact.pk)
    assert (contact.notes, contact.logged_by, contact.duration_minutes) == (
        "Post gesorteerd, twee aanmaningen.",
        owner,
        45,
    )
    event = events(case, TimelineEvent.Kind.CONTACT)[0]
    assert event.occurred_at == when
    assert event.data == {
        "contact_id": contact.pk,
        "kind": "home_visit",
        "duration_minutes": 45,
        "activities": ["post", "forms"],
        "present": "Client en dochter",
        "notes": "Post gesorteerd, twee aanmaningen.",
        "next_step": "Bellen met de woningcorporatie",
        "follow_up_on": follow_up.isoformat(),
    }


def test_it_leaves_the_follow_up_alone_when_none_is_given(owner, team):
    case = open_case(acting_user=owner, team=team)
    follow_up = timezone.localdate() + timedelta(days=3)
    log(case, owner, follow_up_on=follow_up)

    log(case, owner, kind=Kind.PHONE)

    assert Case.objects.get(pk=case.pk).follow_up_on == follow_up


def test_it_does_not_count_a_failed_contact_as_contact(owner, team):
    case = open_case(acting_user=owner, team=team)
    follow_up = timezone.localdate() + timedelta(days=2)

    log(case, owner, kind=Kind.FAILED, notes="Niemand thuis.", follow_up_on=follow_up)

    case = Case.objects.get(pk=case.pk)
    assert case.last_contact_at is None
    assert case.follow_up_on == follow_up
    assert events(case, TimelineEvent.Kind.CONTACT)[0].data["notes"] == "Niemand thuis."


def test_it_keeps_the_latest_contact_when_an_older_one_is_logged_later(owner, team):
    case = open_case(acting_user=owner, team=team)
    recent = timezone.now() - timedelta(hours=1)
    log(case, owner, when=recent)

    log(case, owner, when=recent - timedelta(days=3))

    assert Case.objects.get(pk=case.pk).last_contact_at == recent


def test_it_refuses_a_time_in_the_future(owner, team):
    case = open_case(acting_user=owner, team=team)
    before = len(events(case))

    with pytest.raises(ValidationError) as excinfo:
        log(case, owner, when=timezone.now() + timedelta(hours=1))

    assert list(excinfo.value.message_dict) == ["occurred_at"]
    assert not ContactMoment.objects.exists()
    assert Case.objects.get(pk=case.pk).last_contact_at is None
    assert len(events(case)) == before


def test_it_allows_a_clock_a_minute_ahead(owner, team):
    case = open_case(acting_user=owner, team=team)
    when = timezone.now() + timedelta(minutes=1)

    log(case, owner, when=when)

    assert Case.objects.get(pk=case.pk).last_contact_at == when


def test_it_refuses_a_follow_up_in_the_past(owner, team):
    case = open_case(acting_user=owner, team=team)

    with pytest.raises(ValidationError) as excinfo:
        log(case, owner, follow_up_on=timezone.localdate() - timedelta(days=1))

    assert list(excinfo.value.message_dict) == ["follow_up_on"]
    case = Case.objects.get(pk=case.pk)
    assert (case.follow_up_on, case.last_contact_at) == (None, None)
    assert not ContactMoment.objects.exists()


def test_it_accepts_a_follow_up_today(owner, team):
    case = open_case(acting_user=owner, team=team)
    log(case, owner, follow_up_on=timezone.localdate())
    assert Case.objects.get(pk=case.pk).follow_up_on == timezone.localdate()


@pytest.mark.parametrize("phase", [Phase.AFGESLOTEN, Phase.DOORVERWEZEN])
def test_it_logs_an_aftercare_contact_on_a_closed_case_without_reopening_it(owner, team, phase):
    case = case_in_phase(phase, acting_user=owner, team=team)

    log(case, owner, kind=Kind.PHONE, notes="Even gebeld: het gaat goed.")

    case.refresh_from_db()
    assert case.phase == phase and case.closed_on == timezone.localdate()
    assert case.last_contact_at is not None
    assert events(case)[-1].kind == TimelineEvent.Kind.CONTACT


def test_it_refuses_a_contact_after_the_aftercare_period(owner, team):
    case = case_in_phase(Phase.AFGESLOTEN, acting_user=owner, team=team)
    # Closed longer ago than the aftercare period.
    long_ago = timezone.localdate() - timedelta(days=AFTERCARE_CONTACT_DAYS + 1)
    Case.objects.filter(pk=case.pk).update(closed_on=long_ago)

    with pytest.raises(ValidationError):
        log(case, owner)

    assert not ContactMoment.objects.exists()


def test_it_refuses_a_case_closed_otherwise(owner, team):
    case = case_in_phase(Phase.NIET_PASSEND, acting_user=owner, team=team)
    before = len(events(case))

    with pytest.raises(ValidationError):
        log(case, owner)

    assert not ContactMoment.objects.exists()
    assert Case.objects.get(pk=case.pk).last_contact_at is None
    assert len(events(case)) == before


def test_it_logs_contact_during_aftercare(owner, team):
    case = case_in_phase(Phase.NAZORG, acting_user=owner, team=team)
    when = timezone.now() - timedelta(minutes=5)

    log(case, owner, kind=Kind.PHONE, when=when)

    assert Case.objects.get(pk=case.pk).last_contact_at == when


def test_it_refuses_an_unknown_kind(owner, team):
    case = open_case(acting_user=owner, team=team)

    with pytest.raises(ValidationError) as excinfo:
        log(case, owner, kind="telepathy")

    assert "kind" in excinfo.value.message_dict
    assert not ContactMoment.objects.exists()


def test_it_puts_a_contact_logged_now_at_the_top_of_the_timeline(owner, team):
    case = case_in_phase(Phase.CONTRACT, acting_user=owner, team=team)
    # A minute ahead, so the events of making the case (at the real now) are always older.
    moment = (timezone.now() + timedelta(minutes=1)).replace(second=30, microsecond=0)
    with time_machine.travel(moment, tick=False):
        earlier = add_agreement(acting_user=owner, case=case)
    with time_machine.travel(moment + timedelta(seconds=20), tick=False):
        contact = services.contact_log(acting_user=owner, case=case, kind=Kind.HOME_VISIT)
    assert contact.occurred_at == moment + timedelta(seconds=20)
    newest = TimelineEvent.objects.filter(case=case).first()
    assert (newest.kind, newest.data["contact_id"]) == ("contact", contact.pk)
    assert earlier.created_at < contact.occurred_at


def test_it_records_what_became_of_the_open_agreements(owner, team):
    case = case_in_phase(Phase.CONTRACT, acting_user=owner, team=team)
    post = add_agreement(acting_user=owner, case=case, description="Post openen")
    rent = add_agreement(acting_user=owner, case=case, description="Huur betalen")
    debt = add_agreement(acting_user=owner, case=case, description="Schuldhulp bellen")
    Outcome = ContactMoment.AgreementOutcome

    contact = log(
        case,
        owner,
        agreement_outcomes={
            post.pk: Outcome.DONE,
            rent.pk: Outcome.FAILED,
            debt.pk: Outcome.ONGOING,
        },
    )

    assert contact.agreement_outcomes == [
        {"agreement_id": post.pk, "description": "Post openen", "outcome": "done"},
        {"agreement_id": rent.pk, "description": "Huur betalen", "outcome": "failed"},
        {"agreement_id": debt.pk, "description": "Schuldhulp bellen", "outcome": "ongoing"},
    ]
    statuses = dict(Agreement.objects.values_list("pk", "status"))
    assert statuses == {post.pk: "done", rent.pk: "open", debt.pk: "open"}
    assert Agreement.objects.get(pk=post.pk).version == 2
    contact_event = events(case, "contact")[-1]
    assert [a["outcome"] for a in contact_event.data["agreements"]] == ["done", "failed", "ongoing"]
    done_event = events(case, "agreement")[-1]
    assert (done_event.data["agreement_id"], done_event.data["status"]) == (post.pk, "done")


def test_it_refuses_an_agreement_that_is_not_open_on_this_case(owner, team):
    case = case_in_phase(Phase.CONTRACT, acting_user=owner, team=team)
    other = case_in_phase(Phase.CONTRACT, acting_user=owner, team=team, last_name="Ander")
    theirs = add_agreement(acting_user=owner, case=other)
    done = add_agreement(acting_user=owner, case=case)
    services.agreement_set_status(acting_user=owner, agreement=done, status="done")
    for agreement in (theirs, done):
        with pytest.raises(ValidationError):
            log(case, owner, agreement_outcomes={agreement.pk: "done"})
    assert not ContactMoment.objects.filter(case=case).exists()
    assert Agreement.objects.get(pk=theirs.pk).status == "open"
