"""On a phone: the worker records domestic-violence details and reads the voorfase's prior
information; a colleague of the team sees only that both exist."""

from datetime import timedelta

from django.utils import timezone

from cases import services
from cases.models import SensitiveDetail
from cases.phases import Phase
from tests.browser.conftest import assert_accessible
from tests.cases.factories import case_in_phase

INFO = "De huismeester meldt een huurachterstand van vier maanden."
SAFETY = "Tijdelijk huisverbod voor de partner tot eind van de maand."


def test_the_worker_reads_and_records_and_a_colleague_sees_only_that_it_exists(
    login_as, owner, colleague, team
):
    case = case_in_phase(
        Phase.VOORFASE, acting_user=owner, team=team, first_name="Ria", last_name="van Dijk"
    )
    services.prior_information_add(
        acting_user=owner,
        case=case,
        gathered_on=timezone.localdate() - timedelta(days=1),
        source="Woonstad",
        content=INFO,
        without_client_knowledge=True,
    )

    page = login_as(owner, f"/casussen/{case.pk}/")
    page.locator("summary", has_text="Justitie en veiligheid").click()
    page.get_by_role("button", name="Afgeschermde gegevens vastleggen").click()
    page.get_by_label("huiselijk geweld / veiligheid").check()
    page.locator("textarea[name=content]").fill(SAFETY)
    assert_accessible(page)
    page.locator("main form button[type=submit]").click()
    page.locator(".messages .message-success").wait_for()
    assert SensitiveDetail.objects.get().content == SAFETY
    page.locator("summary", has_text="Voorfase").click()
    page.locator("summary", has_text="Justitie en veiligheid").click()
    main = page.locator("main").inner_text()
    assert INFO in main and SAFETY in main
    assert page.evaluate("document.documentElement.scrollWidth") <= 390

    page = login_as(colleague, f"/casussen/{case.pk}/")
    page.locator("summary", has_text="Voorfase").click()
    page.locator("summary", has_text="Justitie en veiligheid").click()
    main = page.locator("main").inner_text()
    assert "Er is voorinformatie vastgelegd (afgeschermd)" in main
    assert "Er is 1 afgeschermde vermelding over justitie of veiligheid vastgelegd" in main
    assert INFO not in page.content() and SAFETY not in page.content()
    assert "Woonstad" not in page.content()
    assert_accessible(page)
    assert page.viewport_size == {"width": 390, "height": 844}
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
