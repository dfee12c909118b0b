"""No page is wider than a 360 px phone: each page of the app, as the worker and as the team
lead, in Chromium at 360 px, with `scrollWidth` no more than the viewport."""

import pytest
from django.urls import reverse

from cases.phases import Phase
from network.services import member_add, snapshot_take
from outreach.services import user_create, user_manager_set
from tests.browser.conftest import log_in
from tests.cases.factories import case_in_phase
from tests.conftest import PASSWORD, backup_code_of
from tests.outreach.test_record_urls import POST_ONLY, RECORD_URLS

SMALL = {"width": 360, "height": 740}
# The pages before logging in.
LOGGED_OUT_PAGES = ["/login/"]
# The manager's figures of every team.
MANAGER_PAGES = ["/organisatie/"]


@pytest.fixture
def records(records, owner, team):
    """The shared records, and what the pages the shared case is in the wrong phase for need: a
    case in the pre-phase, one with a contract (the plan), and two snapshots of the shared case's
    network to compare."""
    records["voorfase_case"] = case_in_phase(
        Phase.VOORFASE, acting_user=owner, team=team, first_name="Vera", last_name="Voorfase"
    )
    records["contract_case"] = case_in_phase(
        Phase.CONTRACT, acting_user=owner, team=team, first_name="Cas", last_name="Contract"
    )
    case = records["case"]
    snapshot_take(acting_user=owner, case=case, kind="manual", label="voor")
    member_add(acting_user=owner, case=case, name="Bram", relation="friend")
    snapshot_take(acting_user=owner, case=case, kind="manual", label="na")
    return records


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
        "/reservecodes/",
        # The phase step forms from the case's phase (eerste contact): the contract and the
        # referral, which asks the most.
        reverse("case_transition", args=[case.pk, "contract"]),
        reverse("case_transition", args=[case.pk, "doorverwijzen"]),
        reverse("prephase_edit", args=[r["voorfase_case"].pk]),
        reverse("prior_information_add", args=[r["voorfase_case"].pk]),
        reverse("plan_edit", args=[r["contract_case"].pk]),
        reverse("network_compare", args=[case.pk]),
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
TEAM_PAGES += ["/partners/nieuw/", "/vrijwilligers/nieuw/"]
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
# Pages the fixture's case is in the wrong phase for (a 404 that says so; worker_pages measures
# them with a case in the right phase), and the move to another team, which only an
# administrator opens (a 403 for the lead).
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


def manager():
    user = user_create(acting_user=None, username="manager", password=PASSWORD)
    user_manager_set(acting_user=None, user=user, manager=True)
    return user


@pytest.mark.parametrize("who", ["nobody", "owner", "lead", "manager"])
def test_it_fits_every_page_on_a_360_px_phone(browser, live_server, records, owner, lead, who):
    context = browser.new_context(base_url=live_server.url, viewport=SMALL, locale="nl-NL")
    context.set_default_timeout(10_000)
    try:
        page = context.new_page()
        if who == "nobody":
            paths = LOGGED_OUT_PAGES
        else:
            user = {"owner": owner, "lead": lead}.get(who) or manager()
            page = log_in(page, user, backup_code_of(user))
            paths = {
                "owner": lambda: worker_pages(records),
                "lead": lambda: lead_pages(records, owner),
                "manager": lambda: MANAGER_PAGES,
            }[who]()
        assert too_wide(page, paths) == []
        if who == "owner":
            # The new backup codes, shown once, after the button on the backup codes page.
            page.goto("/reservecodes/")
            page.get_by_role("button", name="Nieuwe reservecodes maken").click()
            page.get_by_role("heading", name="Je reservecodes").wait_for()
            assert page.evaluate("document.documentElement.scrollWidth") <= SMALL["width"]
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
