"""A session that has passed only the password step reaches nothing but the second step: every URL
pattern, the admin's included, GET and POST, redirects there."""

from itertools import product

from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.urls.exceptions import NoReverseMatch
from django.utils.http import urlencode

from devdata.outreach import authenticator_for
from outreach.middleware import SECOND_FACTOR_STEP
from tests.conftest import PASSWORD

SAMPLE_VALUES = (1, "x", "outreach")
# Not walked: logging out ends the session the walk runs in (test_it_lets_a_user_log_out_...).
NOT_WALKED = {"logout", "set_language"}


def every_named_pattern():
    """(name, keyword arguments) of every named pattern, the admin's and django-otp's included."""
    found = []

    def walk(patterns, namespace):
        for p in patterns:
            if isinstance(p, URLResolver):
                walk(p.url_patterns, ":".join(filter(None, [namespace, p.namespace])))
            elif isinstance(p, URLPattern) and p.name:
                name = f"{namespace}:{p.name}" if namespace else p.name
                found.append((name, tuple(p.pattern.regex.groupindex)))

    walk(get_resolver().url_patterns, "")
    return sorted(set(found))


def sample_path(name, kwargs):
    for values in product(SAMPLE_VALUES, repeat=len(kwargs)):
        try:
            return reverse(name, kwargs=dict(zip(kwargs, values, strict=True)))
        except NoReverseMatch:
            continue
    raise AssertionError(f"no sample path for {name}")


def walked_paths():
    paths = [
        sample_path(name, kwargs)
        for name, kwargs in every_named_pattern()
        if name not in SECOND_FACTOR_STEP
    ]
    # Unnamed ones: the admin's catch-all and a path that matches nothing.
    return [*paths, "/admin/outreach/nergens/", "/bestaat-niet/"]


def password_only(user):
    """A browser that has logged in with the password only."""
    browser = Client()
    response = browser.post(reverse("login"), {"username": user.username, "password": PASSWORD})
    assert response.status_code == 302
    return browser


def not_sent_to_second_step(browser, paths):
    wrong = []
    for path in paths:
        for method in (browser.get, browser.post):
            response = method(path)
            step = f"{reverse('otp_verify')}?{urlencode({'next': path})}"
            if response.status_code != 302 or response.url != step:
                wrong.append((method.__name__, path, response.status_code))
    return wrong


def superuser(owner):
    owner.is_staff = owner.is_superuser = True
    owner.save(update_fields=["is_staff", "is_superuser"])
    authenticator_for(owner)
    return owner


def test_it_sends_every_url_to_the_second_step_admin_included(owner, records):
    browser = password_only(superuser(owner))
    paths = walked_paths()
    assert any(p.startswith("/admin/outreach/user/") for p in paths)
    assert any(p.startswith("/admin/otp_totp/") for p in paths)
    assert len(paths) > 100
    assert not_sent_to_second_step(browser, paths) == []
    # The session is still the same, password-only one: nothing above logged it out.
    assert "_auth_user_id" in browser.session


def test_it_finds_open_pages_when_the_gate_is_missing(owner, records, settings):
    """The walk above can fail: without the gate, the same session reaches pages and the admin."""
    settings.MIDDLEWARE = [
        m for m in settings.MIDDLEWARE if m != "outreach.middleware.second_factor_required"
    ]
    browser = password_only(superuser(owner))
    paths = ["/", "/admin/", "/admin/outreach/user/"]
    assert set(paths) <= set(walked_paths())
    paths.append(reverse("case_detail", args=[records["case"].pk]))
    wrong = not_sent_to_second_step(browser, paths)
    assert [(m, p, s) for m, p, s in wrong if m == "get"] == [(("get", p, 200)) for p in paths]


def test_it_answers_htmx_with_a_redirect_header(owner):
    browser = password_only(owner)
    response = browser.get(reverse("signal_list"), headers={"HX-Request": "true"})
    assert response.status_code == 204
    assert response["HX-Redirect"] == f"{reverse('otp_verify')}?next=%2Fsignalen%2F"


def test_it_sends_the_admin_login_page_to_the_second_step_too(owner):
    """Logging in on the admin's own login page gives a password-only session as well."""
    superuser(owner)
    browser = Client()
    response = browser.post(
        reverse("admin:login"), {"username": "owner", "password": PASSWORD, "next": "/admin/"}
    )
    assert response.status_code == 302
    response = browser.get("/admin/")
    assert response.url == f"{reverse('otp_verify')}?next=%2Fadmin%2F"
    assert browser.get("/admin/outreach/user/").status_code == 302


def test_it_shows_no_navigation_on_the_second_step(owner):
    authenticator_for(owner)
    html = password_only(owner).get(reverse("otp_verify")).content.decode()
    assert "Tweede stap: je code" in html
    assert 'class="topbar"' not in html
    assert reverse("signal_list") not in html


def test_it_lets_a_user_log_out_from_the_second_step(owner):
    browser = password_only(owner)
    response = browser.post(reverse("logout"))
    assert response.url == reverse("login")
    assert "_auth_user_id" not in browser.session
