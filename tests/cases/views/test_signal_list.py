import re
from datetime import timedelta
from html import unescape

from django.urls import reverse
from django.utils import timezone

from cases import services
from cases.models import Signal
from outreach.models import AccessLogEntry, Membership
from outreach.services import membership_set, user_create
from tests.cases.factories import open_case, register_signal
from tests.conftest import PASSWORD


def days_ago(n):
    return timezone.localdate() - timedelta(days=n)


def cards(html):
    """The signal cards of the list, in page order: (subject, age in words)."""
    found = []
    for card in re.findall(r'<li class="case-card.*?</li>', html, re.S):
        subject = re.search(r"<strong>(.*?)</strong>", card, re.S).group(1).strip()
        age = re.search(r"\(([^()]*)\)</dd>", card).group(1)
        found.append((unescape(subject), age))
    return found


def test_it_lists_the_teams_waiting_signals_oldest_first_with_their_age(client, owner, team):
    register_signal(acting_user=owner, team=team, subject_name="Bram Twee", received_on=days_ago(2))
    register_signal(
        acting_user=owner, team=team, subject_name="Anna Tien", received_on=days_ago(10)
    )
    register_signal(acting_user=owner, team=team, subject_name="Cees Vijf", received_on=days_ago(5))
    register_signal(acting_user=owner, team=team, subject_name="Dirk Ook", received_on=days_ago(5))
    client.force_login(owner)
    response = client.get(reverse("signal_list"))
    assert response.status_code == 200
    assert cards(response.content.decode()) == [
        ("Anna Tien", "10 dagen geleden"),
        ("Cees Vijf", "5 dagen geleden"),
        ("Dirk Ook", "5 dagen geleden"),
        ("Bram Twee", "2 dagen geleden"),
    ]


def test_it_says_today_and_yesterday_for_a_signal_received_then(client, owner, team):
    register_signal(acting_user=owner, team=team, subject_name="Vandaag Binnen")
    register_signal(
        acting_user=owner, team=team, subject_name="Gisteren Binnen", received_on=days_ago(1)
    )
    client.force_login(owner)
    html = client.get(reverse("signal_list")).content.decode()
    assert cards(html) == [("Gisteren Binnen", "gisteren"), ("Vandaag Binnen", "vandaag")]
    assert "0 dagen" not in html


def test_it_leaves_out_decided_signals_and_other_teams_signals(
    client, owner, outsider, team, other_team
):
    waiting = register_signal(acting_user=owner, team=team, subject_name="Wacht Nog")
    open_case(acting_user=owner, team=team)  # registers and accepts a signal about Jan Jansen
    declined = register_signal(acting_user=owner, team=team, subject_name="Afgewezen Persoon")
    services.signal_decline(acting_user=owner, signal=declined, reason="no_concern")
    register_signal(acting_user=outsider, team=other_team, subject_name="Zuid Persoon")
    client.force_login(owner)
    html = client.get(reverse("signal_list")).content.decode()
    assert cards(html) == [("Wacht Nog", "vandaag")]
    assert reverse("signal_detail", args=[waiting.pk]) in html


def test_it_shows_the_current_team_only_for_a_member_of_two_teams(
    client, owner, outsider, team, other_team
):
    membership_set(acting_user=None, team=other_team, user=owner, role=Membership.Role.WORKER)
    register_signal(acting_user=owner, team=team, subject_name="Noord Persoon")
    register_signal(acting_user=outsider, team=other_team, subject_name="Zuid Persoon")
    client.force_login(owner)
    client.post(reverse("team_switch"), {"team": team.pk})
    assert cards(client.get(reverse("signal_list")).content.decode()) == [
        ("Noord Persoon", "vandaag")
    ]
    client.post(reverse("team_switch"), {"team": other_team.pk})
    assert cards(client.get(reverse("signal_list")).content.decode()) == [
        ("Zuid Persoon", "vandaag")
    ]


def test_it_logs_the_read_of_the_list_for_the_team(client, owner, team):
    client.force_login(owner)
    client.get(reverse("signal_list"))
    entry = AccessLogEntry.objects.get()
    assert (entry.action, entry.record_type, entry.team_id) == (
        "read",
        "cases.signal_list",
        team.pk,
    )


def test_it_makes_the_same_number_of_queries_for_3_and_30_signals(
    client, owner, team, django_assert_num_queries
):
    for i in range(3):
        register_signal(acting_user=owner, team=team, subject_name=f"Klein {i}")
    client.force_login(owner)
    client.get(reverse("signal_list"))
    with django_assert_num_queries(7) as small:
        client.get(reverse("signal_list"))
    for i in range(27):
        register_signal(acting_user=owner, team=team, subject_name=f"Groot {i}")
    with django_assert_num_queries(len(small.captured_queries)):
        html = client.get(reverse("signal_list")).content.decode()
    assert len(cards(html)) == 25


def test_it_shows_the_oldest_signals_on_the_next_page(client, owner, team):
    for i in range(30):
        register_signal(
            acting_user=owner, team=team, subject_name=f"Persoon {i:02d}", received_on=days_ago(i)
        )
    client.force_login(owner)
    html = client.get(reverse("signal_list")).content.decode()
    assert [name for name, _age in cards(html)][0] == "Persoon 29"
    next_link = unescape(re.search(r'href="([^"]*)" rel="next"', html).group(1))
    second = client.get(reverse("signal_list") + next_link).content.decode()
    assert [name for name, _age in cards(second)] == [f"Persoon {i:02d}" for i in range(4, -1, -1)]


def test_it_is_a_404_for_a_user_without_a_team(client, db):
    loner = user_create(acting_user=None, username="loner", password=PASSWORD)
    client.force_login(loner)
    assert client.get(reverse("signal_list")).status_code == 404
    assert not Signal.objects.exists()
