"""quizapp as an LTI 1.3 tool (LTI Advantage): launches, deep linking, grades and rosters, on pylti1p3.

Modules: keys (the tool's RSA key and JWKS), cache (nonces and launch data
shared by every process), toolconf (platforms for pylti1p3), protocol (OIDC
login and launch validation), launches (launch -> participant, placement,
instructor), grades (the AGS outbox), roster (NRPS), tasks (their jobs),
registry (platform registration), views (the /lti pages).
"""

from __future__ import annotations

import click
from flask import Flask


def init_app(app: Flask) -> None:
    """Add the LTI pages, tasks and commands to an app (after the job queue is bound)."""
    from . import models  # noqa: F401  (the tables, for create_all and Alembic)
    from . import tasks
    from .views import bp

    app.register_blueprint(bp)
    tasks.init_app(app)
    app.cli.add_command(lti_command)


@click.group("lti")
def lti_command() -> None:
    """LTI 1.3 maintenance."""


@lti_command.command("send-grades")
def send_grades() -> None:
    """Send every pending grade whose time has come, now, in this process."""
    from ..models import utcnow
    from . import grades

    ids = grades.due(utcnow())
    results = [grades.send(grade_id) for grade_id in ids]
    click.echo(f"{results.count('sent')} sent, {len(results) - results.count('sent')} still pending or failed")


@lti_command.command("rotate-key")
def rotate_key() -> None:
    """Replace the tool's signing key (the old public key stays in the JWKS for a while)."""
    from ..models import utcnow
    from . import keys

    key = keys.rotate(utcnow())
    click.echo(f"new key id {key.kid}")
