"""network.services.interview_save: the answers, and the people a question names."""

import pytest
from django.core.exceptions import ValidationError

from cases.phases import Phase
from network.models import InterviewAnswer, NetworkMember
from network.services import interview_save
from tests.cases.factories import events, snapshot, walk_to

pytestmark = pytest.mark.case_phase(Phase.EERSTE_CONTACT)


def answers(case):
    return dict(InterviewAnswer.objects.filter(case=case).values_list("question", "answer"))


def network_events(case):
    return [e.data for e in events(case, "network")]


def test_it_saves_the_answers_given_and_skips_blank_new_ones(owner, case):
    added = interview_save(
        acting_user=owner,
        case=case,
        answers={
            "friends_in_wijk": "  Ja, twee vriendinnen.  ",
            "contacts_satisfied": "Niet echt.",
            "wants_more_contacts": "   ",
        },
    )
    assert added == []
    assert answers(case) == {
        "friends_in_wijk": "Ja, twee vriendinnen.",
        "contacts_satisfied": "Niet echt.",
    }
    assert InterviewAnswer.objects.get(question="friends_in_wijk").answered_by == owner
    assert network_events(case) == [{"action": "interview", "answers": 2}]


def test_it_updates_a_changed_answer_and_leaves_an_unchanged_one(owner, colleague, case):
    interview_save(
        acting_user=owner,
        case=case,
        answers={"friends_in_wijk": "Ja.", "contacts_satisfied": "Niet echt."},
    )
    first = InterviewAnswer.objects.get(question="contacts_satisfied")

    interview_save(
        acting_user=colleague,
        case=case,
        answers={"friends_in_wijk": "Ja, Anna.", "contacts_satisfied": "Niet echt."},
    )

    assert answers(case) == {"friends_in_wijk": "Ja, Anna.", "contacts_satisfied": "Niet echt."}
    changed = InterviewAnswer.objects.get(question="friends_in_wijk")
    assert changed.answered_by == colleague
    unchanged = InterviewAnswer.objects.get(question="contacts_satisfied")
    assert (unchanged.answered_by, unchanged.updated_at) == (owner, first.updated_at)
    assert InterviewAnswer.objects.count() == 2
    assert network_events(case)[-1] == {"action": "interview", "answers": 1}


def test_it_writes_no_event_when_no_answer_changed(owner, case):
    interview_save(acting_user=owner, case=case, answers={"friends_in_wijk": "Ja."})
    before = len(events(case))
    interview_save(acting_user=owner, case=case, answers={"friends_in_wijk": "Ja.", "talk_to": ""})
    assert len(events(case)) == before


@pytest.mark.parametrize(
    ("answers_given", "named"),
    [({"favourite_colour": "blauw"}, None), ({}, {"favourite_colour": ["Anna"]})],
)
def test_it_refuses_a_question_not_in_the_guide_and_saves_nothing(
    owner, case, answers_given, named
):
    before = snapshot(case)
    with pytest.raises(ValidationError):
        interview_save(
            acting_user=owner,
            case=case,
            answers={"friends_in_wijk": "Ja.", **answers_given},
            named={"talk_to": ["Anna"], **(named or {})},
        )
    assert not InterviewAnswer.objects.exists()
    assert not NetworkMember.objects.exists()
    assert snapshot(case) == before


def test_it_adds_the_people_named_with_the_questions_defaults(owner, case):
    added = interview_save(
        acting_user=owner,
        case=case,
        answers={},
        named={
            "friends_in_wijk": ["Anna", " Bram "],
            "talk_to": ["Carla"],
            "contacts_before_problems": ["Oud-collega Dirk"],
            "shared_interests": ["Ed"],
        },
    )
    assert [m.name for m in added] == ["Anna", "Bram", "Carla", "Oud-collega Dirk", "Ed"]
    by_name = {m.name: m for m in NetworkMember.objects.filter(case=case)}
    assert set(by_name) == {"Anna", "Bram", "Carla", "Oud-collega Dirk", "Ed"}
    anna, carla, dirk, ed = (
        by_name["Anna"],
        by_name["Carla"],
        by_name["Oud-collega Dirk"],
        by_name["Ed"],
    )
    assert (anna.relation, anna.distance, anna.status) == ("friend", "same_wijk", "active")
    assert (carla.relation, carla.support_emotional, carla.status) == (
        "acquaintance",
        "receives",
        "active",
    )
    assert carla.support_practical == ""
    assert (dirk.status, dirk.known_before, dirk.relation) == ("sleeping", True, "acquaintance")
    assert ed.support_company == "both"
    # One event per person added; no interview event without answers.
    assert [d["action"] for d in network_events(case)] == ["added"] * 5
    assert network_events(case)[3] == {
        "action": "added",
        "name": "Oud-collega Dirk",
        "relation": "acquaintance",
        "status": "sleeping",
    }


def test_it_ignores_blank_names(owner, case):
    added = interview_save(
        acting_user=owner,
        case=case,
        answers={"talk_to": "Alleen met mijn zus."},
        named={"talk_to": ["", "   ", "Zus"], "friends_in_wijk": [" "]},
    )
    assert [m.name for m in added] == ["Zus"]
    assert list(NetworkMember.objects.values_list("name", flat=True)) == ["Zus"]


def test_it_cuts_a_name_to_eighty_characters(owner, case):
    (member,) = interview_save(
        acting_user=owner, case=case, answers={}, named={"talk_to": ["x" * 90]}
    )
    assert member.name == "x" * 80


def test_it_refuses_on_a_closed_case(owner, case):
    closed = walk_to(case, Phase.AFGESLOTEN, acting_user=owner)
    with pytest.raises(ValidationError):
        interview_save(
            acting_user=owner,
            case=closed,
            answers={"friends_in_wijk": "Ja."},
            named={"talk_to": ["Anna"]},
        )
    assert not InterviewAnswer.objects.exists()
    assert not NetworkMember.objects.exists()
