"""Signing in with the organisation's account through a real provider, and the manager's
figures page, in Chromium with axe."""

from django.contrib.auth import get_user_model

from cases.phases import Phase
from outreach.models import GroupClaimMapping
from outreach.services import user_create, user_manager_set
from tests.browser.conftest import assert_accessible
from tests.cases.factories import case_in_phase
from tests.conftest import PASSWORD
from tests.oidc.flow import account
from tests.oidc.provider_process import configure, running_provider


def test_it_signs_in_with_the_organisation_account(page, live_server, settings, team, tmp_path):
    with running_provider(live_server.url, tmp_path) as provider:
        configure(settings, provider.url)
        GroupClaimMapping.objects.create(group="noord", team=team, role="worker")
        provider.accounts({"sub-browser": account(groups=["noord"], username="bram")})
        # The provider and the app start cold on a busy machine; the first pages may be slow.
        page.context.set_default_timeout(60_000)
        page.goto("/login/")
        assert_accessible(page)
        page.screenshot(path=str(tmp_path / "login.png"))
        page.get_by_role("button", name="Inloggen met je organisatie-account").click()
        page.locator("input[name=login]").fill("sub-browser")
        page.locator("input[name=mfa]").fill("yes")
        with page.expect_navigation(url=f"{live_server.url}/"):
            page.get_by_role("button", name="Log in").click()
        page.get_by_role("heading", name="Mijn casussen").wait_for()
        user = get_user_model().objects.get(username="bram")
        assert user.memberships.get().team == team


def test_it_shows_the_manager_the_figures_of_every_team(login_as, owner, team, other_team):
    for _ in range(6):
        case_in_phase(Phase.SIGNAAL, acting_user=owner, team=team)
    manager = user_create(acting_user=None, username="manager", password=PASSWORD)
    user_manager_set(acting_user=None, user=manager, manager=True)
    page = login_as(manager, "/organisatie/")
    page.get_by_role("heading", name="Cijfers van de organisatie").wait_for()
    assert page.locator("#organisation-figures th", has_text="Alle teams").count() == 1
    assert "Jansen" not in page.content()
    assert_accessible(page)
    page.set_viewport_size({"width": 1280, "height": 900})
    assert_accessible(page)
