from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from cases import services
from cases.models import Signal, SignalFeedback, TimelineEvent
from tests.cases.factories import client_fields, events, register_signal


def feedback(signal, user, *, given_on=None, shared="We gaan langs.", consented="not_needed"):
    return services.signal_feedback_record(
        acting_user=user,
        signal=signal,
        given_on=given_on or timezone.localdate(),
        shared=shared,
        client_consented=consented,
    )


def accepted_signal(user, team):
    signal = register_signal(
        acting_user=user, team=team, reporter_name="Piet", reporter_organisation="Woonstad"
    )
    services.signal_accept(
        acting_user=user, signal=signal, assigned_worker=user, client_fields=client_fields()
    )
    return Signal.objects.get(pk=signal.pk)


def test_it_records_feedback_and_puts_it_on_the_case(owner, team):
    signal = accepted_signal(owner, team)
    given_on = timezone.localdate() - timedelta(days=2)

    item = feedback(signal, owner, given_on=given_on, shared="  Er is contact.  ", consented="yes")

    item = SignalFeedback.objects.get(pk=item.pk)
    assert (item.signal, item.given_on, item.shared, item.given_by) == (
        signal,
        given_on,
        "Er is contact.",
        owner,
    )
    event = events(signal.case, TimelineEvent.Kind.FEEDBACK)
    assert len(event) == 1
    assert event[0].data == {
        "signal_id": signal.pk,
        "shared": "Er is contact.",
        "client_consented": "yes",
        "to": "Woonstad",
    }


def test_it_records_feedback_on_a_signal_without_a_case(owner, team):
    signal = register_signal(acting_user=owner, team=team)
    services.signal_decline(acting_user=owner, signal=signal, reason="outside_area")
    signal.refresh_from_db()

    feedback(signal, owner, shared="Niet ons gebied; doorgegeven aan Zuid.")

    assert signal.feedback.get().shared == "Niet ons gebied; doorgegeven aan Zuid."
    assert not TimelineEvent.objects.exists()


@pytest.mark.parametrize("shared", ["", "   "], ids=["empty", "whitespace"])
def test_it_requires_what_was_shared(shared, owner, team):
    signal = accepted_signal(owner, team)
    before = len(events(signal.case))

    with pytest.raises(ValidationError) as excinfo:
        feedback(signal, owner, shared=shared)

    assert list(excinfo.value.message_dict) == ["shared"]
    assert not SignalFeedback.objects.exists()
    assert len(events(signal.case)) == before


def test_it_refuses_a_date_in_the_future(owner, team):
    signal = accepted_signal(owner, team)
    before = len(events(signal.case))

    with pytest.raises(ValidationError) as excinfo:
        feedback(signal, owner, given_on=timezone.localdate() + timedelta(days=1))

    assert list(excinfo.value.message_dict) == ["given_on"]
    assert not SignalFeedback.objects.exists()
    assert len(events(signal.case)) == before


def test_it_accepts_today(owner, team):
    signal = accepted_signal(owner, team)
    feedback(signal, owner, given_on=timezone.localdate())
    assert signal.feedback.get().given_on == timezone.localdate()
