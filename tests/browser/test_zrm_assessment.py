"""A worker takes a begin ZRM on a phone, scoring every domain with the keyboard only, and
downloads the report."""

import io
import re
import time

from playwright.sync_api import expect
from pypdf import PdfReader

from cases.phases import Phase
from network.services import member_add
from tests.browser.conftest import assert_accessible
from tests.cases.factories import case_in_phase
from zrm.models import ZrmAssessment, ZrmDomain, ZrmScore

#        fin  day  hou  dom  men  phy  add  adl  soc  com  jus
LEVELS = [1, 3, 2, 5, 4, 1, 2, 3, 4, 2, 1]


def tab_until(page, condition, limit=12):
    """Press Tab until `condition` (JS, about document.activeElement) holds."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"(el => {condition})(document.activeElement)"):
            return
    raise AssertionError(f"Tab did not reach: {condition}")


def wait_for_scores(assessment, expected, timeout=5):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        levels = list(
            ZrmScore.objects.filter(assessment=assessment)
            .order_by("domain__order")
            .values_list("level", flat=True)
        )
        if levels == expected:
            return
        time.sleep(0.05)
    raise AssertionError(f"autosaved {levels}, expected {expected}")


def test_it_scores_every_domain_by_keyboard_and_downloads_the_report(login_as, owner, team):
    case = case_in_phase(
        Phase.TRAJECT_BEGIN, acting_user=owner, team=team, first_name="Ria", last_name="van Dijk"
    )
    # Someone on the map, so finalising asks nothing about an empty map (test_network_begin.py).
    member_add(acting_user=owner, case=case, name="Zus Wilma", relation="sibling")
    domains = list(ZrmDomain.objects.filter(matrix__key="2013").order_by("order"))
    page = login_as(owner, case.get_absolute_url())

    page.locator(f".case-tabs a[href$='/casussen/{case.pk}/zrm/']").click()
    page.locator("#new-assessment").click()  # htmx loads the form into the opened section
    page.locator("input[name=kind][value=begin]").check()
    page.locator(f"form[action$='/casussen/{case.pk}/zrm/nieuw/'] button[type=submit]").click()
    page.locator("form.zrm-form").wait_for()
    assessment = ZrmAssessment.objects.get(case=case)
    assert page.url.endswith(f"/zrm/{assessment.pk}/")
    assert_accessible(page)
    status = page.locator("#save-status")
    assert status.inner_text().strip() == ""

    # Keyboard only: Tab to each domain's radio group, arrows to the level (each arrow press
    # selects the next level), Space to select level 1 where the group starts.
    for i, (domain, level) in enumerate(zip(domains, LEVELS, strict=True)):
        # From the top of the page past the menu to the first domain; then reason and note.
        tab_until(page, f"el.name === 'level_{domain.pk}'", limit=40 if i == 0 else 4)
        assert page.evaluate("document.activeElement.value") == "1"
        if level == 1:
            page.keyboard.press("Space")
        for _ in range(level - 1):
            page.keyboard.press("ArrowRight" if i % 2 else "ArrowDown")
        radio = page.locator(f"input[name=level_{domain.pk}][value='{level}']")
        expect(radio).to_be_checked()
        expect(radio).to_be_focused()
    expect(status).to_have_text(re.compile(r"\d\d:\d\d"))
    wait_for_scores(assessment, LEVELS)

    tab_until(page, "el.name === 'action' && el.value === 'finalise'", limit=5)
    page.keyboard.press("Enter")

    page.wait_for_url(f"**/casussen/{case.pk}/zrm/")
    assessment.refresh_from_db()
    assert assessment.status == "final"
    # On a phone the chart numbers its axes and lists the domains under it.
    chart = page.locator("svg.zrm-radar-phone")
    expect(chart).to_be_visible()
    labels = chart.locator("text[text-anchor]")
    expect(labels).to_have_count(11)
    assert labels.all_text_contents() == [str(n) for n in range(1, 12)]
    assert page.locator("ol.radar-key li").all_text_contents() == [d.name for d in domains]
    expect(page.locator("table.zrm-comparison tbody tr")).to_have_count(11)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert_accessible(page)

    with page.expect_download() as download:
        page.locator(f"a[href$='/casussen/{case.pk}/zrm/rapport/']").click()
    pdf = open(download.value.path(), "rb").read()  # noqa: PTH123, SIM115
    assert pdf.startswith(b"%PDF")
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    assert "Ria van Dijk" in text and case.reference in text
    assert download.value.suggested_filename == f"zrm-{case.reference}.pdf"
