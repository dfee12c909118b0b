"""No page is wider than a 360 px phone: each page of the app, as the worker and as the team
lead, in Chromium at 360 px, with `scrollWidth` no more than the viewport."""

import pytest

from tests.browser.conftest import log_in
from tests.conftest import backup_code_of

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
