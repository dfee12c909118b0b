"""The real OpenID Connect provider for the sign-in tests (tests/oidc/provider_process.py),
one per test session, sending the browser back to the test client's `testserver`."""

import pytest

from tests.oidc.flow import ORIGIN
from tests.oidc.provider_process import configure, running_provider


@pytest.fixture(scope="session")
def oidc_provider(tmp_path_factory):
    with running_provider(ORIGIN, tmp_path_factory.mktemp("oidc-provider")) as provider:
        yield provider


@pytest.fixture
def provider(oidc_provider, settings):
    """The provider, reset, with Outreach configured to use it (as the environment would)."""
    oidc_provider.mode(tamper=False, idTokenTtl=600)
    oidc_provider.accounts({})
    configure(settings, oidc_provider.url)
    return oidc_provider
