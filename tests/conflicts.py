"""Two workers of the same team with the same form open: the helpers the "no lost updates"
tests share (outreach.versioning, templates/includes/conflict.html)."""

import re

from tests.conftest import VerifiedClient

CONFLICT_TITLE = "Iemand anders heeft dit intussen gewijzigd"


def two_workers(first, second):
    """Two browser sessions, one per worker."""
    sessions = VerifiedClient(), VerifiedClient()
    for session, user in zip(sessions, (first, second), strict=True):
        session.force_login(user)
    return sessions


def opened_version(response):
    """The version the form was opened with (its hidden expected_version)."""
    found = re.search(r'name="expected_version" value="(\d+)"', response.content.decode())
    assert found, "the form carries no expected_version"
    return int(found.group(1))


def assert_conflict_page(response, *, stored, typed):
    """A 409 in Dutch showing what the first worker saved and what the second one typed, with
    the form again carrying the stored version."""
    html = response.content.decode()
    assert response.status_code == 409
    assert CONFLICT_TITLE in html
    for text in stored + typed:
        assert text in html, text
    return html


def as_opened(record, data):
    """POST data as the form opened just now sends it: with the record's stored version, which
    every versioned form requires."""
    version = type(record)._base_manager.get(pk=record.pk).version
    return {**data, "expected_version": str(version)}
