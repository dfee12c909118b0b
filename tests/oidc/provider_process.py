"""Starting the real OpenID Connect provider for the sign-in tests: panva's certified
`oidc-provider` (npm), run with node from tests/oidc/provider (server.js; `npm ci` there when
node_modules is missing). Without node the tests are skipped locally with that reason; CI
(.ci/run) installs node."""

import contextlib
import os
import shutil
import socket
import subprocess
import time
from pathlib import Path

import pytest
import requests

PROVIDER_DIR = Path(__file__).parent / "provider"
CLIENT_ID = "outreach"
CLIENT_SECRET = "outreach-test-client-secret"  # noqa: S105
START_TIMEOUT_SECONDS = 60


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Provider:
    def __init__(self, url):
        self.url = url

    def accounts(self, accounts):
        requests.post(f"{self.url}/_test/accounts", json=accounts, timeout=5).raise_for_status()

    def mode(self, **mode):
        requests.post(f"{self.url}/_test/mode", json=mode, timeout=5).raise_for_status()


@contextlib.contextmanager
def running_provider(origin, log_dir):
    """The provider on a free port, accepting `origin`'s callback and login page."""
    node = shutil.which("node")
    if node is None:
        if os.environ.get("CI"):
            pytest.fail("node is required in CI for the OpenID Connect tests")
        pytest.skip("node not found: the OpenID Connect tests need node (v20+) and npm")
    if not (PROVIDER_DIR / "node_modules").exists():
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=PROVIDER_DIR, check=True)
    port = _free_port()
    env = {
        **os.environ,
        "PORT": str(port),
        "CLIENT_ID": CLIENT_ID,
        "CLIENT_SECRET": CLIENT_SECRET,
        "REDIRECT_URIS": f"{origin}/oidc/callback/",
        "POST_LOGOUT_REDIRECT_URIS": f"{origin}/login/",
    }
    log = Path(log_dir) / "provider.log"
    process = subprocess.Popen(
        [node, "server.js"],
        cwd=PROVIDER_DIR,
        env=env,
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + START_TIMEOUT_SECONDS
    while True:
        try:
            requests.get(f"{url}/.well-known/openid-configuration", timeout=1).raise_for_status()
            break
        except requests.RequestException:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                raise RuntimeError(f"the test provider did not start:\n{log.read_text()}") from None
            time.sleep(0.2)
    try:
        yield Provider(url)
    finally:
        process.terminate()
        process.wait(timeout=10)


def configure(settings, url):
    """Outreach's settings for the provider at `url`, as the environment would give them."""
    settings.OIDC_ENABLED = True
    settings.OIDC_ISSUER = url
    settings.OIDC_RP_CLIENT_ID = CLIENT_ID
    settings.OIDC_RP_CLIENT_SECRET = CLIENT_SECRET
    settings.OIDC_OP_AUTHORIZATION_ENDPOINT = f"{url}/auth"
    settings.OIDC_OP_TOKEN_ENDPOINT = f"{url}/token"
    settings.OIDC_OP_USER_ENDPOINT = f"{url}/me"
    settings.OIDC_OP_JWKS_ENDPOINT = f"{url}/jwks"
    settings.OIDC_OP_LOGOUT_ENDPOINT = f"{url}/session/end"
    settings.OIDC_RP_SCOPES = "openid email profile groups"
    settings.AUTHENTICATION_BACKENDS = [
        *settings.AUTHENTICATION_BACKENDS,
        "outreach.oidc.OutreachOIDCBackend",
    ]
