"""No page is wider than a 360 px phone: each page of the app, as the worker and as the team
lead, in Chromium at 360 px, with `scrollWidth` no more than the viewport."""

import pytest
from django.urls import reverse

from tests.browser.conftest import log_in
from tests.conftest import backup_code_of
from tests.outreach.test_record_urls import POST_ONLY, RECORD_URLS

SMALL = {"width": 360, "height": 740}


def worker_pages(r):
    case, client = r["case"], r["client"]
    return [
        "/",
        "/week/",
        "/signalen/",
        "/signalen/nieuw/",
        "/zoeken/",
        f"/signalen/{r['waiting_signal'].pk}/",
        f"/signalen/{r['signal'].pk}/",
        f"/clienten/{client.pk}/",
        f"/clienten/{client.pk}/bewerken/",
        f"/casussen/{case.pk}/",
        f"/casussen/{case.pk}/contact/",
        f"/casussen/{case.pk}/poging/",
        f"/casussen/{case.pk}/afspraak/",
        f"/casussen/{case.pk}/bezoek-plannen/",
        f"/zrm/{r['assessment'].pk}/",
        f"/casussen/{case.pk}/zrm/",
        f"/casussen/{case.pk}/netwerk/",
    ]


def lead_pages(r, owner):
    team = r["team"]
    return [
        f"/teams/{team.pk}/",
        f"/teams/{team.pk}/week/",
        f"/teams/{team.pk}/werkers/{owner.pk}/",
        f"/teams/{team.pk}/drempels/",
        f"/teams/{team.pk}/zrm/",
        f"/teams/{team.pk}/netwerk/",
        f"/clienten/{r['client'].pk}/toegangslog/",
    ]


# Pages without a record of their own (lists, new-record forms) that the lists above leave out.
TEAM_PAGES = ["/overleggen/", "/overleggen/nieuw/", "/partners/", "/vrijwilligers/"]
# Files, not pages: a PDF, a CSV, JSON.
DOWNLOADS = {
    "client_inspection_pdf",
    "client_inspection_json",
    "meldcode_pdf",
    "meldcode_export",
    "team_export",
    "team_year_export",
    "zrm_report",
}
# Pages the fixture's case is in the wrong phase for (a 404 that says so), and the move to
# another team, which only an administrator opens (a 403 for the lead).
NOT_FOR_THIS_CASE = {"case_transition", "prephase_edit", "prior_information_add", "plan_edit"}
NOT_FOR_THIS_CASE |= {"network_compare"}
ADMIN_ONLY = {"case_move"}


def record_pages(records):
    """Every page that opens a record (tests/outreach/test_record_urls.py walks the same URL
    patterns), so a page added with a record id is measured here too."""
    paths = []
    for name, build in RECORD_URLS.items():
        if name in POST_ONLY | DOWNLOADS | NOT_FOR_THIS_CASE | ADMIN_ONLY:
            continue
        kwargs, _record_type, _record_id = build(records)
        paths.append(reverse(name, kwargs=kwargs))
    return paths


def too_wide(page, paths):
    wide = []
    for path in paths:
        response = page.goto(path)
        assert response.status == 200, (path, response.status)
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > SMALL["width"]:
            wide.append((path, width))
    return wide


@pytest.mark.parametrize("who", ["owner", "lead"])
def test_it_fits_every_page_on_a_360_px_phone(browser, live_server, records, owner, lead, who):
    context = browser.new_context(base_url=live_server.url, viewport=SMALL, locale="nl-NL")
    context.set_default_timeout(10_000)
    try:
        user = owner if who == "owner" else lead
        page = log_in(context.new_page(), user, backup_code_of(user))
        paths = worker_pages(records) if who == "owner" else lead_pages(records, owner)
        assert too_wide(page, paths) == []
    finally:
        context.close()


def test_it_fits_every_page_with_a_record_on_a_360_px_phone(browser, live_server, records, lead):
    context = browser.new_context(base_url=live_server.url, viewport=SMALL, locale="nl-NL")
    context.set_default_timeout(10_000)
    try:
        page = log_in(context.new_page(), lead, backup_code_of(lead))
        paths = [*TEAM_PAGES, *record_pages(records)]
        assert len(paths) > 50
        assert too_wide(page, paths) == []
    finally:
        context.close()
