from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from cases import services
from outreach.models import AccessLogEntry
from tests.cases.factories import open_case, register_signal


def test_it_shows_the_signal_and_the_ways_to_decide(client, owner, team):
    signal = register_signal(
        acting_user=owner,
        team=team,
        subject_name="Ria van Dijk",
        subject_address="Zwaanshals 12",
        reporter_name="Buurman Henk",
        observed="Al weken geen licht aan.",
    )
    client.force_login(owner)
    response = client.get(reverse("signal_detail", args=[signal.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Ria van Dijk" in html and "Zwaanshals 12" in html and "Buurman Henk" in html
    assert "Al weken geen licht aan." in html
    for name in ("signal_client_search", "signal_link", "signal_new_client", "signal_decline"):
        assert reverse(name, args=[signal.pk]) in html
    assert reverse("signal_feedback", args=[signal.pk]) in html


def test_it_says_today_for_a_signal_received_today_and_yesterday_for_one_of_yesterday(
    client, owner, team
):
    today = register_signal(acting_user=owner, team=team)
    yesterday = register_signal(
        acting_user=owner,
        team=team,
        received_on=timezone.localdate() - timedelta(days=1),
    )
    client.force_login(owner)
    html = client.get(reverse("signal_detail", args=[today.pk])).content.decode()
    assert "(vandaag)</dd>" in html and "0 dagen" not in html
    html = client.get(reverse("signal_detail", args=[yesterday.pk])).content.decode()
    assert "(gisteren)</dd>" in html


def test_it_offers_the_teams_likely_duplicates_only(client, owner, outsider, team, other_team):
    known = open_case(acting_user=owner, team=team, first_name="Ria", last_name="Dijkstra").client
    elsewhere = open_case(
        acting_user=outsider, team=other_team, first_name="Ria", last_name="Dijkstra"
    ).client
    signal = register_signal(acting_user=owner, team=team, subject_name="Ria Dijkstra")
    client.force_login(owner)
    html = client.get(reverse("signal_detail", args=[signal.pk])).content.decode()
    assert f'name="client" value="{known.pk}"' in html
    assert f'name="client" value="{elsewhere.pk}"' not in html


def test_it_shows_the_case_of_an_accepted_signal_instead_of_the_decision(client, owner, team):
    case = open_case(acting_user=owner, team=team)
    signal = case.signals.get()
    client.force_login(owner)
    html = client.get(reverse("signal_detail", args=[signal.pk])).content.decode()
    assert reverse("case_detail", args=[case.pk]) in html and case.reference in html
    assert reverse("signal_link", args=[signal.pk]) not in html
    assert reverse("signal_decline", args=[signal.pk]) not in html


def test_it_shows_the_feedback_given(client, owner, team):
    signal = register_signal(acting_user=owner, team=team)
    services.signal_feedback_record(
        acting_user=owner,
        signal=signal,
        given_on=timezone.localdate(),
        shared="We gaan langs.",
        client_consented="not_needed",
    )
    client.force_login(owner)
    assert (
        "We gaan langs." in client.get(reverse("signal_detail", args=[signal.pk])).content.decode()
    )


def test_it_logs_the_read(client, owner, team):
    signal = register_signal(acting_user=owner, team=team)
    client.force_login(owner)
    client.get(reverse("signal_detail", args=[signal.pk]))
    entry = AccessLogEntry.objects.get()
    assert (entry.action, entry.result, entry.record_type, entry.record_id) == (
        "read",
        "allowed",
        "cases.signal",
        str(signal.pk),
    )


def test_it_logs_each_likely_duplicate_it_shows_as_a_search(client, owner, team):
    # The candidates show name, date of birth and address: registering a signal must not be a
    # way to look people up unlogged.
    by_name = open_case(acting_user=owner, team=team, first_name="Ria", last_name="Dijkstra")
    by_postcode = open_case(acting_user=owner, team=team, first_name="Kees", postcode="9999ZZ")
    open_case(acting_user=owner, team=team, first_name="Piet", last_name="Anders")
    signal = register_signal(
        acting_user=owner, team=team, subject_name="Ria Dijkstra", subject_postcode="9999ZZ"
    )
    client.force_login(owner)
    client.get(reverse("signal_detail", args=[signal.pk]))
    rows = AccessLogEntry.objects.filter(user=owner, action="search")
    assert sorted((row.record_type, row.record_id, row.client_id) for row in rows) == sorted(
        ("cases.client", str(case.client_id), case.client_id) for case in (by_name, by_postcode)
    )
    assert {(row.team_id, row.request) for row in rows} == {
        (team.pk, f"GET /signalen/{signal.pk}/")
    }


def test_it_is_a_logged_404_for_another_teams_signal(client, owner, outsider, team):
    signal = register_signal(acting_user=owner, team=team, subject_name="Geheim Persoon")
    client.force_login(outsider)
    response = client.get(reverse("signal_detail", args=[signal.pk]))
    assert response.status_code == 404
    assert "Geheim" not in response.content.decode()
    entry = AccessLogEntry.objects.get()
    assert (entry.result, entry.user, entry.team_id) == ("denied", outsider, team.pk)


def test_it_offers_no_link_without_a_client_to_link_to_and_searches_for_the_name(
    client, owner, team
):
    signal = register_signal(acting_user=owner, team=team, subject_name="Iemand Onbekend")
    client.force_login(owner)
    html = client.get(reverse("signal_detail", args=[signal.pk])).content.decode()
    assert "Koppelen aan deze cliënt" not in html
    assert 'name="assigned_worker"' not in html
    assert 'name="name" value="Iemand Onbekend"' in html
