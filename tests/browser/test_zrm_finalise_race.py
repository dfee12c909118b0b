"""A worker on a slow connection taps the last level and presses Afronden at once, while the
page's own autosave is still on its way: the assessment is finalised with every level, never with
a conflict page about their own save."""

from django.utils import timezone

from cases.phases import Phase
from tests.cases.factories import case_in_phase
from zrm import services
from zrm.models import ZrmAssessment, ZrmDomain, ZrmScore

# Slow mobile data: each autosave takes this long on the way out or on the way back.
NETWORK_DELAY_MS = 300
REPETITIONS = 20
LEVEL = 3


def slow_autosaves(page, *, on_the_way_back):
    """Delay every htmx autosave by NETWORK_DELAY_MS: either its answer (the server has saved, the
    page does not know yet) or the request itself (the server has not seen it yet). Returns the
    list the autosaves are counted in."""
    seen = []

    def delay(route):
        if route.request.method != "POST" or not route.request.headers.get("hx-request"):
            route.continue_()
            return
        seen.append(route.request.url)
        if on_the_way_back:
            response = route.fetch()
            page.wait_for_timeout(NETWORK_DELAY_MS)
            route.fulfill(response=response)
        else:
            page.wait_for_timeout(NETWORK_DELAY_MS)
            route.continue_()

    page.route("**/zrm/*/", delay)
    return seen


def draft_with_all_but(case, owner, domains, open_count):
    """A fresh draft, built through the services, with every domain scored but the last
    `open_count`."""
    draft = services.assessment_start(
        acting_user=owner, case=case, kind="evaluation", assessed_on=timezone.localdate()
    )
    services.assessment_score(
        acting_user=owner,
        assessment=draft,
        scores={d.pk: (LEVEL, "", "") for d in domains[:-open_count]},
    )
    return draft


def test_it_finalises_right_after_the_last_tap_without_a_conflict_on_a_slow_network(
    login_as, owner, team
):
    case = case_in_phase(Phase.TRAJECT_EVALUATIE, acting_user=owner, team=team)
    domains = list(ZrmDomain.objects.filter(matrix__key="2013").order_by("order"))
    page = login_as(owner, case.get_absolute_url())
    # Where finalising lands is not under test here until the last round: an empty page keeps
    # the rounds quick.
    landing = f"**/casussen/{case.pk}/zrm/"
    page.route(landing, lambda route: route.fulfill(body="<!doctype html><title>ZRM</title>"))
    for repetition in range(REPETITIONS):
        if repetition == REPETITIONS - 1:
            page.unroute(landing)
        # Alternate the slow direction, and one or two autosaves on their way (the second one
        # queued behind the first).
        autosaves = slow_autosaves(page, on_the_way_back=repetition % 2 == 0)
        open_count = 1 + repetition // 2 % 2
        draft = draft_with_all_but(case, owner, domains, open_count)
        page.goto(f"/zrm/{draft.pk}/")
        for domain in domains[-open_count:]:
            page.locator(f"label[for=id_level_{domain.pk}_{LEVEL - 1}]").click()
        page.get_by_role("button", name="Afronden").click()

        # A conflict page would be a 409 on the assessment's own URL; finalising redirects.
        page.wait_for_url(landing, wait_until="commit")
        assert len(autosaves) == open_count, repetition
        draft.refresh_from_db()
        assert draft.status == ZrmAssessment.Status.FINAL, repetition
        levels = ZrmScore.objects.filter(assessment=draft).values_list("level", flat=True)
        assert set(levels) == {LEVEL}, repetition
        page.unroute("**/zrm/*/")
    page.get_by_text("De meting is afgerond.").wait_for()
