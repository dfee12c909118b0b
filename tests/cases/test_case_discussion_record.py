"""What a meeting concluded about a case, with consent and decisions
(cases.services.case_discussion_record)."""

import pytest
from django.core.exceptions import ValidationError

from cases import services
from cases.models import AgendaItem, Agreement
from cases.phases import Phase
from tests.cases.factories import case_in_phase, events
from tests.cases.meeting_data import held_meeting, on_agenda, plan_meeting


@pytest.fixture
def item(owner, team):
    case = case_in_phase(Phase.EERSTE_CONTACT, acting_user=owner, team=team)
    _meeting, (item,) = held_meeting(acting_user=owner, team=team, cases=[case])
    return item


def test_it_records_consent_conclusions_and_makes_the_decisions_agreements(owner, item):
    services.case_discussion_record(
        acting_user=owner,
        item=item,
        consent="partly",
        consent_detail=" Alleen de schulden, met GGZ ",
        conclusions="Schuldhulp inschakelen.",
        decisions=[{"description": "Aanmelden bij schuldhulp", "responsible": "worker"}],
    )
    item.refresh_from_db()
    assert (item.consent, item.consent_detail, item.discussed_by) == (
        "partly",
        "Alleen de schulden, met GGZ",
        owner,
    )
    (agreement,) = Agreement.objects.filter(case=item.case)
    assert (agreement.description, agreement.responsible) == ("Aanmelden bij schuldhulp", "worker")
    discussed = events(item.case, "meeting")[-1]
    assert discussed.data["action"] == "discussed"
    assert discussed.data["decisions"] == ["Aanmelden bij schuldhulp"]
    assert discussed.data["consent_detail"] == "Alleen de schulden, met GGZ"
    assert events(item.case, "agreement")


def test_it_records_a_discussion_without_consent_as_anonymised(owner, item):
    services.case_discussion_record(acting_user=owner, item=item, consent="no")
    item.refresh_from_db()
    assert item.anonymised
    assert events(item.case, "meeting")[-1].data["consent"] == "no"


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"consent": ""}, "consent"),
        ({"consent": "partly", "consent_detail": "  "}, "consent_detail"),
        (
            {"consent": "yes", "decisions": [{"description": " ", "responsible": "client"}]},
            "decision_1",
        ),
    ],
)
def test_it_refuses_bad_input_and_changes_nothing(owner, item, values, field):
    with pytest.raises(ValidationError) as refused:
        services.case_discussion_record(acting_user=owner, item=item, **values)
    assert field in refused.value.message_dict
    assert not AgendaItem.objects.get(pk=item.pk).is_discussed
    assert not Agreement.objects.filter(case=item.case).exists()


def test_it_refuses_decisions_in_a_phase_without_agreements(owner, team):
    case = case_in_phase(Phase.VOORFASE, acting_user=owner, team=team)
    _meeting, (item,) = held_meeting(acting_user=owner, team=team, cases=[case])
    with pytest.raises(ValidationError) as refused:
        services.case_discussion_record(
            acting_user=owner,
            item=item,
            consent="yes",
            decisions=[{"description": "Huisbezoek", "responsible": "worker"}],
        )
    assert "decision_1" in refused.value.message_dict
    services.case_discussion_record(
        acting_user=owner, item=item, consent="yes", conclusions="Huisbezoek afleggen."
    )


def test_it_needs_the_meeting_recorded_first_and_records_once(owner, team, item):
    case = case_in_phase(Phase.EERSTE_CONTACT, acting_user=owner, team=team, last_name="Later")
    plan_meeting(acting_user=owner, team=team)
    planned = on_agenda(case, acting_user=owner)
    with pytest.raises(ValidationError):
        services.case_discussion_record(acting_user=owner, item=planned, consent="yes")
    services.case_discussion_record(acting_user=owner, item=item, consent="yes")
    with pytest.raises(ValidationError):
        services.case_discussion_record(acting_user=owner, item=item, consent="no")
