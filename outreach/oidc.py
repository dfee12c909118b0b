"""Signing in with the organisation's accounts: OpenID Connect through mozilla-django-oidc.

The library does the authorization code flow with state, nonce and PKCE and checks the ID
token's signature against the provider's keys (and its expiry, through PyJWT). This module adds
what Outreach needs on top: the token's issuer and audience checked, the user found by the
provider's `sub` (never by e-mail), memberships following the groups claim at every login, and
the provider's word on multi-factor authentication (`amr`/`acr`) standing in for Outreach's own
second step. docs/sso.md describes the settings.
"""

from urllib.parse import urlencode

import jwt
from django.conf import settings
from django.core.exceptions import SuspiciousOperation
from django.http import Http404
from django.shortcuts import resolve_url
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView, OIDCAuthenticationRequestView

from outreach.middleware import SESSION_PROVIDER_MFA
from outreach.services import oidc_roles_sync, oidc_user_get_or_create

# mozilla-django-oidc's session key for the ID token (OIDC_STORE_ID_TOKEN), the hint that ends
# the provider's session at logout.
SESSION_ID_TOKEN = "oidc_id_token"


def provider_did_mfa(payload):
    """Whether the ID token says the login used more than a password: one of OIDC_MFA_VALUES in
    the OIDC_MFA_CLAIM claim (`amr`, a list, or `acr`, one value)."""
    value = payload.get(settings.OIDC_MFA_CLAIM)
    given = set(value) if isinstance(value, list) else {value}
    return bool(given & set(settings.OIDC_MFA_VALUES))


class OutreachOIDCBackend(OIDCAuthenticationBackend):
    def verify_token(self, token, **kwargs):
        try:
            payload = super().verify_token(token, **kwargs)
        except jwt.InvalidTokenError as error:
            # The library turns only a bad signature into a refusal; an expired or not yet
            # valid token must be one too, not a server error.
            raise SuspiciousOperation(f"ID token refused: {error}") from None
        # The library checks signature, expiry and nonce; a token for another client or from
        # another issuer signed with a shared key must not count either.
        audience = payload.get("aud")
        audiences = audience if isinstance(audience, list) else [audience]
        if payload.get("iss") != settings.OIDC_ISSUER:
            raise SuspiciousOperation("ID token from another issuer.")
        if self.OIDC_RP_CLIENT_ID not in audiences:
            raise SuspiciousOperation("ID token for another client.")
        return payload

    def get_or_create_user(self, access_token, id_token, payload):
        claims = self.get_userinfo(access_token, id_token, payload)
        if claims.get("sub") != payload["sub"]:
            raise SuspiciousOperation("User info is about someone else than the ID token.")
        user = oidc_user_get_or_create(
            acting_user=None, issuer=payload["iss"], subject=payload["sub"], claims=claims
        )
        groups = claims.get(settings.OIDC_GROUPS_CLAIM) or payload.get(settings.OIDC_GROUPS_CLAIM)
        oidc_roles_sync(acting_user=None, user=user, groups=groups or [])
        # Read by the callback view once the session is the user's own (login cycles its key).
        user.provider_mfa = provider_did_mfa(payload)
        return user


def _require_oidc():
    if not settings.OIDC_ENABLED:
        raise Http404


class SignIn(OIDCAuthenticationRequestView):
    def get(self, request):
        _require_oidc()
        return super().get(request)


class Callback(OIDCAuthenticationCallbackView):
    def get(self, request):
        _require_oidc()
        return super().get(request)

    def login_success(self):
        response = super().login_success()
        if getattr(self.user, "provider_mfa", False):
            self.request.session[SESSION_PROVIDER_MFA] = self.user.pk
        return response


def provider_logout_url(request, *, id_token):
    """Where to send the browser after Outreach's own logout to end the provider's session too
    (RP-initiated logout), or None when the provider has no end-session endpoint configured."""
    if not (settings.OIDC_ENABLED and settings.OIDC_OP_LOGOUT_ENDPOINT and id_token):
        return None
    back = request.build_absolute_uri(resolve_url(settings.LOGOUT_REDIRECT_URL))
    query = urlencode(
        {
            "id_token_hint": id_token,
            "client_id": settings.OIDC_RP_CLIENT_ID,
            "post_logout_redirect_uri": back,
        }
    )
    return f"{settings.OIDC_OP_LOGOUT_ENDPOINT}?{query}"
