"""Settings shared by every environment. Configuration comes from environment variables."""

import datetime
import os
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


INSTALLED_APPS = [
    "portal",
    "home",
    "guidance",
    "guidance.training",
    "guidance.feedback",
    "directory",
    "search",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.settings",
    "wagtail.sites",
    "guidance.apps.UsersConfig",  # wagtail.users, its user admin held to the roles
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "post_office",
    "axes",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before sessions and authentication: a cached page for an anonymous reader needs neither.
    "portal.pagecache.AnonymousPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "portal.errors.SwedishNotAllowedMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "portal.security.SecurityHeadersMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

# Login throttling (django-axes): after AXES_FAILURE_LIMIT failed sign-ins for one username
# from one address, that pair is locked out for AXES_COOLOFF_TIME hours.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = float(os.environ.get("AXES_COOLOFF_TIME", "1"))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "lockout.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
# What axes stores as the username is a keyed hash: a personnummer typed there is not kept.
AXES_USERNAME_CALLABLE = "portal.privacy_guards.login_username"
AXES_SENSITIVE_PARAMETERS = ["username"]  # masked in the stored form data, like the password
# How many reverse proxies in front of gunicorn append to X-Forwarded-For (nginx: 1). The
# rate limits and django-axes take the client address from there (portal/clientip.py).
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
AXES_CLIENT_IP_CALLABLE = "portal.clientip.client_address"

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]


def cache_from_url(url: str) -> dict:
    """CACHE_URL: redis://host:6379/0 (production, shared), file:///var/cache/norrbus (one
    machine, shared by its workers), or empty for a cache per process (development)."""
    if url.startswith(("redis://", "rediss://")):
        return {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url}
    if url.startswith("file://"):
        return {
            "BACKEND": "portal.filecache.FileBasedCache",
            "LOCATION": url.removeprefix("file://"),
            "OPTIONS": {"MAX_ENTRIES": 50_000},
        }
    return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}


CACHES = {"default": cache_from_url(os.environ.get("CACHE_URL", ""))}

# The anonymous page cache (portal/pagecache.py): how long a page is kept at most (it is
# invalidated on publish, and expires at midnight anyway); 0 turns it off.
PAGE_CACHE_ALIAS = "default"
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "3600"))
# Variants (query strings, remembered municipalities) stored per path and version at most.
PAGE_CACHE_VARIANTS_PER_PATH = int(os.environ.get("PAGE_CACHE_VARIANTS_PER_PATH", "100"))
PAGE_CACHE_EXCLUDED_PATHS = ["/admin/", "/konto/", "/dokument/", "/halsa/", "/static/"]

# A CDN or caching proxy in front: FRONTEND_CACHE_PURGE_URL is where Wagtail sends PURGE
# requests for the pages a publish changes (Varnish, nginx with a purge module).
if os.environ.get("FRONTEND_CACHE_PURGE_URL"):
    WAGTAILFRONTENDCACHE = {
        "proxy": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": os.environ["FRONTEND_CACHE_PURGE_URL"],
        }
    }

# Error reports (e-mail to ADMINS, the debug page) mask every submitted value.
DEFAULT_EXCEPTION_REPORTER = "portal.security.MaskingExceptionReporter"
DEFAULT_EXCEPTION_REPORTER_FILTER = "portal.security.MaskingExceptionReporterFilter"

ROOT_URLCONF = "portal.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "portal.context_processors.navigation",
                "home.publisher.publisher",
            ],
        },
    },
]

WSGI_APPLICATION = "portal.wsgi.application"

# SQLite by default so the portal runs with nothing to install; PostgreSQL when
# DATABASE_URL says so.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Several workers writing at once (search analytics, feedback) must wait for each other
    # rather than fail with "database is locked": write-ahead logging, transactions that
    # take the write lock at the start, and a wait of up to 20 seconds.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "sv"
LANGUAGES = [("sv", "Svenska")]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
TIME_ZONE = "Europe/Stockholm"
USE_I18N = True
# The portal's Swedish catalogue (portal/locale): it comes before every app's, so it fills in
# and corrects Wagtail's Swedish.
LOCALE_PATHS = [BASE_DIR / "portal" / "locale"]
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = "Norrbus kunskapsportal"
WAGTAILADMIN_USER_LOGIN_FORM = "portal.forms.AdminLoginForm"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# Wagtail's database search: the admin's search, and the site's search whenever Elasticsearch
# is not configured or not answering (see search/services.py).
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}

# The site's search. Empty ELASTICSEARCH_URL = database search only (the embedded default).
ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
# Index names start with this, so environments can share a cluster.
SEARCH_INDEX_PREFIX = os.environ.get("SEARCH_INDEX_PREFIX", "norrbus")
# Seconds before a search request gives up and the database answers instead.
ELASTICSEARCH_TIMEOUT = float(os.environ.get("ELASTICSEARCH_TIMEOUT", "0.8"))
# After a failure, how long (seconds) searches go straight to the database before trying again.
ELASTICSEARCH_RETRY_AFTER = float(os.environ.get("ELASTICSEARCH_RETRY_AFTER", "30"))
# Seconds an index write on publish may wait before the change is queued instead, and what
# `process_search_queue` waits per request.
ELASTICSEARCH_INDEX_TIMEOUT = float(os.environ.get("ELASTICSEARCH_INDEX_TIMEOUT", "2"))
ELASTICSEARCH_QUEUE_TIMEOUT = float(os.environ.get("ELASTICSEARCH_QUEUE_TIMEOUT", "10"))
# Dotted path of an elastic_transport node class; only tests set it.
ELASTICSEARCH_NODE_CLASS = ""
# Search analytics older than this many days are removed by purge_search_analytics.
SEARCH_ANALYTICS_RETENTION_DAYS = int(os.environ.get("SEARCH_ANALYTICS_RETENTION_DAYS", "365"))
# Feedback and deviation reports older than this many days are removed by purge_expired.
FEEDBACK_RETENTION_DAYS = int(os.environ.get("FEEDBACK_RETENTION_DAYS", "365"))
DEVIATION_REPORT_RETENTION_DAYS = int(os.environ.get("DEVIATION_REPORT_RETENTION_DAYS", "730"))
# Where deviation reports go when the municipality has no address of its own.
DEVIATION_REPORT_RECIPIENT = os.environ.get("DEVIATION_REPORT_RECIPIENT", "norrbus@localhost")
# At most this many feedback answers / deviation reports per address and window (seconds).
FEEDBACK_RATE_LIMIT = int(os.environ.get("FEEDBACK_RATE_LIMIT", "10"))
DEVIATION_RATE_LIMIT = int(os.environ.get("DEVIATION_RATE_LIMIT", "5"))
RATE_LIMIT_WINDOW = 3600
# The region's system for SIP (e.g. Lifecare SP): routine steps that speak of a SIP and the
# meeting kit link to it. Both empty (the demo): no link is shown.
SIP_SYSTEM_NAME = os.environ.get("SIP_SYSTEM_NAME", "")
SIP_SYSTEM_URL = os.environ.get("SIP_SYSTEM_URL", "")

# Documents are served through Django (permissions, private collections), never directly.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_EXTENSIONS = ["docx", "odt", "pdf", "pptx", "xlsx", "txt"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# No SVG: an SVG can carry script.
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024

# Learners' accounts (training). Staff sign in on the public site, not in the admin.
LOGIN_URL = "training:login"
LOGIN_REDIRECT_URL = "training:my"
# Invitation links let people create an account with an e-mail address in these domains
# (subdomains included). The default is the region's and the 14 municipalities' usual
# domains: check them, and set the variable, before sending invitations.
LEARNER_EMAIL_DOMAINS = env_list(
    "LEARNER_EMAIL_DOMAINS",
    "norrbotten.se,arjeplog.se,arvidsjaur.se,boden.se,gallivare.se,haparanda.se,jokkmokk.se,"
    "kalix.se,kiruna.se,lulea.se,pajala.se,pitea.se,alvsbyn.se,overkalix.se,overtornea.se",
)
LEARNER_INVITATION_DAYS = int(os.environ.get("LEARNER_INVITATION_DAYS", "30"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "norrbus@localhost")

# Outgoing mail is queued in the database (django-post-office) and sent by the
# `send_queued_mail` cron job, which retries a failed delivery MAX_RETRIES times, every
# RETRY_INTERVAL: a mail server that is down delays mail, it does not lose it.
EMAIL_BACKEND = "post_office.EmailBackend"
POST_OFFICE = {
    "BACKENDS": {"default": "django.core.mail.backends.smtp.EmailBackend"},
    "DEFAULT_PRIORITY": "medium",
    "MAX_RETRIES": 8,
    "RETRY_INTERVAL": datetime.timedelta(minutes=15),
    # Failures only: a log line per delivered mail would repeat the queue.
    "LOG_LEVEL": 1,
}

# Largest agreement document the importer accepts, in bytes.
AGREEMENT_IMPORT_MAX_BYTES = 5 * 1024 * 1024

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        # Every handler redacts personnummer from the message, its arguments and tracebacks.
        "redact_identity_numbers": {"()": "portal.privacy.RedactIdentityNumbers"},
        # A request path with %0d%0a cannot forge a log line (portal/logsafety.py).
        "escape_control_characters": {"()": "portal.logsafety.EscapeControlCharacters"},
        "require_debug_false": {"()": "django.utils.log.RequireDebugFalse"},
    },
    "formatters": {
        "django.server": {
            "()": "django.utils.log.ServerFormatter",
            "format": "[{server_time}] {message}",
            "style": "{",
        },
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["redact_identity_numbers", "escape_control_characters"],
        },
        "django.server": {
            "class": "logging.StreamHandler",
            "formatter": "django.server",
            "filters": ["redact_identity_numbers", "escape_control_characters"],
        },
        "mail_admins": {
            "class": "django.utils.log.AdminEmailHandler",
            "level": "ERROR",
            "filters": ["require_debug_false", "redact_identity_numbers"],
        },
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    # Background-task and page-action chatter is not useful on the console.
    "loggers": {
        # runserver's request log, query strings included.
        "django.server": {"handlers": ["django.server"], "level": "INFO", "propagate": False},
        "django_tasks": {"level": "WARNING"},
        "django.tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
        # The Elasticsearch client logs every request; at DEBUG it would log queries too.
        "elastic_transport": {"level": "WARNING"},
        "elasticsearch": {"level": "WARNING"},
        # Django's own console handler (DEBUG only) would write unescaped lines: "django"
        # logs through the root's console handler instead.
        "django": {"handlers": ["mail_admins"], "level": "INFO"},
    },
}
