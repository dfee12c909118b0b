from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from cases import services
from cases.models import Agreement, TimelineEvent
from cases.phases import Phase, allows
from tests.cases.factories import case_in_phase, events

AGREEMENT_PHASES = [phase for phase in Phase if allows(phase, "agreement")]
OTHER_PHASES = [phase for phase in Phase if phase not in AGREEMENT_PHASES]


def add(case, user, *, description="Samen de post openen.", responsible="client", due_on=None):
    return services.agreement_add(
        acting_user=user,
        case=case,
        description=description,
        responsible=responsible,
        due_on=due_on,
    )


def test_it_adds_an_open_agreement_and_puts_it_on_the_timeline(owner, team):
    case = case_in_phase(Phase.EERSTE_CONTACT, acting_user=owner, team=team)
    due_on = timezone.localdate() + timedelta(days=10)

    agreement = add(case, owner, description="  Huurachterstand melden.  ", due_on=due_on)

    agreement = Agreement.objects.get(pk=agreement.pk)
    assert (agreement.case, agreement.description, agreement.status, agreement.created_by) == (
        case,
        "Huurachterstand melden.",
        Agreement.Status.OPEN,
        owner,
    )
    event = events(case, TimelineEvent.Kind.AGREEMENT)
    assert len(event) == 1
    assert event[0].data == {
        "agreement_id": agreement.pk,
        "description": "Huurachterstand melden.",
        "responsible": "client",
        "status": "open",
        "due_on": due_on.isoformat(),
    }


def test_it_adds_an_agreement_without_a_due_date(owner, team):
    case = case_in_phase(Phase.CONTRACT, acting_user=owner, team=team)
    agreement = add(case, owner, responsible=Agreement.Responsible.WORKER)
    assert Agreement.objects.get(pk=agreement.pk).due_on is None
    assert events(case, TimelineEvent.Kind.AGREEMENT)[-1].data["due_on"] is None


@pytest.mark.parametrize("phase", AGREEMENT_PHASES)
def test_it_allows_agreements_in_the_contract_phases(phase, owner, team):
    case = case_in_phase(phase, acting_user=owner, team=team)
    before = case.agreements.count()
    add(case, owner, description="Nieuwe afspraak.")
    assert case.agreements.count() == before + 1


@pytest.mark.parametrize("phase", OTHER_PHASES)
def test_it_refuses_an_agreement_in_another_phase(phase, owner, team):
    case = case_in_phase(phase, acting_user=owner, team=team)
    agreements = Agreement.objects.count()
    before = len(events(case))

    with pytest.raises(ValidationError) as excinfo:
        add(case, owner)

    assert list(excinfo.value.message_dict) == [None]
    assert Agreement.objects.count() == agreements
    assert len(events(case)) == before


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"description": "   "}, "description"),
        ({"responsible": "nobody"}, "responsible"),
    ],
    ids=["no-description", "unknown-responsible"],
)
def test_it_refuses_an_incomplete_agreement(fields, field, owner, team):
    case = case_in_phase(Phase.EERSTE_CONTACT, acting_user=owner, team=team)
    before = len(events(case))

    with pytest.raises(ValidationError) as excinfo:
        add(case, owner, **fields)

    assert field in excinfo.value.message_dict
    assert not Agreement.objects.exists()
    assert len(events(case)) == before
