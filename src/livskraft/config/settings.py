"""Django settings. Defaults are for a local, embedded SQLite install; production reads
its secrets and database from the environment (see docs/deployment.md)."""

import os
from pathlib import Path

import dj_database_url

PACKAGE_DIR = Path(__file__).resolve().parent.parent
HOME = Path(os.environ.get("LIVSKRAFT_HOME") or Path.cwd() / "var").resolve()

PRODUCTION = os.environ.get("LIVSKRAFT_PRODUCTION") == "1"
DEBUG = os.environ.get("LIVSKRAFT_DEBUG") == "1"
if PRODUCTION:
    SECRET_KEY = os.environ["LIVSKRAFT_SECRET_KEY"]
else:
    SECRET_KEY = os.environ.get("LIVSKRAFT_SECRET_KEY", "local-development-only-not-secret")
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
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
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
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

LANGUAGE_CODE = "nb"
# Each language is named in its own words; Accept-Language or the switcher chooses.
LANGUAGES = [("nb", "Norsk bokmål"), ("nn", "Norsk nynorsk"), ("en", "English")]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = "Europe/Oslo"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = HOME / "static"
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
# Rate limits count per browser session, never per IP: a whole hall shares one network.
RATELIMIT_USE_CACHE = "default"

# Live workshop updates: in-memory channel layer by default, Redis in production.
CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}
if os.environ.get("LIVSKRAFT_REDIS_URL"):
    CHANNEL_LAYERS["default"] = {"BACKEND": "channels_redis.core.RedisChannelLayer",
                                 "CONFIG": {"hosts": [os.environ["LIVSKRAFT_REDIS_URL"]]}}

MEDIA_URL = "/vedlegg/"
MEDIA_ROOT = HOME / "media"
ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 12 * 1024 * 1024
EMAIL_BACKEND = os.environ.get(
    "LIVSKRAFT_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
DEFAULT_FROM_EMAIL = os.environ.get("LIVSKRAFT_FROM_EMAIL", "livskraft@localhost")
LOGIN_URL = "login"

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
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LIVSKRAFT_LOG_LEVEL", "WARNING")},
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
