from django.urls import reverse

from outreach.models import Membership
from outreach.services import membership_set


def test_it_switches_to_another_of_ones_own_teams(client, lead, other_team):
    membership_set(acting_user=None, team=other_team, user=lead, role=Membership.Role.WORKER)
    client.force_login(lead)
    client.post(reverse("team_switch"), {"team": other_team.pk})
    assert client.session["team_id"] == other_team.pk
    html = client.get(reverse("home")).content.decode()
    assert f'<option value="{other_team.pk}" selected>' in html


def test_it_ignores_a_team_the_user_is_not_in(client, owner, other_team):
    client.force_login(owner)
    client.post(reverse("team_switch"), {"team": other_team.pk})
    assert "team_id" not in client.session
    client.post(reverse("team_switch"), {"team": "not-a-number"})
    assert "team_id" not in client.session


def test_it_only_takes_posts(client, owner):
    client.force_login(owner)
    assert client.get(reverse("team_switch")).status_code == 405
