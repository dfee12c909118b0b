import pytest
from django.core.exceptions import ValidationError

from cases import services
from cases.models import Agreement, TimelineEvent
from cases.phases import Phase
from outreach.versioning import EditConflict
from tests.cases.factories import add_agreement, case_in_phase, events


@pytest.fixture
def agreement(owner, team):
    case = case_in_phase(Phase.CONTRACT, acting_user=owner, team=team)
    return add_agreement(acting_user=owner, case=case, description="Schulden op een rij.")


def set_status(agreement, user, status):
    return services.agreement_set_status(acting_user=user, agreement=agreement, status=status)


@pytest.mark.parametrize("status", [Agreement.Status.DONE, Agreement.Status.DROPPED])
def test_it_changes_the_status_and_notes_it(status, agreement, colleague):
    set_status(agreement, colleague, status)

    assert Agreement.objects.get(pk=agreement.pk).status == status
    latest = events(agreement.case, TimelineEvent.Kind.AGREEMENT)[-1]
    assert latest.actor == colleague
    assert latest.data == {
        "agreement_id": agreement.pk,
        "description": "Schulden op een rij.",
        "responsible": "client",
        "status": status.value,
    }


def test_it_leaves_the_earlier_event_as_it_was(agreement, owner):
    set_status(agreement, owner, Agreement.Status.DONE)

    first, second = events(agreement.case, TimelineEvent.Kind.AGREEMENT)
    assert first.data["status"] == "open"
    assert second.data["status"] == "done"


def test_it_writes_nothing_when_the_status_is_the_same(agreement, owner):
    before = len(events(agreement.case))

    set_status(agreement, owner, Agreement.Status.OPEN)

    assert len(events(agreement.case)) == before
    assert Agreement.objects.get(pk=agreement.pk).status == "open"


def test_it_reopens_a_done_agreement(agreement, owner):
    set_status(agreement, owner, Agreement.Status.DONE)
    set_status(agreement, owner, Agreement.Status.OPEN)

    assert Agreement.objects.get(pk=agreement.pk).status == "open"
    assert [e.data["status"] for e in events(agreement.case, TimelineEvent.Kind.AGREEMENT)] == [
        "open",
        "done",
        "open",
    ]


@pytest.mark.parametrize("status", ["", "finished", None])
def test_it_refuses_an_unknown_status(status, agreement, owner):
    before = len(events(agreement.case))

    with pytest.raises(ValidationError) as excinfo:
        set_status(agreement, owner, status)

    assert list(excinfo.value.message_dict) == ["status"]
    assert Agreement.objects.get(pk=agreement.pk).status == "open"
    assert len(events(agreement.case)) == before


def test_it_refuses_a_stale_version_and_keeps_the_first_status(owner, colleague, agreement):
    services.agreement_set_status(
        acting_user=owner, agreement=agreement, status="done", expected_version=1
    )
    with pytest.raises(EditConflict) as conflict:
        services.agreement_set_status(
            acting_user=colleague, agreement=agreement, status="dropped", expected_version=1
        )
    stored = Agreement.objects.get(pk=agreement.pk)
    assert (stored.status, stored.version) == ("done", 2)
    assert conflict.value.current.status == "done"
