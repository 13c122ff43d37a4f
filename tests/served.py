"""quizapp served as `make run` serves it, and a student's browser reading its question page.

Shared by the tests that load a real server (tests/web/test_kill_under_load.py)
and bench/load/run.py: a scratch database's schema and seed quiz, gunicorn
started with the repository's gunicorn.conf.py in a process group of its own,
and what the question page tells its script (fields, option values, the
autosave URL, the CSRF token). Nothing here needs more than the app's own
dependencies.
"""

from __future__ import annotations

import html
import os
import random
import re
import signal
import socket
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

INPUT = re.compile(r"<input\b[^>]*>")
ATTRIBUTE = re.compile(r'([\w-]+)(?:="([^"]*)")?')
FIELD = re.compile(r'data-kind="(\w+)" data-name="(q\d+)"')
AUTOSAVE_URL = re.compile(r'data-autosave-url="([^"]+)"')
TEXT_ANSWERS = ["CATL", "Toyota", "2030", "batterie", "la Cina", "non lo so"]


# --- the page, read as a browser reads it -----------------------------------------------

def inputs(page: str) -> list[dict[str, str]]:
    """Return the attributes of every <input> of a page, unescaped."""
    found = []
    for tag in INPUT.findall(page):
        found.append({name: html.unescape(value or "") for name, value in ATTRIBUTE.findall(tag[6:-1])})
    return found


def hidden_fields(page: str) -> dict[str, str]:
    """Return the names and values of a page's hidden inputs, as a form posts them."""
    return _hidden(inputs(page))


def _hidden(tags: list[dict[str, str]]) -> dict[str, str]:
    return {i["name"]: i.get("value", "") for i in tags if i.get("type") == "hidden" and "name" in i}


class Page:
    """What the question page tells its script: fields, option values, the autosave URL, the CSRF token."""

    def __init__(self, url: str, text: str):
        self.url = url
        self.fields = FIELD.findall(text)
        self.options: dict[str, list[str]] = defaultdict(list)
        tags = inputs(text)  # read once: the page's inputs give the options and the hidden fields alike
        for tag in tags:
            if tag.get("type") in {"radio", "checkbox"}:
                self.options[tag["name"]].append(tag["value"])
        hidden = _hidden(tags)
        self.token = hidden.get("csrf_token", "")
        self.as_of = hidden.get("as_of", "")
        match = AUTOSAVE_URL.search(text)
        self.autosave_url = html.unescape(match.group(1)) if match else None
        # The answers the server holds, as far as this page knows: none on a fresh attempt's page.
        self.acknowledged: dict[str, object] = {}

    def answer(self, answers: dict[str, object], name: str, kind: str, rng: random.Random) -> None:
        """Answer one question as a student would: pick options or type a few words."""
        if kind == "multiple":
            answers[name] = sorted(rng.sample(self.options[name], rng.randint(1, 2)))
        elif self.options.get(name):
            answers[name] = rng.choice(self.options[name])
        elif kind == "numeric":
            answers[name] = str(rng.choice([2030, 2027, 45, 3]))
        else:
            answers[name] = rng.choice(TEXT_ANSWERS)

    def collect(self, answers: dict[str, object]) -> dict[str, object]:
        """Return every field of the page as attempt.js reads them, unanswered ones empty, as an autosave body."""
        body = {}
        for kind, name in self.fields:
            default = [] if kind == "multiple" else (None if self.options.get(name) else "")
            body[name] = answers.get(name, default)
        return {"answers": body}

    def changes(self, answers: dict[str, object]) -> dict[str, object]:
        """Return the autosave body attempt.js sends: the fields that differ from the last acknowledged save."""
        current = self.collect(answers)["answers"]
        known = self.collect(self.acknowledged)["answers"]
        return {"answers": {name: value for name, value in current.items() if value != known[name]}}

    def acknowledge(self, body: dict[str, object]) -> None:
        """Remember a save the server acknowledged, as attempt.js does."""
        self.acknowledged.update(body["answers"])

    def form(self, answers: dict[str, object], action: str, **extra: str) -> list[tuple[str, str]]:
        """Return the form a browser posts: hidden fields, the answers, the button pressed."""
        data = [("csrf_token", self.token), ("page", "0"), ("as_of", self.as_of), ("action", action)]
        for name, value in answers.items():
            for single in value if isinstance(value, list) else [value]:
                data.append((name, str(single)))
        return data + list(extra.items())


# --- the database ---------------------------------------------------------------------------

def seed_quiz(url: str, instance: Path) -> str:
    """Make the tables of an empty database, load the seed quiz as `make seed` does; return its join code."""
    from quizapp import create_app
    from quizapp.extensions import db
    from quizapp.models import Quiz
    from quizapp.services import accounts, seeding

    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "served",
                      "JOBS_SQLITE_PATH": str(instance / "jobs.sqlite3"), "JOBS_WORKER_THREADS": 0})
    with app.app_context():
        db.create_all()
        admin, _ = accounts.ensure_admin("bench@example.org", "bench password 123")
        seeding.load_seeds(Path(app.config["SEEDS_DIR"]), admin)
        code = db.session.scalar(db.select(Quiz.join_code))
        db.session.commit()
        db.session.remove()
        db.engine.dispose()
    return code


# --- the server -----------------------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def gunicorn_command(port: int, *app: str) -> list[str]:
    """Return `make run`'s command line on a port of 127.0.0.1 (gunicorn.conf.py names the app unless given)."""
    return [str(Path(sys.executable).parent / "gunicorn"), "-c", str(ROOT / "gunicorn.conf.py"),
            "--bind", f"127.0.0.1:{port}", *app]


def server_environment(url: str, instance: Path, workers: int, threads: int = 8) -> dict[str, str]:
    """Return the environment `make run` reads its settings from, for a scratch database and instance folder."""
    return {**os.environ, "QUIZAPP_DATABASE_URL": url, "QUIZAPP_INSTANCE_PATH": str(instance),
            "QUIZAPP_SECRET_KEY": "served", "QUIZAPP_WORKERS": str(workers), "QUIZAPP_THREADS": str(threads),
            "PYTHONPATH": str(ROOT)}


def stop(process: subprocess.Popen) -> None:
    """End a server and its workers (its process group): SIGTERM, then SIGKILL if it lingers."""
    try:
        os.killpg(process.pid, signal.SIGTERM)
    except ProcessLookupError:
        pass  # already gone (killed on purpose)
    try:
        process.wait(30)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


@contextmanager
def serving(command: list[str], env: dict[str, str], cwd: Path, port: int, log: Path) -> Iterator[subprocess.Popen]:
    """Start a server in a process group of its own, wait until its port accepts; yield it, and stop it after."""
    with open(log, "a") as output:
        process = subprocess.Popen(command, env=env, cwd=cwd, stdout=output, stderr=subprocess.STDOUT,
                                   start_new_session=True)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"the server did not start: {log.read_text()[-2000:]}") from None
                time.sleep(0.2)
        yield process
    finally:
        stop(process)
