"""Every URL that takes a record id: a user of another team gets a 404 on GET and POST, and the
attempt is in the access log. A new URL with a record id fails the first test until it is added
to RECORD_URLS with a way to build its record."""

import pytest
from django.urls import reverse

from outreach.models import AccessLogEntry
from tests.urlwalk import record_url_names

# url name -> function(records) -> (kwargs, record type logged, record id logged)
RECORD_URLS = {
    "team_detail": lambda r: ({"team_id": r["team"].pk}, "outreach.team", r["team"].pk),
}


@pytest.fixture
def records(team, owner):
    """One record of every kind, in `team`, made through the services."""
    return {"team": team}


def test_it_covers_every_url_that_takes_a_record_id():
    assert record_url_names() == sorted(RECORD_URLS)


@pytest.mark.parametrize("name", sorted(RECORD_URLS))
@pytest.mark.parametrize("method", ["get", "post"])
def test_it_is_a_404_for_another_team_and_logged(client, records, outsider, name, method):
    kwargs, record_type, record_id = RECORD_URLS[name](records)
    client.force_login(outsider)
    response = getattr(client, method)(reverse(name, kwargs=kwargs))
    assert response.status_code == 404
    entry = AccessLogEntry.objects.get(user=outsider)
    assert entry.result == AccessLogEntry.Result.DENIED
    assert (entry.record_type, entry.record_id) == (record_type, str(record_id))
