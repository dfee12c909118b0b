"""A worker puts themselves on the case's network map with one button: drawn, marked as the
outreach worker, and counted in no measure; the button is gone once they are on it."""

from playwright.sync_api import expect

from network.models import NetworkMember
from tests.browser.conftest import assert_accessible
from tests.zrm.factories import trajectory_case


def test_a_worker_puts_themselves_on_the_map(login_as, owner, team):
    case = trajectory_case(owner, team, first_name="Ria", last_name="van Dijk")
    page = login_as(owner, f"/casussen/{case.pk}/netwerk/")
    assert_accessible(page)
    with page.expect_navigation():
        page.get_by_role("button", name="Zet jezelf op de kaart").click()
    page.get_by_text("Je staat op de kaart en telt in geen enkele maat mee.").wait_for()
    expect(page.locator("table.network-members")).to_contain_text(
        "de outreachend werker: telt in geen maat mee"
    )
    expect(page.get_by_role("button", name="Zet jezelf op de kaart")).to_have_count(0)
    (member,) = NetworkMember.objects.filter(case=case)
    assert member.outreach_worker
