"""Settings for qualreg, read from the environment (see README, "Running in production")."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

import dj_database_url
import django_stubs_ext
from django.conf.locale import LANG_INFO

from qualreg.lib import languages
from qualreg.lib.env import ConfigError, env_bool, env_choice, env_int, env_list, env_str

# Lets classes such as ModelAdmin[Person] be written as their types say (no effect otherwise).
django_stubs_ext.monkeypatch()

BASE_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = Path(env_str("QUALREG_DATA_DIR", str(BASE_DIR / "data")))

# "development" keeps a generated secret in the data folder and may run with DEBUG;
# "production" requires every secret from the environment and turns on HTTPS-only cookies.
ENVIRONMENT = env_choice("QUALREG_ENV", "development", ["development", "production"])
PRODUCTION = ENVIRONMENT == "production"
DEBUG = env_bool("DEBUG", default=False)
if PRODUCTION and DEBUG:
    raise ConfigError("DEBUG must be false when QUALREG_ENV is production")


def _development_secret_key() -> str:
    """A secret generated once per checkout and kept, so sessions survive restarts."""
    path = DATA_DIR / "secret_key"
    if not path.exists():
        DATA_DIR.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


SECRET_KEY = (
    env_str("SECRET_KEY")
    if PRODUCTION
    else env_str("SECRET_KEY", "") or (_development_secret_key())
)
if len(SECRET_KEY) < 32:
    raise ConfigError("SECRET_KEY must be at least 32 characters long")

# Login codes are stored as a keyed hash; the key can be rotated apart from SECRET_KEY.
LOGIN_CODE_HASH_KEY = env_str("LOGIN_CODE_HASH_KEY", "") or SECRET_KEY

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", [] if PRODUCTION else ["127.0.0.1", "localhost", "[::1]"])
if PRODUCTION and not ALLOWED_HOSTS:
    raise ConfigError("ALLOWED_HOSTS must be set when QUALREG_ENV is production")

INSTALLED_APPS = [
    "qualreg.accounts.apps.QualregAdminConfig",  # django.contrib.admin, password forms throttled
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "csp",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "qualreg.lib",
    "qualreg.accounts",
    "qualreg.privacy",
    "qualreg.people",
    "qualreg.centres",
    "qualreg.questionnaire",
    "qualreg.registration",
    "qualreg.exports",
    "qualreg.advisers",
    "qualreg.statistics",
    "qualreg.directorate",
    "qualreg.corrections",
    "qualreg.demo",
]

MIDDLEWARE = [
    "qualreg.lib.middleware.RequestLogMiddleware",
    "qualreg.lib.script_replies.ScriptReplyMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "qualreg.lib.middleware.IdleSessionMiddleware",
    "qualreg.lib.middleware.LocaleMiddleware",
    "qualreg.lib.middleware.LanguageCookieMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
]

ROOT_URLCONF = "qualreg.urls"
WSGI_APPLICATION = "qualreg.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "qualreg" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "qualreg.lib.context_processors.site",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{DATA_DIR / 'qualreg.sqlite3'}"),
        # Opening a connection per request costs ~3x on PostgreSQL; keep them open.
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 600, minimum=0),
        # One `SELECT 1` at each request's first query, so that a connection the database
        # dropped (a restart) is replaced instead of failing a request: one more round trip
        # per request (a save makes three more); see docs/benchmarks.md.
        conn_health_checks=env_bool("DATABASE_HEALTH_CHECKS", default=True),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Django's backend, with `PRAGMA optimize` as each connection closes (qualreg/lib/sqlite).
    DATABASES["default"]["ENGINE"] = "qualreg.lib.sqlite"
    # WAL lets readers and the one writer work at once; a busy timeout waits instead of failing.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
    # Tests use a file too: an in-memory database shared by the browser tests' server threads
    # fails simultaneous writes ("table is locked") where a real database would wait.
    DATABASES["default"]["TEST"] = {"NAME": str(DATA_DIR / f"test-{os.getpid()}.sqlite3")}
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Parameters bound by the server, so that a statement run again and again on a connection
    # (the session read, the draft read and the answer save) is prepared once.
    DATABASES["default"].setdefault("OPTIONS", {})["server_side_binding"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "centres:login"
# Shown in authenticator apps beside an adviser's account name.
OTP_TOTP_ISSUER = "qualreg"
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Sessions live in the database so that several app processes behave as one.
SESSION_ENGINE = "qualreg.lib.sessions"
SESSION_COOKIE_AGE = env_int("SESSION_IDLE_MINUTES", 60, minimum=5, maximum=24 * 60) * 60
# The lifetime counts from the last activity (an idle timeout): IdleSessionMiddleware saves an
# active session at most once a minute, rather than on every request.
SESSION_SAVE_EVERY_REQUEST = False
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
SECURE = env_bool("SECURE_COOKIES", default=PRODUCTION)
SESSION_COOKIE_SECURE = SECURE
CSRF_COOKIE_SECURE = SECURE
LANGUAGE_COOKIE_SECURE = SECURE
LANGUAGE_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=PRODUCTION)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000 if PRODUCTION else 0, minimum=0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = PRODUCTION
SECURE_HSTS_PRELOAD = PRODUCTION
BEHIND_TLS_PROXY = env_bool("BEHIND_TLS_PROXY", default=PRODUCTION)
if BEHIND_TLS_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# How many proxies in front of the app append to X-Forwarded-For: login throttling counts
# tries per client address, which is the address the outermost trusted proxy saw.
TRUSTED_PROXIES = env_int("TRUSTED_PROXIES", 1 if BEHIND_TLS_PROXY else 0, minimum=0, maximum=5)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'none'"],
        "object-src": ["'none'"],
    }
}

# Languages. Django does not know several of ours, so they are added to LANG_INFO; a language
# activates only when a catalogue for it is shipped in qualreg/locale.
LANG_INFO.update(languages.django_lang_info())
LANGUAGES = [(language.code, language.autonym) for language in languages.LANGUAGES]
LANGUAGES_BIDI = [language.code for language in languages.LANGUAGES if language.bidi]
LANGUAGE_CODE = env_choice("LANGUAGE_CODE", languages.DEFAULT, list(languages.CODES))
LOCALE_PATHS = [BASE_DIR / "qualreg" / "locale"]
USE_I18N = True
TIME_ZONE = "Europe/Oslo"
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "qualreg" / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_MAX_AGE = 365 * 24 * 3600 if not DEBUG else 0

# How long a one-time login code stays valid, and how hard guessing is made.
LOGIN_CODE_DAYS = env_int("LOGIN_CODE_DAYS", 14, minimum=1, maximum=90)
LOGIN_CODE_MAX_FAILURES = env_int("LOGIN_CODE_MAX_FAILURES", 5, minimum=1)
LOGIN_CODE_LOCKOUT_MINUTES = env_int("LOGIN_CODE_LOCKOUT_MINUTES", 15, minimum=1)
# Different DUF numbers that may fail from one address (not tries: a centre shares one Wi-Fi).
LOGIN_CLIENT_MAX_FAILURES = env_int("LOGIN_CLIENT_MAX_FAILURES", 25, minimum=1)
# How long `manage.py purge` keeps the audit rows of failed logins (guessing adds one per try).
FAILED_LOGIN_RETENTION_DAYS = env_int("FAILED_LOGIN_RETENTION_DAYS", 90, minimum=1)
# The data's lifetime (`manage.py purge`, docs/privacy.md): a draft nobody touched for this
# long; a resident added this long ago with no registration, consent decision or code since;
# a completed registration this long after completion; a login code this long after it was
# used, replaced or expired (so that a retyped old code is told "used", not "wrong").
DRAFT_RETENTION_DAYS = env_int("DRAFT_RETENTION_DAYS", 180, minimum=1)
INACTIVE_RESIDENT_DAYS = env_int("INACTIVE_RESIDENT_DAYS", 730, minimum=1)
REGISTRATION_RETENTION_DAYS = env_int("REGISTRATION_RETENTION_DAYS", 1826, minimum=1)
LOGIN_CODE_RETENTION_DAYS = env_int("LOGIN_CODE_RETENTION_DAYS", 7, minimum=0)
# The administrators' retention of the audit log: never shorter than the registrations whose
# reads it records.
AUDIT_RETENTION_DAYS = env_int("AUDIT_RETENTION_DAYS", 2192, minimum=REGISTRATION_RETENTION_DAYS)
# Days between a resident withdrawing consent and `manage.py purge` deleting their
# registrations; consenting again within them keeps the registrations.
CONSENT_WITHDRAWAL_GRACE_DAYS = env_int("CONSENT_WITHDRAWAL_GRACE_DAYS", 30, minimum=1)
SERVICE_URL = env_str("SERVICE_URL", "http://127.0.0.1:8000")
# E-mail: only the set-up links of new advisers are sent. In development they are printed.
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if PRODUCTION or env_str("EMAIL_HOST", "")
    else "django.core.mail.backends.console.EmailBackend"
)
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 587, minimum=1, maximum=65535)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", default=True)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "qualreg@localhost")
# A new adviser's set-up link works once, for this long.
PASSWORD_RESET_TIMEOUT = env_int("ADVISER_SETUP_LINK_DAYS", 3, minimum=1, maximum=14) * 24 * 3600
CONTACT_EMAIL = env_str("CONTACT_EMAIL", "post@imdi.no")
# Where the PDF's fonts are (Noto Sans, Noto Sans Arabic and Noto Sans Ethiopic as .ttf).
PDF_FONT_DIR = env_str("PDF_FONT_DIR", "/usr/share/fonts/truetype/noto")

# Every record reaches the one console handler through the root logger (Python's last-resort
# handler is never used), and `logsafe.configure` makes each record safe where it is created:
# Django's request and security records name the route instead of the path, exception
# messages are redacted from tracebacks, other libraries' message values are dropped but for
# the numbers they format as numbers. So WeasyPrint's steps and fontTools' font subsets log
# at INFO like any library: their values (file names, glyph names, the text of a document)
# arrive redacted, their page and glyph counts as numbers.
LOGGING_CONFIG = "qualreg.lib.logsafe.configure"
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "plain"},
        "null": {"class": "logging.NullHandler"},
    },
    "root": {"handlers": ["console"], "level": "INFO"},
    "loggers": {
        # Django's default handlers (console when DEBUG, mail to ADMINS) are replaced by root's.
        "django": {"handlers": [], "level": "INFO"},
        # 4xx responses are in the request log already (qualreg.access, one line each);
        # django.request adds the traceback of 5xx responses.
        "django.request": {"level": "ERROR"},
        # DisallowedHost, CSRF failures, SuspiciousOperation: kind, method and route.
        "django.security": {"level": "WARNING"},
        # runserver's own access line quotes the raw path; ours replaces it.
        "django.server": {"handlers": ["null"], "propagate": False},
        # At DEBUG it would log every statement with its parameters.
        "django.db.backends": {"level": "WARNING"},
    },
}

CSRF_FAILURE_VIEW = "qualreg.lib.views.csrf_failure"
ADMIN_SITE_HEADER = "qualreg"
