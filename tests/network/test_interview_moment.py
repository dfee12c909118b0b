"""The interview keeps its moment: each answer is kept with the guide version it was asked in
(network.services.interview_save), and the begin and end snapshots freeze the answers of their
moment with the map (network.services.snapshot_take, through the ZRM)."""

import re

import pytest
from django.urls import reverse
from django.utils import timezone

from network.guide import version
from network.models import InterviewAnswer, NetworkSnapshot
from network.services import interview_save, snapshot_take
from tests.zrm.factories import finalised_assessment, trajectory_case


@pytest.fixture
def case(owner, team):
    return trajectory_case(owner, team)


def test_it_keeps_each_answer_with_the_guide_version_it_was_asked_in(owner, case):
    interview_save(acting_user=owner, case=case, answers={"talk_to": "Met mijn zus."})

    answer = InterviewAnswer.objects.get(case=case)
    assert (answer.guide_version, answer.question) == (version(), "talk_to") == ("2014", "talk_to")


def test_it_leaves_the_answers_of_an_earlier_guide_as_they_were(owner, case):
    # An answer asked with a guide before this one, as a new guide version leaves it behind.
    earlier = InterviewAnswer.objects.create(
        case=case,
        guide_version="2010",
        question="talk_to",
        answer="Met niemand.",
        answered_by=owner,
    )

    interview_save(acting_user=owner, case=case, answers={"talk_to": "Met mijn zus."})

    earlier.refresh_from_db()
    assert earlier.answer == "Met niemand."
    assert dict(case.interview_answers.values_list("guide_version", "answer")) == {
        "2010": "Met niemand.",
        "2014": "Met mijn zus.",
    }


def test_it_freezes_the_answers_into_the_begin_and_end_snapshots(owner, case):
    interview_save(
        acting_user=owner,
        case=case,
        answers={"talk_to": "Met niemand.", "contacts_satisfied": "Nee."},
    )
    finalised_assessment(case, owner, "begin")
    interview_save(acting_user=owner, case=case, answers={"talk_to": "Met mijn zus, elke week."})
    finalised_assessment(case, owner, "end")

    begin = NetworkSnapshot.objects.get(case=case, kind="begin")
    end = NetworkSnapshot.objects.get(case=case, kind="end")
    frozen = {(a["question"], a["guide_version"]): a["answer"] for a in begin.interview}
    assert frozen == {("talk_to", "2014"): "Met niemand.", ("contacts_satisfied", "2014"): "Nee."}
    assert {a["question"]: a["answer"] for a in end.interview}["talk_to"] == (
        "Met mijn zus, elke week."
    )
    assert all(a["updated_at"] for a in end.interview)


def test_it_shows_the_answers_of_both_moments_side_by_side(client, owner, colleague, case):
    interview_save(acting_user=owner, case=case, answers={"talk_to": "Met niemand."})
    first = snapshot_take(acting_user=owner, case=case, kind="manual", label="Eerste")
    interview_save(acting_user=owner, case=case, answers={"talk_to": "Met mijn zus."})
    second = snapshot_take(acting_user=owner, case=case, kind="manual", label="Later")
    client.force_login(colleague)

    response = client.get(
        reverse("network_compare", args=[case.pk]) + f"?a={first.pk}&b={second.pk}"
    )

    html = response.content.decode()
    assert "Interviewantwoorden op deze momenten" in html
    assert "Met wie kun je praten" in html and "(vragenlijst 2014)" in html
    # Each answer under its moment (data-label: the stacked rows on a phone say which it is).
    assert re.search(
        r'<td data-label="[^"]*">Met niemand\.</td><td data-label="[^"]*">Met mijn zus\.</td>', html
    )


def test_it_shows_another_teams_comparison_as_not_found(client, outsider, owner, case):
    snapshot_take(acting_user=owner, case=case, kind="manual")
    client.force_login(outsider)
    assert client.get(reverse("network_compare", args=[case.pk])).status_code == 404


def test_it_freezes_an_empty_interview_as_nothing(owner, case):
    snapshot = snapshot_take(acting_user=owner, case=case, kind="manual")
    assert snapshot.interview == [] and timezone.now() >= snapshot.taken_at
