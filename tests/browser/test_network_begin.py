"""A worker finalises a begin ZRM before the network map is drawn: the form asks what the empty
map means, keeps every level when the answer is missing, and the begin network is recorded on
the Network tab afterwards."""

from playwright.sync_api import expect

from network.models import NetworkSnapshot
from tests.browser.conftest import assert_accessible
from tests.zrm.factories import draft_assessment, trajectory_case
from zrm.models import ZrmAssessment


def test_it_asks_about_the_empty_map_and_records_the_begin_network_later(login_as, owner, team):
    case = trajectory_case(owner, team, first_name="Ria", last_name="van Dijk")
    draft = draft_assessment(case, owner, "begin")
    page = login_as(owner, f"/zrm/{draft.pk}/")
    page.locator("form.zrm-form").wait_for()
    question = page.locator("fieldset.choice-group").filter(has_text="De netwerkkaart is leeg")
    expect(question).to_be_visible()
    assert_accessible(page)

    # Finalising without an answer: the error sits by the question, the levels stay chosen.
    page.locator("button[name=action][value=finalise]").click()
    page.locator("fieldset.choice-group.has-error").wait_for()
    expect(question.locator(".field-error")).to_contain_text("geef aan of de cliënt")
    expect(page.locator("form.zrm-form input[type=radio][name^=level_]:checked")).to_have_count(11)
    assert ZrmAssessment.objects.get(pk=draft.pk).status == "draft"
    assert_accessible(page)

    question.get_by_label("nog niet in kaart gebracht").check()
    page.locator("button[name=action][value=finalise]").click()
    page.wait_for_url(f"**/casussen/{case.pk}/zrm/")
    assert NetworkSnapshot.objects.get().empty_map == "not_mapped"
    expect(page.locator("section.network-story .notice").first).to_contain_text(
        "nog niet in kaart gebracht"
    )

    # The map drawn afterwards, then recorded as the begin network.
    page.goto(page.url.replace("/zrm/", "/netwerk/"))
    box = page.locator("#begin-network")
    expect(box).to_contain_text("nog niet in kaart gebracht")
    page.locator("#network-body details summary").click()
    form = page.locator("#network-body form.record-form")
    form.locator("[name=name]").fill("Zus Wilma")
    form.locator("[name=relation]").select_option("sibling")
    form.locator("button[type=submit]").click()
    expect(page.locator("table.network-members")).to_contain_text("Zus Wilma")
    assert_accessible(page)
    box.get_by_role("button", name="Beginnetwerk vastleggen").click()
    page.locator(".messages").wait_for()
    expect(page.locator(".messages")).to_contain_text("Beginnetwerk vastgelegd.")
    expect(page.locator("#begin-network")).to_have_count(0)
    expect(page.locator("#snapshots-title + p + ul")).to_contain_text("Vervangen door")
    first = NetworkSnapshot.objects.get(replaces=None)
    assert first.is_replaced and first.replaced_by.members[0]["name"] == "Zus Wilma"
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
