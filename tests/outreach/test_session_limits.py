"""Sessions end after 30 idle minutes (Django's cookie age), after 12 hours however active, and
everywhere when the user logs out anywhere."""

from datetime import timedelta

from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from outreach.middleware import SESSION_STARTED, SESSION_TOUCHED
from tests.conftest import log_in_fully


def logged_in(user):
    browser = log_in_fully(Client(), user)
    assert browser.get(reverse("home")).status_code == 200
    return browser


def test_it_ends_a_session_after_twelve_hours_however_active(owner, settings):
    browser = logged_in(owner)
    session = browser.session
    session[SESSION_STARTED] -= settings.SESSION_ABSOLUTE_SECONDS + 60
    session.save()
    response = browser.get(reverse("home"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))
    assert browser.get(reverse("home")).status_code == 302  # logged out, not just redirected


def test_it_keeps_a_session_just_inside_twelve_hours(owner, settings):
    browser = logged_in(owner)
    session = browser.session
    session[SESSION_STARTED] -= settings.SESSION_ABSOLUTE_SECONDS - 60
    session.save()
    assert browser.get(reverse("home")).status_code == 200


def test_it_ends_the_users_other_sessions_when_they_log_out(owner, colleague):
    phone, desk, other_user = logged_in(owner), logged_in(owner), logged_in(colleague)
    desk.post(reverse("logout"))
    assert phone.get(reverse("home")).status_code == 302
    assert other_user.get(reverse("home")).status_code == 200


def test_it_locks_out_a_deactivated_user_at_the_next_request(owner):
    browser = logged_in(owner)
    owner.is_active = False
    owner.save(update_fields=["is_active"])
    assert browser.get(reverse("home")).status_code == 302


def test_it_expires_an_idle_session_after_thirty_minutes(owner, settings):
    assert settings.SESSION_COOKIE_AGE == 30 * 60
    browser = logged_in(owner)
    # Requests push the expiry 30 minutes ahead; thirty idle minutes later it has passed.
    stored = Session.objects.get(pk=browser.session.session_key)
    assert stored.expire_date > timezone.now() + timedelta(minutes=29)
    Session.objects.filter(pk=stored.pk).update(expire_date=timezone.now() - timedelta(seconds=1))
    assert browser.get(reverse("home")).status_code == 302


def test_it_writes_a_session_in_use_at_most_once_a_minute(owner, settings):
    """No UPDATE of the session on every page: a request within SESSION_TOUCH_SECONDS of the
    last write leaves the stored expiry alone; the first one after pushes it ahead again."""
    assert settings.SESSION_TOUCH_SECONDS == 60 and not settings.SESSION_SAVE_EVERY_REQUEST
    browser = logged_in(owner)
    key = browser.session.session_key
    soon = timezone.now() + timedelta(minutes=5)
    Session.objects.filter(pk=key).update(expire_date=soon)
    assert browser.get(reverse("home")).status_code == 200
    assert Session.objects.get(pk=key).expire_date == soon
    session = browser.session
    session[SESSION_TOUCHED] -= settings.SESSION_TOUCH_SECONDS
    session.save()
    Session.objects.filter(pk=key).update(expire_date=soon)
    assert browser.get(reverse("home")).status_code == 200
    assert Session.objects.get(pk=key).expire_date > timezone.now() + timedelta(minutes=29)
