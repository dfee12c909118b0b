"""The wijkecogram interview (network.views.interview)."""

import re

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from cases.phases import Phase
from network.guide import sections
from network.models import InterviewAnswer, NetworkMember
from network.services import interview_save
from tests.cases.factories import snapshot

QUESTIONS = [q for section in sections() for q in section["questions"]]


pytestmark = pytest.mark.case_phase(Phase.EERSTE_CONTACT)


def url(case):
    return reverse("network_interview", args=[case.pk])


def test_it_shows_every_question_of_the_guide_with_the_answers_so_far(
    client, owner, colleague, case
):
    interview_save(
        acting_user=owner, case=case, answers={"contacts_satisfied": "Niet echt, te weinig."}
    )
    client.force_login(colleague)
    response = client.get(url(case))
    assert response.status_code == 200
    html = response.content.decode()
    answer_fields = re.findall(r'<textarea name="answer_(\w+)"', html)
    assert answer_fields == [q["key"] for q in QUESTIONS]
    add_fields = re.findall(r'<input type="text" name="add_(\w+)"', html)
    assert add_fields == [q["key"] for q in QUESTIONS if q["adds"]]
    assert html.count("<fieldset") >= len(sections())
    assert re.search(
        r'name="answer_contacts_satisfied"[^>]*>\s*Niet echt, te weinig\.</textarea>', html
    )
    assert "Heb je vrienden in de wijk?" in html  # the guide's Dutch text


def test_it_saves_the_answers_and_adds_the_people_named(client, owner, case):
    client.force_login(owner)
    response = client.post(
        url(case),
        {
            "answer_friends_in_wijk": "Ja, Anna en Bram.",
            "add_friends_in_wijk": "Anna, Bram,  ",
            "answer_talk_to": "Met mijn zus.",
            "add_talk_to": "Zus Wilma",
            "add_contacts_before_problems": "Oud-collega Kees",
            "add_decision_support": " , ",
        },
    )
    assert response.status_code == 302
    assert response.url == reverse("network_case", args=[case.pk])
    assert dict(InterviewAnswer.objects.values_list("question", "answer")) == {
        "friends_in_wijk": "Ja, Anna en Bram.",
        "talk_to": "Met mijn zus.",
    }
    members = {m.name: m for m in NetworkMember.objects.filter(case=case)}
    assert set(members) == {"Anna", "Bram", "Zus Wilma", "Oud-collega Kees"}
    assert members["Anna"].relation == "friend"
    assert members["Zus Wilma"].support_emotional == "receives"
    assert members["Oud-collega Kees"].status == "sleeping"
    (message,) = get_messages(response.wsgi_request)
    assert re.search(r"\b4\b", str(message)), str(message)  # four people added


def test_it_is_a_404_for_another_team(client, outsider, case):
    before = snapshot(case)
    client.force_login(outsider)
    assert client.get(url(case)).status_code == 404
    data = {"answer_friends_in_wijk": "Ja.", "add_friends_in_wijk": "Anna"}
    assert client.post(url(case), data).status_code == 404
    assert not InterviewAnswer.objects.exists() and not NetworkMember.objects.exists()
    assert snapshot(case) == before
