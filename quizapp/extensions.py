"""Create the Flask extensions, unbound; create_app binds them to an app."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextvars import ContextVar
from functools import lru_cache

import flask
import flask_wtf
from babel import support
from flask import current_app, g, has_request_context, request, session
from flask.json.provider import DefaultJSONProvider
from flask_babel import Babel, get_locale, get_translations
import flask_limiter
from flask_limiter.util import get_remote_address
from flask_login import LoginManager
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from jinja2 import pass_context
from markupsafe import Markup
from sqlalchemy import MetaData, event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import DeclarativeBase
from werkzeug.utils import cached_property
from wtforms.i18n import messages_path

# Named constraints, so Alembic can alter and drop them on every database.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

SQLITE_BUSY_TIMEOUT_MS = 10_000


class Base(DeclarativeBase):
    """Base class of every model."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class CSRFProtect(flask_wtf.CSRFProtect):
    """Flask-WTF's CSRF protection, reading a token sent in a header before looking for a form."""

    def _get_csrf_token(self) -> str | None:
        """Return the token a script sent in a header, else the one Flask-WTF finds in the form.

        Flask-WTF looks in the form first: for an autosave, whose body is JSON and
        whose token comes in X-CSRFToken, that built and ran a form parser on every
        save to find nothing. Either token is checked against the session alike.
        """
        for header in current_app.config["WTF_CSRF_HEADERS"]:
            token = request.headers.get(header)
            if token:
                return token
        return super()._get_csrf_token()


class Limiter(flask_limiter.Limiter):
    """Flask-Limiter, making no per-request pass at all for a request that a request filter exempts.

    Flask-Limiter asks its request filters (``@limiter.request_filter``) inside
    its before-request hook, and a filtered request gets no limit; but the hook
    still evaluates the empty set of limits, and its after-request and teardown
    hooks still run: about 200 Python calls on each of a student's autosaves
    and pages, for nothing. Here the three hooks are skipped whole when a filter
    says so. What a filtered request skips besides: meta limits (RATELIMIT_META),
    which quizapp does not set.
    """

    def __init__(self, *args, **kwargs):
        self._skip_when: list[Callable[[], bool]] = []
        # Whether the request being served skips the limiter: asked once, in the before-request hook
        # (set on every request it runs for), and forgotten in the teardown. A request whose earlier
        # hooks answered before this one ran gets Flask-Limiter's own after-request pass, which
        # then finds nothing to do, as it would without this class.
        self._skipping: ContextVar[bool] = ContextVar(f"quizapp_limiter_skipping_{id(self)}", default=False)
        super().__init__(*args, **kwargs)

    def request_filter(self, fn: Callable[[], bool]) -> Callable[[], bool]:
        self._skip_when.append(fn)
        return super().request_filter(fn)

    def init_app(self, app: flask.Flask) -> None:
        hooks = (app.before_request_funcs, app.after_request_funcs, app.teardown_request_funcs)
        before = [list(funcs.get(None, ())) for funcs in hooks]
        super().init_app(app)
        gates = (self._gate_before, self._gate_after, self._gate_teardown)
        for funcs, had, gate in zip(hooks, before, gates):
            added = [hook for hook in funcs.get(None, ()) if hook not in had]
            if len(added) > 1 or (self.enabled and not added):
                raise RuntimeError(f"Flask-Limiter registered {len(added)} hooks of a kind, not the one expected")
            funcs[None] = [gate(hook) if hook in added else hook for hook in funcs.get(None, ())]

    def _gate_before(self, hook: Callable[[], None]) -> Callable[[], None]:
        def before() -> None:
            skip = any(fn() for fn in self._skip_when)
            self._skipping.set(skip)
            return None if skip else hook()

        return before

    def _gate_after(self, hook: Callable[[flask.Response], flask.Response]) -> Callable[[flask.Response], flask.Response]:
        def after(response: flask.Response) -> flask.Response:
            return response if self._skipping.get() else hook(response)

        return after

    def _gate_teardown(self, hook: Callable[[BaseException | None], None]) -> Callable[[BaseException | None], None]:
        def teardown(error: BaseException | None = None) -> None:
            if self._skipping.get():
                self._skipping.set(False)
                return None
            return hook(error)

        return teardown


db = SQLAlchemy(model_class=Base)
migrate = Migrate()
csrf = CSRFProtect()
login_manager = LoginManager()
limiter = Limiter(key_func=get_remote_address)
babel = Babel()


class JSONProvider(DefaultJSONProvider):
    """Flask's JSON, reading a body nested too deep to parse as malformed (a 400) rather than a crash (a 500)."""

    def loads(self, s, **kwargs):
        try:
            return super().loads(s, **kwargs)
        except RecursionError as error:
            # Request.get_json turns a ValueError into 400 Bad Request (or None when silent).
            raise ValueError("the JSON is nested too deeply") from error


@event.listens_for(Engine, "connect")
def _configure_sqlite(dbapi_connection, connection_record) -> None:
    """Turn on WAL, foreign keys and a busy timeout on every SQLite connection."""
    if not isinstance(dbapi_connection, sqlite3.Connection):
        return
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    # WAL lets students' autosaves and a teacher's export run side by side.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def read_outside_a_transaction() -> None:
    """Run this request's statements outside a transaction on PostgreSQL, for a request that only reads.

    Each statement of a READ COMMITTED transaction (PostgreSQL's default) sees what was
    committed when it started, as a statement outside a transaction does, so a request
    that only reads sees the same either way; outside one it is spared psycopg's BEGIN and
    the ROLLBACK that ends the request, two of its round trips. A request that goes on to
    write calls begin_writing() first. SQLite, whose transactions cost no round trip, is
    left as it is, and so is a session that has begun one already.
    """
    session = db.session()
    if session.in_transaction() or db.engine.dialect.name != "postgresql":
        return
    session.connection(execution_options={"isolation_level": "AUTOCOMMIT"})
    session.info["reading"] = True


def begin_writing() -> None:
    """End what read_outside_a_transaction() began, so this request's next statement begins a transaction."""
    session = db.session()
    if session.info.pop("reading", False):
        session.commit()  # gives the connection back; the next statement takes one in a transaction


@lru_cache(maxsize=16)
def _wtforms_translations(locale: str) -> support.Translations:
    return support.Translations.load(messages_path(), [locale], domain="wtforms")


class Request(flask.Request):
    """Flask's request, finding WTForms' messages in its language only when a form translates one."""

    @cached_property
    def wtforms_translations(self) -> support.Translations:
        """Return WTForms' messages in the request's language, loaded once per process and language.

        Flask-WTF reads them from their .mo file again on every request that
        translates a message, and keeps them only here, under this name: found
        here, they are parsed once per language, and a request that translates
        none (an autosave, a submit) does not even work out its language.
        """
        return _wtforms_translations(str(get_locale()))


def _request_translations() -> support.NullTranslations:
    """Return the request's translations, looked up once per app context and locale.

    Flask-Babel finds them again on every call (its context, domain, locale and
    cache, each through flask.g); a result page translates a few hundred labels.
    Keyed by the locale object, so a force_locale() inside the context still
    gets its own language.
    """
    locale = get_locale()
    cached = g.get("quizapp_translations")
    if cached is None or cached[0] is not locale:
        cached = g.quizapp_translations = (locale, get_translations())
    return cached[1]


def install_template_gettext(app) -> None:
    """Give the app's templates gettext and ngettext that look the translations up once per request.

    Each render gets ``_``, ``gettext`` and ``ngettext`` bound to the request's
    translations (a context processor: the locale is looked up once per render,
    not on every call); imported macros, which see only the globals, and
    pgettext use the globals below, which look them up on each call.
    """
    app.jinja_env.install_gettext_callables(
        gettext=lambda string: _request_translations().ugettext(string),
        ngettext=lambda singular, plural, n: _request_translations().ungettext(singular, plural, n),
        pgettext=lambda context, string: _request_translations().upgettext(context, string),
        npgettext=lambda context, singular, plural, n: _request_translations().unpgettext(
            context, singular, plural, n),
        newstyle=True,
    )
    app.context_processor(lambda: _bound_gettext(_request_translations()))


# Messages without variables kept translated and formatted per language: the templates' own, with room to spare.
MAX_PLAIN_MESSAGES = 4096


@lru_cache(maxsize=16)
def _bound_gettext(translations: support.NullTranslations) -> dict[str, Callable[..., str]]:
    """Return a template's _, gettext and ngettext for one language, made once per process and language.

    They do what Jinja's newstyle gettext does (the result escaped-safe in an
    autoescaped template, then always %-formatted with the keyword arguments,
    ngettext's ``num`` given by default), on these translations directly.
    """
    singular, plural = translations.ugettext, translations.ungettext

    @lru_cache(maxsize=MAX_PLAIN_MESSAGES)
    def plain(string: str) -> Markup:
        return Markup(singular(string)) % {}

    @pass_context
    def gettext(context, string: str, /, **variables) -> str:  # positional only: any name may be a variable
        if not variables and type(string) is str and context.eval_ctx.autoescape:
            # A message without variables comes out the same every time in a language: a page's
            # labels and its script's messages (a question page has about twenty) are looked up
            # and %-formatted once per process, not on every render.
            return plain(string)
        text = singular(string)
        if context.eval_ctx.autoescape:
            text = Markup(text)
        return text % variables

    @pass_context
    def ngettext(context, one: str, many: str, count: int, /, **variables) -> str:
        variables.setdefault("num", count)
        text = plural(one, many, count)
        if context.eval_ctx.autoescape:
            text = Markup(text)
        return text % variables

    return {"_": gettext, "gettext": gettext, "ngettext": ngettext}


def select_locale() -> str | None:
    """Pick the interface language: the user's switch, else the browser's."""
    if not has_request_context():  # a background job: it forces the locale it was queued in
        return None
    languages = current_app.config["LANGUAGES"]
    chosen = session.get("lang")
    if chosen in languages:
        return chosen
    return request.accept_languages.best_match(languages)
