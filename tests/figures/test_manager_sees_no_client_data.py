"""A manager walks every URL of ours (GET and POST) with one record of every kind present: no
client name, case page or per-client export, and nothing changes."""

import pytest
from django.urls import reverse
from django.utils import timezone

from outreach.models import AccessLogEntry
from tests.outreach.test_record_urls import RECORD_URLS, snapshot
from tests.urlwalk import our_patterns, sample_path

# What the `records` fixture wrote that belongs to the client: none of it may reach a manager.
CLIENT_TEXT = ["Kees", "de Wit", "Verwaarloosd", "Post openen", "Buurvrouw"]
# Pages a manager may open: their own, and the account pages everyone has.
# Typed into every search and form: would find the client if the manager could see them.
QUERY = {"q": "e", "name": "e"}
OPEN_TO_MANAGER = {
    "organisation_figures",
    "yearly_report_pdf",
    "yearly_report_csv",
    "login",
    "set_language",
    "backup_codes",
    "otp_verify",
    "otp_setup",
    "home",
    "my_week",
    "signal_list",
    "search",
}


def _path(name, converters, records):
    if name in RECORD_URLS:
        return reverse(name, kwargs=RECORD_URLS[name](records)[0])
    if converters == ("year",):
        return reverse(name, kwargs={"year": timezone.localdate().year})
    return sample_path(name, converters)


@pytest.mark.parametrize("method", ["get", "post"])
def test_it_shows_a_manager_no_client_data_anywhere(client, records, manager, method):
    client.force_login(manager)
    for build in RECORD_URLS.values():  # records some URLs build on first use, made up front
        build(records)
    before = snapshot()
    reached = []
    for name, converters in our_patterns():
        if name in ("logout", "oidc_authentication_init", "oidc_authentication_callback"):
            continue
        response = getattr(client, method)(_path(name, converters, records), QUERY)
        body = b"".join(response) if response.streaming else response.content
        text = body.decode(errors="replace")
        assert not [word for word in CLIENT_TEXT if word in text], name
        if response.status_code == 200:
            reached.append(name)
    assert snapshot() == before
    assert set(reached) <= OPEN_TO_MANAGER
    # Every refusal of a record was written to the access log as denied, none as allowed.
    assert (
        not AccessLogEntry.objects.filter(user=manager, client_id__isnull=False)
        .exclude(result="denied")
        .exists()
    )
