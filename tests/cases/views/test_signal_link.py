import re

from django.urls import reverse

from cases import services
from cases.models import Case, Signal, TimelineEvent
from cases.phases import Phase
from outreach.models import AccessLogEntry
from tests.cases.factories import case_in_phase, client_fields, open_case, register_signal


def make_client(user, team, **fields):
    return services.client_create(acting_user=user, team=team, **client_fields(**fields))


def state():
    """What a refused link must leave alone."""
    return {
        "cases": Case.objects.count(),
        "events": TimelineEvent.objects.count(),
        "signals": list(Signal.objects.order_by("id").values_list("status", "case_id")),
    }


def choices_block(html):
    return re.search(r'<fieldset id="client-choices".*?</fieldset>', html, re.S).group(0)


def test_it_opens_a_case_for_a_known_client_without_one(client, owner, colleague, team):
    known = make_client(owner, team, last_name="Dijkstra")
    signal = register_signal(acting_user=owner, team=team, subject_name="Ria Dijkstra")
    client.force_login(owner)
    response = client.post(
        reverse("signal_link", args=[signal.pk]),
        {"client": known.pk, "assigned_worker": colleague.pk},
    )
    case = Case.objects.get()
    assert response.status_code == 302 and response.url == case.get_absolute_url()
    assert (case.client, case.assigned_worker, case.phase) == (known, colleague, Phase.SIGNAAL)
    signal.refresh_from_db()
    assert (signal.status, signal.case, signal.decided_by) == ("accepted", case, owner)
    assert case.events.filter(kind="signal").count() == 1


def test_it_adds_the_signal_to_the_clients_open_case(client, owner, colleague, team):
    case = case_in_phase(Phase.EERSTE_CONTACT, acting_user=owner, team=team, last_name="Dijkstra")
    signal = register_signal(acting_user=owner, team=team, subject_name="Ria Dijkstra")
    client.force_login(owner)
    response = client.post(
        reverse("signal_link", args=[signal.pk]),
        {"client": case.client_id, "assigned_worker": colleague.pk},
    )
    assert response.status_code == 302 and response.url == case.get_absolute_url()
    assert Case.objects.count() == 1
    case.refresh_from_db()
    assert (case.phase, case.assigned_worker) == (Phase.EERSTE_CONTACT, owner)
    signal.refresh_from_db()
    assert (signal.status, signal.case_id) == ("accepted", case.pk)
    assert case.events.filter(kind="signal").count() == 2


def test_it_refuses_another_teams_client_and_changes_nothing(
    client, owner, outsider, team, other_team
):
    theirs = open_case(acting_user=outsider, team=other_team, last_name="Dijkstra").client
    signal = register_signal(acting_user=owner, team=team, subject_name="Ria Dijkstra")
    before = state()
    client.force_login(owner)
    response = client.post(
        reverse("signal_link", args=[signal.pk]), {"client": theirs.pk, "assigned_worker": owner.pk}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert 'class="field-error"' in choices_block(html)
    assert f'value="{theirs.pk}"' not in choices_block(html)
    assert state() == before


def test_it_refuses_a_worker_of_another_team_and_keeps_the_chosen_client(
    client, owner, outsider, team
):
    known = make_client(owner, team, last_name="Dijkstra")
    signal = register_signal(acting_user=owner, team=team, subject_name="Ria Dijkstra")
    before = state()
    client.force_login(owner)
    html = client.post(
        reverse("signal_link", args=[signal.pk]),
        {"client": known.pk, "assigned_worker": outsider.pk},
    ).content.decode()
    assert 'id="id_assigned_worker_error"' in html
    assert re.search(rf'name="client" value="{known.pk}"\s*checked', html)
    assert state() == before


def test_it_keeps_a_client_found_by_search_chosen_when_the_form_has_an_error(
    client, owner, outsider, team
):
    """The client was found through the search (not a likely duplicate): after an error the
    worker must still see it chosen rather than pick it again."""
    found = make_client(owner, team, first_name="Wim", last_name="Zoetemelk")
    signal = register_signal(acting_user=owner, team=team, subject_name="Iemand Onbekend")
    client.force_login(owner)
    html = client.post(
        reverse("signal_link", args=[signal.pk]),
        {"client": found.pk, "assigned_worker": outsider.pk},
    ).content.decode()
    assert 'id="id_assigned_worker_error"' in html
    assert re.search(rf'name="client" value="{found.pk}"\s*checked', html)


def test_it_asks_to_choose_a_client(client, owner, team):
    signal = register_signal(acting_user=owner, team=team, subject_name="Ria Dijkstra")
    before = state()
    client.force_login(owner)
    html = client.post(
        reverse("signal_link", args=[signal.pk]), {"assigned_worker": owner.pk}
    ).content.decode()
    assert 'class="field-error"' in choices_block(html)
    assert state() == before


def test_it_refuses_a_signal_that_was_already_decided(client, owner, team):
    known = make_client(owner, team, last_name="Dijkstra")
    signal = register_signal(acting_user=owner, team=team, subject_name="Ria Dijkstra")
    services.signal_decline(acting_user=owner, signal=signal, reason="no_concern")
    before = state()
    client.force_login(owner)
    response = client.post(
        reverse("signal_link", args=[signal.pk]), {"client": known.pk, "assigned_worker": owner.pk}
    )
    html = response.content.decode()
    assert response.status_code == 200
    # The page now shows the decision instead of offering to link again.
    assert f'action="{reverse("signal_link", args=[signal.pk])}"' not in html
    assert state() == before


def test_it_logs_the_change_to_the_signal_and_the_case(client, owner, team):
    known = make_client(owner, team, last_name="Dijkstra")
    signal = register_signal(acting_user=owner, team=team, subject_name="Ria Dijkstra")
    client.force_login(owner)
    client.post(
        reverse("signal_link", args=[signal.pk]), {"client": known.pk, "assigned_worker": owner.pk}
    )
    case = Signal.objects.get(pk=signal.pk).case
    entries = AccessLogEntry.objects.filter(action="change").order_by("id")
    assert [(e.record_type, e.record_id, e.team_id, e.client_id) for e in entries] == [
        ("cases.signal", str(signal.pk), team.pk, None),
        ("cases.case", str(case.pk), team.pk, known.pk),
    ]


def test_it_is_a_404_for_another_teams_signal(client, owner, outsider, team, other_team):
    theirs = make_client(outsider, other_team, last_name="Dijkstra")
    signal = register_signal(acting_user=owner, team=team, subject_name="Ria Dijkstra")
    before = state()
    client.force_login(outsider)
    response = client.post(
        reverse("signal_link", args=[signal.pk]),
        {"client": theirs.pk, "assigned_worker": outsider.pk},
    )
    assert response.status_code == 404
    assert state() == before


def test_it_is_post_only(client, owner, team):
    signal = register_signal(acting_user=owner, team=team)
    client.force_login(owner)
    assert client.get(reverse("signal_link", args=[signal.pk])).status_code == 405
