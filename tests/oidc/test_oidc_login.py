"""Signing in with the organisation's accounts, against a real OpenID Connect provider."""

import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from outreach.models import ExternalIdentity, GroupClaimMapping, Membership, RoleChange, User
from tests.conftest import PASSWORD, make_member
from tests.oidc.flow import ProviderBrowser, account, sign_in, signed_in_user


def test_it_creates_the_user_at_the_first_login_keyed_on_sub(provider, db):
    provider.accounts({"sub-1": account(email="sam@example.nl", username="sam")})
    client = Client()
    response = sign_in(client, ProviderBrowser(), "sub-1")
    assert response.status_code == 302
    user = signed_in_user(client)
    assert user.is_authenticated
    assert (user.username, user.email, user.first_name) == ("sam", "sam@example.nl", "Sam")
    assert not user.has_usable_password()
    identity = ExternalIdentity.objects.get(user=user)
    assert (identity.issuer, identity.subject) == (provider.url, "sub-1")

    # The same sub again, with a new address: the same user, the address updated.
    provider.accounts({"sub-1": account(email="s.visser@example.nl", username="sam")})
    again = Client()
    sign_in(again, ProviderBrowser(), "sub-1")
    assert signed_in_user(again).pk == user.pk
    assert User.objects.get(pk=user.pk).email == "s.visser@example.nl"


def test_it_never_links_an_account_by_e_mail_alone(provider, team):
    local = make_member("sam", team, Membership.Role.LEAD)
    User.objects.filter(pk=local.pk).update(email="sam@example.nl")
    provider.accounts({"sub-x": account(email="sam@example.nl", username="sam")})
    client = Client()
    sign_in(client, ProviderBrowser(), "sub-x")
    user = signed_in_user(client)
    assert user.pk != local.pk
    assert user.username == "sam-2"
    assert not user.memberships.exists()


def test_it_makes_memberships_follow_the_group_claims_at_every_login(provider, team, other_team):
    GroupClaimMapping.objects.create(group="noord-lead", team=team, role="lead")
    GroupClaimMapping.objects.create(group="noord", team=team, role="worker")
    GroupClaimMapping.objects.create(group="zuid", team=other_team, role="worker")
    GroupClaimMapping.objects.create(group="directie", team=None, role="manager")

    def login_with(*groups):
        provider.accounts({"sub-2": account(groups=groups, username="wim")})
        client = Client()
        sign_in(client, ProviderBrowser(), "sub-2", mfa=True)
        user = User.objects.get(username="wim")
        return client, user, {(m.team.code, m.role) for m in user.memberships.all()}

    _, user, memberships = login_with("noord", "noord-lead", "unmapped")
    assert memberships == {("NO", "lead")}
    _, user, memberships = login_with("noord", "zuid", "directie")
    assert memberships == {("NO", "worker"), ("ZU", "worker")}
    assert user.is_manager
    client, user, memberships = login_with()
    assert memberships == set()
    assert not user.is_manager
    changes = list(
        RoleChange.objects.filter(user=user)
        .order_by("id")
        .values_list("kind", "team__code", "old_role", "new_role", "changed_by")
    )
    assert changes == [
        ("granted", "NO", "", "lead", None),
        ("role", "NO", "lead", "worker", None),
        ("granted", "ZU", "", "worker", None),
        ("manager_on", None, "", "", None),
        ("removed", "NO", "worker", "", None),
        ("removed", "ZU", "worker", "", None),
        ("manager_off", None, "", "", None),
    ]
    # No team left: the home page lists nothing, a team page is not there.
    response = client.get(reverse("home"))
    assert response.status_code == 200
    assert client.get(reverse("team_detail", args=[team.pk])).status_code == 404


def test_it_skips_the_own_code_step_when_the_provider_did_mfa(provider, db):
    provider.accounts({"sub-3": account(username="mfa")})
    client = Client()
    sign_in(client, ProviderBrowser(), "sub-3", mfa=True)
    assert client.get(reverse("home")).status_code == 200


def test_it_asks_its_own_second_step_when_the_provider_did_not(provider, db):
    provider.accounts({"sub-4": account(username="pwd")})
    client = Client()
    sign_in(client, ProviderBrowser(), "sub-4", mfa=False)
    assert signed_in_user(client).is_authenticated
    response = client.get(reverse("home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("otp_verify"))


def test_it_honours_a_configured_acr_instead_of_amr(provider, settings, db):
    settings.OIDC_MFA_CLAIM = "acr"
    settings.OIDC_MFA_VALUES = ["urn:outreach:test:mfa"]
    provider.accounts({"sub-5": account(username="acr")})
    with_mfa, without = Client(), Client()
    sign_in(with_mfa, ProviderBrowser(), "sub-5", mfa=True)
    sign_in(without, ProviderBrowser(), "sub-5", mfa=False)
    assert with_mfa.get(reverse("home")).status_code == 200
    assert without.get(reverse("home")).status_code == 302


def test_it_refuses_a_tampered_id_token(provider, db):
    provider.accounts({"sub-6": account(username="tamper")})
    provider.mode(tamper=True)
    client = Client()
    response = sign_in(client, ProviderBrowser(), "sub-6", mfa=True)
    assert response.status_code in (302, 400)
    assert not signed_in_user(client).is_authenticated
    assert not User.objects.exists()


def test_it_refuses_an_expired_id_token(provider, db):
    provider.accounts({"sub-7": account(username="late")})
    provider.mode(idTokenTtl=60)
    client = Client()
    browser = ProviderBrowser()
    start = client.get(reverse("oidc_authentication_init"))
    callback = browser.to_callback(start["Location"], login="sub-7", mfa=True)
    # The token is made now and lives a minute; Outreach's clock reads it five minutes later.
    with time_machine.travel(timezone.now() + timezone.timedelta(minutes=5), tick=True):
        response = client.get(callback)
    assert response.status_code in (302, 400)
    assert not signed_in_user(client).is_authenticated
    assert not User.objects.exists()


def test_it_refuses_a_callback_with_another_state(provider, db):
    provider.accounts({"sub-8": account(username="state")})
    client = Client()
    start = client.get(reverse("oidc_authentication_init"))
    callback = ProviderBrowser().to_callback(start["Location"], login="sub-8", mfa=True)
    forged = callback.replace("state=", "state=x")
    assert client.get(forged).status_code == 400
    assert not signed_in_user(client).is_authenticated


def test_it_refuses_a_code_made_for_another_login(provider, settings, db):
    """An attacker's code put into the victim's callback (login CSRF / code injection): its ID
    token carries the other login's nonce. PKCE off here, so the nonce alone must refuse it."""
    settings.OIDC_USE_PKCE = False
    provider.accounts({"attacker": account(username="attacker")})
    attacker, victim = Client(), Client()
    attacker_start = attacker.get(reverse("oidc_authentication_init"))
    attacker_callback = ProviderBrowser().to_callback(
        attacker_start["Location"], login="attacker", mfa=True
    )
    victim_start = victim.get(reverse("oidc_authentication_init"))
    victim_state = victim_start["Location"].split("state=", 1)[1].split("&", 1)[0]
    code = attacker_callback.split("code=", 1)[1].split("&", 1)[0]
    response = victim.get(
        reverse("oidc_authentication_callback"), {"code": code, "state": victim_state}
    )
    assert response.status_code in (302, 400)
    assert not signed_in_user(victim).is_authenticated


def test_it_ends_the_provider_session_at_logout(provider, db):
    provider.accounts({"sub-9": account(username="bye")})
    client = Client()
    browser = ProviderBrowser()
    sign_in(client, browser, "sub-9", mfa=True)
    response = client.post(reverse("logout"))
    assert not signed_in_user(client).is_authenticated
    end_session = response["Location"]
    assert end_session.startswith(f"{provider.url}/session/end?")
    # The provider asks to confirm (its own form with its own token), then ends its session.
    page = browser.session.get(end_session, timeout=10)
    xsrf = page.text.split('name="xsrf" value="', 1)[1].split('"', 1)[0]
    done = browser.session.post(
        f"{provider.url}/session/end/confirm",
        data={"xsrf": xsrf, "logout": "yes"},
        allow_redirects=False,
        timeout=10,
    )
    assert done.headers["Location"].startswith("http://testserver/login/")
    start = Client().get(reverse("oidc_authentication_init"))
    assert browser.prompt(start["Location"]) == "login"


def test_it_offers_both_logins_and_only_the_provider_when_local_login_is_off(
    provider, settings, team
):
    page = Client().get(reverse("login")).content.decode()
    assert 'id="oidc-login"' in page
    assert 'name="password"' in page
    settings.LOCAL_LOGIN = False
    settings.AUTHENTICATION_BACKENDS = [
        b for b in settings.AUTHENTICATION_BACKENDS if not b.endswith("ModelBackend")
    ]
    page = Client().get(reverse("login")).content.decode()
    assert 'id="oidc-login"' in page
    assert 'name="password"' not in page
    user = make_member("local", team, Membership.Role.WORKER)
    client = Client()
    client.post(reverse("login"), {"username": user.username, "password": PASSWORD})
    assert not signed_in_user(client).is_authenticated
