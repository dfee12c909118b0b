import re

from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode

from cases import services
from cases.models import ContactMoment, TimelineEvent
from tests.conftest import PASSWORD, backup_code_of, log_in_fully


def form_data(**extra):
    return {
        "kind": "home_visit",
        "occurred_at": timezone.localtime().strftime("%Y-%m-%dT%H:%M"),
        "activities": ["post", "listening"],
        "notes": "Samen de post gesorteerd.",
        **extra,
    }


def test_it_logs_a_contact_and_returns_to_the_case(client, owner, records):
    case = records["case"]
    client.force_login(owner)
    response = client.post(reverse("contact_add", args=[case.pk]), form_data())
    assert response.status_code == 302
    assert response.url == case.get_absolute_url()
    contact = ContactMoment.objects.get()
    assert (contact.kind, contact.activities) == ("home_visit", ["post", "listening"])
    assert TimelineEvent.objects.filter(case=case, kind="contact").count() == 1


def test_it_keeps_everything_typed_when_the_form_has_an_error(client, owner, records):
    case = records["case"]
    client.force_login(owner)
    response = client.post(
        reverse("contact_add", args=[case.pk]),
        form_data(duration_minutes="veel", notes="Lang verhaal"),
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Lang verhaal" in html
    assert re.search(r'value="listening"[^>]*checked', html)
    assert "field-error" in html
    assert not ContactMoment.objects.exists()


def test_it_shows_a_service_refusal_next_to_the_field(client, owner, records):
    case = records["case"]
    client.force_login(owner)
    yesterday = (timezone.localdate() - timezone.timedelta(days=1)).isoformat()
    html = client.post(
        reverse("contact_add", args=[case.pk]), form_data(follow_up_on=yesterday)
    ).content.decode()
    assert 'id="id_follow_up_on_error"' in html
    assert not ContactMoment.objects.exists()


def expired_session(user, url):
    """A browser in which `user` worked, whose session has since expired: the session cookie is
    gone (or no longer valid), the draft-owner cookie is still there."""
    browser = log_in_fully(Client(), user)
    browser.get(url)
    browser.cookies.pop("sessionid")
    return browser


def test_it_keeps_the_draft_when_the_session_expired(owner, records):
    """The worker's session ran out while typing: they log in again and the text is there."""
    case = records["case"]
    url = reverse("contact_add", args=[case.pk])
    browser = expired_session(owner, url)
    response = browser.post(url, form_data(notes="Half getypt verslag van het huisbezoek"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))
    assert not ContactMoment.objects.exists()

    response = browser.post(response.url, {"username": "owner", "password": PASSWORD}, follow=True)
    # The second step comes between; the draft waits for it.
    assert response.redirect_chain[-1][0] == f"{reverse('otp_verify')}?{urlencode({'next': url})}"
    assert "Half getypt" not in response.content.decode()
    response = browser.post(
        response.redirect_chain[-1][0], {"code": backup_code_of(owner)}, follow=True
    )
    html = response.content.decode()
    assert response.redirect_chain[-1][0] == url
    assert "Half getypt verslag van het huisbezoek" in html
    assert '<p class="notice" role="status">' in html
    # Shown once: the next visit starts empty.
    assert "Half getypt" not in browser.get(url).content.decode()


def test_it_gives_the_draft_to_nobody_else_who_logs_in_on_that_browser(owner, colleague, records):
    case = records["case"]
    url = reverse("contact_add", args=[case.pk])
    browser = expired_session(owner, url)
    browser.post(url, form_data(notes="Vertrouwelijk verslag"))
    response = browser.post(
        reverse("login") + f"?next={url}",
        {"username": "colleague", "password": PASSWORD},
    )
    response = browser.post(
        reverse("otp_verify") + f"?next={url}", {"code": backup_code_of(colleague)}, follow=True
    )
    assert response.redirect_chain[-1][0] == url
    assert "Vertrouwelijk verslag" not in response.content.decode()
    assert "drafts" not in browser.session


def test_it_keeps_no_draft_for_a_browser_nobody_worked_in(owner, records):
    url = reverse("contact_add", args=[records["case"].pk])
    stranger = Client()
    stranger.post(url, form_data(notes="Van buiten"))
    assert "drafts" not in stranger.session


def test_it_offers_no_contact_form_on_a_case_closed_as_not_suitable(client, owner, records):
    from cases import services

    case = services.case_transition(
        acting_user=owner, case=records["case"], move="niet-passend", reason="Geen outreach."
    )
    client.force_login(owner)
    assert client.get(reverse("contact_add", args=[case.pk])).status_code == 404


def test_it_offers_one_tap_choices_and_the_open_agreements(client, owner, records):
    case = records["case"]
    agreement = records["agreement"]
    client.force_login(owner)
    html = client.get(reverse("contact_add", args=[case.pk])).content.decode()
    assert "---------" not in html
    assert re.search(r'value="home_visit"[^>]*checked', html)
    assert 'name="duration_minutes" value="45"' in html
    assert f'name="agreement_{agreement.pk}" value="done"' in html
    # A long paste is never cut off by the browser: the limit is the counter's and the form's.
    assert 'maxlength="10000"' not in html
    assert 'data-limit="10000"' in html


def test_it_logs_now_with_a_follow_up_in_two_weeks_and_an_agreement_done(client, owner, records):
    case, agreement = records["case"], records["agreement"]
    client.force_login(owner)
    response = client.post(
        reverse("contact_add", args=[case.pk]),
        {"kind": "phone", "follow_up": "14", f"agreement_{agreement.pk}": "done"},
    )
    assert response.status_code == 302
    contact = ContactMoment.objects.get()
    assert contact.follow_up_on == timezone.localdate() + timezone.timedelta(days=14)
    assert abs((contact.occurred_at - timezone.now()).total_seconds()) < 60
    assert contact.agreement_outcomes[0]["outcome"] == "done"
    agreement.refresh_from_db()
    assert agreement.status == "done"


def test_it_keeps_an_over_long_note_and_says_so_next_to_it(client, owner, records):
    case = records["case"]
    client.force_login(owner)
    note = "x" * 10001
    html = client.post(
        reverse("contact_add", args=[case.pk]), form_data(notes=note)
    ).content.decode()
    assert note in html
    assert 'id="id_notes_error"' in html
    assert not ContactMoment.objects.exists()


def test_it_offers_an_aftercare_contact_after_an_ordinary_closing(client, owner, records):
    from cases import services

    case = services.case_transition(
        acting_user=owner, case=records["case"], move="afsluiten", reason="Doelen bereikt."
    )
    client.force_login(owner)
    assert (
        reverse("contact_add", args=[case.pk])
        in client.get(case.get_absolute_url()).content.decode()
    )
    response = client.post(
        reverse("contact_add", args=[case.pk]),
        {"kind": "phone", "occurred_at": timezone.localtime().strftime("%Y-%m-%dT%H:%M")},
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.phase == "afgesloten" and case.contacts.count() == 1


def test_it_gives_the_note_the_teams_active_phrases_in_their_order(client, lead, owner, records):
    services.note_phrase_add(acting_user=lead, team=records["team"], text='Post "samen" gedaan.')
    hidden = services.note_phrase_add(acting_user=lead, team=records["team"], text="Verborgen.")
    services.note_phrase_update(acting_user=lead, phrase=hidden, active=False)
    services.note_phrase_add(acting_user=lead, team=records["team"], text="<b>Huis</b> netjes.")
    client.force_login(owner)
    html = client.get(reverse("contact_add", args=[records["case"].pk])).content.decode()
    assert (
        'data-phrases="[&quot;Post \\&quot;samen\\&quot; gedaan.&quot;, '
        '&quot;&lt;b&gt;Huis&lt;/b&gt; netjes.&quot;]"'
    ) in html
    assert 'data-phrases-label="Snelteksten"' in html
    assert "<b>Huis" not in html
    # The chips are drawn by static/js/phrases.js: without JavaScript the note is a plain field.
    assert "<button" not in html.split('name="notes"')[0].split("Notities")[-1]


def test_a_team_without_phrases_gets_a_plain_note(client, owner, records):
    client.force_login(owner)
    html = client.get(reverse("contact_add", args=[records["case"].pk])).content.decode()
    assert "data-phrases" not in html
