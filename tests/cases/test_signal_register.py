import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from cases import services
from cases.models import Signal
from cases.timeline import signal_data
from tests.cases.factories import register_signal


def test_it_registers_a_waiting_signal_for_the_team(owner, team):
    signal = register_signal(
        acting_user=owner,
        team=team,
        source=Signal.Source.POLICE,
        urgency=Signal.Urgency.HIGH,
        concerns=[Signal.Concern.SAFETY, Signal.Concern.CHILDREN],
    )

    signal = Signal.objects.get(pk=signal.pk)
    assert signal.team == team
    assert signal.registered_by == owner
    assert signal.status == Signal.Status.WAITING
    assert signal.case is None
    assert signal.decided_at is None
    assert signal.received_on == timezone.localdate()
    assert signal.source == "police"
    assert signal.urgency == "high"
    assert signal.concerns == ["safety", "children"]


def test_it_defaults_to_normal_urgency(owner, team):
    signal = register_signal(acting_user=owner, team=team)
    assert Signal.objects.get(pk=signal.pk).urgency == Signal.Urgency.NORMAL


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"observed": ""}, "observed"),
        ({"source": ""}, "source"),
        ({"source": "rumour"}, "source"),
        ({"urgency": "whenever"}, "urgency"),
        ({"subject_postcode": "1234 AB CD"}, "subject_postcode"),
    ],
    ids=["no-observation", "no-source", "unknown-source", "unknown-urgency", "long-postcode"],
)
def test_it_refuses_an_incomplete_or_invalid_signal(fields, field, owner, team):
    with pytest.raises(ValidationError) as excinfo:
        register_signal(acting_user=owner, team=team, **fields)

    assert field in excinfo.value.message_dict
    assert not Signal.objects.exists()


def test_it_keeps_the_reporters_organisation_from_the_directory(owner, lead, team):
    woonstad = services.partner_create(acting_user=lead, team=team, name="Woonstad", kind="housing")
    signal = register_signal(
        acting_user=owner, team=team, reporter_partner=woonstad, reporter_organisation=""
    )
    signal = Signal.objects.get(pk=signal.pk)
    assert signal.reporter_partner == woonstad
    # What the case's timeline will say about the reporter when the signal is taken up.
    assert signal_data(signal)["reporter"] == "Buurvrouw, Woonstad"


def test_it_refuses_another_teams_directory_entry(owner, team, other_team, outsider_lead):
    theirs = services.partner_create(
        acting_user=outsider_lead, team=other_team, name="Havensteder", kind="housing"
    )
    with pytest.raises(ValidationError) as refused:
        register_signal(acting_user=owner, team=team, reporter_partner=theirs)
    assert "reporter_partner" in refused.value.message_dict
    assert not Signal.objects.filter(team=team).exists()
