"""Claimdesk settings: one file, read from the environment.

Every variable is documented in README.md ("Configuration"). A value that cannot be parsed raises
ImproperlyConfigured naming the variable, so a typo in production fails at start-up, not later.
"""

import os
import re
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(
        f"{name} must be a boolean (1/0, true/false, yes/no, on/off), got {raw!r}."
    )


def env_int(name: str, default: int, *, minimum: int = 0) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be an integer, got {raw!r}.") from None
    if value < minimum:
        raise ImproperlyConfigured(f"{name} must be >= {minimum}, got {value}.")
    return value


def env_list(name: str, default: list[str], *, allow_empty: bool = True) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    items = [item.strip() for item in raw.split(",") if item.strip()]
    if not items and not allow_empty:
        raise ImproperlyConfigured(f"{name} must list at least one value, got {raw!r}.")
    return items


def env_text(name: str, default: str, *, pattern: str | None = None, what: str = "") -> str:
    """A one-line text variable; with `pattern`, the whole value must match it."""
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip()
    if any(ch in value for ch in "\r\n\x00") or (
        pattern is not None and not re.fullmatch(pattern, value)
    ):
        raise ImproperlyConfigured(f"{name} must be {what or 'one line of text'}, got {raw!r}.")
    return value


DEBUG = env_bool("DEBUG", False)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY must be set when DEBUG is off (e.g. SECRET_KEY=$(openssl rand -hex 32))."
        )
    # Local development only: DEBUG is on, nothing here is reachable from outside.
    SECRET_KEY = "local-development-only-not-secret"  # noqa: S105

# Set means "these hosts": a value naming none (",,,") is a mistake, not "serve no host".
ALLOWED_HOSTS = env_list(
    "ALLOWED_HOSTS", ["127.0.0.1", "localhost"] if DEBUG else [], allow_empty=False
)
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])
for _origin in CSRF_TRUSTED_ORIGINS:
    if "://" not in _origin:
        raise ImproperlyConfigured(
            f"CSRF_TRUSTED_ORIGINS entries need a scheme (https://example.org), got {_origin!r}."
        )

INSTALLED_APPS = [
    # The review desk's templates and tags (claims/desk/): before the admin, whose index and
    # change forms they extend.
    "claims.desk",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
    "django_filters",
    "simple_history",
    "axes",
    # The task queue (continuous ingest): before claims, so its app is ready when claims' is.
    "procrastinate.contrib.django",
    "claims",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: it turns a lockout into a response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "newsroom.urls"
WSGI_APPLICATION = "newsroom.wsgi.application"

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
                "django.template.context_processors.csp",
                "claims.context_processors.claimdesk",
            ],
        },
    },
]

# The cache behind the public page cache. Empty: memory, per process (each gunicorn worker keeps
# its own copy). redis://host:port/db (or rediss://): one cache shared by every worker and host.
CACHE_URL = os.environ.get("CACHE_URL", "").strip()
if not CACHE_URL or CACHE_URL == "locmem://":
    _cache = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
elif CACHE_URL.startswith(("redis://", "rediss://", "unix://")):
    _cache = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": CACHE_URL}
else:
    raise ImproperlyConfigured(
        f"CACHE_URL must be empty, locmem:// or a redis:// URL, got {CACHE_URL!r}."
    )
CACHES = {
    "default": {**_cache, "KEY_PREFIX": "claimdesk"},
    # Each worker's own copy of the public pages it served lately, in front of a shared default
    # cache: page keys include a fingerprint of the data, so a copy never goes stale, it is only
    # unused after a change. About 20 KB a page.
    "pages-local": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "claimdesk-pages",
        "TIMEOUT": 300,
        "OPTIONS": {"MAX_ENTRIES": 1000},
    },
}

_DEFAULT_DATABASE_URL = f"sqlite:///{BASE_DIR / 'db.sqlite3'}"
DATABASE_URL = os.environ.get("DATABASE_URL") or _DEFAULT_DATABASE_URL
try:
    _database = dj_database_url.parse(
        DATABASE_URL,
        # Persistent connections: a fresh PostgreSQL connection per request costs ~5x throughput.
        conn_max_age=env_int("CONN_MAX_AGE", 600),
        # Check a reused connection at the start of each request; reconnect if the server went.
        conn_health_checks=env_bool("CONN_HEALTH_CHECKS", True),
    )
except (ValueError, dj_database_url.UnknownSchemeError) as exc:
    raise ImproperlyConfigured(f"DATABASE_URL is not a valid database URL: {exc}") from None
if not _database.get("ENGINE"):
    raise ImproperlyConfigured(f"DATABASE_URL has an unknown scheme: {DATABASE_URL!r}.")
# The public page cache's fingerprint query, run by every cached page, is prepared on the
# server once per connection (claims/public/pagecache.py): its parsing and planning cost more
# than running it. Django leaves psycopg's prepared statements off; its own queries use
# client-side binding, which never prepares, so this threshold reaches only the fingerprint's
# server-binding cursor. Off behind a pooler that cannot keep prepared statements (PgBouncer in
# transaction mode without max_prepared_statements).
_PREPARED_STATEMENTS = env_bool("DATABASE_PREPARED_STATEMENTS", True)
if _database["ENGINE"] == "django.db.backends.postgresql" and _PREPARED_STATEMENTS:
    _database.setdefault("OPTIONS", {})
    _database["OPTIONS"].setdefault("prepare_threshold", 5)
if _database["ENGINE"] == "django.db.backends.sqlite3":
    # SQLite: no persistent connections across threads; WAL lets readers run beside a writer.
    _database["CONN_MAX_AGE"] = 0
    _database.setdefault("OPTIONS", {})
    _database["OPTIONS"].setdefault("init_command", "PRAGMA journal_mode=WAL;")
    _database["OPTIONS"].setdefault("transaction_mode", "IMMEDIATE")
    _database["OPTIONS"].setdefault("timeout", 20)
DATABASES = {"default": _database}
# procrastinate's schema is PostgreSQL SQL: on SQLite its migrations are recorded, not run.
DATABASE_ROUTERS = ["claims.routers.TaskQueueRouter"]

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

AUTHENTICATION_BACKENDS = [
    # django-axes first: it refuses a locked-out client before the password is checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5, minimum=1)
AXES_COOLOFF_TIME = env_int("AXES_COOLOFF_MINUTES", 15, minimum=1) / 60  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# Per address too, at a higher limit over the same window (claims/login_throttle.py): axes'
# own per-address counting would share AXES_FAILURE_LIMIT with the pair.
AXES_HANDLER = "claims.login_throttle.LoginThrottle"
AXES_ADDRESS_FAILURE_LIMIT = env_int("AXES_ADDRESS_FAILURE_LIMIT", 30, minimum=1)
# Behind N reverse proxies the client's address is in X-Forwarded-For, N hops from the right;
# unset, axes uses REMOTE_ADDR (a proxy's address would put every reader under one limit).
AXES_IPWARE_PROXY_COUNT = env_int("AXES_IPWARE_PROXY_COUNT", 0) or None
if AXES_IPWARE_PROXY_COUNT:
    AXES_IPWARE_META_PRECEDENCE_ORDER = ("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR")
AXES_RESET_ON_SUCCESS = True
AXES_ENABLED = env_bool("AXES_ENABLED", True)
AXES_VERBOSE = False  # its start-up banner would land in every command's stderr

LANGUAGE_CODE = "en-us"
TIME_ZONE = os.environ.get("TIME_ZONE", "UTC")
try:
    import zoneinfo

    zoneinfo.ZoneInfo(TIME_ZONE)
except (zoneinfo.ZoneInfoNotFoundError, ValueError):
    raise ImproperlyConfigured(f"TIME_ZONE is not a known time zone: {TIME_ZONE!r}.") from None
# The interface is English only; translation lookups cost 15-25% of a public page's render
# time (bench/bench_pages.py, profiled). Set True again when adding translations.
USE_I18N = False
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(env_text("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
if not STATIC_ROOT.is_absolute():
    raise ImproperlyConfigured(f"STATIC_ROOT must be an absolute path, got {str(STATIC_ROOT)!r}.")
STATICFILES_DIRS = [BASE_DIR / "static"]  # the public pages' CSS
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

LOGIN_URL = "admin:login"

# --- Security -------------------------------------------------------------------------------
# Behind a TLS-terminating proxy set SECURE_PROXY_SSL_HEADER=1 so Django trusts
# X-Forwarded-Proto; SECURE_SSL_REDIRECT=0 leaves redirects to the proxy.
if env_bool("SECURE_PROXY_SSL_HEADER", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
# Preload is a commitment to HTTPS for the whole domain; set 0 before your first deploy if unsure.
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", not DEBUG)
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", not DEBUG)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", not DEBUG)
SESSION_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "form-action": [CSP.SELF],
}

_DOTTED_PATH = r"[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+"
_HOSTNAME = r"[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?"
# Django 6.1 mailers. Production sends through SMTP; development prints to the console.
MAILERS = {
    "default": {
        "BACKEND": env_text(
            "MAIL_BACKEND",
            "django.core.mail.backends.console.EmailBackend"
            if DEBUG
            else "django.core.mail.backends.smtp.EmailBackend",
            pattern=_DOTTED_PATH,
            what="a dotted path to a mail backend class",
        ),
        "OPTIONS": {}
        if DEBUG
        else {
            "host": env_text("SMTP_HOST", "localhost", pattern=_HOSTNAME, what="a host name"),
            "port": env_int("SMTP_PORT", 25),
            "username": env_text("SMTP_USER", ""),
            "password": os.environ.get("SMTP_PASSWORD", ""),  # any characters may be in one
            "use_tls": env_bool("SMTP_USE_TLS", False),
        },
    }
}
DEFAULT_FROM_EMAIL = env_text(
    "DEFAULT_FROM_EMAIL",
    "claimdesk@localhost",
    pattern=r"[^@\s<>]+@[^@\s<>]+|[^<>]*<[^@\s<>]+@[^@\s<>]+>",
    what="an e-mail address (claimdesk@example.org or Name <claimdesk@example.org>)",
)

_LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
_log_level = env_text("LOG_LEVEL", "INFO")
LOG_LEVEL = _log_level.upper()
if LOG_LEVEL not in _LOG_LEVELS:
    raise ImproperlyConfigured(
        f"LOG_LEVEL must be one of {', '.join(_LOG_LEVELS)}, got {_log_level!r}."
    )

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    # The task queue logs every registration and job at INFO; ingest_worker -v 2 shows them.
    "loggers": {"procrastinate": {"level": "WARNING"}},
}

# --- Claimdesk ------------------------------------------------------------------------------
# Whether public pages list claims not yet reviewed (labelled "Not yet reviewed"). Off: raw
# machine extractions (non-claims, truncated spans) would otherwise go out under real names.
# `make run` turns it on for the demo. Stances count in positions only once reviewed, either way.
CLAIMDESK_SHOW_UNREVIEWED = env_bool("CLAIMDESK_SHOW_UNREVIEWED", False)
# Public pages are cached this many seconds, keyed by a fingerprint of the data (claims/public/pagecache.py);
# 0 turns the cache off.
CLAIMDESK_PAGE_CACHE_SECONDS = env_int("CLAIMDESK_PAGE_CACHE_SECONDS", 300)
# The organisation named as ClaimReview author on published claims.
# Article pages show each claim's paragraph ("excerpts") or the whole text ("full", for a
# newsroom's own articles): other outlets' articles are quoted, not republished.
CLAIMDESK_ARTICLE_TEXT = env_text(
    "CLAIMDESK_ARTICLE_TEXT", "excerpts", pattern=r"excerpts|full", what="excerpts or full"
)
# Public claim pages say who checked a claim: the reviewer's full name (as set in the admin) when
# on, the publisher's name when off (or when the reviewer has no full name).
CLAIMDESK_CREDIT_REVIEWERS = env_bool("CLAIMDESK_CREDIT_REVIEWERS", False)
# The two-person rule: when on, the editor who publishes a claim must not be the one who set its
# verdict (Claim.reviewed_by); claims.services.review enforces it.
CLAIMDESK_PUBLISH_REQUIRES_SECOND_EDITOR = env_bool(
    "CLAIMDESK_PUBLISH_REQUIRES_SECOND_EDITOR", False
)
CLAIMDESK_PUBLISHER_NAME = env_text(
    "CLAIMDESK_PUBLISHER_NAME", "Claimdesk", pattern=r".*\S.*", what="a name"
)
CLAIMDESK_PUBLISHER_URL = env_text(
    "CLAIMDESK_PUBLISHER_URL", "", pattern=r"(?:https?://[^\s/?#]+[^\s]*)?", what="an http(s) URL"
)
# The admin lives here; moving it off /admin/ cuts automated login noise. An empty value
# would put it over the public site's root, so it is refused.
CLAIMDESK_ADMIN_PATH = (
    env_text(
        "CLAIMDESK_ADMIN_PATH",
        "admin/",
        pattern=r"/?[\w.~-]+(?:/[\w.~-]+)*/?",
        what="a URL path such as desk-7f3a/",
    ).strip("/")
    + "/"
)
# Files larger than this are refused by import_articles (bytes).
CLAIMDESK_IMPORT_MAX_BYTES = env_int("CLAIMDESK_IMPORT_MAX_BYTES", 5 * 1024 * 1024, minimum=1)

# --- Continuous ingest (claims/services/ingest.py, claims/tasks.py; README "Continuous ingest")
# Tasks go to procrastinate's queue in PostgreSQL, run by `manage.py ingest_worker` processes.
# On SQLite there is no queue: tasks run in the process that asks for them.
_on_postgresql = _database["ENGINE"] == "django.db.backends.postgresql"
CLAIMDESK_INGEST_IN_PROCESS = env_bool("CLAIMDESK_INGEST_IN_PROCESS", not _on_postgresql)
if not CLAIMDESK_INGEST_IN_PROCESS and not _on_postgresql:
    raise ImproperlyConfigured(
        "CLAIMDESK_INGEST_IN_PROCESS=0 needs PostgreSQL (the task queue lives there); "
        "unset it on SQLite."
    )
CLAIMDESK_INGEST_USER_AGENT = (
    env_text("CLAIMDESK_INGEST_USER_AGENT", "", what="one line (it is sent as a header)")
    or f"ClaimdeskBot/0.1 (fact-claim tracking; {CLAIMDESK_PUBLISHER_NAME})"
)
CLAIMDESK_INGEST_TIMEOUT = env_int("CLAIMDESK_INGEST_TIMEOUT", 20, minimum=1)  # seconds
# Feeds list addresses from outside: fetching one on a loopback, private or link-local address
# is refused unless this is on (tests and intranet sources only).
CLAIMDESK_INGEST_ALLOW_PRIVATE = env_bool("CLAIMDESK_INGEST_ALLOW_PRIVATE", False)
CLAIMDESK_INGEST_MAX_BYTES = env_int("CLAIMDESK_INGEST_MAX_BYTES", 5 * 1024 * 1024, minimum=1)
# Milliseconds between two requests to the same host, across every worker (robots.txt's
# Crawl-delay wins when longer).
CLAIMDESK_INGEST_HOST_DELAY_MS = env_int("CLAIMDESK_INGEST_HOST_DELAY_MS", 1000)
# A transient failure (timeout, refused connection, 408, 429, 5xx) is retried this many times
# in all, waiting CLAIMDESK_INGEST_RETRY_SECONDS, then twice that, four times, ...
CLAIMDESK_INGEST_MAX_ATTEMPTS = env_int("CLAIMDESK_INGEST_MAX_ATTEMPTS", 4, minimum=1)
CLAIMDESK_INGEST_RETRY_SECONDS = env_int("CLAIMDESK_INGEST_RETRY_SECONDS", 60, minimum=1)
# A job whose worker has sent no heartbeat for this long (killed, machine lost) is run again.
CLAIMDESK_INGEST_STALLED_SECONDS = env_int("CLAIMDESK_INGEST_STALLED_SECONDS", 60, minimum=2)
# Readers first: `import_articles` and `ingest_worker` lower their own CPU priority by this
# much (os.nice, 0-19; 0 leaves it), so that on a machine they share with the web server an
# import takes what the public pages leave (docs/benchmarks-public.md, "during an import").
# Nice orders processes of one scheduling group: under systemd give the workers' service a
# lower CPUWeight= as well (README, "Production").
CLAIMDESK_INGEST_NICENESS = env_int("CLAIMDESK_INGEST_NICENESS", 10)
if CLAIMDESK_INGEST_NICENESS > 19:
    raise ImproperlyConfigured(
        f"CLAIMDESK_INGEST_NICENESS must be 0-19, got {CLAIMDESK_INGEST_NICENESS}."
    )
