"""A co-worker and the case's shielded parts (outreach.access.may_see_sensitive and
may_see_meldcode): closed to them, open while a lead's grant holds and they are on the case,
closed again when the grant is revoked, they are taken off, or their period has ended."""

from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from cases import services
from cases.models import Case
from cases.phases import Phase
from outreach.access import may_see_meldcode, may_see_sensitive
from outreach.models import AccessLogEntry
from outreach.services import membership_remove
from tests.cases.factories import add_coworker, case_in_phase
from tests.cases.meldcode_data import SENTINELS as MELDCODE_SENTINELS
from tests.cases.meldcode_data import start, walk

JUSTICE = "SENTINEL-JUSTITIE taakstraf lopend"


@pytest.fixture
def case(owner, team):
    case = case_in_phase(Phase.EERSTE_CONTACT, acting_user=owner, team=team)
    services.sensitive_detail_add(acting_user=owner, case=case, kind="justice", content=JUSTICE)
    walk(acting_user=owner, trajectory=start(acting_user=owner, case=case))
    return Case.objects.get(pk=case.pk)


def page(client, user, case):
    client.force_login(user)
    response = client.get(reverse("case_detail", args=[case.pk]))
    assert response.status_code == 200
    return response.content.decode()


def fresh(case):
    return Case.objects.get(pk=case.pk)


def sees(client, user, case):
    """Whether the user reads the shielded details and the meldcode on the case page."""
    html = page(client, user, case)
    justice = JUSTICE in html
    if justice:
        assert "afgeschermde vermelding over justitie" not in html
    else:
        assert "Er is 1 afgeschermde vermelding over justitie of veiligheid" in html
    meldcode = "Er is een meldcodetraject op deze casus (afgeschermd)." not in html
    return justice, meldcode


def test_it_keeps_the_shielded_parts_closed_to_a_coworker_without_a_grant(
    client, case, owner, colleague
):
    add_coworker(case, colleague, acting_user=owner)
    assert not may_see_sensitive(colleague, fresh(case))
    assert not may_see_meldcode(colleague, fresh(case))
    assert sees(client, colleague, case) == (False, False)
    html = page(client, colleague, case)
    assert not any(sentinel in html for sentinel in MELDCODE_SENTINELS)


def test_it_opens_them_with_a_grant_and_closes_them_when_it_is_revoked(
    client, case, owner, colleague, lead
):
    coworker = add_coworker(case, colleague, acting_user=owner)
    services.coworker_grant_access(acting_user=lead, coworker=coworker)
    assert may_see_sensitive(colleague, fresh(case)) and may_see_meldcode(colleague, fresh(case))
    assert sees(client, colleague, case) == (True, True)
    meldcode = fresh(case).meldcode_trajectories.get()
    client.force_login(colleague)
    assert client.get(meldcode.get_absolute_url()).status_code == 200
    services.coworker_revoke_access(acting_user=lead, coworker=coworker)
    assert sees(client, colleague, case) == (False, False)
    assert client.get(meldcode.get_absolute_url()).status_code == 403
    assert AccessLogEntry.objects.filter(
        user=colleague, record_type="cases.meldcodetrajectory", result="denied"
    ).exists()


def test_it_closes_them_when_the_coworker_is_taken_off(client, case, owner, colleague, lead):
    coworker = add_coworker(case, colleague, acting_user=owner)
    services.coworker_grant_access(acting_user=lead, coworker=coworker)
    services.coworker_end(acting_user=owner, coworker=coworker)
    assert sees(client, colleague, case) == (False, False)


def test_it_opens_them_only_within_the_period(client, case, owner, colleague, lead):
    coworker = add_coworker(case, colleague, acting_user=owner, start=2, end=5)
    services.coworker_grant_access(acting_user=lead, coworker=coworker)
    assert sees(client, colleague, case) == (False, False)  # not started yet
    with time_machine.travel(timezone.now() + timedelta(days=3)):
        assert sees(client, colleague, case) == (True, True)
    with time_machine.travel(timezone.now() + timedelta(days=6)):
        assert sees(client, colleague, case) == (False, False)  # the period has ended


def test_it_closes_them_when_the_coworker_leaves_the_team(case, owner, colleague, lead, team):
    coworker = add_coworker(case, colleague, acting_user=owner)
    services.coworker_grant_access(acting_user=lead, coworker=coworker)
    membership_remove(acting_user=None, team=team, user=colleague)
    colleague.__dict__.pop("_outreach_memberships", None)
    assert not may_see_sensitive(colleague, fresh(case))
