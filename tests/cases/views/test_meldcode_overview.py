from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from cases import services
from cases.phases import Phase
from outreach.models import AccessLogEntry
from tests.cases.factories import case_in_phase
from tests.cases.meldcode_data import make_aandachtsfunctionaris, report, start, walk


def trajectories(owner, team, n, *, reported=0):
    made = []
    for i in range(n):
        case = case_in_phase(Phase.EERSTE_CONTACT, acting_user=owner, team=team, first_name=f"K{i}")
        made.append(start(acting_user=owner, case=case))
    for trajectory in made[:reported]:
        services.meldcode_step_record(
            acting_user=owner, trajectory=trajectory, key="decision", **report()
        )
    return made


def test_it_shows_step_days_and_overdue_steps_by_the_teams_terms(client, owner, lead, team):
    services.meldcode_terms_set(acting_user=lead, team=team, step2_days=3)
    twelve_days_ago = timezone.now() - timedelta(days=12)
    with time_machine.travel(twelve_days_ago, tick=False):
        case = case_in_phase(Phase.EERSTE_CONTACT, acting_user=owner, team=team)
        old = start(acting_user=owner, case=case)
    walk(acting_user=owner, trajectory=old, to_step=2)
    trajectories(owner, team, 1, reported=1)
    client.force_login(lead)
    page = client.get(reverse("meldcode_overview", args=[team.pk])).content.decode()
    # Step 2 was reached (late); step 3 is 2 days over its term of 10, steps 4 and 5 not yet.
    assert "stap 3: 2 dagen over de termijn" in page
    assert "stap 2:" not in page and "stap 4:" not in page
    assert '<td data-label="Dagen sinds stap 1">12</td>' in page
    assert "Meldingen bij Veilig Thuis in" in page


def test_the_aandachtsfunctionaris_sees_it_and_the_view_is_logged_per_trajectory(
    client, owner, team
):
    made = trajectories(owner, team, 3)
    user = make_aandachtsfunctionaris(team)
    client.force_login(user)
    assert client.get(reverse("meldcode_overview", args=[team.pk])).status_code == 200
    logged = AccessLogEntry.objects.filter(user=user, record_type="cases.meldcodetrajectory")
    assert sorted(int(i) for i in logged.values_list("record_id", flat=True)) == [
        t.pk for t in made
    ]


@pytest.mark.parametrize("size", [2, 12])
def test_it_makes_the_same_number_of_queries_at_two_sizes(
    client, owner, lead, team, size, django_assert_num_queries
):
    trajectories(owner, team, size, reported=1)
    client.force_login(lead)
    url = reverse("meldcode_overview", args=[team.pk])
    client.get(url)
    with django_assert_num_queries(9):
        client.get(url)
