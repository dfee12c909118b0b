"""Drawings and wide tables on a phone: every piece of text in the wijkecogram, the ZRM radar and
the team's bar chart is at least 11 px high as Chromium renders it, at 360 and 390 px; the wide
tables stack into rows of label and value without horizontal overflow."""

from datetime import timedelta

import pytest
from django.utils import timezone

from cases import services as case_services
from network.services import member_add
from tests.browser.conftest import AXE, assert_accessible, log_in
from tests.conftest import backup_code_of
from tests.zrm.factories import begin_end_case

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
    """A case with a begin and an end ZRM and a network in all four sectors, some names long."""
    case, _first, _second = begin_end_case(
        owner,
        team,
        end={"finances": 4, "housing": 5, "justice": 2},
        first_name="Ria",
        last_name="van Dijk",
    )
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
