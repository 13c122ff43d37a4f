"""Measure a student's requests in-process: CPU and Python calls per request of a join, an autosave against the bare insert, and the end of an attempt.

    .venv/bin/python bench/load/inprocess.py [--database sqlite|postgresql+psycopg://.../quizapp_bench_inprocess]
                                             [--joins 200] [--saves 1000] [--rounds 5]

The seed quiz on a scratch database (as bench/load/run.py makes it), the app
as served (rate limiter on), called through its WSGI interface with each
request's environ built beforehand: only the app's own call is timed (process
CPU time, best of --rounds), so the figures leave out the server, the client
and the other jobs of a shared machine, which make the served figures vary
between runs more than most changes to the app. Python calls per request are
counted with cProfile in a separate pass. Each student who joined then ends
the attempt as a browser of the direct run does: the page's answers posted
with the next-page button (a page change), the submit, the result page.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import random
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

from werkzeug.datastructures import MultiDict
from werkzeug.test import EnvironBuilder

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))
sys.path.insert(0, str(HERE))

import run  # noqa: E402 (scratch database and seed quiz as the load benchmark makes them)
from tests.served import Page, hidden_fields  # noqa: E402


class Caller:
    """Call a WSGI app with one request at a time, adding up the CPU time of the app's calls by kind of request."""

    def __init__(self, app):
        self.app = app
        self.cpu: dict[str, float] = {}
        self.profiles: dict[str, cProfile.Profile] | None = None

    def __call__(self, kind: str, method: str, path: str, cookie: str | None = None, headers=None, **kwargs):
        headers = {**({"Cookie": cookie} if cookie else {}), **(headers or {})}
        builder = EnvironBuilder(path=path, method=method, headers=headers,
                                 environ_base={"REMOTE_ADDR": "127.0.0.1"}, **kwargs)
        environ = builder.get_environ()
        builder.close()
        reply = {}

        def start_response(status, headers, exc_info=None):
            reply["status"], reply["headers"] = int(status.split()[0]), headers

        profile = self.profiles.setdefault(kind, cProfile.Profile()) if self.profiles is not None else None
        started = time.process_time()
        if profile:
            profile.enable()
        body = b"".join(self.app(environ, start_response))
        if profile:
            profile.disable()
        self.cpu[kind] = self.cpu.get(kind, 0.0) + time.process_time() - started
        answered = dict(reply["headers"])
        set_cookie = answered.get("Set-Cookie")
        return reply["status"], body.decode(), (set_cookie.split(";", 1)[0] if set_cookie else cookie), answered


def join(call: Caller, code: str, name: str) -> tuple[str, Page]:
    """Join as a new browser does (join page, join, question page); return its cookie and the question page."""
    status, text, cookie, _ = call("join page", "GET", f"/q/{code}")
    status, _, cookie, headers = call("join", "POST", f"/q/{code}", cookie,
                                      data={**hidden_fields(text), "display_name": name})
    url = urlsplit(headers["Location"]).path
    status, page, cookie, _ = call("question page", "GET", url, cookie)
    if status != 200:
        raise SystemExit(f"the question page answered {status}")
    return cookie, Page(url, page)


def autosave(call: Caller, student: tuple[str, Page, random.Random, dict]) -> None:
    """Change one answer and autosave it, as run.py's throughput phase does."""
    cookie, page, rng, answers = student
    while True:
        answers.clear()
        kind, name = rng.choice(page.fields)
        page.answer(answers, name, kind, rng)
        body = page.changes(answers)
        if body["answers"]:
            break
    status, _, _, _ = call("autosave", "POST", page.autosave_url, cookie, data=json.dumps(body),
                           content_type="application/json",
                           headers={"X-CSRFToken": page.token, "Accept": "application/json"})
    if status != 200:
        raise SystemExit(f"an autosave answered {status}")
    page.acknowledge(body)


def finish(call: Caller, cookie: str, page: Page, rng: random.Random) -> None:
    """Answer the page, post it with the next-page button, submit it and read the result, as a browser does."""
    answers: dict = {}
    for kind, name in page.fields:
        page.answer(answers, name, kind, rng)
    for kind, data in (("page change", page.form(answers, "next")),
                       ("submit", page.form(answers, "submit", confirm="1"))):
        status, _, cookie, headers = call(kind, "POST", page.url, cookie, data=MultiDict(data))
        if status != 302:
            raise SystemExit(f"a {kind} answered {status}")
    status, _, _, _ = call("result", "GET", urlsplit(headers["Location"]).path, cookie)
    if status != 200:
        raise SystemExit(f"the result page answered {status}")


def bare_insert(call: Caller) -> None:
    call("bare insert", "POST", "/insert", data=json.dumps({"student": "S", "answers": {"q1": "0"}}),
         content_type="application/json")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database", default="sqlite")
    parser.add_argument("--joins", type=int, default=200)
    parser.add_argument("--saves", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    import bare
    from quizapp import create_app

    with tempfile.TemporaryDirectory(prefix="quizapp-inprocess-") as folder, \
            run.scratch_database(args.database, Path(folder)) as url:
        instance = Path(folder) / "instance"
        instance.mkdir()
        code = run.prepare(url, instance)
        app = create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "bench-inprocess",
                          "JOBS_SQLITE_PATH": str(instance / "jobs.sqlite3"), "JOBS_WORKER_THREADS": 0})
        call, bare_call = Caller(app), Caller(bare.create_app(url))
        students = [(*join(call, code, f"Saver {n}"), random.Random(n), {}) for n in range(16)]
        for n in range(100):  # warm up: compiled statements, templates, shared fragments
            finish(call, *join(call, code, f"Warm-up {n}"), random.Random(n))
            autosave(call, students[n % 16])
            bare_insert(bare_call)
        best: dict[str, float] = {}
        for round_ in range(args.rounds):
            call.cpu.clear(), bare_call.cpu.clear()
            joined = [join(call, code, f"Student {round_}-{n}") for n in range(args.joins)]
            for n, (cookie, page) in enumerate(joined):
                finish(call, cookie, page, random.Random(n))
            for n in range(args.saves):
                autosave(call, students[n % 16])
                bare_insert(bare_call)
            for kind, seconds in (*call.cpu.items(), *bare_call.cpu.items()):
                count = args.joins if kind != "autosave" and kind != "bare insert" else args.saves
                best[kind] = min(best.get(kind, float("inf")), seconds * 1e6 / count)
        call.profiles, bare_call.profiles = {}, {}
        for n in range(50):
            finish(call, *join(call, code, f"Counted {n}"), random.Random(n))
            autosave(call, students[n % 16])
            bare_insert(bare_call)
        calls = {kind: pstats.Stats(profile).total_calls / 50
                 for kind, profile in (*call.profiles.items(), *bare_call.profiles.items())}
        with app.app_context():
            from quizapp.extensions import db
            db.engine.dispose()
    print(f"In-process, {'SQLite' if args.database == 'sqlite' else 'PostgreSQL'}, quizapp {run.revision()}: "
          f"CPU per request (best of {args.rounds} rounds of {args.joins} joins and {args.saves} autosaves) "
          f"and Python calls per request")
    for kind in ("join page", "join", "question page", "autosave", "page change", "submit", "result", "bare insert"):
        print(f"  {kind:<14} {best[kind]:>6.0f} µs {calls[kind]:>7.0f} calls")
    print(f"  a join (3 requests) {sum(best[k] for k in ('join page', 'join', 'question page')) / 1000:.2f} ms; "
          f"autosave / bare insert {best['autosave'] / best['bare insert']:.2f}x; "
          f"the end (page change, submit, result) {sum(best[k] for k in ('page change', 'submit', 'result')) / 1000:.2f} ms")


if __name__ == "__main__":
    main()
