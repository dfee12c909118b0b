"""Recording a case's discussion in a held meeting (case_discussion): consent, conclusions and
decisions that become agreements."""

import pytest
from django.urls import reverse

from cases.models import AgendaItem, Agreement
from cases.phases import Phase
from outreach.models import AccessLogEntry
from tests.cases.factories import case_in_phase
from tests.cases.meeting_data import held_meeting


@pytest.fixture
def item(owner, team):
    case = case_in_phase(Phase.EERSTE_CONTACT, acting_user=owner, team=team)
    _meeting, (item,) = held_meeting(acting_user=owner, team=team, cases=[case])
    return item


def post(client, item, **data):
    return client.post(reverse("case_discussion", args=[item.pk]), data)


def test_it_records_the_discussion_and_the_decision_shows_as_an_agreement(client, owner, item):
    client.force_login(owner)
    response = post(
        client,
        item,
        consent="yes",
        conclusions="Schuldhulp erbij.",
        decision_1="Aanmelden bij schuldhulp",
        decision_1_responsible="worker",
        decision_1_due="2030-01-31",
    )
    assert response.status_code == 302 and response.url == item.meeting.get_absolute_url()
    assert Agreement.objects.get(case=item.case).description == "Aanmelden bij schuldhulp"
    html = client.get(item.case.get_absolute_url()).content.decode()
    assert "Besproken:" in html and "Aanmelden bij schuldhulp" in html


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        (
            {"consent": "yes", "decision_1_responsible": "worker"},
            "decision_1",
            "Schrijf op wat er besloten is.",
        ),
        (
            {
                "consent": "yes",
                "decision_1": "Bellen",
                "decision_1_responsible": "worker",
                "decision_1_due": "morgen",
            },
            "decision_1_due",
            "Voer een geldige datum in.",
        ),
        (
            {"consent": "partly", "conclusions": "Verder zoeken."},
            "consent_detail",
            "Schrijf op wat er gedeeld mag worden, en met wie.",
        ),
    ],
)
def test_it_refuses_bad_input_next_to_the_field_and_saves_nothing(
    client, owner, item, data, field, message
):
    client.force_login(owner)
    html = post(client, item, **data).content.decode()
    assert f'id="id_{field}_error"' in html and message in html
    assert not AgendaItem.objects.get(pk=item.pk).is_discussed
    assert not Agreement.objects.exists()


def test_it_is_a_logged_404_for_another_team(client, outsider, item):
    client.force_login(outsider)
    assert post(client, item, consent="yes").status_code == 404
    assert AccessLogEntry.objects.filter(user=outsider, result="denied").exists()
    assert not AgendaItem.objects.get(pk=item.pk).is_discussed
