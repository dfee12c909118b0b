"""network.services.worker_place: the worker on the case's map, once."""

import pytest
from django.core.exceptions import ValidationError

from cases.phases import Phase
from network.models import NetworkMember
from network.services import worker_place
from tests.cases.factories import case_in_phase
from tests.threads import needs_postgres, run_together


def test_it_puts_the_worker_on_the_map_once(owner, team):
    case = case_in_phase(Phase.CONTRACT, acting_user=owner, team=team)
    member = worker_place(acting_user=owner, case=case)
    assert member.outreach_worker
    with pytest.raises(ValidationError):
        worker_place(acting_user=owner, case=case)
    assert NetworkMember.objects.filter(case=case).count() == 1


@needs_postgres
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("round_", range(3))
def test_it_puts_the_worker_on_once_when_two_tabs_post_at_once(owner, team, round_):
    case = case_in_phase(Phase.CONTRACT, acting_user=owner, team=team)

    _results, errors = run_together(
        lambda: worker_place(acting_user=owner, case=case),
        lambda: worker_place(acting_user=owner, case=case),
    )

    assert [type(error) for error in errors] == [ValidationError]
    assert NetworkMember.objects.filter(case=case, outreach_worker=True).count() == 1
