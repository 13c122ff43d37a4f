"""quizapp: document-grounded quizzes for teachers and students."""

from __future__ import annotations

import os
from pathlib import Path

from flask import Flask


def create_app(test_config: dict | None = None) -> Flask:
    """Create and configure the quizapp application."""
    instance_path = os.environ.get("QUIZAPP_INSTANCE_PATH")
    app = Flask(
        __name__,
        instance_path=os.path.abspath(instance_path) if instance_path else None,
        instance_relative_config=True,
    )
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)

    from . import config

    app.config.from_mapping(config.DEFAULTS)
    app.config.update(config.from_environment(os.environ))
    if test_config:
        app.config.update(test_config)
    app.config.setdefault("SQLALCHEMY_DATABASE_URI", config.default_database_url(app.instance_path))
    app.config.setdefault("SQLALCHEMY_ENGINE_OPTIONS", config.engine_options(app.config["SQLALCHEMY_DATABASE_URI"]))
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = config.instance_secret_key(app.instance_path)

    proxies = int(app.config["PROXY_COUNT"] or 0)
    if proxies:
        from werkzeug.middleware.proxy_fix import ProxyFix

        # Behind a TLS-terminating proxy: the client's address for login
        # throttling, and https for Secure cookies, come from its headers.
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=proxies, x_proto=proxies, x_host=proxies)

    from .localtime import checked_zone

    # One setting for the zone: Flask-Babel converts and formats every time with it.
    app.config["BABEL_DEFAULT_TIMEZONE"] = checked_zone(str(app.config["TIMEZONE"]))

    from .extensions import (
        JSONProvider,
        Request,
        babel,
        csrf,
        db,
        install_template_gettext,
        limiter,
        login_manager,
        migrate,
        select_locale,
    )

    app.json = JSONProvider(app)
    app.request_class = Request

    db.init_app(app)
    migrate.init_app(app, db, directory=str(Path(__file__).resolve().parent.parent / "migrations"))
    csrf.init_app(app)
    limiter.init_app(app)
    babel.init_app(app, locale_selector=select_locale)
    install_template_gettext(app)
    from flask_babel import get_locale

    from . import localtime
    from .labels import FILTERS

    app.jinja_env.globals["get_locale"] = get_locale
    app.jinja_env.globals["zone_abbreviation"] = localtime.zone_abbreviation
    app.jinja_env.filters.update(FILTERS)  # language_name, fact_kind, plural_count
    app.jinja_env.filters.update(localtime.FILTERS)  # when, clock, day: times in the instance's zone

    from . import auth, errors, student, teacher

    login_manager.init_app(app)
    auth.init_login(login_manager)
    app.register_blueprint(auth.bp)
    app.register_blueprint(student.bp)
    app.register_blueprint(teacher.bp)
    from .imports.views import bp as imports_bp

    app.register_blueprint(imports_bp)
    errors.register(app)
    # Browsers and crawlers ask for /favicon.ico whatever a page links to: the SVG icon, not a logged 404.
    app.add_url_rule("/favicon.ico", "favicon", lambda: app.send_static_file("favicon.svg"))

    from . import api

    api.init_app(app)

    from . import jobs, security

    jobs.init_app(app)
    security.init_app(app)

    from . import lti

    lti.init_app(app)

    from . import cli

    cli.register(app)
    return app
