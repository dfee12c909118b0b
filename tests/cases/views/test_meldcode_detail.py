import pytest
from django.urls import reverse

from cases.phases import Phase
from tests.cases.factories import case_in_phase
from tests.cases.meldcode_data import ADVICE, FACTS, start, walk


@pytest.fixture
def case(owner, team):
    return case_in_phase(Phase.EERSTE_CONTACT, acting_user=owner, team=team)


def test_it_shows_the_five_steps_with_what_was_recorded(client, owner, case):
    trajectory = walk(acting_user=owner, trajectory=start(acting_user=owner, case=case), to_step=2)
    client.force_login(owner)
    page = client.get(trajectory.get_absolute_url()).content.decode()
    for title in (
        "Signalen in kaart brengen",
        "Collegiale consultatie",
        "Gesprek met de cliënt",
        "Wegen met het afwegingskader",
        "Beslissen",
    ):
        assert title in page
    assert FACTS in page and ADVICE in page
    # Step 3 is the suggested next step: its link is the button.
    assert 'role="button" id="record-conversation"' in page


def test_it_makes_the_same_number_of_queries_with_few_and_many_steps(
    client, owner, case, django_assert_num_queries
):
    trajectory = start(acting_user=owner, case=case)
    client.force_login(owner)
    url = trajectory.get_absolute_url()
    client.get(url)
    with django_assert_num_queries(7) as few:
        client.get(url)
    for _round in range(4):
        walk(acting_user=owner, trajectory=trajectory, to_step=4)
    with django_assert_num_queries(len(few.captured_queries)):
        client.get(url)


def test_the_case_page_links_the_trajectories(client, owner, case):
    trajectory = start(acting_user=owner, case=case)
    client.force_login(owner)
    page = client.get(reverse("case_detail", args=[case.pk])).content.decode()
    assert trajectory.get_absolute_url() in page
    assert reverse("meldcode_start", args=[case.pk]) in page
