"""Time the teacher's pages and exports over HTTP on a quiz with many attempts, with the server's peak memory.

    .venv/bin/python bench/teacher_scale.py [--attempts 2000 20000 100000] [--database sqlite|postgres|both]
                                            [--port 5121] [--repeat 5] [--keep DIR] [--json FILE]

For each database it makes a scratch one (a SQLite file in a temporary folder,
or a database of its own on the PostgreSQL server at 127.0.0.1:5432, dropped
at the end), loads the seed quiz (10 questions of six kinds) and, for each N in
turn, adds attempts until the quiz has N submitted ones: students join and
start an attempt through the attempt services, answer (right with a chance
that is the student's ability, else one of a few wrong answers or a blank),
and are graded by the grading service (which adds each attempt to the quiz's
item-analysis sums); one student in five tries twice. After each step one
question's key is changed and regraded through the regrade service. All of
it runs in one app context with a commit every BATCH attempts.

Then a fresh server (Waitress, 4 threads, one job worker thread, as `make run`)
serves the database on 127.0.0.1:PORT (5121-5129), and the administrator's
browser is played with urllib: each page is fetched --repeat times (the first
view, the median and the slowest shown; the item analysis's first view is the
first after the fill's regrade, and at the first N the first ever), and each
CSV download --repeat times (median time to its first byte and to its end).
Then a key is changed and regraded through the service while the server runs
(timed: it updates the kept sums), and the item analysis is timed again, its
first view after that regrade apart. Last, each XLSX export is queued (the
request's own time) and its job waited for on its job page (at most
--xlsx-wait seconds) and downloaded. The server's peak resident memory
(VmHWM, the XLSX jobs included) is read at the end of each N. The SQL
statements each page sends are counted in the bench's own process (Flask's
test client). The machine may be shared: figures are wall times.

--bulk-fill writes the same students and answers in bulk rows, scored by the
question kinds as grading does, and makes the sums in one pass
(aggregates.rebuild): for a machine too busy to add 100,000 attempts one by
one in time. The regrades still go through the regrade service.
"""

from __future__ import annotations

import argparse
import http.cookiejar
import json
import os
import random
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PG_SERVER = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
ADMIN_EMAIL = "bench@example.org"
ADMIN_PASSWORD = "bench password 123"
BATCH = 1000
# Attempts per bulk write in fill_bulk.
BULK = 2000
PORTS = range(5121, 5130)
# Wrong answers students type or pick, per kind (right ones come from the key).
WRONG = {
    "cloze": ["la Corea", "gli Stati Uniti", "BYD", "", "il governo giapponese"],
    "short": ["CATL", "Consorzio cinese", "non lo so", ""],
    "numeric": [2025.0, 2035.0, 2028.0],
}
CSRF = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"|value="([^"]+)"[^>]*name="csrf_token"')


def make_app(url: str, instance: Path):
    from quizapp import create_app

    return create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "bench", "SEEDS_DIR": str(ROOT / "seeds"),
                       "JOBS_SQLITE_PATH": str(instance / "jobs.sqlite3"), "JOBS_WORKER_THREADS": 0,
                       "EXPORTS_DIR": str(instance / "exports")})


@contextmanager
def scratch_database(kind: str, folder: Path):
    """Yield the URL of an empty database of this kind; a PostgreSQL one is dropped afterwards."""
    if kind == "sqlite":
        yield f"sqlite:///{folder / 'teacher_scale.db'}"
        return
    from sqlalchemy import create_engine, make_url, text

    name = f"quizapp_bench_{uuid.uuid4().hex[:10]}"
    admin = create_engine(PG_SERVER, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(PG_SERVER).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :n"),
                               {"n": name})
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        admin.dispose()


def prepare(app) -> int:
    """Create the schema, the administrator and the seed quiz; return the quiz's id."""
    from quizapp.extensions import db
    from quizapp.models import Quiz
    from quizapp.services import accounts, seeding

    with app.app_context():
        db.create_all()
        admin, _ = accounts.ensure_admin(ADMIN_EMAIL, ADMIN_PASSWORD)
        seeding.load_seeds(ROOT / "seeds", admin)
        db.session.commit()
        return db.session.scalar(db.select(Quiz.id).order_by(Quiz.id))


def answer_for(question, right: bool, rng: random.Random):
    """Return a stored answer to a question: the key when right, else a wrong one or a blank."""
    if rng.random() < 0.04:
        return None
    kind = question.kind
    if kind in ("single", "true_false"):
        wrong = [i for i in range(len(question.options)) if i not in question.correct]
        return question.correct[0] if right else rng.choice(wrong)
    if kind == "multiple":
        if right:
            return sorted(question.correct)
        picked = rng.sample(range(len(question.options)), rng.randint(1, len(question.options) - 1))
        return sorted(picked)
    if kind == "numeric":
        return float(question.correct[0]) if right else rng.choice(WRONG["numeric"])
    if right:
        key = rng.choice(question.correct)
        return rng.choice([key, key.upper(), f" {key.lower()} "])
    return rng.choice(WRONG[kind])


def fill(app, quiz_id: int, target: int, rng: random.Random) -> float:
    """Add attempts through the services until the quiz has `target` submitted ones; return the seconds taken."""
    import datetime as dt

    from quizapp.extensions import db
    from quizapp.models import Attempt, Quiz, Response
    from quizapp.services import attempts as attempt_service

    started = time.perf_counter()
    with app.app_context():
        quiz = db.session.get(Quiz, quiz_id)
        entries = list(quiz.items)
        done = db.session.scalar(db.select(db.func.count(Attempt.id)).where(
            Attempt.quiz_id == quiz_id, Attempt.state == "submitted"))
        # Attempts are dated across a school year, a minute apart, so the sorts have something to sort.
        clock = dt.datetime(2025, 9, 15, 8, 0) + dt.timedelta(minutes=done)
        student = done
        while done < target:
            ability = rng.random()
            participant = attempt_service.join(quiz, f"Studente {student:06d}", f"s{student:06d}", clock)
            student += 1
            for _try in range(2 if rng.random() < 0.2 and done + 1 < target else 1):
                attempt = attempt_service.start_attempt(participant, clock, 30, set())
                # The answers the student saved, then the grading service scores them as a submit does.
                attempt.responses = [
                    Response(question_id=entry.question_id,
                             answer=answer_for(entry.question, rng.random() < ability, rng), saved_at=clock)
                    for entry in entries]
                attempt.state, attempt.submitted_at = "submitted", clock + dt.timedelta(minutes=rng.randint(3, 25))
                attempt_service.grade(attempt)
                done += 1
                clock += dt.timedelta(minutes=1)
            if student % BATCH == 0:
                # Committed in batches, and the session emptied, so memory stays flat however many are added.
                db.session.commit()
                db.session.expunge_all()
                quiz = db.session.get(Quiz, quiz_id)
                entries = list(quiz.items)
        db.session.commit()
    regrade_and_analyze(app, quiz_id)
    return time.perf_counter() - started


def regrade_and_analyze(app, quiz_id: int) -> None:
    """Change one question's key and regrade it through the service, as a teacher's fix would; ANALYZE on PostgreSQL."""
    from quizapp.extensions import db
    from quizapp.models import Quiz, User
    from quizapp.services import regrade

    with app.app_context():
        quiz = db.session.get(Quiz, quiz_id)
        entries = list(quiz.items)
        # The seed quiz may have no true/false question: then a single-choice one's key moves to the next option.
        question = next((entry.question for entry in entries if entry.question.kind == "true_false"), None) or \
            next(entry.question for entry in entries if entry.question.kind == "single")
        question.correct = [(question.correct[0] + 1) % len(question.options)]
        regrade.regrade_question(question, db.session.get(User, quiz.owner_id))
        db.session.commit()
        if db.engine.dialect.name == "postgresql":
            # What autovacuum would have done after so many new rows: the planner needs the tables' statistics.
            with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
                connection.exec_driver_sql("ANALYZE")


def fill_bulk(app, quiz_id: int, target: int, rng: random.Random) -> float:
    """Add attempts in bulk rows until the quiz has `target` submitted ones; return the seconds taken.

    The same students, answers and dates as `fill`, scored by the question
    kinds as attempts.grade scores them, but written BULK rows at a time
    (executemany), and the item-analysis sums then made by the aggregates
    service in one pass (aggregates.rebuild) instead of attempt by attempt:
    for a machine too busy to fill 100,000 attempts one by one in time. The
    regrade after each step goes through the regrade service as in `fill`.
    """
    import datetime as dt
    import secrets

    from quizapp.extensions import db
    from quizapp.kinds import kind_of
    from quizapp.models import Attempt, Participant, Quiz, Response
    from quizapp.services import aggregates

    started = time.perf_counter()
    with app.app_context():
        quiz = db.session.get(Quiz, quiz_id)
        entries = list(quiz.items)
        layout = {"order": [entry.id for entry in entries],
                  "options": {str(entry.id): list(range(len(entry.question.options))) for entry in entries}}
        max_score = quiz.max_score
        done = db.session.scalar(db.select(db.func.count(Attempt.id)).where(
            Attempt.quiz_id == quiz_id, Attempt.state == "submitted"))
        student = db.session.scalar(db.select(db.func.count(Participant.id)).where(Participant.quiz_id == quiz_id))
        next_participant = (db.session.scalar(db.select(db.func.max(Participant.id))) or 0) + 1
        next_attempt = (db.session.scalar(db.select(db.func.max(Attempt.id))) or 0) + 1
        clock = dt.datetime(2025, 9, 15, 8, 0) + dt.timedelta(minutes=done)
        while done < target:
            participants, attempts, responses = [], [], []
            while done < target and len(attempts) < BULK:
                ability = rng.random()
                participants.append({"id": next_participant, "quiz_id": quiz_id,
                                     "display_name": f"Studente {student:06d}", "identifier": f"s{student:06d}",
                                     "token": secrets.token_urlsafe(32), "created_at": clock})
                student += 1
                for number in range(1, 3 if rng.random() < 0.2 and done + 1 < target else 2):
                    total = 0.0
                    for entry in entries:
                        answer = answer_for(entry.question, rng.random() < ability, rng)
                        points = round(kind_of(entry.question).fraction(entry.question, answer) * entry.points, 4)
                        total += points
                        responses.append({"attempt_id": next_attempt, "question_id": entry.question_id,
                                          "answer": answer, "points": points, "saved_at": clock})
                    attempts.append({"id": next_attempt, "quiz_id": quiz_id, "participant_id": next_participant,
                                     "number": number, "token": secrets.token_urlsafe(32), "state": "submitted",
                                     "started_at": clock, "deadline_at": None,
                                     "submitted_at": clock + dt.timedelta(minutes=rng.randint(3, 25)),
                                     "auto_submitted": False, "score": round(total, 4), "max_score": max_score,
                                     "layout": layout, "page": 0})
                    next_attempt += 1
                    done += 1
                    clock += dt.timedelta(minutes=1)
                next_participant += 1
            db.session.execute(db.insert(Participant), participants)
            db.session.execute(db.insert(Attempt), attempts)
            db.session.execute(db.insert(Response), responses)
            db.session.commit()
        if db.engine.dialect.name == "postgresql":
            # Ids were given: the sequences move past them, for rows the app adds later.
            for table in ("participant", "attempt"):
                db.session.execute(db.text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                                           f"(SELECT max(id) FROM {table}))"))
        aggregates.rebuild(quiz_id)
        db.session.commit()
    regrade_and_analyze(app, quiz_id)
    return time.perf_counter() - started


class StayHere(urllib.request.HTTPRedirectHandler):
    """Leave a redirect unfollowed: urllib then raises it as an HTTPError with its Location."""

    def redirect_request(self, *args, **kwargs):
        return None


class Browser:
    """The administrator's browser: cookies, the login form, timed requests."""

    def __init__(self, base: str):
        self.base = base
        cookies = urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        self.opener = urllib.request.build_opener(cookies)
        # For timing a form's own request: its redirect is not followed.
        self.no_redirect = urllib.request.build_opener(cookies, StayHere)
        for opener in (self.opener, self.no_redirect):
            opener.addheaders = [("Accept-Language", "en")]

    def open(self, path: str, data: dict | None = None):
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        return self.opener.open(self.base + path, body, timeout=600)

    def token(self, path: str = "/teach/") -> str:
        match = CSRF.search(self.open(path).read().decode())
        return match.group(1) or match.group(2)

    def login(self) -> None:
        token = self.token("/auth/login")
        self.open("/auth/login", {"email": ADMIN_EMAIL, "password": ADMIN_PASSWORD, "csrf_token": token}).read()

    def timed(self, path: str) -> tuple[float, float, int]:
        """Fetch a page or download: return (seconds to the first byte, seconds to the end, bytes)."""
        started = time.perf_counter()
        with self.open(path) as response:
            first = response.read(1)
            ttfb = time.perf_counter() - started
            size = len(first)
            while chunk := response.read(1 << 16):
                size += len(chunk)
        return ttfb, time.perf_counter() - started, size


def serve(url: str, instance: Path, port: int) -> subprocess.Popen:
    """Start Waitress on the database as `make run` would, and wait until it answers."""
    env = dict(os.environ, QUIZAPP_DATABASE_URL=url, QUIZAPP_INSTANCE_PATH=str(instance),
               QUIZAPP_SECRET_KEY="bench", QUIZAPP_JOBS_WORKER_THREADS="1", QUIZAPP_EXPORTS_DIR=str(instance / "exports"))
    server = subprocess.Popen([str(Path(sys.executable).parent / "waitress-serve"), "--host", "127.0.0.1",
                               "--port", str(port), "--threads", "4", "--call", "quizapp:create_app"],
                              env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    for _ in range(200):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/auth/login", timeout=2).read()
            return server
        except (urllib.error.URLError, ConnectionError):
            if server.poll() is not None:
                raise RuntimeError(server.stderr.read().decode())
            time.sleep(0.1)
    server.kill()
    raise RuntimeError("the server did not start")


def peak_rss_mb(pid: int) -> float:
    """Return a process's peak resident memory (VmHWM), in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def xlsx_job(browser: Browser, quiz_id: int, table: str, wait: float | None = None) -> dict:
    """Queue an XLSX export, wait for its job (at most `wait` seconds), download the file; return the times."""
    token = browser.token(f"/teach/quizzes/{quiz_id}/results")
    started = time.perf_counter()
    request = urllib.request.Request(f"{browser.base}/teach/quizzes/{quiz_id}/{table}.xlsx",
                                     urllib.parse.urlencode({"csrf_token": token}).encode())
    # The queueing request ends with a redirect to the job page: stop there to time the request alone.
    try:
        browser.no_redirect.open(request, timeout=600).read()
        raise RuntimeError("queueing an export did not redirect to its job")
    except urllib.error.HTTPError as redirect:
        if redirect.code != 302:
            raise
        job_id = int(redirect.headers["Location"].rstrip("/").rsplit("/", 1)[1])
    queued = time.perf_counter() - started
    polls, slowest_poll = 0, 0.0
    while True:
        poll_started = time.perf_counter()
        state = json.loads(browser.open(f"/jobs/{job_id}.json").read())
        slowest_poll = max(slowest_poll, time.perf_counter() - poll_started)
        polls += 1
        if state["status"] in ("done", "failed"):
            break
        if wait is not None and time.perf_counter() - started > wait:
            return {"queue_request": queued, "ready_after": None, "progress": state.get("progress"),
                    "slowest_poll": slowest_poll}
        time.sleep(0.5)
    if state["status"] != "done":
        raise RuntimeError(f"export job failed: {state}")
    built = time.perf_counter() - started
    _ttfb, download, size = browser.timed(f"/teach/exports/{job_id}/download")
    return {"queue_request": queued, "ready_after": built, "download": download, "bytes": size,
            "slowest_poll": slowest_poll}


def repeated(times: list[float]) -> dict:
    """Return the first, median and slowest of a page's timings."""
    return {"first": times[0], "median": statistics.median(times), "slowest": max(times)}


def measure(base: str, quiz_id: int, repeat: int) -> dict:
    browser = Browser(base)
    browser.login()
    pages = {
        "dashboard": "/teach/",
        "results": f"/teach/quizzes/{quiz_id}/results",
        "results by name, page 1000": f"/teach/quizzes/{quiz_id}/results?sort=name&dir=asc&page=1000",
        "results by duration, last page": f"/teach/quizzes/{quiz_id}/results?sort=duration&dir=desc&page=999999",
        "item analysis": f"/teach/quizzes/{quiz_id}/analysis",
    }
    figures: dict = {}
    for name, path in pages.items():
        figures[name] = repeated([browser.timed(path)[1] for _ in range(repeat)])
    for table in ("scores", "answers"):
        runs = [browser.timed(f"/teach/quizzes/{quiz_id}/{table}.csv") for _ in range(repeat)]
        figures[f"{table}.csv"] = {"first_byte": statistics.median(run[0] for run in runs),
                                   "total": statistics.median(run[1] for run in runs), "bytes": runs[0][2],
                                   "runs": len(runs)}
    return figures


def measure_xlsx(base: str, quiz_id: int, wait: float | None) -> dict:
    """Queue each XLSX export and wait for its job (at most `wait` seconds each)."""
    browser = Browser(base)
    browser.login()
    return {f"{table}.xlsx": xlsx_job(browser, quiz_id, table, wait) for table in ("scores", "answers")}


def change_key(app, quiz_id: int) -> tuple[float, int]:
    """Move a single-choice question's key to its next option and regrade, as a teacher's fix; return (s, changed)."""
    from quizapp.extensions import db
    from quizapp.models import Quiz, User
    from quizapp.services import regrade

    with app.app_context():
        quiz = db.session.get(Quiz, quiz_id)
        question = [entry.question for entry in quiz.items if entry.question.kind == "single"][-1]
        question.correct = [(question.correct[0] + 1) % len(question.options)]
        db.session.commit()
        started = time.perf_counter()
        changed = regrade.regrade_question(question, db.session.get(User, quiz.owner_id))
        db.session.commit()
        return time.perf_counter() - started, changed


def statement_counts(app, quiz_id: int) -> dict:
    """Count the SQL statements the results and item analysis pages send, with Flask's test client."""
    from sqlalchemy import event

    from quizapp.extensions import db

    seen: list[int] = []

    def record(*_args):
        seen.append(1)

    client = app.test_client()
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"
    match = CSRF.search(client.get("/auth/login").get_data(as_text=True))
    client.post("/auth/login", data={"email": ADMIN_EMAIL, "password": ADMIN_PASSWORD,
                                     "csrf_token": match.group(1) or match.group(2)})
    with app.app_context():
        engine = db.engine
    counts = {}
    for name, path in (("results", f"/teach/quizzes/{quiz_id}/results"),
                       ("item analysis", f"/teach/quizzes/{quiz_id}/analysis")):
        event.listen(engine, "before_cursor_execute", record)
        try:
            seen.clear()
            status = client.get(path).status_code
            counts[name] = len(seen)
        finally:
            event.remove(engine, "before_cursor_execute", record)
        if status != 200:
            raise RuntimeError(f"{path} answered {status}")
    return counts


def report(kind: str, attempts: int, fill_seconds: float, figures: dict, rss: float) -> list[str]:
    lines = [f"== {kind}, {attempts} submitted attempts (filled in {fill_seconds:.0f} s); server peak RSS {rss:.0f} MB"]
    for name, value in figures.items():
        if name == "regrade":
            lines.append(f"  {'regrade (service, sums kept)':32} {value['seconds']:.2f} s, "
                         f"{value['changed']} attempts changed")
        elif name == "statements":
            lines.append(f"  {'SQL statements per page':32} " + ", ".join(f"{k} {v}" for k, v in value.items()))
        elif "median" in value:
            lines.append(f"  {name:32} first {value['first'] * 1000:6.0f} ms, median {value['median'] * 1000:6.0f} ms, "
                         f"slowest {value['slowest'] * 1000:.0f} ms")
        elif "first_byte" in value:
            lines.append(f"  {name:32} first byte {value['first_byte']:.2f} s, done {value['total']:.2f} s, "
                         f"{value['bytes'] / 1e6:.1f} MB (median of {value['runs']})")
        elif value.get("ready_after") is None:
            lines.append(f"  {name:32} queueing request {value['queue_request']:.2f} s, not waited for past "
                         f"{value['progress']}% (slowest progress poll {value['slowest_poll']:.2f} s)")
        else:
            lines.append(f"  {name:32} queueing request {value['queue_request']:.2f} s, file ready after "
                         f"{value['ready_after']:.1f} s (slowest progress poll {value['slowest_poll']:.2f} s), "
                         f"download {value['download']:.2f} s, {value['bytes'] / 1e6:.1f} MB")
    return lines


def run(kind: str, sizes: list[int], port: int, repeat: int, keep: Path | None, bulk: bool = False,
        xlsx_wait: float | None = None) -> list[dict]:
    results = []
    with tempfile.TemporaryDirectory() as scratch:
        folder = keep or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        instance = folder / f"instance-{kind}"
        instance.mkdir(exist_ok=True)
        with scratch_database(kind, folder) as url:
            app = make_app(url, instance)
            quiz_id = prepare(app)
            rng = random.Random(15)
            for attempts in sizes:
                fill_seconds = (fill_bulk if bulk else fill)(app, quiz_id, attempts, rng)
                server = serve(url, instance, port)
                try:
                    base = f"http://127.0.0.1:{port}"
                    figures = measure(base, quiz_id, repeat)
                    seconds, changed = change_key(app, quiz_id)
                    figures["regrade"] = {"seconds": seconds, "changed": changed}
                    browser = Browser(base)
                    browser.login()
                    figures["item analysis after a regrade"] = repeated(
                        [browser.timed(f"/teach/quizzes/{quiz_id}/analysis")[1] for _ in range(repeat)])
                    # Last, as a job left unfinished (--xlsx-wait) would slow what comes after it.
                    figures.update(measure_xlsx(base, quiz_id, xlsx_wait))
                    rss = peak_rss_mb(server.pid)
                finally:
                    server.terminate()
                    server.wait(timeout=30)
                figures["statements"] = statement_counts(app, quiz_id)
                print("\n".join(report(kind, attempts, fill_seconds, figures, rss)), flush=True)
                results.append({"database": kind, "attempts": attempts, "fill_seconds": fill_seconds,
                                "peak_rss_mb": rss, "figures": figures})
            with app.app_context():
                from quizapp.extensions import db

                db.session.remove()
                db.engine.dispose()
    return results


def main() -> None:
    # Stopped from outside (kill, Ctrl-C even in the background): unwind, so the scratch database is dropped
    # and the server stopped.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
    signal.signal(signal.SIGINT, signal.default_int_handler)
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--attempts", type=int, nargs="+", default=[2000, 20000, 100000])
    parser.add_argument("--database", choices=["sqlite", "postgres", "both"], default="sqlite")
    parser.add_argument("--port", type=int, default=5121, choices=PORTS)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="Folder for the scratch SQLite file and instance (default: temporary).")
    parser.add_argument("--json", type=Path, help="Also write every figure to this file.")
    parser.add_argument("--xlsx-wait", type=float, help="Wait at most this many seconds for each XLSX job "
                        "(default: until it is done); its queueing request is timed either way.")
    parser.add_argument("--bulk-fill", action="store_true",
                        help="Write the attempts in bulk rows, scored as grading does, sums made in one pass (fill_bulk).")
    args = parser.parse_args()
    kinds = ["sqlite", "postgres"] if args.database == "both" else [args.database]
    results = []
    for kind in kinds:
        results += run(kind, sorted(args.attempts), args.port, args.repeat, args.keep, args.bulk_fill,
                       args.xlsx_wait)
    if args.json:
        args.json.write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
