import pytest
from django.core.exceptions import ValidationError

from cases import services
from cases.models import TimelineEvent
from cases.phases import Phase
from tests.cases.factories import case_in_phase, events, record_contact


@pytest.fixture
def attempt_event(owner, team):
    case = case_in_phase(Phase.EERSTE_CONTACT, acting_user=owner, team=team)
    record_contact(acting_user=owner, case=case)
    return events(case, TimelineEvent.Kind.ATTEMPT)[0]


def correct(event, user, text):
    return services.timeline_correct(acting_user=user, event=event, text=text)


def test_it_adds_a_correction_that_refers_to_the_event(attempt_event, colleague):
    original = TimelineEvent.objects.values().get(pk=attempt_event.pk)

    correction = correct(attempt_event, colleague, "  Het was de buurman, niet de client.  ")

    correction = TimelineEvent.objects.get(pk=correction.pk)
    assert correction.kind == TimelineEvent.Kind.CORRECTION
    assert correction.corrects == attempt_event
    assert correction.case == attempt_event.case
    assert correction.actor == colleague
    assert correction.data == {"text": "Het was de buurman, niet de client."}
    assert TimelineEvent.objects.values().get(pk=attempt_event.pk) == original
    assert list(attempt_event.corrections.all()) == [correction]


def test_it_allows_more_than_one_correction_of_an_event(attempt_event, owner):
    correct(attempt_event, owner, "Eerste correctie.")
    correct(attempt_event, owner, "Tweede correctie.")

    assert sorted(c.data["text"] for c in attempt_event.corrections.all()) == [
        "Eerste correctie.",
        "Tweede correctie.",
    ]


@pytest.mark.parametrize("text", ["", "   ", None], ids=["empty", "whitespace", "none"])
def test_it_refuses_an_empty_correction(text, attempt_event, owner):
    before = len(events(attempt_event.case))

    with pytest.raises(ValidationError) as excinfo:
        correct(attempt_event, owner, text)

    assert list(excinfo.value.message_dict) == ["text"]
    assert len(events(attempt_event.case)) == before


def test_it_refuses_to_correct_a_correction(attempt_event, owner):
    correction = correct(attempt_event, owner, "Correctie.")
    before = len(events(attempt_event.case))

    with pytest.raises(ValidationError) as excinfo:
        correct(correction, owner, "Correctie op de correctie.")

    assert list(excinfo.value.message_dict) == [None]
    assert len(events(attempt_event.case)) == before
    assert not correction.corrections.exists()
