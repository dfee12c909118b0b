from django.urls import reverse


def test_it_forbids_caching_of_authenticated_pages(client, owner):
    client.force_login(owner)
    assert client.get(reverse("home"))["Cache-Control"] == "no-store"


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
