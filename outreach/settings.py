"""All settings, read from the environment in this one file.

The helpers below fail loudly: a malformed value stops the process at start-up with the name of the
variable, rather than running with a silently wrong configuration. docs/configuration.md lists every
variable.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_str(name, default=None):
    value = os.environ.get(name, "").strip()
    return value if value else default


def env_bool(name, default):
    value = env_str(name)
    if value is None:
        return default
    if value.lower() in ("1", "true", "yes", "on"):
        return True
    if value.lower() in ("0", "false", "no", "off"):
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}")


def env_int(name, default):
    value = env_str(name)
    if value is None:
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}") from None


def env_list(name, default):
    value = env_str(name)
    if value is None:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)

SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is required when DEBUG is off (set DEBUG=true for local development)."
        )
    SECRET_KEY = "insecure-development-key-only-used-with-DEBUG-on"  # noqa: S105

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

# Where the embedded SQLite database lives by default; git-ignored.
DATA_DIR = Path(env_str("DATA_DIR", str(BASE_DIR / "data")))

INSTALLED_APPS = [
    "outreach",
    "cases",
    "network",
    "zrm",
    "figures",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_htmx",
    "template_partials",
    "csp",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
]
if DEBUG:
    # Development data (seed_demo, the scale data): installed only on a development machine,
    # apart from the product.
    INSTALLED_APPS.append("devdata")

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # After WhiteNoise (static files stay cacheable) and before everything that can answer a
    # logged-in session, so that every such answer passes it.
    "outreach.middleware.no_store_for_authenticated",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "outreach.middleware.provider_second_factor",
    "outreach.drafts.DraftRescueMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "outreach.middleware.session_limits",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # After session_limits (an ended session logs out first) and HtmxMiddleware (request.htmx).
    "outreach.middleware.second_factor_required",
    # Last, as django-axes requires: it answers a locked-out login with the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "outreach.urls"
WSGI_APPLICATION = "outreach.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "csp.context_processors.nonce",
                "outreach.context_processors.memberships",
            ],
        },
    }
]

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{DATA_DIR / 'outreach.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
# SQLite, the embedded default, must take parallel requests: a page loads htmx parts at once, and
# every request writes (the session, the access log). WAL: readers go on while one connection
# writes. The busy timeout: a writer waits for the one in progress rather than failing with
# "database is locked" (Python's default is 5 s; gunicorn's timeout in docs/deployment.md is
# 60 s). IMMEDIATE: a transaction takes the write lock as it begins; one that reads and then
# writes would otherwise meet another writer halfway, which SQLite refuses at once. Persistent
# connections (conn_max_age) do no harm here; the health check is a no-op on SQLite.
SQLITE_BUSY_TIMEOUT_SECONDS = 20
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": SQLITE_BUSY_TIMEOUT_SECONDS,
        "init_command": "PRAGMA journal_mode=WAL;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# Each worker's own memory: the cached drawings (outreach/fragments.py) hold client names, so they
# stay in the process that drew them, are never written to disk or to a shared server, and go
# with a restart. Keyed by their data, so workers never disagree; only the hit rate is per worker.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "OPTIONS": {"MAX_ENTRIES": 1000},
    }
}

AUTH_USER_MODEL = "outreach.User"
# Local accounts (username and password) and, when OIDC_CLIENT_ID is set, the organisation's
# identity provider (OpenID Connect, outreach/oidc.py; docs/sso.md). Local login is the default;
# LOCAL_LOGIN=false removes the password backend, so no password works, the admin's included.
LOCAL_LOGIN = env_bool("LOCAL_LOGIN", True)
OIDC_RP_CLIENT_ID = env_str("OIDC_CLIENT_ID")
OIDC_ENABLED = OIDC_RP_CLIENT_ID is not None
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    *(["django.contrib.auth.backends.ModelBackend"] if LOCAL_LOGIN else []),
    *(["outreach.oidc.OutreachOIDCBackend"] if OIDC_ENABLED else []),
]
if not (LOCAL_LOGIN or OIDC_ENABLED):
    raise ImproperlyConfigured("LOCAL_LOGIN=false needs OIDC_CLIENT_ID: nobody could log in.")
# The provider: its issuer (checked against every ID token's `iss`) and endpoints, as its
# /.well-known/openid-configuration lists them.
OIDC_ISSUER = env_str("OIDC_ISSUER")
OIDC_RP_CLIENT_SECRET = env_str("OIDC_CLIENT_SECRET")
OIDC_OP_AUTHORIZATION_ENDPOINT = env_str("OIDC_AUTHORIZATION_ENDPOINT")
OIDC_OP_TOKEN_ENDPOINT = env_str("OIDC_TOKEN_ENDPOINT")
OIDC_OP_USER_ENDPOINT = env_str("OIDC_USERINFO_ENDPOINT")
OIDC_OP_JWKS_ENDPOINT = env_str("OIDC_JWKS_ENDPOINT")
OIDC_OP_LOGOUT_ENDPOINT = env_str("OIDC_END_SESSION_ENDPOINT")
if OIDC_ENABLED:
    missing = [
        name
        for name, value in [
            ("OIDC_ISSUER", OIDC_ISSUER),
            ("OIDC_CLIENT_SECRET", OIDC_RP_CLIENT_SECRET),
            ("OIDC_AUTHORIZATION_ENDPOINT", OIDC_OP_AUTHORIZATION_ENDPOINT),
            ("OIDC_TOKEN_ENDPOINT", OIDC_OP_TOKEN_ENDPOINT),
            ("OIDC_USERINFO_ENDPOINT", OIDC_OP_USER_ENDPOINT),
            ("OIDC_JWKS_ENDPOINT", OIDC_OP_JWKS_ENDPOINT),
        ]
        if not value
    ]
    if missing:
        raise ImproperlyConfigured(f"OIDC_CLIENT_ID is set, so set {', '.join(missing)} too.")
OIDC_RP_SCOPES = env_str("OIDC_SCOPES", "openid email profile")
OIDC_RP_SIGN_ALGO = env_str("OIDC_SIGN_ALGORITHM", "RS256")
OIDC_USE_PKCE = True
OIDC_STORE_ID_TOKEN = True
OIDC_TIMEOUT = env_int("OIDC_TIMEOUT_SECONDS", 10)
OIDC_AUTHENTICATE_CLASS = "outreach.oidc.SignIn"
OIDC_CALLBACK_CLASS = "outreach.oidc.Callback"
LOGIN_REDIRECT_URL_FAILURE = "login"
# The claim with the user's groups (mapped to teams and roles in the admin), and the claim and
# values that mean the provider did multi-factor authentication (Entra ID: amr contains "mfa").
OIDC_GROUPS_CLAIM = env_str("OIDC_GROUPS_CLAIM", "groups")
OIDC_MFA_CLAIM = env_str("OIDC_MFA_CLAIM", "amr")
OIDC_MFA_VALUES = env_list("OIDC_MFA_VALUES", ["mfa"])
# The button's text on the login page, e.g. "Microsoft-account van De Wijkploeg".
OIDC_PROVIDER_NAME = env_str("OIDC_PROVIDER_NAME", "je organisatie-account")
# Brute force: after 5 wrong passwords for one username from one address, that combination is
# locked for 15 minutes. By username and address together, so nobody can lock a colleague out
# from elsewhere. The address is the one the access log uses (TRUSTED_PROXY_COUNT).
AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("LOGIN_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_CLIENT_IP_CALLABLE = "outreach.access.origin_ip"
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
# Second factor (django-otp): a TOTP authenticator app, with one-time backup codes. Wrong codes
# are throttled per device: 1, 2, 4, 8 ... seconds between attempts.
OTP_TOTP_ISSUER = "Outreach"
OTP_TOTP_THROTTLE_FACTOR = 1
OTP_STATIC_THROTTLE_FACTOR = 1
# The admin's device pages must not show anyone's TOTP key or backup codes.
OTP_ADMIN_HIDE_SENSITIVE_DATA = True
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "outreach.passwords.PassphraseLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Dutch")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["outreach.formats"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
WHITENOISE_USE_FINDERS = DEBUG
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# The name printed on reports and shown in the top bar.
ORGANISATION_NAME = env_str("ORGANISATION_NAME", "Outreach")
# Where a client sends a request for correction or a complaint about their data, printed in the
# inspection file (an address, an e-mail address); empty: the letter says to ask their worker.
ORGANISATION_PRIVACY_CONTACT = env_str("ORGANISATION_PRIVACY_CONTACT", "")

# How many reverse proxies in front of the app append to X-Forwarded-For; 0 trusts no header
# and logs REMOTE_ADDR as the request's origin.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
if env_bool("SECURE_PROXY_SSL_HEADER", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Security. Production is the default; DEBUG relaxes only what plain-HTTP development needs.
SESSION_COOKIE_AGE = env_int("SESSION_IDLE_SECONDS", 30 * 60)
SESSION_ABSOLUTE_SECONDS = env_int("SESSION_ABSOLUTE_SECONDS", 12 * 60 * 60)
# Not on every request: a session in use is written once its last write is this old, which
# keeps the idle timeout to within this many seconds (outreach.middleware.keep_alive).
SESSION_SAVE_EVERY_REQUEST = False
SESSION_TOUCH_SECONDS = env_int("SESSION_TOUCH_SECONDS", 60)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_HTTPONLY = True
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", not DEBUG)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", not DEBUG)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Retention (docs/privacy.md): how long each class of record is kept before
# `manage.py purge_expired` removes it. The organisation decides these; the defaults follow
# common Dutch practice for social-work files and NEN 7513 logs.
RETENTION_CLOSED_CASE_YEARS = env_int("RETENTION_CLOSED_CASE_YEARS", 15)
RETENTION_DECLINED_SIGNAL_YEARS = env_int("RETENTION_DECLINED_SIGNAL_YEARS", 2)
RETENTION_ACCESS_LOG_YEARS = env_int("RETENTION_ACCESS_LOG_YEARS", 5)
# Days a deleted client or case stays restorable by an admin before the purge removes it.
RETENTION_DELETED_DAYS = env_int("RETENTION_DELETED_DAYS", 30)

# Our own origin only; no inline script without a nonce, no inline style. The SVG charts use
# presentation attributes, which CSP does not govern.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "frame-ancestors": [NONE],
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    # WeasyPrint reports every step of every PDF at INFO.
    "loggers": {
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}
