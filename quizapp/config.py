"""Load quizapp's configuration: defaults, then QUIZAPP_* environment variables."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

# The longest time limit a teacher may set. CSRF tokens (and the student's
# session) must outlive it, with an hour to spare, so a long exam's final
# submit is never refused as stale.
MAX_TIME_LIMIT_MINUTES = 24 * 60
CSRF_TIME_LIMIT_SECONDS = (MAX_TIME_LIMIT_MINUTES + 60) * 60

DEFAULTS: dict[str, object] = {
    "WTF_CSRF_TIME_LIMIT": CSRF_TIME_LIMIT_SECONDS,
    "MAX_CONTENT_LENGTH": 5 * 1024 * 1024,
    # A pasted text may have 1,000,000 characters (readers.MAX_CHARS), up to 4 bytes each in
    # UTF-8; Flask's default (500 kB per form field) refused long pastes as "too large".
    "MAX_FORM_MEMORY_SIZE": 4 * 1024 * 1024 + 64 * 1024,
    "SESSION_COOKIE_HTTPONLY": True,
    "SESSION_COOKIE_SAMESITE": "Lax",
    "REMEMBER_COOKIE_HTTPONLY": True,
    "REMEMBER_COOKIE_SAMESITE": "Lax",
    "PERMANENT_SESSION_LIFETIME": CSRF_TIME_LIMIT_SECONDS,
    # A student's session cookie is written when it changes (joining), not re-signed on every
    # autosave: its lifetime already outlasts the longest attempt.
    "SESSION_REFRESH_EACH_REQUEST": False,
    "RATELIMIT_STORAGE_URI": "memory://",
    "RATELIMIT_HEADERS_ENABLED": True,
    "LOGIN_RATE_LIMIT": "10 per minute;50 per hour",  # per address and e-mail
    "LOGIN_ADDRESS_RATE_LIMIT": "60 per minute;600 per hour",  # per address, whatever the e-mail
    # Join codes that match no open quiz, per address: a student mistypes a few, a guesser thousands.
    "JOIN_CODE_RATE_LIMIT": "20 per minute;200 per hour",
    "BABEL_DEFAULT_LOCALE": "it",
    # The school's time zone (an IANA name): pages show times in it, teachers type them in it;
    # the database keeps UTC. create_app hands it to Flask-Babel.
    "TIMEZONE": "Europe/Rome",
    "LANGUAGES": ("it", "en"),
    "SEEDS_DIR": str(Path(__file__).resolve().parent.parent / "seeds"),
    # Seconds accepted after a timed attempt's deadline, for network latency.
    "DEADLINE_GRACE_SECONDS": 30,
    "ADMIN_EMAIL": "admin@quizapp.local",
    "ADMIN_PASSWORD": None,
    # How many reverse proxies (nginx, a load balancer) stand in front of the
    # app; their X-Forwarded-* headers are trusted only when this is set.
    "PROXY_COUNT": 0,
    # Origins allowed to frame the pages (LTI platforms, e.g. "https://moodle.example.org");
    # none by default: no site may frame quizapp.
    "LTI_PLATFORM_ORIGINS": [],
    # The LTI tool's RSA key (quizapp/lti/keys.py): its folder (instance/lti when unset; with several
    # machines, one they share), and how many days a replaced key's public half stays in the JWKS.
    "LTI_KEY_DIR": None,
    "LTI_KEY_RETIRED_DAYS": 7,
    # Background jobs (quizapp.jobs): Huey on Redis when this is set, else on
    # an SQLite file in the instance folder (JOBS_SQLITE_PATH moves it).
    "JOBS_REDIS_URL": None,
    "JOBS_SQLITE_PATH": None,
    # The queue's name (its Redis keys): apps sharing one Redis keep apart by it.
    "JOBS_QUEUE_NAME": "quizapp",
    # Worker threads inside each web process; 0 when `huey_consumer` processes do the work.
    "JOBS_WORKER_THREADS": 1,
    # Folder the XLSX export jobs write their files to (instance/exports when unset); with
    # several machines, one they all share.
    "EXPORTS_DIR": None,
    # A running job silent (no progress reported) this long is taken as lost with its worker.
    "JOBS_STALE_SECONDS": 600,
    # Texts longer than this many characters are read into questions by a job, not by the request.
    "GENERATE_INLINE_CHARS": 20_000,
    # The largest GIFT or Moodle XML file a teacher may import (quizapp.imports).
    "IMPORT_MAX_BYTES": 2 * 1024 * 1024,
}

# Environment variable -> config key; every setting a deployment may change.
# QUIZAPP_INSTANCE_PATH (read by create_app) moves the instance folder, where the
# SQLite database and the generated secret key live.
ENVIRONMENT = {
    "QUIZAPP_DATABASE_URL": "SQLALCHEMY_DATABASE_URI",
    "QUIZAPP_SECRET_KEY": "SECRET_KEY",
    "QUIZAPP_RATELIMIT_STORAGE_URL": "RATELIMIT_STORAGE_URI",
    "QUIZAPP_MAX_UPLOAD_BYTES": "MAX_CONTENT_LENGTH",
    "QUIZAPP_ADMIN_EMAIL": "ADMIN_EMAIL",
    "QUIZAPP_ADMIN_PASSWORD": "ADMIN_PASSWORD",
    "QUIZAPP_SEEDS_DIR": "SEEDS_DIR",
    "QUIZAPP_SESSION_COOKIE_SECURE": "SESSION_COOKIE_SECURE",
    "QUIZAPP_PROXY_COUNT": "PROXY_COUNT",
    "QUIZAPP_JOBS_REDIS_URL": "JOBS_REDIS_URL",
    "QUIZAPP_LTI_PLATFORM_ORIGINS": "LTI_PLATFORM_ORIGINS",
    "QUIZAPP_JOBS_WORKER_THREADS": "JOBS_WORKER_THREADS",
    "QUIZAPP_EXPORTS_DIR": "EXPORTS_DIR",
    "QUIZAPP_TIMEZONE": "TIMEZONE",
    "QUIZAPP_LTI_KEY_DIR": "LTI_KEY_DIR",
    "QUIZAPP_LTI_KEY_RETIRED_DAYS": "LTI_KEY_RETIRED_DAYS",
    "QUIZAPP_IMPORT_MAX_BYTES": "IMPORT_MAX_BYTES",
}
INTEGER_KEYS = {"MAX_CONTENT_LENGTH", "PROXY_COUNT", "JOBS_WORKER_THREADS", "LTI_KEY_RETIRED_DAYS", "IMPORT_MAX_BYTES"}
BOOLEAN_KEYS = {"SESSION_COOKIE_SECURE"}


def from_environment(environ: os._Environ[str] | dict[str, str]) -> dict[str, object]:
    """Return the settings the environment overrides, converted to their types."""
    settings: dict[str, object] = {}
    for variable, key in ENVIRONMENT.items():
        if variable not in environ:
            continue
        value: object = environ[variable]
        if key in INTEGER_KEYS:
            value = int(str(value))
        elif key in BOOLEAN_KEYS:
            value = str(value).lower() in {"1", "true", "yes", "on"}
        settings[key] = value
    return settings


def default_database_url(instance_path: str) -> str:
    """Return the embedded SQLite database in the instance folder."""
    return f"sqlite:///{Path(instance_path) / 'quizapp.db'}"


def engine_options(database_url: str) -> dict[str, object]:
    """Return the SQLAlchemy engine options for this database.

    A server (PostgreSQL) may drop pooled connections (a restart, an idle
    timeout), so each is tested as it is taken from the pool; an SQLite file
    never drops one, and the test would be one more statement on every request.
    """
    return {} if database_url.startswith("sqlite") else {"pool_pre_ping": True}


def instance_secret_key(instance_path: str) -> str:
    """Return the instance's secret key, generating and keeping one on first start."""
    path = Path(instance_path) / "secret_key"
    if path.exists():
        key = path.read_text(encoding="utf-8").strip()
        if key:
            return key
    key = secrets.token_hex(32)
    # Created with owner-only permissions: the key signs every session cookie.
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(key)
    return key
