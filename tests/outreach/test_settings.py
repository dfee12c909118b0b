"""Settings come from the environment and fail loudly; production values pass check --deploy."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION = {
    "DEBUG": "false",
    "SECRET_KEY": "a-production-like-secret-key-with-plenty-of-entropy-0123456789abcdef",
    "ALLOWED_HOSTS": "outreach.example.nl",
    "CSRF_TRUSTED_ORIGINS": "https://outreach.example.nl",
    "DATABASE_URL": "postgres://outreach@127.0.0.1:5432/outreach",
}


def manage(*args, **env):
    dropped = ("DEBUG", "SECRET_KEY", "DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE")
    base = {k: v for k, v in os.environ.items() if k not in dropped}
    data_dir = os.environ.get("TMPDIR", "/tmp") + "/outreach-settings-test"
    return subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**base, "DATA_DIR": data_dir, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_it_passes_check_deploy_with_production_variables():
    result = manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_it_refuses_to_start_without_a_secret_key_when_debug_is_off():
    result = manage("check", **{**PRODUCTION, "SECRET_KEY": ""})
    assert result.returncode != 0
    assert "SECRET_KEY is required when DEBUG is off" in result.stderr


def test_it_names_the_variable_of_a_malformed_value():
    result = manage("check", **{**PRODUCTION, "DEBUG": "maybe"})
    assert result.returncode != 0
    assert "DEBUG must be true or false" in result.stderr


def test_it_reads_the_database_and_locale_settings():
    code = (
        "from django.conf import settings as s; d = s.DATABASES['default'];"
        "print(d['ENGINE'], d['NAME'], s.TIME_ZONE, s.LANGUAGE_CODE, [c for c, _ in s.LANGUAGES])"
    )
    result = manage("shell", "-c", code, **PRODUCTION)
    assert result.returncode == 0, result.stderr
    expected = "django.db.backends.postgresql outreach Europe/Amsterdam nl ['nl', 'en']"
    assert expected in result.stdout
