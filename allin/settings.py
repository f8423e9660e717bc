"""One settings file, driven by ALLIN_* environment variables with safe defaults for a local demo."""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
# The key this file carried until December 2026: public, so refused like the one below.
_OLD_DEMO_KEY = "allin-demo-only-insecure-key-change-me-in-production-0123456789"


def _raw(name):
    """The value of ALLIN_<name>, or the contents of the file ALLIN_<name>_FILE names (containers and systemd
    credentials hand secrets over as files), or None when neither is set. Both at once is a mistake."""
    value = os.environ.get(f"ALLIN_{name}")
    path = os.environ.get(f"ALLIN_{name}_FILE", "")
    if not path:
        return value
    if value:
        raise ImproperlyConfigured(f"ALLIN_{name} en ALLIN_{name}_FILE zijn allebei gezet; kies er een.")
    try:
        # Only the line end an editor or `echo` adds is dropped; the rest is the secret, byte for byte.
        return Path(path).read_text(encoding="utf-8").rstrip("\r\n")
    except (OSError, UnicodeDecodeError) as error:
        raise ImproperlyConfigured(f"ALLIN_{name}_FILE: {path} is niet te lezen ({error}).") from error


def env(name, default=""):
    value = _raw(name)
    return default if value is None else value


_TRUE, _FALSE = {"1", "true", "yes"}, {"0", "false", "no"}


def env_bool(name, default=False):
    """Only true/false, 1/0, yes/no (any case); anything else stops the start, so a typo never reads as false."""
    value = _raw(name)
    if value is None or not value.strip():
        return default
    word = value.strip().lower()
    if word in _TRUE | _FALSE:
        return word in _TRUE
    raise ImproperlyConfigured(f"ALLIN_{name}={value!r}: gebruik true/false, 1/0 of yes/no.")


def env_int(name, default):
    value = _raw(name)
    if value is None or not value.strip():
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"ALLIN_{name}={value!r}: verwacht een geheel getal.") from None


def env_list(name, default):
    value = _raw(name)
    if value is None:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
# A key written in this file is public: it may only sign anything on a developer's machine with DEBUG on. `make
# run` makes the demo its own key (.allin-secret-key, untracked); the tests set theirs in tests/testenv.py.
_PUBLIC_KEY = "allin-debug-only-insecure-key-never-in-production-0123456789"
ALLIN_MISSING_KEY_MESSAGE = (
    "ALL-IN start niet zonder eigen geheime sleutel: zet ALLIN_SECRET_KEY (of ALLIN_SECRET_KEY_FILE) op een "
    "lange willekeurige waarde, bijvoorbeeld uit "
    '`python3 -c "import secrets; print(secrets.token_urlsafe(50))"`. `make run` maakt er zelf een.'
)
SECRET_KEY = env("SECRET_KEY", "")
if not SECRET_KEY and DEBUG:
    SECRET_KEY = _PUBLIC_KEY
if not DEBUG and SECRET_KEY in {_PUBLIC_KEY, _OLD_DEMO_KEY}:
    raise ImproperlyConfigured(ALLIN_MISSING_KEY_MESSAGE)
# Without a key, commands that sign nothing (check, migrate, makemessages) still run, as Django allows; the
# server refuses to start (allin/asgi.py) and anything that would sign stops with Django's own error.
ALLIN_SECRET_KEY_MISSING = not SECRET_KEY
# Key rotation: the new key signs, the old ones (comma-separated) are still accepted for sessions and signed
# links until they are removed (docs/operations.md).
SECRET_KEY_FALLBACKS = env_list("SECRET_KEY_FALLBACKS", [])
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]", "testserver"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "daphne",  # first, so that runserver serves websockets
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.forms",  # its widget templates, under ours in allin/templates/django/forms (NL Design System classes)
    "channels",
    "django_htmx",
    "csp",
    "allin.core",
    "allin.audit",
    "allin.workspaces",
    "allin.methods",
    "allin.processes",
    "allin.accounts",
    "allin.network",
    "allin.people",
    "allin.socialmap",
    "allin.groups",
    "allin.stepzero",
    "allin.live",
    "allin.actions",
    "allin.experiments",
    "allin.exports",
    "allin.demo",
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "allin.core.logs.RequestLogMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "allin.core.site.CurrentRequestMiddleware",  # the public address for links; who is acting, for the audit log
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allin.core.security.SameOriginFramesMiddleware",  # inside the two above: the projector may be framed by us
    "django_htmx.middleware.HtmxMiddleware",
    # Last: it is sync-only, and a sync-only middleware makes Django run every middleware outside it in one
    # thread. Placed higher, the ones inside it run in async mode, each with a hop to a thread and back for
    # every process_request and process_response.
    "allin.core.middleware.DutchFirstLocaleMiddleware",
    "allin.core.middleware.UserTextMiddleware",  # inside the locale: its refusal is in the visitor's language
]

ROOT_URLCONF = "allin.urls"
WSGI_APPLICATION = None
ASGI_APPLICATION = "allin.asgi.application"

# Form widgets render through the project's templates, so allin/templates/django/forms/widgets can give them the
# NL Design System component classes.
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "allin" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.tz",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "allin.workspaces.context_processors.workspaces",
            ],
        },
    }
]

DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{BASE_DIR / 'allin.sqlite3'}"),
        conn_max_age=env_int("DB_CONN_MAX_AGE", 0),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Django's backend, with connections kept between requests (see allin/core/sqlite_pool).
    DATABASES["default"]["ENGINE"] = "allin.core.sqlite_pool"
    # Per connection. WAL (readers while one writes) is a property of the file: allin.core.sqlite sets it once.
    DATABASES["default"].setdefault("OPTIONS", {})["init_command"] = (
        "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;"
    )
    DATABASES["default"]["OPTIONS"]["transaction_mode"] = "IMMEDIATE"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env("REDIS_URL", "")
# The channel layer, sized for a room: per channel room for a burst of notes to a projector or console
# (2,000 phones posting at once), and a push that waited longer than the expiry is dropped rather than shown
# late (the screen catches up by its version instead). Groups live as long as a long meeting day.
LAYER = {
    "capacity": env_int("CHANNEL_CAPACITY", 2000),
    "expiry": env_int("CHANNEL_EXPIRY", 30),
    "group_expiry": env_int("CHANNEL_GROUP_EXPIRY", 12 * 3600),
}
if REDIS_URL:
    # A whole room may connect or leave at once; redis-py 8's default pool (100) and 5 s read timeout (the
    # same as the layer's blocking receive) would drop phones. Capacity: a burst of notes must not be dropped.
    CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "channels_redis.core.RedisChannelLayer",
            "CONFIG": {
                "hosts": [{"address": REDIS_URL, "max_connections": 1000, "socket_timeout": 30}],
                **LAYER,
            },
        }
    }
    # Forgiving: a Redis restart costs the limits a few seconds of counting, never a saved note (core/cache.py).
    CACHES = {"default": {"BACKEND": "allin.core.cache.ForgivingRedisCache", "LOCATION": REDIS_URL}}
else:
    CHANNEL_LAYERS = {"default": {"BACKEND": "allin.core.layers.InMemoryChannelLayer", "CONFIG": LAYER}}
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}


AUTH_USER_MODEL = "workspaces.User"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTHENTICATION_BACKENDS = [
    "allin.workspaces.backends.EmailBackend",
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24

# Login and password-reset limits live in allin/workspaces/auth_throttle.py; this is the failure that closes an account.
LOGIN_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5)
# A live meeting's limits per internet address (allin/live/room.py); a load test whose phones all come from one
# address raises them.
LIVE_JOINS_PER_ADDRESS_PER_MINUTE = env_int("LIVE_JOINS_PER_ADDRESS_PER_MINUTE", 60)
LIVE_NOTES_PER_ADDRESS_PER_MINUTE = env_int("LIVE_NOTES_PER_ADDRESS_PER_MINUTE", 150)

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Nederlands")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "allin" / "locale"]
TIME_ZONE = env("TIME_ZONE", "Europe/Amsterdam")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
# WhiteNoise serves static files from any ASGI server; with finders it needs no collectstatic step, which keeps
# `make run` and a plain `uvicorn` start identical. Run collectstatic in production for compressed, cached files.
WHITENOISE_USE_FINDERS = True
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # WhiteNoise warns at every start about a missing folder
WHITENOISE_AUTOREFRESH = DEBUG
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(BASE_DIR / "media")))

EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if env("EMAIL_HOST")
    else "django.core.mail.backends.console.EmailBackend"
)
EMAIL_HOST = env("EMAIL_HOST", "")
EMAIL_PORT = env_int("EMAIL_PORT", 587)
EMAIL_HOST_USER = env("EMAIL_USER", "")
EMAIL_HOST_PASSWORD = env("EMAIL_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
DEFAULT_FROM_EMAIL = env("EMAIL_FROM", "ALL-IN <noreply@localhost>")

# Background work (reminders, e-mails): django-tasks with its database backend; `manage.py db_worker` runs them
# (`make run` starts it beside the server). ALLIN_TASKS_IMMEDIATE=true runs them in the request instead.
TASKS = {
    "default": {
        "BACKEND": (
            "django_tasks.backends.immediate.ImmediateBackend"
            if env_bool("TASKS_IMMEDIATE", False)
            else "django_tasks_db.DatabaseBackend"
        ),
    }
}

# Links in e-mails need the public address; requests know it, background jobs do not.
SITE_URL = env("SITE_URL", "http://127.0.0.1:8000")

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", not DEBUG and SITE_URL.startswith("https://"))
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"
# The csrftoken cookie stays readable by our own scripts (live.js sends it as a header); Django's docs explain
# that making it HttpOnly adds nothing. The session, the language and a phone's attendee cookie are HttpOnly.
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SECURE = SESSION_COOKIE_SECURE
LANGUAGE_COOKIE_SAMESITE = "Lax"
# HSTS only makes sense when the site is served over HTTPS: on by default then, off for a laptop demo.
SECURE_HSTS_SECONDS = env_int("HSTS_SECONDS", 31536000 if SITE_URL.startswith("https://") else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("HSTS_INCLUDE_SUBDOMAINS", SECURE_HSTS_SECONDS > 0)
SECURE_HSTS_PRELOAD = env_bool("HSTS_PRELOAD", False)
SECURE_SSL_REDIRECT = env_bool("SSL_REDIRECT", False)
if env_bool("BEHIND_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Content Security Policy (django-csp 4): no inline scripts or styles, nothing from other sites, no framing.
# Websockets are same-origin ('self' covers ws:/wss: on this host). Pages named in ALLIN_SAME_ORIGIN_FRAMES may
# be framed by this site only (allin/core/security.py).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}
ALLIN_SAME_ORIGIN_FRAMES = {"live_projector", "live_projector_stage"}
# What /healthz checks (allin/core/health.py): name -> a function that returns "ok" or raises.
ALLIN_HEALTH_CHECKS = {
    "database": "allin.core.health.database",
    "channels": "allin.core.health.channel_layer",
    "tasks": "allin.core.health.task_worker",  # "ok", "idle" or "stale"; neither of the last two fails the check
}

DATA_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
# The request gate (allin/core/gate.py): how many requests one worker lets into Django at a time, and the body
# each must deliver whole before it gets a place: at most this many bytes (the biggest upload, a 5 MB photo, with
# room for the form around it) within this many seconds, else 408 and the connection is closed.
ALLIN_REQUESTS_PER_WORKER = env_int("REQUESTS_PER_WORKER", 8)
ALLIN_BODY_MAX_BYTES = env_int("BODY_MAX_BYTES", 6 * 1024 * 1024)
ALLIN_BODY_SECONDS = env_int("BODY_SECONDS", 30)
DATA_UPLOAD_MAX_NUMBER_FIELDS = 2000

# One JSON object per line, without personal data (allin/core/logs.py); ALLIN_LOG_FORMAT=text for plain lines.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {"()": "allin.core.logs.JsonFormatter"},
        "text": {"()": "allin.core.logs.TextFormatter"},
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": env("LOG_FORMAT", "json")}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.request": {"level": "ERROR"},
        "django.server": {"level": "WARNING"},  # runserver's access lines carry paths and query strings
        "django.channels.server": {"level": "WARNING"},
        "allin.request": {"level": env("REQUEST_LOG_LEVEL", "INFO")},
    },
}

# Single sign-on with OpenID Connect (allin/accounts, mozilla-django-oidc). On when ALLIN_OIDC_CLIENT_ID is set;
# the endpoints come from the provider's /.well-known/openid-configuration (`manage.py sso_discover ISSUER`
# prints them). ALLIN_PASSWORD_LOGIN=false switches e-mail-and-password login off (admin included).
ALLIN_PASSWORD_LOGIN = env_bool("PASSWORD_LOGIN", True)
ALLIN_OIDC_ENABLED = bool(env("OIDC_CLIENT_ID"))
ALLIN_OIDC_ISSUER = env("OIDC_ISSUER", "")  # when set, ID tokens from another issuer are refused
ALLIN_OIDC_PROVIDER_NAME = env("OIDC_PROVIDER_NAME", "")  # on the button: "Inloggen met <name>"
ALLIN_OIDC_WORKSPACE_CLAIM = env("OIDC_WORKSPACE_CLAIM", "")  # a claim naming the workspace(s) of a new user
ALLIN_OIDC_REQUIRE_VERIFIED_EMAIL = env_bool("OIDC_REQUIRE_VERIFIED_EMAIL", True)
OIDC_RP_CLIENT_ID = env("OIDC_CLIENT_ID", "")
OIDC_RP_CLIENT_SECRET = env("OIDC_CLIENT_SECRET", "")
OIDC_OP_AUTHORIZATION_ENDPOINT = env("OIDC_AUTHORIZATION_ENDPOINT", "")
OIDC_OP_TOKEN_ENDPOINT = env("OIDC_TOKEN_ENDPOINT", "")
OIDC_OP_USER_ENDPOINT = env("OIDC_USERINFO_ENDPOINT", "")
OIDC_OP_JWKS_ENDPOINT = env("OIDC_JWKS_ENDPOINT", "")
ALLIN_OIDC_END_SESSION_ENDPOINT = env("OIDC_END_SESSION_ENDPOINT", "")
OIDC_RP_SIGN_ALGO = env("OIDC_SIGN_ALGO", "RS256")
OIDC_RP_SCOPES = env("OIDC_SCOPES", "openid email profile")
OIDC_USE_PKCE = True
OIDC_STORE_ID_TOKEN = True  # the hint for the provider's logout
OIDC_TIMEOUT = env_int("OIDC_TIMEOUT", 10)
OIDC_AUTHENTICATION_CALLBACK_URL = "sso_callback"
LOGIN_REDIRECT_URL_FAILURE = "login"
if not ALLIN_PASSWORD_LOGIN:
    AUTHENTICATION_BACKENDS = [b for b in AUTHENTICATION_BACKENDS if not b.endswith(".EmailBackend")]
AUTHENTICATION_BACKENDS = [*AUTHENTICATION_BACKENDS, "allin.accounts.backend.SsoBackend"]
# Inside the last (sync-only) middleware, like the others: password reset pages are gone when passwords are off.
MIDDLEWARE.insert(
    MIDDLEWARE.index("allin.core.middleware.DutchFirstLocaleMiddleware"),
    "allin.accounts.middleware.PasswordLoginSwitchMiddleware",
)
