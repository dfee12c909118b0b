import pytest
from django.core.exceptions import ValidationError
from django.http import Http404
from django.test import RequestFactory, override_settings

from outreach.access import get_for_user, log_access, log_records, origin_ip
from outreach.models import AccessLogEntry, Team


def request_for(user, path="/teams/1/", **meta):
    request = RequestFactory().get(path, **meta)
    request.user = user
    return request


def test_it_writes_who_what_when_and_where_but_no_content(owner, team):
    log_access(request_for(owner, REMOTE_ADDR="10.1.2.3"), action="read", record=team)
    entry = AccessLogEntry.objects.get()
    assert entry.user == owner
    assert entry.team == team
    assert entry.record_type == "outreach.team"
    assert entry.record_id == str(team.pk)
    assert entry.ip_address == "10.1.2.3"
    assert entry.request == "GET /teams/1/"
    assert entry.at.utcoffset().total_seconds() == 0


def test_it_is_append_only(owner, team):
    log_access(request_for(owner), action="read", record=team)
    entry = AccessLogEntry.objects.get()
    with pytest.raises(ValidationError):
        entry.save()
    with pytest.raises(ValidationError):
        entry.delete()
    with pytest.raises(ValidationError):
        AccessLogEntry.objects.update(action="change")
    with pytest.raises(ValidationError):
        AccessLogEntry.objects.all().delete()
    assert AccessLogEntry.objects.get().action == "read"


def test_it_escapes_newlines_in_logged_values(owner):
    log_access(
        request_for(owner), action="search", record_type="search", record_id="1\nforged line"
    )
    entry = AccessLogEntry.objects.get()
    assert "\n" not in entry.record_id
    assert entry.record_id == "1\\nforged line"


def test_it_returns_a_visible_record_and_logs_the_read(owner, team):
    assert get_for_user(request_for(owner), Team.objects.all(), team.pk) == team
    assert AccessLogEntry.objects.get().result == "allowed"


def test_it_raises_404_for_another_teams_record_and_logs_the_denial(outsider, team):
    with pytest.raises(Http404):
        get_for_user(request_for(outsider), Team.objects.all(), team.pk)
    entry = AccessLogEntry.objects.get()
    assert (entry.result, entry.team_id) == ("denied", team.pk)


def test_it_raises_404_for_a_record_that_does_not_exist(owner):
    with pytest.raises(Http404):
        get_for_user(request_for(owner), Team.objects.all(), 999)
    assert AccessLogEntry.objects.get().team_id is None


def test_it_uses_remote_addr_unless_proxies_are_trusted(owner):
    meta = {"REMOTE_ADDR": "10.0.0.1", "HTTP_X_FORWARDED_FOR": "203.0.113.7, 198.51.100.2"}
    assert origin_ip(request_for(owner, **meta)) == "10.0.0.1"
    with override_settings(TRUSTED_PROXY_COUNT=1):
        assert origin_ip(request_for(owner, **meta)) == "198.51.100.2"
    with override_settings(TRUSTED_PROXY_COUNT=2):
        assert origin_ip(request_for(owner, **meta)) == "203.0.113.7"


def test_it_offers_the_log_read_only_in_the_admin(client, owner, team, admin_user):
    log_access(request_for(owner), action="read", record=team)
    client.force_login(admin_user)
    entry = AccessLogEntry.objects.get()
    assert client.get("/admin/outreach/accesslogentry/").status_code == 200
    assert client.get(f"/admin/outreach/accesslogentry/{entry.pk}/delete/").status_code == 403
    client.post(f"/admin/outreach/accesslogentry/{entry.pk}/change/", {"action": "change"})
    assert AccessLogEntry.objects.get().action == "read"


def test_it_logs_every_client_a_search_showed_and_never_the_search_terms(client, owner, team):
    from cases.services import client_create

    found = [
        client_create(acting_user=owner, team=team, first_name="Anna", last_name=f"Zoekmans{i}")
        for i in range(3)
    ]
    client.force_login(owner)
    client.post("/zoeken/", {"name": "Zoekmans"})
    rows = AccessLogEntry.objects.filter(user=owner, action="search")
    assert sorted(rows.values_list("client_id", flat=True)) == sorted(c.pk for c in found)
    for row in rows:
        assert "Zoekmans" not in " ".join(str(v) for v in row.__dict__.values())


def test_it_logs_a_workers_attempt_to_open_the_team_page_as_denied(client, owner, team):
    client.force_login(owner)
    assert client.get(f"/teams/{team.pk}/").status_code == 403
    entry = AccessLogEntry.objects.get(user=owner)
    assert (entry.result, entry.team_id) == ("denied", team.pk)


def test_it_escapes_newlines_in_the_logged_request_path(owner, team):
    request = request_for(owner, path="/teams/1/%0D%0A2026-01-01 admin read cases.client/")
    log_access(request, action="read", record=team)
    log_records(request, action="read", records=[team], record_type="outreach.team")
    entries = AccessLogEntry.objects.filter(record_type="outreach.team")
    assert len(entries) == 2
    for entry in entries:
        assert "\n" not in entry.request and "\r" not in entry.request
        assert entry.request.startswith("GET /teams/1/\\r\\n2026-01-01")
