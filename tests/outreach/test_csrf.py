"""Point 14: every URL of ours refuses a POST without a CSRF token with a 403 (our Dutch "form
expired" page), with or without htmx, and nothing changes. The URLs are walked from the resolver,
so a new one is covered without being listed."""

import pytest
from django.urls import reverse

from outreach.models import AccessLogEntry
from tests.conftest import VerifiedClient
from tests.outreach.test_free_text_input import state
from tests.outreach.test_record_urls import RECORD_URLS
from tests.urlwalk import our_patterns

PATTERNS = our_patterns()

# What a form would post, so the view would act on it if the token were not checked.
DATA = {
    "text": "x",
    "description": "x",
    "responsible": "client",
    "status": "done",
    "reason": "Zo besloten.",
    "name": "Wit",
    "label": "x",
    "kind": "begin",
    "assessed_on": "2026-01-01",
    "relation": "friend",
    "ring": 1,
    "observed": "x",
    "source": "police",
    "username": "owner",
    "password": "x",
}


def _kwargs(name, converters, records):
    if name in RECORD_URLS:
        return RECORD_URLS[name](records)[0]
    return dict.fromkeys(converters, 1)


def everything(records):
    case = type(records["case"]).objects.get(pk=records["case"].pk)
    return (
        state(),
        case.phase,
        case.assigned_worker_id,
        AccessLogEntry.objects.filter(action=AccessLogEntry.Action.CHANGE).count(),
    )


@pytest.mark.parametrize("htmx", [False, True], ids=["plain", "htmx"])
@pytest.mark.parametrize(("name", "converters"), PATTERNS, ids=[n for n, _c in PATTERNS])
def test_it_refuses_a_post_without_a_csrf_token(records, lead, name, converters, htmx):
    browser = VerifiedClient(enforce_csrf_checks=True)
    browser.force_login(lead)
    # The URL first: some record URLs make their record (a partner organisation) when asked.
    url = reverse(name, kwargs=_kwargs(name, converters, records))
    before = everything(records)
    headers = {"HTTP_HX_REQUEST": "true"} if htmx else {}
    response = browser.post(url, DATA, **headers)
    assert response.status_code == 403
    assert "Formulier verlopen" in response.content.decode()
    assert everything(records) == before


def test_a_post_with_the_token_gets_through(records, lead):
    """The check above is the token's doing: the same post with a token is accepted."""
    browser = VerifiedClient(enforce_csrf_checks=True)
    browser.force_login(lead)
    page = browser.get(reverse("event_correct", args=[records["event"].pk]))
    token = page.cookies["csrftoken"].value if "csrftoken" in page.cookies else None
    token = token or page.context["csrf_token"]
    before = records["case"].events.count()
    response = browser.post(
        reverse("event_correct", args=[records["event"].pk]),
        {"text": "x", "csrfmiddlewaretoken": str(token)},
    )
    assert response.status_code == 302
    assert records["case"].events.count() == before + 1
