"""Django settings. Defaults are for a local, embedded SQLite install; production reads
its secrets and database from the environment (see docs/deployment.md)."""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from livskraft.accounts.settings_from_environment import MissingOIDCSettings, oidc_settings

PACKAGE_DIR = Path(__file__).resolve().parent.parent
HOME = Path(os.environ.get("LIVSKRAFT_HOME") or Path.cwd() / "var").resolve()


def _refuse(problem: str, english: str) -> None:
    """Stop at start-up with what is wrong and how to fix it (see docs/deployment.md)."""
    raise ImproperlyConfigured(f"{problem} / {english} (docs/deployment.md)")


PRODUCTION = os.environ.get("LIVSKRAFT_PRODUCTION") == "1"
DEBUG = os.environ.get("LIVSKRAFT_DEBUG") == "1"
if PRODUCTION and DEBUG:
    _refuse("LIVSKRAFT_DEBUG=1 er ikke tillatt sammen med LIVSKRAFT_PRODUCTION=1: "
            "feilsider ville vist innstillinger og data",
            "LIVSKRAFT_DEBUG=1 is refused in production: error pages would show settings and data")
SECRET_KEY = os.environ.get("LIVSKRAFT_SECRET_KEY", "")
if PRODUCTION and len(SECRET_KEY) < 50:
    _refuse("LIVSKRAFT_SECRET_KEY mangler eller er kortere enn 50 tegn; lag en med "
            "`python -c 'import secrets; print(secrets.token_urlsafe(50))'`",
            "LIVSKRAFT_SECRET_KEY is missing or shorter than 50 characters")
SECRET_KEY = SECRET_KEY or "local-development-only-not-secret"
ALLOWED_HOSTS = os.environ.get("LIVSKRAFT_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]").split(",")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "livskraft.web",
    "livskraft.places",
    "livskraft.stats",
    "livskraft.profiles",
    "livskraft.placefinder",
    "livskraft.consultations",
    "livskraft.workshops",
    "livskraft.accounts",
    "axes",
    "ninja",  # its Swagger UI files are served from our static files (no CDN)
]

MIDDLEWARE = [
    "livskraft.web.health.HealthCheckMiddleware",  # /healthz, before host checks and redirects
    "django.middleware.gzip.GZipMiddleware",  # HTML, SVG, CSV; adds random bytes against BREACH
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "livskraft.web.busy.DatabaseBusyMiddleware",
    "livskraft.web.data_problem.DataProblemMiddleware",  # data that do not hang together: a page
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "livskraft.config.urls"
ASGI_APPLICATION = "livskraft.config.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{HOME / 'livskraft.sqlite3'}", conn_max_age=60
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # Several workers write at once: WAL lets readers go on while one writes; IMMEDIATE takes
    # the write lock when a transaction starts, so two writers queue on the busy timeout
    # instead of one failing at its first write; after the timeout the request gets a
    # retryable 503 (web/busy.py), never a 500.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": float(os.environ.get("LIVSKRAFT_SQLITE_TIMEOUT", "20")),
    }
if DATABASES["default"]["ENGINE"].endswith("postgresql"):
    # Under ASGI every concurrent request runs in a thread of its own, each with its own
    # connection: a hall answering at once exhausts the server's connection slots ("too
    # many clients"). A bounded pool (Django 5.1+, psycopg_pool) shares a few; a request
    # that waits longer than `timeout` for one gets the retryable 503 (web/busy.py).
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {
        "min_size": 2, "max_size": int(os.environ.get("LIVSKRAFT_DB_POOL_SIZE", "20")),
        "timeout": 20}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

FORM_RENDERER = "livskraft.web.form_renderer.DesignsystemetRenderer"

LANGUAGE_CODE = "nb"
# Each language is named in its own words; Accept-Language or the switcher chooses.
LANGUAGES = [("nb", "Norsk bokmål"), ("nn", "Norsk nynorsk"), ("en", "English")]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
# Numbers, dates and times per language (livskraft/formats/<language>/formats.py).
FORMAT_MODULE_PATH = ["livskraft.formats"]
TIME_ZONE = "Europe/Oslo"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("LIVSKRAFT_STATIC_ROOT") or HOME / "static")
WHITENOISE_USE_FINDERS = not PRODUCTION
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}

CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
if os.environ.get("LIVSKRAFT_REDIS_URL"):
    CACHES["default"] = {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                         "LOCATION": os.environ["LIVSKRAFT_REDIS_URL"]}
# Finished anonymous pages (livskraft.web.page_store): in each process's memory, and those
# without a query string in this folder, shared by the processes and kept for the next start.
PAGE_STORE_DIR = Path(os.environ.get("LIVSKRAFT_PAGE_STORE") or HOME / "cache" / "pages")
# National tables derived from the data (livskraft.stats.table_store), per data version:
# computed by import-data and sync, read by every process and start of this machine.
TABLE_STORE_DIR = Path(os.environ.get("LIVSKRAFT_TABLE_STORE") or HOME / "cache" / "tables")
# Rate limits count per browser session or participant; per IP only as a high backstop for
# clients without cookies: a whole hall shares one network.
RATELIMIT_USE_CACHE = "default"
# The open API (livskraft.api): requests per address. Behind nginx set LIVSKRAFT_PROXIES=1 so
# the client's address is read from X-Forwarded-For (only the hop nginx added is trusted).
API_RATE = os.environ.get("LIVSKRAFT_API_RATE", "120/m")
NINJA_NUM_PROXIES = int(os.environ.get("LIVSKRAFT_PROXIES", "0"))

# Live workshop updates: in-memory channel layer by default, Redis in production.
CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}
if os.environ.get("LIVSKRAFT_REDIS_URL"):
    # redis-py 8 reads with a 5 s socket timeout by default, the same 5 s channels_redis
    # blocks for in BZPOPMIN: on a busy machine the read times out and drops the websocket
    # with the answer in it. Reads may take a minute before a connection counts as dead.
    CHANNEL_LAYERS["default"] = {"BACKEND": "channels_redis.core.RedisChannelLayer",
                                 "CONFIG": {"hosts": [{"address": os.environ[
                                     "LIVSKRAFT_REDIS_URL"], "socket_timeout": 60}]}}

MEDIA_URL = "/vedlegg/"
# Attachments: every process must see the same folder (a shared volume when there are several
# machines or containers); the committee downloads them through a view that checks access.
MEDIA_ROOT = Path(os.environ.get("LIVSKRAFT_MEDIA_ROOT") or HOME / "media")
ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 12 * 1024 * 1024
# Receipts carry a private link: production sends them by SMTP, never to the console/log.
EMAIL_BACKEND = os.environ.get("LIVSKRAFT_EMAIL_BACKEND") or (
    "django.core.mail.backends.smtp.EmailBackend" if PRODUCTION
    else "django.core.mail.backends.console.EmailBackend")
if PRODUCTION and EMAIL_BACKEND.rsplit(".", 2)[-2] in ("console", "filebased"):
    _refuse("LIVSKRAFT_EMAIL_BACKEND kan ikke skrive e-post til konsoll eller fil i produksjon: "
            "kvitteringene har private lenker",
            "e-mail to console or file is refused in production: receipts hold private links")
EMAIL_HOST = os.environ.get("LIVSKRAFT_EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("LIVSKRAFT_EMAIL_PORT", "587" if PRODUCTION else "25"))
EMAIL_HOST_USER = os.environ.get("LIVSKRAFT_EMAIL_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("LIVSKRAFT_EMAIL_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("LIVSKRAFT_EMAIL_TLS", "1" if PRODUCTION else "0") == "1"
EMAIL_TIMEOUT = 20
DEFAULT_FROM_EMAIL = os.environ.get("LIVSKRAFT_FROM_EMAIL", "livskraft@localhost")
# Who answers questions about accessibility and personal data (the accessibility and privacy pages).
LIVSKRAFT_CONTACT_EMAIL = os.environ.get("LIVSKRAFT_CONTACT_EMAIL", "")
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "account"

# Wrong passwords: after 5 for one user name, that name is locked for 15 minutes (by name,
# not IP: a kommune's office or a hall shares one address). The lockout page says so in the
# user's language. Rotating user names from one address meets the per-address ceiling on
# the login view instead (config/account.py), hence axes.W006 is silenced.
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend",
                           "django.contrib.auth.backends.ModelBackend"]
# Single sign-on for staff (OpenID Connect: ID-porten, Feide, Entra ID), off unless
# LIVSKRAFT_OIDC_CLIENT_ID is set (docs/deployment.md, livskraft/accounts/oidc.py).
try:
    _oidc = oidc_settings(os.environ)
except MissingOIDCSettings as missing:
    _refuse(f"LIVSKRAFT_OIDC_CLIENT_ID er satt, men disse mangler: {missing}",
            f"LIVSKRAFT_OIDC_CLIENT_ID is set but these are missing: {missing}")
globals().update(_oidc)
if _oidc["OIDC_ENABLED"]:
    AUTHENTICATION_BACKENDS.append("livskraft.accounts.oidc.StaffBackend")
PASSWORD_RESET_TIMEOUT = 3 * 24 * 3600  # the e-mail says three days
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = ["username"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked.html"
AXES_SENSITIVE_PARAMETERS = ["password"]
AXES_DISABLE_ACCESS_LOG = True  # keep no record of successful logins
AXES_VERBOSE = False
AXES_CLIENT_STR_CALLABLE = "livskraft.web.log_privacy.unnamed_client"
SILENCED_SYSTEM_CHECKS = ["axes.W006"]

# Everything is served from this site: no inline scripts or styles, no other origins.
CONTENT_SECURITY_POLICY = {"DIRECTIVES": {
    "default-src": ["'self'"], "script-src": ["'self'"], "style-src": ["'self'"],
    "img-src": ["'self'", "data:"], "font-src": ["'self'"], "connect-src": ["'self'"],
    "object-src": ["'none'"], "base-uri": ["'self'"], "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
}}

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if PRODUCTION:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = os.environ.get("LIVSKRAFT_SSL_REDIRECT", "1") == "1"
    SECURE_HSTS_SECONDS = 31536000
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # Private tokens, join codes and e-mail addresses never reach the log (web/log_privacy.py).
    "filters": {"private": {"()": "livskraft.web.log_privacy.RedactPrivateData"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["private"]}},
    "root": {"handlers": ["console"], "level": os.environ.get("LIVSKRAFT_LOG_LEVEL", "WARNING")},
    # Django's own console handler (DEBUG only) would bypass the filter: send all to root.
    "loggers": {"django": {"handlers": [], "propagate": True}},
}

# SSB endpoints; overridable so a mirror (or a test server) can stand in.
SSB_PXWEB_URL = os.environ.get("LIVSKRAFT_SSB_PXWEB_URL", "https://data.ssb.no/api/pxwebapi/v2")
SSB_KLASS_URL = os.environ.get("LIVSKRAFT_SSB_KLASS_URL", "https://data.ssb.no/api/klass/v1")
# An edited industry → group mapping (CSV with naering, gruppe); default: the documented one.
INDUSTRY_GROUPS_FILE = os.environ.get("LIVSKRAFT_INDUSTRY_GROUPS") or None
# SSB table ids for jobs by workplace and industry, death probabilities and fertility rates.
SSB_JOBS_TABLE = os.environ.get("LIVSKRAFT_SSB_JOBS_TABLE", "13470")
SSB_MORTALITY_TABLE = os.environ.get("LIVSKRAFT_SSB_MORTALITY_TABLE", "07902")
SSB_FERTILITY_TABLE = os.environ.get("LIVSKRAFT_SSB_FERTILITY_TABLE", "04232")
SSB_PROJECTION_TABLE = os.environ.get("LIVSKRAFT_SSB_PROJECTION_TABLE", "14288")
SSB_RETRY_BACKOFF_SECONDS = float(os.environ.get("LIVSKRAFT_SSB_RETRY_BACKOFF", "2"))
