"""Drawings and wide tables on a phone: every piece of text in the wijkecogram, the ZRM radar and
the team's bar chart is at least 11 px high as Chromium renders it, at 360 and 390 px; the wide
tables stack into rows of label and value without horizontal overflow."""

from datetime import timedelta

import pytest
from django.utils import timezone

from cases import services as case_services
from network.services import member_add
from outreach.services import user_create, user_manager_set
from tests.browser.conftest import AXE, assert_accessible, log_in
from tests.cases.meldcode_data import start as meldcode_start
from tests.conftest import PASSWORD, backup_code_of
from tests.zrm.factories import finalised_assessment, trajectory_case

MIN_TEXT_PX = 11
WIDTHS = [360, 390]

# The height of each visible SVG text as rendered: its font size times the scale the SVG is drawn
# at (the text's screen CTM), so a label is measured the same however long it is.
TEXT_SIZES = """(selector) => [...document.querySelectorAll(selector + ' text')]
  .filter((t) => t.getClientRects().length > 0)
  .map((t) => {
    const m = t.getScreenCTM();
    const size = parseFloat(getComputedStyle(t).fontSize);
    return {text: t.textContent.trim(), px: size * Math.hypot(m.a, m.b)};
  })"""


def network_case(owner, team):
    """A case with a network in all four sectors (some names long) at its begin ZRM two months
    ago, one person more at its end ZRM today, and a meldcode trajectory."""
    case = trajectory_case(owner, team, first_name="Ria", last_name="van Dijk")
    people = [
        ("Zus Wilma van der Heijden-Bakker", "sibling", 1, {"support_emotional": "receives"}),
        ("Moeder", "parent", 2, {"support_practical": "both", "support_company": "gives"}),
        ("Buurman Henk", "neighbour", 1, {"support_practical": "receives"}),
        ("Vriendin Samira", "friend", 2, {"status": "sleeping"}),
        ("Wijkagent", "professional", 3, {"support_decisions": "receives"}),
        ("Voedselbank Oost", "organisation", 3, {"negative_influence": True}),
    ]
    for name, relation, ring, extra in people:
        member_add(acting_user=owner, case=case, name=name, relation=relation, ring=ring, **extra)
    today = timezone.localdate()
    finalised_assessment(case, owner, "begin", assessed_on=today - timedelta(days=60))
    member_add(
        acting_user=owner,
        case=case,
        name="Buurtwerk",
        relation="organisation",
        ring=3,
        support_company="receives",
    )
    finalised_assessment(
        case, owner, "end", {"finances": 4, "housing": 5, "justice": 2}, assessed_on=today
    )
    meldcode_start(acting_user=owner, case=case)
    return case


def signals_from_sources(owner, team):
    today = timezone.localdate()
    for i, source in enumerate(["police", "housing", "caretaker", "lthg", "police"]):
        case_services.signal_register(
            acting_user=owner,
            team=team,
            received_on=today - timedelta(days=i),
            source=source,
            subject_name=f"Bewoner {i}",
            observed="Zorgen over de woning",
        )


def smallest(page, selector):
    """The smallest text in the drawing(s) matched, checking the page with axe on the way."""
    assert_accessible(page)
    sizes = page.evaluate(TEXT_SIZES, selector)
    assert sizes, f"no visible text in {selector}"
    return min(sizes, key=lambda s: s["px"])


@pytest.fixture
def phone_page(browser, live_server):
    contexts = []

    def open_page(user, width):
        context = browser.new_context(
            base_url=live_server.url, viewport={"width": width, "height": 800}, locale="nl-NL"
        )
        context.set_default_timeout(10_000)
        context.add_init_script(path=str(AXE))
        contexts.append(context)
        return log_in(context.new_page(), user, backup_code_of(user))

    yield open_page
    for context in contexts:
        context.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_it_draws_every_text_at_least_11_px_high(phone_page, owner, lead, team, width):
    case = network_case(owner, team)
    signals_from_sources(owner, team)
    measured = {}
    page = phone_page(owner, width)
    page.goto(f"/casussen/{case.pk}/netwerk/")
    measured["wijkecogram"] = smallest(page, "svg.ecogram")
    page.goto(f"/casussen/{case.pk}/zrm/")
    measured["zrm radar"] = smallest(page, "svg.zrm-radar")
    measured["wijkecogram (ZRM tab)"] = smallest(page, "section.network-story svg.ecogram")
    page = phone_page(lead, width)
    page.goto(f"/teams/{team.pk}/")
    measured["team bars"] = smallest(page, "svg.bars")
    assert {k: v for k, v in measured.items() if v["px"] < MIN_TEXT_PX} == {}


# Every table on the page: whether it (or the box it scrolls in) is wider than it may be, and per
# stacked table the cells whose label (the data-label shown before the value) is missing.
TABLES = """() => [...document.querySelectorAll('main table')]
  .filter((t) => t.getClientRects().length > 0)
  .map((t) => {
    const box = t.parentElement;
    const cells = [...t.querySelectorAll(':scope > tbody > tr > td')];
    return {
      table: t.id || t.className || t.querySelector('caption')?.textContent.trim(),
      stacked: t.classList.contains('stack'),
      overflow: Math.max(t.scrollWidth - t.clientWidth, box.scrollWidth - box.clientWidth,
                         t.getBoundingClientRect().right - window.innerWidth),
      cells: cells.length,
      unlabelled: cells.filter((c) => c.dataset.label !== undefined
        && getComputedStyle(c, '::before').content !== JSON.stringify(c.dataset.label))
        .map((c) => c.dataset.label),
      labelled: cells.filter((c) => c.dataset.label).length,
    };
  })"""


def fits_and_labelled(table):
    no_labels = table["stacked"] and table["cells"] and not table["labelled"]
    return table["overflow"] <= 0 and not table["unlabelled"] and not no_labels


def table_pages(case, team):
    return {
        "owner": [
            f"/casussen/{case.pk}/netwerk/",
            f"/casussen/{case.pk}/zrm/",
            f"/casussen/{case.pk}/netwerk/vergelijken/",
            f"/casussen/{case.pk}/",
            f"/clienten/{case.client.pk}/",
        ],
        "lead": [
            f"/teams/{team.pk}/",
            f"/teams/{team.pk}/zrm/",
            f"/teams/{team.pk}/netwerk/",
            f"/teams/{team.pk}/meldcode/",
        ],
        "manager": ["/organisatie/"],
    }


def test_it_stacks_wide_tables_into_labelled_rows_on_a_phone(phone_page, owner, lead, team):
    case = network_case(owner, team)
    signals_from_sources(owner, team)
    manager = user_create(acting_user=None, username="manager", password=PASSWORD)
    user_manager_set(acting_user=None, user=manager, manager=True)
    users = {"owner": owner, "lead": lead, "manager": manager}
    labelled, bad = {}, []  # table -> its labelled cells
    for who, paths in table_pages(case, team).items():
        page = phone_page(users[who], 360)
        for path in paths:
            page.goto(path)
            page.wait_for_load_state("networkidle")
            for table in page.evaluate(TABLES):
                labelled[table["table"]] = labelled.get(table["table"], 0) + table["labelled"]
                if not fits_and_labelled(table):
                    bad.append((path, table))
            assert_accessible(page)
    assert bad == []
    wide = [
        "caseload stack stack-compact stack-sort",
        "sources stack stack-compact",
        "network-members stack",
        "zrm-comparison stack",
        "zrm-outcomes stack stack-compact",
        "activation stack",
        "meldcode-overview stack",
        "organisation-figures",
    ]
    assert {name: labelled.get(name, 0) for name in wide if not labelled.get(name)} == {}


def test_it_keeps_the_tables_real_tables_on_a_desktop(phone_page, owner, team):
    case = network_case(owner, team)
    page = phone_page(owner, 1280)
    page.goto(f"/casussen/{case.pk}/netwerk/")
    table = page.locator("table.network-members")
    assert table.evaluate("t => getComputedStyle(t).display") == "table"
    assert table.locator("thead").is_visible()
    assert table.locator("td[data-label]").first.evaluate(
        "c => getComputedStyle(c, '::before').content"
    ) in ("none", "normal")
    assert page.locator("svg.ecogram-phone").is_hidden()
    assert page.locator("svg.ecogram:not(.ecogram-phone) text", has_text="Zus Wilma").count() == 1
