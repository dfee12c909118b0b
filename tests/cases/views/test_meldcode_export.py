import pytest
from django.urls import reverse

from cases import services
from cases.phases import Phase
from outreach.models import AccessLogEntry
from tests.cases.factories import case_in_phase
from tests.cases.meldcode_data import SENTINELS, report, start


@pytest.fixture
def trajectory(owner, team):
    case = case_in_phase(
        Phase.EERSTE_CONTACT, acting_user=owner, team=team, first_name="Naamloos", last_name="Xyz"
    )
    trajectory = start(acting_user=owner, case=case)
    services.meldcode_step_record(
        acting_user=owner, trajectory=trajectory, key="decision", **report()
    )
    return trajectory


def test_it_exports_the_year_without_names_and_logs_each_row(client, lead, trajectory):
    client.force_login(lead)
    response = client.get(reverse("meldcode_export", args=[trajectory.case.team_id]))
    text = response.content.decode("utf-8-sig")
    assert response["Content-Type"].startswith("text/csv")
    header, row = text.splitlines()[:2]
    assert header.startswith("traject;stap 1 op;bereikte stap")
    assert row.startswith(f"{trajectory.pk};") and "gemeld bij Veilig Thuis" in row
    for name in ("Naamloos", "Xyz", trajectory.case.reference, "Olga", *SENTINELS):
        assert name not in text
    assert (
        AccessLogEntry.objects.filter(
            user=lead, action="export", record_type="cases.meldcodetrajectory"
        ).count()
        == 1
    )


def test_it_takes_a_year_and_ignores_a_garbled_one(client, lead, trajectory):
    client.force_login(lead)
    url = reverse("meldcode_export", args=[trajectory.case.team_id])
    assert len(client.get(url + "?jaar=1999").content.decode("utf-8-sig").splitlines()) == 1
    assert client.get(url + "?jaar=abc").status_code == 200


@pytest.mark.parametrize("size", [1, 8])
def test_it_makes_the_same_number_of_queries_at_two_sizes(
    client, owner, lead, team, size, django_assert_num_queries
):
    for i in range(size):
        case = case_in_phase(Phase.EERSTE_CONTACT, acting_user=owner, team=team, first_name=f"K{i}")
        start(acting_user=owner, case=case)
    client.force_login(lead)
    url = reverse("meldcode_export", args=[team.pk])
    client.get(url)
    with django_assert_num_queries(7):
        client.get(url)
