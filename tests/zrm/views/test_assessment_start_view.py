"""Starting an assessment from the ZRM tab (zrm.views.assessment_start)."""

import re
from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from cases.phases import Phase
from outreach.models import AccessLogEntry
from tests.cases.factories import case_in_phase
from tests.zrm.factories import trajectory_case
from zrm.models import ZrmAssessment


def start(client, user, case, **data):
    client.force_login(user)
    return client.post(reverse("zrm_start", args=[case.pk]), data)


def test_it_starts_a_draft_and_opens_it(client, owner, colleague, team):
    case = trajectory_case(owner, team)
    on = timezone.localdate() - timedelta(days=1)

    response = start(client, colleague, case, kind="begin", assessed_on=on.isoformat())

    draft = ZrmAssessment.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("zrm_assessment", args=[draft.pk])
    assert (draft.case, draft.kind, draft.assessed_on, draft.assessor) == (
        case,
        "begin",
        on,
        colleague,
    )
    assert draft.scores.count() == 11
    entry = AccessLogEntry.objects.filter(user=colleague).latest("id")
    assert (entry.action, entry.record_id) == ("change", str(case.pk))


def test_it_takes_a_dutch_date_too(client, owner, team):
    case = trajectory_case(owner, team)
    on = timezone.localdate() - timedelta(days=3)
    start(client, owner, case, kind="evaluation", assessed_on=on.strftime("%d-%m-%Y"))
    assert ZrmAssessment.objects.get().assessed_on == on


def test_it_opens_the_open_draft_instead_of_a_second(client, owner, team):
    case = trajectory_case(owner, team)
    today = timezone.localdate().isoformat()
    first = start(client, owner, case, kind="begin", assessed_on=today)
    second = start(client, owner, case, kind="begin", assessed_on=today)
    assert first.url == second.url
    assert ZrmAssessment.objects.count() == 1


def test_it_shows_the_error_and_keeps_the_input(client, owner, team):
    case = trajectory_case(owner, team)
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()

    response = start(client, owner, case, kind="end", assessed_on=tomorrow)

    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="id_assessed_on_error"' in html and f'value="{tomorrow}"' in html
    assert re.search(r'name="kind" value="end"[^>]*\bchecked', html)
    assert not ZrmAssessment.objects.exists()


def test_it_asks_for_a_kind(client, owner, team):
    case = trajectory_case(owner, team)
    response = start(client, owner, case, assessed_on=timezone.localdate().isoformat())
    assert response.status_code == 200 and "field-error" in response.content.decode()
    assert not ZrmAssessment.objects.exists()


def test_it_refuses_a_closed_case(client, owner, team):
    case = case_in_phase(Phase.AFGESLOTEN, acting_user=owner, team=team)
    response = start(client, owner, case, kind="begin", assessed_on=timezone.localdate())
    assert response.status_code == 200
    assert 'class="form-errors"' in response.content.decode()
    assert not ZrmAssessment.objects.exists()
