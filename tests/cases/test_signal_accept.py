import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from cases import services
from cases.models import Case, Client, Signal, TimelineEvent
from cases.phases import Phase
from tests.cases.factories import client_fields, events, open_case, register_signal


def accept(signal, user, *, worker=None, client=None, fields=None):
    return services.signal_accept(
        acting_user=user,
        signal=signal,
        assigned_worker=worker or user,
        client=client,
        client_fields=fields,
    )


def test_it_opens_a_case_for_a_new_client(owner, colleague, team):
    signal = register_signal(acting_user=owner, team=team, observed="Rook uit het raam.")

    case = accept(
        signal, owner, worker=colleague, fields=client_fields(first_name="Els", last_name="Vos")
    )

    case = Case.objects.get(pk=case.pk)
    assert case.phase == Phase.SIGNAAL
    assert case.reference == f"NO-{timezone.localdate().year}-0001"
    assert case.team == team
    assert case.assigned_worker == colleague
    assert case.opened_on == timezone.localdate()
    assert (case.client.first_name, case.client.last_name, case.client.team) == ("Els", "Vos", team)
    signal.refresh_from_db()
    assert signal.status == Signal.Status.ACCEPTED
    assert signal.case == case
    assert signal.decided_by == owner
    assert signal.decided_at is not None
    assert [event.kind for event in events(case)] == ["phase", "signal"]
    signal_event = events(case, TimelineEvent.Kind.SIGNAL)[0]
    assert signal_event.data["signal_id"] == signal.pk
    assert signal_event.data["observed"] == "Rook uit het raam."
    assert signal_event.data["source"] == "neighbour"


def test_it_gives_increasing_references(owner, team):
    year = timezone.localdate().year
    references = [
        open_case(acting_user=owner, team=team, first_name=name).reference
        for name in ("Anna", "Bert")
    ]
    assert references == [f"NO-{year}-0001", f"NO-{year}-0002"]


def test_it_opens_a_new_case_for_a_known_client_without_an_open_case(owner, team):
    old = open_case(acting_user=owner, team=team)
    services.case_transition(acting_user=owner, case=old, move="afsluiten", reason="Klaar.")
    signal = register_signal(acting_user=owner, team=team)

    case = accept(signal, owner, client=old.client)

    assert case.pk != old.pk
    assert case.client == old.client
    assert Case.objects.get(pk=case.pk).phase == Phase.SIGNAAL
    assert Client.objects.count() == 1


def test_it_adds_a_signal_to_the_clients_open_case(owner, colleague, team):
    case = open_case(acting_user=owner, team=team)
    services.case_transition(acting_user=owner, case=case, move="voorfase")
    signal = register_signal(acting_user=owner, team=team, source=Signal.Source.HOUSING)

    again = accept(signal, colleague, worker=colleague, client=case.client)

    assert again.pk == case.pk
    assert Case.objects.count() == 1
    again.refresh_from_db()
    assert again.phase == Phase.VOORFASE
    assert again.assigned_worker == owner
    assert Signal.objects.get(pk=signal.pk).case == case
    assert events(case)[-1].kind == TimelineEvent.Kind.SIGNAL
    assert events(case)[-1].data["source"] == "housing"


def test_it_keeps_two_signals_on_one_case(owner, team):
    first = register_signal(acting_user=owner, team=team)
    second = register_signal(acting_user=owner, team=team)

    case = accept(first, owner, fields=client_fields())
    same = accept(second, owner, client=case.client)

    assert same.pk == case.pk
    assert set(case.signals.values_list("pk", flat=True)) == {first.pk, second.pk}
    assert [event.data["signal_id"] for event in events(case, TimelineEvent.Kind.SIGNAL)] == [
        first.pk,
        second.pk,
    ]


@pytest.mark.parametrize("decision", ["accepted", "declined"])
def test_it_refuses_a_signal_that_has_been_decided(decision, owner, team):
    signal = register_signal(acting_user=owner, team=team)
    if decision == "accepted":
        accept(signal, owner, fields=client_fields())
    else:
        services.signal_decline(acting_user=owner, signal=signal, reason="no_concern")
    cases_before = Case.objects.count()

    # `signal` is the caller's stale copy that still says waiting.
    with pytest.raises(ValidationError) as excinfo:
        accept(signal, owner, fields=client_fields(first_name="Nog", last_name="Een"))

    assert list(excinfo.value.message_dict) == [None]

    assert Case.objects.count() == cases_before
    assert not Client.objects.filter(first_name="Nog").exists()
    assert Signal.objects.get(pk=signal.pk).status == decision


def test_it_refuses_a_client_of_another_team(owner, outsider, team, other_team):
    theirs = open_case(acting_user=outsider, team=other_team)
    signal = register_signal(acting_user=owner, team=team)

    with pytest.raises(ValidationError) as excinfo:
        accept(signal, owner, client=theirs.client)

    assert list(excinfo.value.message_dict) == ["client"]
    signal.refresh_from_db()
    assert (signal.status, signal.case) == (Signal.Status.WAITING, None)
    assert list(theirs.client.cases.all()) == [theirs]
    assert len(events(theirs)) == 2


def test_it_refuses_a_worker_from_another_team(owner, outsider, team):
    signal = register_signal(acting_user=owner, team=team)

    with pytest.raises(ValidationError) as excinfo:
        accept(signal, owner, worker=outsider, fields=client_fields())

    assert list(excinfo.value.message_dict) == ["assigned_worker"]
    # The new client is rolled back with the case.
    assert not Client.objects.exists()
    assert not Case.objects.exists()
    assert Signal.objects.get(pk=signal.pk).status == Signal.Status.WAITING


def test_it_refuses_a_worker_who_is_no_longer_active(owner, colleague, team):
    colleague.is_active = False  # no service deactivates users yet
    colleague.save(update_fields=["is_active"])
    signal = register_signal(acting_user=owner, team=team)

    with pytest.raises(ValidationError) as excinfo:
        accept(signal, owner, worker=colleague, fields=client_fields())

    assert list(excinfo.value.message_dict) == ["assigned_worker"]
    assert not Case.objects.exists()


def test_it_refuses_invalid_client_details(owner, team):
    signal = register_signal(acting_user=owner, team=team)

    with pytest.raises(ValidationError) as excinfo:
        accept(signal, owner, fields={"first_name": "", "last_name": "Vos"})

    assert "first_name" in excinfo.value.message_dict
    assert not Client.objects.exists()
    assert Signal.objects.get(pk=signal.pk).status == Signal.Status.WAITING
