import pytest
from django.core.exceptions import ValidationError

from cases import services
from cases.models import Case, Signal
from tests.cases.factories import client_fields, register_signal


def decline(signal, user, reason, note=""):
    return services.signal_decline(acting_user=user, signal=signal, reason=reason, note=note)


def test_it_declines_a_signal_with_a_reason(owner, team):
    signal = register_signal(acting_user=owner, team=team)

    decline(signal, owner, Signal.DeclineReason.OUTSIDE_AREA, note="  Woont in Zuid.  ")

    signal.refresh_from_db()
    assert signal.status == Signal.Status.DECLINED
    assert signal.decline_reason == "outside_area"
    assert signal.decline_note == "Woont in Zuid."
    assert signal.decided_by == owner
    assert signal.decided_at is not None
    assert signal.case is None
    assert not Case.objects.exists()


@pytest.mark.parametrize("reason", ["", None, "bored"])
def test_it_requires_a_known_reason(reason, owner, team):
    signal = register_signal(acting_user=owner, team=team)

    with pytest.raises(ValidationError) as excinfo:
        decline(signal, owner, reason)

    assert list(excinfo.value.message_dict) == ["reason"]
    signal.refresh_from_db()
    assert (signal.status, signal.decided_at) == (Signal.Status.WAITING, None)


@pytest.mark.parametrize("note", ["", "   "], ids=["empty", "whitespace"])
def test_it_requires_a_note_for_other(note, owner, team):
    signal = register_signal(acting_user=owner, team=team)

    with pytest.raises(ValidationError) as excinfo:
        decline(signal, owner, Signal.DeclineReason.OTHER, note=note)

    assert list(excinfo.value.message_dict) == ["note"]
    assert Signal.objects.get(pk=signal.pk).status == Signal.Status.WAITING


def test_it_accepts_other_with_a_note(owner, team):
    signal = register_signal(acting_user=owner, team=team)

    decline(signal, owner, Signal.DeclineReason.OTHER, note="Melder trok het in.")

    signal.refresh_from_db()
    assert (signal.status, signal.decline_reason, signal.decline_note) == (
        "declined",
        "other",
        "Melder trok het in.",
    )


@pytest.mark.parametrize("decision", ["accepted", "declined"])
def test_it_refuses_a_signal_that_has_been_decided(decision, owner, colleague, team):
    signal = register_signal(acting_user=owner, team=team)
    if decision == "accepted":
        services.signal_accept(
            acting_user=owner, signal=signal, assigned_worker=owner, client_fields=client_fields()
        )
    else:
        decline(signal, owner, Signal.DeclineReason.NO_CONCERN)
    before = Signal.objects.get(pk=signal.pk)

    with pytest.raises(ValidationError) as excinfo:
        decline(signal, colleague, Signal.DeclineReason.NOT_FOUND)

    assert list(excinfo.value.message_dict) == [None]

    after = Signal.objects.get(pk=signal.pk)
    assert (after.status, after.decline_reason, after.decided_by, after.decided_at) == (
        before.status,
        before.decline_reason,
        owner,
        before.decided_at,
    )
