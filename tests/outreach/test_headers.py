import time

from django.conf import settings
from django.test import Client, override_settings
from django.urls import reverse

from cases.phases import Phase
from outreach.middleware import SESSION_STARTED
from tests.cases.factories import add_agreement, case_in_phase
from tests.conftest import PASSWORD
from tests.outreach.failing_urls import BROKEN

HTMX = {"HTTP_HX_REQUEST": "true"}


def password_only(user):
    browser = Client()
    browser.post(reverse("login"), {"username": user.username, "password": PASSWORD})
    return browser


def test_it_forbids_caching_of_authenticated_pages(client, owner):
    client.force_login(owner)
    assert client.get(reverse("home"))["Cache-Control"] == "no-store"


def test_it_forbids_caching_of_the_answer_to_the_password_and_of_the_second_step(owner):
    browser = Client()
    response = browser.post(reverse("login"), {"username": "owner", "password": PASSWORD})
    assert response.status_code == 302 and response["Cache-Control"] == "no-store"
    assert browser.get(reverse("otp_verify"))["Cache-Control"] == "no-store"


def test_it_forbids_caching_of_the_second_step_gates_redirects(owner):
    browser = password_only(owner)
    response = browser.get(reverse("home"))
    assert response.status_code == 302 and response.url.startswith(reverse("otp_verify"))
    assert response["Cache-Control"] == "no-store"
    response = browser.get(reverse("home"), **HTMX)
    assert response.status_code == 204 and response["HX-Redirect"]
    assert response["Cache-Control"] == "no-store"
    # The other headers stay.
    assert response["X-Content-Type-Options"] == "nosniff"


def test_it_forbids_caching_of_the_redirect_that_ends_a_session(client, owner):
    client.force_login(owner)
    client.get(reverse("home"))
    session = client.session
    session[SESSION_STARTED] = time.time() - settings.SESSION_ABSOLUTE_SECONDS - 1
    session.save()
    response = client.get(reverse("home"))
    assert response.url.startswith(reverse("login"))
    assert response["Cache-Control"] == "no-store"


def test_it_forbids_caching_of_not_found_and_conflict_pages(client, owner, team):
    client.force_login(owner)
    response = client.get("/bestaat-niet/")
    assert response.status_code == 404 and response["Cache-Control"] == "no-store"
    case = case_in_phase(Phase.CONTRACT, acting_user=owner, team=team)
    agreement = add_agreement(acting_user=owner, case=case, description="Samen de post openen.")
    url = reverse("agreement_status", args=[agreement.pk])
    client.post(url, {"status": "done", "expected_version": agreement.version})
    response = client.post(url, {"status": "dropped", "expected_version": agreement.version})
    assert response.status_code == 409 and response["Cache-Control"] == "no-store"


@override_settings(ROOT_URLCONF="tests.outreach.failing_urls")
def test_it_answers_a_server_error_with_a_dutch_page_and_the_same_headers(client, owner):
    client.force_login(owner)
    client.raise_request_exception = False
    response = client.get(BROKEN)
    html = response.content.decode()
    assert response.status_code == 500
    assert "<h1>Er ging iets mis</h1>" in html and 'lang="nl"' in html
    assert 'href="/"' in html and "a bug, for the test" not in html
    assert response["Cache-Control"] == "no-store"
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"


def test_it_leaves_static_files_cacheable_for_a_logged_in_browser(client, owner):
    client.force_login(owner)
    response = client.get("/static/css/app.css")
    assert response.status_code == 200 and "no-store" not in response.get("Cache-Control", "")


def test_it_sends_a_csp_that_allows_only_our_own_origin(client, db):
    csp = client.get(reverse("login"))["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "object-src 'none'" in csp and "base-uri 'none'" in csp
    assert "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp


def test_it_sends_the_csrf_token_with_htmx_requests(client, owner):
    client.force_login(owner)
    html = client.get(reverse("home")).content.decode()
    assert 'hx-headers=\'{"X-CSRFToken": "' in html
    assert "/static/vendor/htmx/htmx.min.js" in html


def test_it_answers_an_expired_form_with_a_dutch_403(db, owner):
    from tests.conftest import VerifiedClient

    strict = VerifiedClient(enforce_csrf_checks=True)
    strict.force_login(owner)
    response = strict.post(reverse("team_switch"), {"team": 1})
    assert response.status_code == 403
    assert "Formulier verlopen" in response.content.decode()
