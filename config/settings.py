"""TĐKT settings: one file, driven by environment variables with safe defaults.

DJANGO_ENV=production turns on the production profile, which refuses to start
without DJANGO_SECRET_KEY and DJANGO_ALLOWED_HOSTS (see ``_require``).
"""

from pathlib import Path
import os

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("TDKT_VAR_DIR", BASE_DIR / "var"))

ENV = os.environ.get("DJANGO_ENV", "development")
PRODUCTION = ENV == "production"


def _env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def _env_list(name: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, "").split(",") if item.strip()]


def _require(name: str) -> str:
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(
            f"{name} must be set when DJANGO_ENV=production (production refuses unsafe defaults)."
        )
    return value


DEBUG = _env_bool("DJANGO_DEBUG", not PRODUCTION)

if PRODUCTION:
    SECRET_KEY = _require("DJANGO_SECRET_KEY")
    ALLOWED_HOSTS = _require("DJANGO_ALLOWED_HOSTS").split(",")
else:
    # A development-only key: never used when DJANGO_ENV=production.
    SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "dev-only-insecure-key-tdkt-not-for-production")
    ALLOWED_HOSTS = _env_list("DJANGO_ALLOWED_HOSTS") or ["127.0.0.1", "localhost", "[::1]", "testserver"]

CSRF_TRUSTED_ORIGINS = _env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "tdkt.core",
    "tdkt.documents",
    "tdkt.organizations",
    "tdkt.accounts",
    "tdkt.catalogue",
    "tdkt.emulation",
    "tdkt.decisions",
    "tdkt.nominations",
    "tdkt.plans",
    "tdkt.reports",
    "tdkt.portal",
    "tdkt.api",
    "tdkt.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "tdkt.core.middleware.LanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "tdkt.core.middleware.ContentSecurityPolicyMiddleware",
]

if PRODUCTION:
    # Serves collected static files (compressed, cache-busted) without a separate web server.
    MIDDLEWARE.insert(1, "whitenoise.middleware.WhiteNoiseMiddleware")

ROOT_URLCONF = "config.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "tdkt.accounts.context_processors.navigation",
            ],
        },
    },
]

WSGI_APPLICATION = "config.wsgi.application"

# --- Database -------------------------------------------------------------
# SQLite is the embedded default (WAL, IMMEDIATE transactions so that writers
# queue instead of failing with "database is locked"); DATABASE_URL switches to
# PostgreSQL, the production database.
DATABASE_URL = os.environ.get("DATABASE_URL", "")
if DATABASE_URL:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
else:
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": os.environ.get("TDKT_SQLITE_PATH", str(VAR_DIR / "tdkt.sqlite3")),
            "OPTIONS": {
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
                "init_command": (
                    "PRAGMA journal_mode=WAL;"
                    "PRAGMA synchronous=NORMAL;"
                    "PRAGMA foreign_keys=ON;"
                    "PRAGMA busy_timeout=20000;"
                    # Reads through a memory map instead of a read() per page: each request opens a
                    # new connection with an empty page cache (docs/decisions/0004-archive-name-search.md).
                    "PRAGMA mmap_size=1073741824;"
                    # Statement journals (needed by the award-tally triggers, reports/tally.py) stay in
                    # memory instead of a temporary file.
                    "PRAGMA temp_store=MEMORY;"
                    # A page cache of up to 64 MiB (the default is 2 MiB, allocated as used): a large
                    # transaction (a 20,000-line import) otherwise spills its dirty index pages to the
                    # WAL before it commits (benchmarks/import_nominees.py: ~45 ms of ~850).
                    "PRAGMA cache_size=-65536;"
                ),
            },
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "accounts:login"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Language, time -------------------------------------------------------
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Vietnamese")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
DATE_INPUT_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]
FORMAT_MODULE_PATH = ["tdkt.core.formats"]

# --- Static and uploaded files -------------------------------------------
STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
MEDIA_URL = "media/"
MEDIA_ROOT = Path(os.environ.get("TDKT_MEDIA_ROOT", VAR_DIR / "media"))
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
# Uploads (attachments): size and type are checked in tdkt.core.uploads.
TDKT_UPLOAD_MAX_BYTES = int(os.environ.get("TDKT_UPLOAD_MAX_BYTES", 20 * 1024 * 1024))
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# Imports of lists (tdkt.core.spreadsheets): the nominee lists of a dossier, and the historical archive.
TDKT_IMPORT_MAX_BYTES = int(os.environ.get("TDKT_IMPORT_MAX_BYTES", 10 * 1024 * 1024))
TDKT_IMPORT_MAX_ROWS = int(os.environ.get("TDKT_IMPORT_MAX_ROWS", 20_000))
TDKT_ARCHIVE_IMPORT_MAX_BYTES = int(os.environ.get("TDKT_ARCHIVE_IMPORT_MAX_BYTES", 50 * 1024 * 1024))
TDKT_ARCHIVE_IMPORT_MAX_ROWS = int(os.environ.get("TDKT_ARCHIVE_IMPORT_MAX_ROWS", 200_000))
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# --- Security -------------------------------------------------------------
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# Login throttling: this many failures per username (and per address) within
# the window locks further attempts for the window (tdkt.accounts.throttle).
TDKT_LOGIN_MAX_FAILURES = int(os.environ.get("TDKT_LOGIN_MAX_FAILURES", 5))
TDKT_LOGIN_WINDOW_SECONDS = int(os.environ.get("TDKT_LOGIN_WINDOW_SECONDS", 900))
if PRODUCTION:
    SECURE_SSL_REDIRECT = _env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", 31536000))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
if os.environ.get("TDKT_CACHE_URL"):
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                          "LOCATION": os.environ["TDKT_CACHE_URL"]}}

# --- Background tasks -----------------------------------------------------
# "inline" runs a task right after the transaction commits (tests, demo);
# "database" queues it for `manage.py run_worker` (production).
TDKT_TASKS_BACKEND = os.environ.get("TDKT_TASKS_BACKEND", "database" if PRODUCTION else "inline")

EMAIL_BACKEND = os.environ.get("DJANGO_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
# Plan reminders are mailed (tdkt.plans); Django reads the SMTP server from these when the SMTP backend is set.
EMAIL_HOST = os.environ.get("DJANGO_EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("DJANGO_EMAIL_PORT", 25))
EMAIL_HOST_USER = os.environ.get("DJANGO_EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("DJANGO_EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("DJANGO_EMAIL_USE_TLS", "") == "1"
DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_DEFAULT_FROM_EMAIL", "tdkt@localhost")
TDKT_PLAN_REMINDER_DAYS = int(os.environ.get("TDKT_PLAN_REMINDER_DAYS", 7))

# --- Documents and certificates ---------------------------------------------
# The địa danh printed in "Lạng Sơn, ngày … tháng … năm …" (Nghị định 30/2020).
TDKT_PLACE_NAME = os.environ.get("TDKT_PLACE_NAME", "Lạng Sơn")
# Public address printed in certificates' QR codes (behind a proxy it differs from the request host).
TDKT_PUBLIC_URL = os.environ.get("TDKT_PUBLIC_URL", "")
# Public certificate verification: look-ups per address per minute.
TDKT_VERIFY_MAX_LOOKUPS = int(os.environ.get("TDKT_VERIFY_MAX_LOOKUPS", 30))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING")},
}
