"""Command-line tasks: seed, generate, teacher accounts, and the deadline sweep."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click
from flask import Flask, current_app
from flask.cli import FlaskGroup, with_appcontext
from flask_babel import force_locale

from .extensions import db
from .models import utcnow


def _ensure_admin():
    from .services import accounts

    admin, password = accounts.ensure_admin(current_app.config["ADMIN_EMAIL"], current_app.config["ADMIN_PASSWORD"])
    if password:
        click.echo("=" * 60)
        click.echo("Created the administrator account (shown only this once):")
        click.echo(f"  e-mail:   {admin.email}")
        click.echo(f"  password: {password}")
        click.echo("=" * 60)
    return admin


@click.command("seed")
@with_appcontext
@click.option("--dir", "seeds_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder of seed documents (default: the configured SEEDS_DIR).")
def seed_command(seeds_dir: Path | None) -> None:
    """Load the seed documents and publish a quiz for each (idempotent)."""
    from .services import seeding

    admin = _ensure_admin()
    added = seeding.load_seeds(seeds_dir or current_app.config["SEEDS_DIR"], admin)
    db.session.commit()
    for document in added:
        click.echo(f"Seeded {document.source_name}: {len(document.questions)} questions, language {document.language}.")
    if not added:
        click.echo("Seeds already loaded; nothing changed.")


@click.command("init-admin")
@with_appcontext
def init_admin_command() -> None:
    """Create the administrator if there is none yet."""
    _ensure_admin()
    db.session.commit()


@click.command("create-teacher")
@with_appcontext
@click.option("--email", prompt=True)
@click.option("--name", prompt=True)
@click.option("--password", prompt=True, hide_input=True, confirmation_prompt=True)
@click.option("--admin", is_flag=True, help="Give the account administrator rights.")
def create_teacher_command(email: str, name: str, password: str, admin: bool) -> None:
    """Create a teacher account."""
    from .services import accounts

    try:
        user = accounts.create_teacher(email, name, password, is_admin=admin)
    except accounts.AccountError as error:
        with force_locale("en"):  # the command line speaks English; the message is lazy
            message = str(error)
        raise click.ClickException(message) from error
    db.session.commit()
    click.echo(f"Created {'administrator' if admin else 'teacher'} {user.email}.")


@click.command("generate")
@with_appcontext
@click.argument("file", type=click.File("r", encoding="utf-8"))
@click.option("--lang", type=click.Choice(["it", "en"]), default=None, help="The document's language.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")
@click.option("--max-questions", type=int, default=None)
@click.option("--seed", type=int, default=0)
def generate_command(file, lang, as_json, max_questions, seed) -> None:
    """Print the quiz the generator writes for a document."""
    from .generator import EmptyDocument, UnsupportedLanguage, generate_quiz

    try:
        draft = generate_quiz(file.read(), lang=lang, max_questions=max_questions, seed=seed)
    except (EmptyDocument, UnsupportedLanguage) as error:
        raise click.ClickException(str(error)) from error
    if as_json:
        click.echo(json.dumps(draft.to_dict(), ensure_ascii=False, indent=2))
        return
    click.echo(f"Language: {draft.language}   Published: {draft.published or '-'}   Facts: {len(draft.facts)}")
    for number, question in enumerate(draft.questions, start=1):
        data = question.to_dict()
        click.echo(f"\n{number}. [{data['kind']}] {data['prompt']}")
        for index, option in enumerate(data["options"]):
            mark = "*" if index in data["correct"] else " "
            click.echo(f"   {mark} {option}")
        if not data["options"]:
            click.echo(f"   = {' | '.join(str(value) for value in data['correct'])}")
        click.echo(f"   evidence: {data['evidence']['text']}")


@click.command("close-overdue")
@with_appcontext
def close_overdue_command() -> None:
    """Submit every attempt whose time ran out (run it from cron or a timer)."""
    from .services import attempts

    count = attempts.close_overdue(utcnow(), current_app.config["DEADLINE_GRACE_SECONDS"])
    db.session.commit()
    click.echo(f"Submitted {count} overdue attempt(s).")


@click.command("rebuild-stats")
@click.argument("quiz_ids", nargs=-1, type=int)
@with_appcontext
def rebuild_stats_command(quiz_ids: tuple[int, ...]) -> None:
    """Sum the item-analysis figures of quizzes anew (all with attempts, or those given), e.g. after an upgrade."""
    from .models import Attempt
    from .services import aggregates

    if not quiz_ids:
        quiz_ids = tuple(db.session.scalars(db.select(Attempt.quiz_id).where(Attempt.state == "submitted")
                                            .distinct().order_by(Attempt.quiz_id)))
    for quiz_id in quiz_ids:
        sums = aggregates.rebuild(quiz_id)
        db.session.commit()
        click.echo(f"quiz {quiz_id}: {sums.attempts} submitted attempts summed")


def register(app: Flask) -> None:
    """Add quizapp's commands to the app's `flask` command."""
    for command in (seed_command, init_admin_command, create_teacher_command, generate_command,
                    close_overdue_command, rebuild_stats_command):
        app.cli.add_command(command)


def main() -> None:
    """Run the `quizapp` console script: the flask command bound to this app."""
    from . import create_app

    FlaskGroup(create_app=create_app)(sys.argv[1:])
