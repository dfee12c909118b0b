"""Flows a worker does on a phone: find a client and correct their details; decline a signal."""

from django.utils import timezone

from cases import services
from cases.models import Client, Signal
from tests.browser.conftest import assert_accessible


def test_it_finds_a_client_and_corrects_their_details(login_as, owner, team):
    client = services.client_create(
        acting_user=owner, team=team, first_name="Ria", last_name="van Dijk", postcode="3066 KB"
    )
    page = login_as(owner, "/zoeken/")
    page.locator("[name=name]").fill("van Dijk")
    page.locator("form.record-form button[type=submit]").click()
    assert "zoeken" in page.url  # searched by POST: no name in the address
    assert "Dijk" not in page.url
    page.get_by_role("link", name="Ria van Dijk").click()
    page.locator("a[href$='/bewerken/']").click()
    # The form's page, not the one being left: axe on a page mid-navigation finds no document.
    page.wait_for_url(f"**/clienten/{client.pk}/bewerken/")
    assert_accessible(page)

    # A wrong postcode: the message stands next to the field and what was typed stays.
    page.locator("[name=phone]").fill("06 12345678")
    page.locator("[name=postcode]").fill("33")
    page.locator("form.record-form button[type=submit]").click()
    page.locator(".field.has-error #id_postcode").wait_for()
    assert page.locator(".field.has-error").count() == 1
    assert page.locator("[name=phone]").input_value() == "06 12345678"
    assert Client.objects.get(pk=client.pk).phone == ""

    page.locator("[name=postcode]").fill("3066kb")
    page.locator("form.record-form button[type=submit]").click()
    page.get_by_role("heading", name="Ria van Dijk").wait_for()
    client.refresh_from_db()
    assert (client.phone, client.postcode) == ("06 12345678", "3066 KB")


def test_it_declines_a_signal_with_a_reason(login_as, owner, team):
    signal = services.signal_register(
        acting_user=owner,
        team=team,
        received_on=timezone.localdate(),
        source="neighbour",
        subject_name="Piet Bos",
        observed="Geluidsoverlast, geen zorgen over de persoon zelf.",
    )
    page = login_as(owner, "/signalen/")
    page.locator(f"a[href='/signalen/{signal.pk}/']").click()
    page.locator("a[href$='/afwijzen/']").click()
    page.wait_for_url(f"**/signalen/{signal.pk}/afwijzen/")
    assert_accessible(page)

    # 'Other' needs an explanation: refused next to the field, nothing decided.
    page.locator("input[name=reason][value=other]").check()
    page.locator("form.record-form button[type=submit]").click()
    page.locator(".field-error").first.wait_for()
    assert Signal.objects.get(pk=signal.pk).status == "waiting"

    page.locator("[name=note]").fill("Overlast is een zaak voor de woningcorporatie.")
    page.locator("form.record-form button[type=submit]").click()
    page.get_by_role("heading", name="Signalen").wait_for()
    signal.refresh_from_db()
    assert (signal.status, signal.decline_reason) == ("declined", "other")
    assert page.locator(f"a[href='/signalen/{signal.pk}/']").count() == 0
