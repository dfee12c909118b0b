from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from cases import services
from cases.models import PriorInformation, TimelineEvent
from cases.phases import Phase
from tests.cases.factories import case_in_phase, events

SECRET = "Bekend bij de politie wegens burenruzie in 2019."


def add(case, user, **fields):
    values = {
        "gathered_on": timezone.localdate() - timedelta(days=1),
        "source": "Wijkagent",
        "content": SECRET,
        "without_client_knowledge": True,
    }
    values.update(fields)
    return services.prior_information_add(acting_user=user, case=case, **values)


def test_it_stores_the_information(owner, team):
    case = case_in_phase(Phase.VOORFASE, acting_user=owner, team=team)

    info = add(case, owner, source="  Huisarts  ", content=f"  {SECRET}  ")

    info = PriorInformation.objects.get(pk=info.pk)
    assert (info.case, info.source, info.content, info.recorded_by) == (
        case,
        "Huisarts",
        SECRET,
        owner,
    )
    assert info.without_client_knowledge is True


def test_it_puts_that_but_not_what_was_gathered_on_the_timeline(owner, team):
    case = case_in_phase(Phase.VOORFASE, acting_user=owner, team=team)

    add(case, owner, without_client_knowledge=False)

    event = events(case, TimelineEvent.Kind.PRIOR_INFO)
    assert len(event) == 1
    assert event[0].data == {"source": "Wijkagent", "without_client_knowledge": False}
    assert all(SECRET not in str(e.data) for e in events(case))


@pytest.mark.parametrize("field", ["source", "content"])
def test_it_refuses_missing_source_or_content(field, owner, team):
    case = case_in_phase(Phase.VOORFASE, acting_user=owner, team=team)
    before = len(events(case))

    with pytest.raises(ValidationError) as excinfo:
        add(case, owner, **{field: "   "})

    assert field in excinfo.value.message_dict
    assert not PriorInformation.objects.exists()
    assert len(events(case)) == before
