"""What the draft rescue keeps in a session (outreach/drafts.py): the session is read and saved on
every request, so it holds a few drafts of the size a recording form takes, nothing else."""

import pytest
from django.urls import reverse

from cases.models import Case
from cases.phases import Phase
from outreach.drafts import MAX_DRAFT_BYTES, MAX_DRAFTS
from tests.cases.factories import case_in_phase, open_case
from tests.cases.views.test_contact_add import expired_session, form_data
from tests.conftest import PASSWORD, backup_code_of

ONE_MEGABYTE = 1024 * 1024
# Ordinary Dutch text, with the letters and signs that grow when form-encoded.
SENTENCE = (
    "De cliënt vertelt dat hij sinds de zomer geen post meer opent, en dat de huur twee maanden "
    "achterloopt. Buurvrouw (Ria) helpt soms; afspraak: samen naar het wijkteam.\r\n"
)


def drafts_in(browser):
    return list(browser.session.get("drafts", {}))


def test_it_keeps_only_the_newest_drafts_of_a_session(owner, team):
    urls = [
        reverse("contact_add", args=[open_case(acting_user=owner, team=team).pk]) for _ in range(10)
    ]
    browser = expired_session(owner, reverse("home"))
    for number, url in enumerate(urls):
        browser.post(url, form_data(notes=f"Verslag {number}"))

    assert drafts_in(browser) == urls[-MAX_DRAFTS:]


def test_it_keeps_no_draft_of_a_megabyte_and_still_sends_the_worker_to_log_in(owner, team):
    kept, url = (
        reverse("contact_add", args=[open_case(acting_user=owner, team=team).pk]) for _ in range(2)
    )
    browser = expired_session(owner, reverse("home"))
    browser.post(kept, form_data(notes="Kort verslag"))
    browser.post(url, form_data(notes="Eerste versie"))

    response = browser.post(url, form_data(notes="x" * ONE_MEGABYTE))

    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))
    # The path's earlier draft goes too: it is not what the worker typed last.
    assert drafts_in(browser) == [kept]


def test_it_keeps_and_gives_back_a_recording_form_filled_to_its_limits(owner, team):
    """The pre-phase form holds 24,000 characters of text, among the most of any form."""
    case = case_in_phase(Phase.VOORFASE, acting_user=owner, team=team)
    url = reverse("prephase_edit", args=[case.pk])
    fields = ["prior_info_reason", "prior_info_basis", "suitability_analysis", "approach_plan"]
    full = {
        name: (SENTENCE * 100)[: Case._meta.get_field(name).max_length].strip() for name in fields
    }
    assert sum(map(len, full.values())) > 23_900
    browser = expired_session(owner, url)

    browser.post(url, {"prior_info_decision": "yes", "version": case.version, **full})
    assert drafts_in(browser) == [url]
    assert len(browser.session["drafts"][url]["data"]) <= MAX_DRAFT_BYTES

    browser.post(f"{reverse('login')}?next={url}", {"username": "owner", "password": PASSWORD})
    response = browser.post(
        f"{reverse('otp_verify')}?next={url}", {"code": backup_code_of(owner)}, follow=True
    )
    form = response.context["form"]
    assert response.redirect_chain[-1][0] == url
    assert {name: form[name].value() for name in fields} == full


@pytest.mark.parametrize("path", ["/teams/wissel/", "/casussen/1/contact/meer/"])
def test_it_keeps_no_draft_for_a_url_that_is_no_recording_form(owner, path):
    """The team switch records nothing; the other path resolves to no view at all."""
    browser = expired_session(owner, reverse("home"))

    browser.post(path, {"team": "1", "notes": "Iets"})

    assert drafts_in(browser) == []
