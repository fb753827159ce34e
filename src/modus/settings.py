"""Settings for Modus, read from environment variables.

Defaults work on one machine with nothing installed: SQLite and media files live in
``MODUS_DATA_DIR`` (``./data``), e-mail goes to the console and background jobs run inline.
Production (``MODUS_PRODUCTION=1``) switches on the secure defaults checked by
``manage.py check --deploy``.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


BASE_DIR = Path(__file__).resolve().parent
DATA_DIR = Path(os.environ.get("MODUS_DATA_DIR", "data")).resolve()
DATA_DIR.mkdir(parents=True, exist_ok=True)

PRODUCTION = env_bool("MODUS_PRODUCTION")
DEBUG = env_bool("MODUS_DEBUG", default=False)

SECRET_KEY = os.environ.get("MODUS_SECRET_KEY", "")
if not SECRET_KEY:
    if PRODUCTION:
        from django.core.exceptions import ImproperlyConfigured

        raise ImproperlyConfigured("MODUS_SECRET_KEY must be set when MODUS_PRODUCTION=1.")
    SECRET_KEY = "insecure-development-key-set-MODUS_SECRET_KEY-in-production"

ALLOWED_HOSTS = env_list("MODUS_ALLOWED_HOSTS", "127.0.0.1,localhost,[::1],testserver")
CSRF_TRUSTED_ORIGINS = env_list("MODUS_CSRF_TRUSTED_ORIGINS")
SITE_URL = os.environ.get("MODUS_SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "axes",
    "modus.web",
    "modus.activity",
    "modus.accounts",
    "modus.directory",
    "modus.programmes",
    "modus.events",
    "modus.matchmaking",
    "modus.selection",
    "modus.partners",
    "modus.news",
    "modus.api",
    "modus.portal",
    "modus.results",
    "modus.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Before anything reads a body: too large or too deeply nested ones are refused unread.
    "modus.api.middleware.RequestBodyLimitMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "modus.web.middleware.ContentLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "modus.web.middleware.ContentSecurityPolicyMiddleware",
    "modus.web.middleware.MethodNotAllowedMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "modus.urls"
WSGI_APPLICATION = "modus.wsgi.application"

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
                "modus.web.context_processors.site",
            ],
        },
    }
]

DATA_DIR_DEFAULT_DB = f"sqlite:///{DATA_DIR / 'modus.sqlite3'}"
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or DATA_DIR_DEFAULT_DB,
        conn_max_age=int(os.environ.get("MODUS_DB_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    DATABASES["default"]["TEST"] = {"NAME": ":memory:"}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
# django-axes counts failed logins first; every login must pass the request to authenticate().
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "web:dashboard"
LOGOUT_REDIRECT_URL = "web:home"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("cs", _("Czech")), ("pl", _("Polish"))]
# Languages a reader may ask content in (?lang=, cookie, Accept-Language) beyond the interface's:
# the European Union's official languages; a German visitor is told "Not available in German".
READER_LANGUAGES = [
    *("bg", "hr", "cs", "da", "nl", "en", "et", "fi", "fr", "de", "el", "hu", "ga", "it"),
    *("lv", "lt", "mt", "pl", "pt", "ro", "sk", "sl", "es", "sv"),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["modus.formats"]
TIME_ZONE = "Europe/Brussels"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)  # whitenoise warns about a missing folder
MEDIA_URL = "/media/"
MEDIA_ROOT = DATA_DIR / "media"
# Files only their owners may download (application documents): never served as media.
MODUS_PRIVATE_ROOT = DATA_DIR / "private"
MODUS_CUT_OFF_REMINDER_DAYS = int(os.environ.get("MODUS_CUT_OFF_REMINDER_DAYS", "3"))
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
WHITENOISE_USE_FINDERS = not PRODUCTION
WHITENOISE_AUTOREFRESH = DEBUG

# Uploads: images for logos and news, checked for type and size in the forms.
MODUS_MAX_IMAGE_BYTES = int(os.environ.get("MODUS_MAX_IMAGE_BYTES", str(2 * 1024 * 1024)))
MODUS_MAX_IMPORT_BYTES = int(os.environ.get("MODUS_MAX_IMPORT_BYTES", str(10 * 1024 * 1024)))
# Request bodies. A body that is not a file upload holds at most DATA_UPLOAD_MAX_MEMORY_SIZE; any
# request announcing more than MODUS_MAX_REQUEST_BYTES is refused (413) before it is read: the
# largest upload (a call's 50 MB document) and its form. The server in front holds the same limit
# (README: gunicorn and nginx). JSON sent to the API nests at most MODUS_MAX_JSON_DEPTH levels.
DATA_UPLOAD_MAX_MEMORY_SIZE = int(os.environ.get("MODUS_MAX_BODY_BYTES", str(5 * 1024 * 1024)))
MODUS_MAX_REQUEST_BYTES = int(os.environ.get("MODUS_MAX_REQUEST_BYTES", str(51 * 1024 * 1024)))
MODUS_MAX_JSON_DEPTH = int(os.environ.get("MODUS_MAX_JSON_DEPTH", "64"))
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# E-mail: the console unless an SMTP host is configured.
EMAIL_HOST = os.environ.get("MODUS_EMAIL_HOST", "")
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend"
)
if os.environ.get("MODUS_TEST_EMAIL_DIR"):  # lets tests read what a separate process sent
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = os.environ["MODUS_TEST_EMAIL_DIR"]
EMAIL_PORT = int(os.environ.get("MODUS_EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("MODUS_EMAIL_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("MODUS_EMAIL_PASSWORD", "")
EMAIL_USE_TLS = env_bool("MODUS_EMAIL_USE_TLS", default=bool(EMAIL_HOST))
DEFAULT_FROM_EMAIL = os.environ.get("MODUS_FROM_EMAIL", "Modus <noreply@localhost>")

# Cache: local memory, or Redis when MODUS_REDIS_URL / REDIS_URL is set.
REDIS_URL = os.environ.get("MODUS_REDIS_URL", os.environ.get("REDIS_URL", ""))
CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
        if REDIS_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}

# Background jobs: inline without a broker, Celery when MODUS_CELERY_BROKER_URL is set.
CELERY_BROKER_URL = os.environ.get("MODUS_CELERY_BROKER_URL", "")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
# several deployments (or test runs) can share one Redis, each with a queue of its own
CELERY_TASK_DEFAULT_QUEUE = os.environ.get("MODUS_CELERY_QUEUE", "") or "celery"
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_RESULT_BACKEND = None
CELERY_BEAT_SCHEDULE = {
    "selection-reminders": {"task": "modus.selection.tasks.send_reminders_task", "schedule": 3600},
    "results-refresh": {"task": "modus.results.tasks.refresh_results_task", "schedule": 300},
    "results-follow-ups": {"task": "modus.results.tasks.send_follow_ups_task", "schedule": 3600},
    "partners-nudges": {"task": "modus.partners.tasks.send_nudges_task", "schedule": 3600},
}

REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "modus.api.schema.ProblemAutoSchema",
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "modus.accounts.authentication.ThrottledTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticatedOrReadOnly"],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 25,
    "DEFAULT_FILTER_BACKENDS": [
        "modus.api.filters.KnownQueryParameters",
        "django_filters.rest_framework.DjangoFilterBackend",
    ],
    "EXCEPTION_HANDLER": "modus.api.problems.problem_exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Modus API",
    "DESCRIPTION": "Directory of clusters and regions, news, programmes and events.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "ENUM_NAME_OVERRIDES": {
        "OrganisationKindEnum": "modus.directory.models.Organisation.Kind",
        "SessionKindEnum": "modus.events.models.Session.Kind",
        "LanguageEnum": LANGUAGES,
    },
}

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if PRODUCTION:
    SECURE_SSL_REDIRECT = env_bool("MODUS_SSL_REDIRECT", default=True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(os.environ.get("MODUS_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

# Throttling. Failed logins (django-axes): an account, and separately a client address, is locked
# for a while after MODUS_LOGIN_FAILURE_LIMIT failures; staff unlock it in the admin
# ("Access attempts") or with ``modus axes_reset_username EMAIL``. Behind a proxy, set
# MODUS_TRUSTED_PROXY_COUNT so the client's address is read from X-Forwarded-For.
MODUS_TRUSTED_PROXY_COUNT = int(os.environ.get("MODUS_TRUSTED_PROXY_COUNT", "0"))
AXES_FAILURE_LIMIT = int(os.environ.get("MODUS_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("MODUS_LOGIN_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_USERNAME_CALLABLE = "modus.accounts.throttling.login_username"
AXES_CLIENT_IP_CALLABLE = "modus.web.ratelimit.client_ip"
AXES_LOCKOUT_CALLABLE = "modus.accounts.views.locked_out"
AXES_VERBOSE = False
# Password-reset e-mails: per address and per client, in the cache, per hour.
MODUS_RESET_MAILS_PER_ADDRESS = int(os.environ.get("MODUS_RESET_MAILS_PER_ADDRESS", "3"))
MODUS_RESET_REQUESTS_PER_CLIENT = int(os.environ.get("MODUS_RESET_REQUESTS_PER_CLIENT", "10"))
# API requests with a wrong token: per client, per ten minutes, then 429.
MODUS_BAD_TOKENS_PER_CLIENT = int(os.environ.get("MODUS_BAD_TOKENS_PER_CLIENT", "20"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("MODUS_LOG_LEVEL", "WARNING")},
}
