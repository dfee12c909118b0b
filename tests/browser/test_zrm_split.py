"""A worker on a phone scores a domain with its sources, a reason and the split of what carries
the level. The draft keeps the split as it is typed; finalising refuses one that does not add up
to 100%, by the split, and the fixed one is saved."""

import time

from playwright.sync_api import expect

from cases.phases import Phase
from network.services import member_add
from tests.cases.factories import case_in_phase
from tests.zrm.factories import domain
from zrm import services
from zrm.models import ZrmScore

SCREENSHOT = "/tmp/zrm-split-phone.png"


def wait_for(condition, timeout=5):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.05)
    raise AssertionError("not saved in time")


def test_it_scores_a_domain_with_sources_and_a_split_on_a_phone(login_as, owner, team):
    case = case_in_phase(Phase.TRAJECT_BEGIN, acting_user=owner, team=team)
    member_add(acting_user=owner, case=case, name="Zus Wilma", relation="sibling")
    draft = services.assessment_start(
        acting_user=owner, case=case, kind="begin", assessed_on=case.opened_on
    )
    finances = domain("finances")
    page = login_as(owner, f"/zrm/{draft.pk}/")
    block = page.locator("#domain-finances")

    block.locator(f"label[for=id_level_{finances.pk}_1]").click()
    block.get_by_text("Bronnen, onderbouwing en wat het niveau draagt").click()
    block.get_by_label("de cliënt").check()
    block.get_by_label("dossiers en verslagen").check()
    block.get_by_label("waarom dit niveau").fill("Aanmaningen op tafel; geen budgetplan.")
    block.get_by_label("eigen kracht %").fill("20")
    block.get_by_label("netwerk %").fill("10")
    block.get_by_label("professionele hulp %").fill("60")
    expect(page.locator("#save-status")).to_contain_text("Concept opgeslagen")
    wait_for(lambda: ZrmScore.objects.get(assessment=draft, domain=finances).shares == (20, 10, 60))

    page.get_by_role("button", name="Afronden").click()
    block = page.locator("#domain-finances")
    expect(block.locator(".zrm-split .field-error")).to_have_text(
        "Vul alle drie in, samen 100%, of laat alle drie leeg."
    )
    expect(block.get_by_label("professionele hulp %")).to_have_value("60")
    block.get_by_label("professionele hulp %").fill("70")
    expect(page.locator("#save-status")).to_contain_text("Concept opgeslagen")

    def saved():
        row = ZrmScore.objects.get(assessment=draft, domain=finances)
        return (row.level, row.sources, row.split) == (2, ["client", "records"], (20, 10, 70))

    wait_for(saved)
    row = ZrmScore.objects.get(assessment=draft, domain=finances)
    assert row.rationale == "Aanmaningen op tafel; geen budgetplan."
    # The three parts sit side by side within the phone's width.
    box = block.locator(".zrm-split-parts").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390
    block.scroll_into_view_if_needed()
    page.screenshot(path=SCREENSHOT, full_page=False)
