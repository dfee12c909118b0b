"""A client's file moved to another team after one of their cases was deleted, and that case
then restored: the old team finds nothing of the client on any page, the new team opens every
record of both cases (the walk over every record URL of tests/outreach/test_record_urls.py)."""

import pytest
from django.urls import reverse

from cases import services
from cases.models import Case, Client, Signal
from outreach.models import AccessLogEntry
from tests.cases.factories import open_case
from tests.outreach.test_deleted_records import CLIENT_URLS
from tests.outreach.test_record_urls import (
    POST_ONLY,
    RECORD_URLS,
    _coworker_ids,
    _volunteer_request_ids,
)


@pytest.fixture
def moved(records, owner, lead, other_team, outsider, admin_user):
    """The `records` case (open) deleted by mistake, a second case opened for the client, the file
    moved to the other team with that case, which is then closed there, and the deleted case
    restored: open again, with its old worker."""
    gone = records["case"]
    _coworker_ids(records)  # a colleague covering it before it all happened
    _volunteer_request_ids(records)  # and a volunteer asked for, from the old team's catalogue
    services.case_delete(acting_user=lead, case=gone, reason="Per ongeluk verwijderd.")
    kept = open_case(acting_user=owner, team=records["team"], client=records["client"])
    services.case_move_team(
        acting_user=admin_user,
        case=kept,
        to_team=other_team,
        assigned_worker=outsider,
        reason="Verhuisd naar Zuid.",
    )
    services.case_transition(
        acting_user=outsider, case=kept, move="niet-passend", reason="Dubbel met de eerste."
    )
    services.case_restore(acting_user=admin_user, case=gone)
    return {**records, "case": Case.objects.get(pk=gone.pk), "kept": kept}


def traces(moved):
    """What would show that a page is about this client's file."""
    cases = [moved["case"], moved["kept"]]
    return [
        moved["client"].get_absolute_url(),
        *[case.reference for case in cases],
        *[case.get_absolute_url() for case in cases],
        *[s.get_absolute_url() for s in Signal.objects.filter(case__in=cases)],
    ]


def opened(client, user, name, url):
    """Request url as user (POST for a POST-only view, with nothing in it): the status, and
    whether the access layer refused it (logged as denied). A page may answer 404 for the state
    of its record too (a step not possible in this phase) without a denial."""
    client.force_login(user)
    before = AccessLogEntry.objects.filter(user=user, result="denied").count()
    status = (client.post(url, {}) if name in POST_ONLY else client.get(url)).status_code
    assert status != 500, url
    return status, AccessLogEntry.objects.filter(user=user, result="denied").count() > before


@pytest.mark.parametrize("name", CLIENT_URLS)
def test_it_is_a_404_in_the_old_team_and_opens_for_the_new_teams_lead(
    client, moved, owner, lead, outsider_lead, name
):
    kwargs, _record_type, _record_id = RECORD_URLS[name](moved)
    url = reverse(name, kwargs=kwargs)
    for user in (owner, lead):
        assert opened(client, user, name, url) == (404, True), (user, url)
    _status, denied = opened(client, outsider_lead, name, url)
    assert not denied, url


def test_it_leaves_no_trace_on_the_old_teams_lists_search_and_team_pages(
    client, moved, owner, lead, team
):
    pages = [
        (owner, "get", reverse("home"), {}),
        (owner, "get", reverse("signal_list"), {}),
        (owner, "post", reverse("search"), {"name": "Wit"}),
        (lead, "post", reverse("search"), {"name": "Wit"}),
        (lead, "get", reverse("team_detail", args=[team.pk]), {}),
        (lead, "get", reverse("team_worker", args=[team.pk, owner.pk]), {}),
        (lead, "get", reverse("team_export", args=[team.pk, "caseload"]), {}),
        (lead, "get", reverse("team_export", args=[team.pk, "aandacht"]), {}),
    ]
    for user, method, url, data in pages:
        client.force_login(user)
        response = getattr(client, method)(url, data)
        assert response.status_code == 200, url
        text = response.content.decode("utf-8")
        for trace in traces(moved):
            assert trace not in text, (url, trace)


def test_it_shows_the_whole_file_to_the_new_team(
    client, moved, outsider, outsider_lead, other_team
):
    client.force_login(outsider)
    found = client.post(reverse("search"), {"name": "Wit"}).content.decode()
    assert moved["client"].get_absolute_url() in found
    page = client.get(moved["client"].get_absolute_url()).content.decode()
    for case in (moved["case"], moved["kept"]):
        assert case.reference in page
        assert client.get(case.get_absolute_url()).status_code == 200
    for signal in Signal.objects.filter(case__client=moved["client"]):
        assert client.get(signal.get_absolute_url()).status_code == 200
    client.force_login(outsider_lead)
    assert client.get(reverse("team_detail", args=[other_team.pk])).status_code == 200
    # The restored open case kept its worker of the old team: the lead finds it under them on
    # the team page, to reassign.
    restored = moved["case"]
    worker_page = client.get(
        reverse("team_worker", args=[other_team.pk, restored.assigned_worker_id])
    )
    assert restored.reference in worker_page.content.decode()
    assert Client.objects.get(pk=moved["client"].pk).team == other_team
