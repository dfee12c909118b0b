from django.urls import reverse

from outreach.models import Membership
from outreach.services import membership_set, team_create


def test_it_shows_the_users_teams_and_roles(client, owner, team):
    client.force_login(owner)
    html = client.get(reverse("home")).content.decode()
    assert team.name in html
    assert "outreachwerker" in html


def test_it_makes_the_same_number_of_queries_with_more_teams(
    client, owner, django_assert_num_queries
):
    client.force_login(owner)
    client.get(reverse("home"))  # warm the session
    with django_assert_num_queries(6) as one_team:
        client.get(reverse("home"))
    for i in range(5):
        t = team_create(acting_user=None, name=f"Extra {i}", code=f"X{i}")
        membership_set(acting_user=None, team=t, user=owner, role=Membership.Role.WORKER)
    with django_assert_num_queries(len(one_team.captured_queries)):
        html = client.get(reverse("home")).content.decode()
    assert "Extra 4" in html
