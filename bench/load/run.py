"""Load the student side as a school would, measured against a bare Flask app on the same server and database.

    .venv/bin/python bench/load/run.py [--database sqlite] [--database postgresql+psycopg://postgres@127.0.0.1:5432/quizapp_bench_load]
                                       [--server gunicorn|waitress] [--workers 2] [--threads 8]
                                       [--browsers 5000] [--ramp 60] [--answers 10] [--think 30] [--submit-window 30]
                                       [--rush 1000] [--seconds 10] [--concurrency 16]

For each database: a scratch one is made (a SQLite file in a temporary folder;
on PostgreSQL the database named in the URL, which must start with
"quizapp_bench", is dropped and made again), the seed quiz is loaded as
`make seed` does (10 questions, all on one page), and then:

1. statements per request: one student's walk (join page, join, question
   page, autosave, page change, submit, result) in-process, each request's
   SQL statements counted with SQLAlchemy's before_cursor_execute event;
2. one server (gunicorn with the repository's gunicorn.conf.py, as `make run`,
   or waitress as `make run` used to be) serves quizapp and, under /bare, the
   bare Flask + Flask-SQLAlchemy baseline (bench/load/bare.py), on the same
   database, in the same processes;
3. throughput, closed loop, --concurrency keep-alive connections for
   --seconds each, twice in turn: autosave (as static/js/attempt.js sends it:
   the answers changed since the last save as JSON, the CSRF token in a header) against the
   bare insert, the question page against the bare read + template; requests
   per second, the ratio, and the server's CPU milliseconds per request (its
   processes' user + system time over the requests served: less noisy than
   throughput on a shared machine);
4. join rush: --rush students join at once (join page, join, question page),
   --concurrency x 4 at a time: joins per second, and the CPU time of a join
   on each side of the machine: the server's (user and system), the simulated
   browsers' own (this process) and, on PostgreSQL, its server's processes;
5. the direct run: --browsers simulated browsers, each with its own cookies
   and one keep-alive connection, arrive over --ramp seconds and join, answer
   --answers questions one by one with a think time of --think seconds on
   average (0.5x to 1.5x), an autosave after each, then all submit within
   --submit-window seconds and read their result. p50 and p99 per kind of
   request, errors (no answer, or a status >= 400), and the most connections
   the server held at once.

The simulated browsers use aiohttp (one ClientSession, cookie jar and
connection per browser, like a browser tab's). The machine may be shared:
the figures are wall-clock and CPU times as they came.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from contextlib import contextmanager
from pathlib import Path

import aiohttp

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

from tests import served  # noqa: E402 (the page reading, seeding and serving the tests use too)
from tests.served import Page, hidden_fields  # noqa: E402

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


# --- figures ----------------------------------------------------------------------------

class Stats:
    """Latencies and errors by kind of request."""

    def __init__(self):
        self.times: dict[str, list[float]] = defaultdict(list)
        self.errors: dict[str, int] = defaultdict(int)
        self.examples: list[str] = []

    def record(self, kind: str, seconds: float, status) -> None:
        self.times[kind].append(seconds)
        if not isinstance(status, int) or status >= 400:
            self.errors[kind] += 1
            if len(self.examples) < 5:
                self.examples.append(f"{kind}: {status}")

    def count(self) -> int:
        return sum(len(values) for values in self.times.values())


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else float("nan")


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f}"


# --- a browser ----------------------------------------------------------------------------

class Browser:
    """One student's browser: its own cookies and one keep-alive connection to the server."""

    def __init__(self, base: str, stats: Stats, name: str, rng: random.Random):
        self.base, self.stats, self.name, self.rng = base, stats, name, rng
        self.http = aiohttp.ClientSession(
            cookie_jar=aiohttp.CookieJar(unsafe=True),  # cookies from 127.0.0.1, as a browser keeps them
            # An idle connection is dropped before the server's 75 s would close it under a request: a
            # browser retries a request that meets a connection closed that way, this client would not.
            connector=aiohttp.TCPConnector(limit=1, keepalive_timeout=60),
            timeout=aiohttp.ClientTimeout(total=120),
        )
        self.page: Page | None = None
        self.answers: dict[str, object] = {}

    async def close(self) -> None:
        await self.http.close()

    async def send(self, kind: str, method: str, path: str, **kwargs) -> tuple[object, str, str | None]:
        """Send one request (redirects are followed by the caller, as separate requests); time it."""
        started = time.perf_counter()
        try:
            async with self.http.request(method, self.base + path, allow_redirects=False, **kwargs) as response:
                text = await response.text()
                status, location = response.status, response.headers.get("Location")
        except (aiohttp.ClientError, asyncio.TimeoutError, OSError) as error:
            status, text, location = type(error).__name__, "", None
        self.stats.record(kind, time.perf_counter() - started, status)
        return status, text, location

    async def join(self, code: str) -> bool:
        status, text, _ = await self.send("join page", "GET", f"/q/{code}")
        if status != 200:
            return False
        data = {**hidden_fields(text), "display_name": self.name}
        status, _, location = await self.send("join", "POST", f"/q/{code}", data=data)
        if status != 302 or not location:
            return False
        return await self.open(location)

    async def open(self, url: str) -> bool:
        status, text, _ = await self.send("question page", "GET", url)
        if status != 200:
            return False
        self.page = Page(url, text)
        return bool(self.page.fields and self.page.autosave_url)

    async def autosave(self) -> bool:
        page = self.page
        body = page.changes(self.answers)
        if not body["answers"]:
            return True  # attempt.js sends nothing when nothing changed
        status, text, _ = await self.send("autosave", "POST", page.autosave_url, json=body,
                                          headers={"X-CSRFToken": page.token, "Accept": "application/json"})
        if status != 200:
            return False
        page.acknowledge(body)
        reply = json.loads(text)
        page.token = reply.get("csrf_token", page.token)  # renewed once it is old, as attempt.js keeps it
        page.as_of = reply.get("as_of", page.as_of)
        return True

    async def answer_next(self) -> bool:
        """Answer the next unanswered question, then autosave as attempt.js does after a change."""
        for kind, name in self.page.fields:
            if name not in self.answers:
                self.page.answer(self.answers, name, kind, self.rng)
                break
        return await self.autosave()

    async def submit(self) -> bool:
        page = self.page
        status, _, location = await self.send("submit", "POST", page.url,
                                              data=page.form(self.answers, "submit", confirm="1"))
        if status != 302 or not location:
            return False
        status, _, _ = await self.send("result", "GET", location)
        return status == 200


async def browsers_joined(base: str, code: str, count: int, stats: Stats, prefix: str) -> list[Browser]:
    browsers = [Browser(base, stats, f"{prefix} {n}", random.Random(n)) for n in range(count)]
    joined = await asyncio.gather(*(browser.join(code) for browser in browsers))
    if not all(joined):
        raise SystemExit(f"only {sum(joined)} of {count} browsers could join: {stats.examples}")
    return browsers


async def close_all(browsers: list[Browser]) -> None:
    await asyncio.gather(*(browser.close() for browser in browsers))


# --- the server -----------------------------------------------------------------------------

def revision() -> str:
    """Name the code measured: the commit, and whether the work tree differs from it."""
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True,
                                check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT,
                               capture_output=True, text=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "(no git)"
    return commit + (" with uncommitted changes" if dirty else "")


@contextmanager
def server(kind: str, url: str, instance: Path, port: int, workers: int, threads: int):
    """Serve quizapp and the bare baseline (bench/load/wsgi.py) with this server; yield its process."""
    env = served.server_environment(url, instance, workers, threads)
    if kind == "gunicorn":
        command = served.gunicorn_command(port, "--chdir", str(HERE), "wsgi:application")
    else:  # the server `make run` started before issue 12, for comparison
        command = [str(Path(sys.executable).parent / "waitress-serve"), "--host", "127.0.0.1", "--port", str(port),
                   "--threads", str(threads), "wsgi:application"]
    with served.serving(command, env, HERE, port, instance / "server.log") as process:
        yield process


def server_cpu_seconds(pid: int) -> float:
    """Return the user + system CPU seconds of a process and its children (the server's workers)."""
    return sum(cpu_split(pid))


def cpu_split(pid: int | None = None, name: str | None = None) -> tuple[float, float]:
    """Return the user and system CPU seconds of a process and its children, or of every process so named.

    A child that ended (a PostgreSQL backend whose connection closed, a restarted
    worker) is counted in its parent's total of waited-for children, so the sum
    never falls between two readings.
    """
    user = system = 0.0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            comm, fields = (entry / "stat").read_text().rsplit(")", 1)
        except OSError:
            continue
        fields = fields.split()
        if (int(entry.name) == pid or int(fields[1]) == pid) if name is None else comm.endswith(f"({name}"):
            user += (int(fields[11]) + int(fields[13])) / CLOCK_TICKS
            system += (int(fields[12]) + int(fields[14])) / CLOCK_TICKS
    return user, system


def connections_held(port: int) -> int:
    """Count the established connections to the server's port (its side of each)."""
    count = 0
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            parts = line.split()
            if parts[3] == "01" and int(parts[1].rsplit(":", 1)[1], 16) == port:
                count += 1
    return count


# --- the database ------------------------------------------------------------------------------

@contextmanager
def scratch_database(choice: str, folder: Path):
    """Yield the URL of an empty database: a SQLite file, or the named PostgreSQL database made anew."""
    if choice == "sqlite":
        yield f"sqlite:///{folder / 'bench_load.db'}"
        return
    from sqlalchemy import create_engine, make_url, text

    url = make_url(choice)
    if not (url.database or "").startswith("quizapp_bench"):
        raise SystemExit("the PostgreSQL database's name must start with quizapp_bench: it is dropped and made anew")
    admin = create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")

    def drop(connection):
        connection.execute(text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :name"),
                           {"name": url.database})
        connection.execute(text(f'DROP DATABASE IF EXISTS "{url.database}"'))

    with admin.connect() as connection:
        drop(connection)
        connection.execute(text(f'CREATE DATABASE "{url.database}"'))
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            drop(connection)
        admin.dispose()


def prepare(url: str, instance: Path) -> str:
    """Make the tables, load the seed quiz as `make seed` does and a row for the bare page; return the join code."""
    import bare

    code = served.seed_quiz(url, instance)
    baseline = bare.create_app(url)
    with baseline.app_context():
        bare.db.create_all()
        bare.db.session.add(bare.BareAnswer(student="bench", question=1, answer={"q1": "0", "q2": ["1"], "q3": "CATL"},
                                            saved_at=bare.dt.datetime.now()))
        bare.db.session.commit()
        bare.db.engine.dispose()
    return code


def statements_per_request(url: str, instance: Path, code: str) -> dict[str, int]:
    """Walk one student through the quiz in-process and count each request's SQL statements."""
    from sqlalchemy import event
    from werkzeug.datastructures import MultiDict

    from quizapp import create_app
    from quizapp.extensions import db

    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "bench-load", "RATELIMIT_ENABLED": False,
                      "JOBS_SQLITE_PATH": str(instance / "jobs.sqlite3"), "JOBS_WORKER_THREADS": 0})
    client = app.test_client()
    seen: list[int] = []
    counts: dict[str, int] = {}
    with app.app_context():
        engine = db.engine
    event.listen(engine, "before_cursor_execute", lambda *args: seen.append(1))

    def step(name, method, path, **kwargs):
        seen.clear()
        response = client.open(path, method=method, **kwargs)
        counts[name] = len(seen)
        return response

    join_page = step("join page", "GET", f"/q/{code}").get_data(as_text=True)
    location = step("join", "POST", f"/q/{code}", data={**hidden_fields(join_page), "display_name": "Counted"}
                    ).headers["Location"]
    page = Page(location, step("question page", "GET", location).get_data(as_text=True))
    answers: dict[str, object] = {}
    rng = random.Random(0)
    for kind, name in page.fields:
        page.answer(answers, name, kind, rng)
    for name in ("autosave (new answers)", "autosave (changed answers)"):
        body = page.changes(answers)
        reply = step(name, "POST", page.autosave_url, json=body, headers={"X-CSRFToken": page.token}).get_json()
        page.acknowledge(body)
        page.token = reply.get("csrf_token", page.token)
        answers = {key: ([] if isinstance(value, list) else "") for key, value in answers.items()}
    step("save (page change)", "POST", location, data=MultiDict(page.form(answers, "save")))
    result = step("submit", "POST", location, data=MultiDict(page.form(answers, "submit", confirm="1"))
                  ).headers["Location"]
    step("result", "GET", result)
    with app.app_context():
        db.engine.dispose()
    return counts


# --- phases -------------------------------------------------------------------------------------

async def closed_loop(seconds: float, workers: list, act) -> int:
    """Run act(worker) in a loop on every worker for a while; return how many were done."""
    done = 0
    stop = time.perf_counter() + seconds

    async def loop(worker):
        nonlocal done
        while time.perf_counter() < stop:
            await act(worker)
            done += 1

    await asyncio.gather(*(loop(worker) for worker in workers))
    return done


async def throughput(base: str, code: str, args, pid: int) -> dict[str, dict[str, float]]:
    """Measure autosave against the bare insert and the question page against the bare page."""
    stats = Stats()
    browsers = await browsers_joined(base, code, args.concurrency, stats, "Throughput")
    first = browsers[0].page
    bare_body: dict[str, object] = {}
    first.answer(bare_body, first.fields[0][1], first.fields[0][0], browsers[0].rng)
    bare_body = {"answers": bare_body}  # one answer, as most autosaves carry

    async def autosave(browser):
        # A student changes one answer (or clears it for another): the save carries what changed.
        while True:
            browser.answers.clear()
            kind, name = browser.rng.choice(browser.page.fields)
            browser.page.answer(browser.answers, name, kind, browser.rng)
            if browser.page.changes(browser.answers)["answers"]:
                break
        await browser.autosave()

    async def question_page(browser):
        await browser.send("question page", "GET", browser.page.url)

    async def bare_insert(browser):
        await browser.send("bare insert", "POST", "/bare/insert", json={"student": browser.name, **bare_body})

    async def bare_page(browser):
        await browser.send("bare page", "GET", "/bare/page?id=1")

    phases = {"autosave": autosave, "bare insert": bare_insert, "question page": question_page, "bare page": bare_page}
    figures: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for _ in range(args.rounds):
        for name, act in phases.items():
            await closed_loop(1.0, browsers, act)  # warm up: connections, caches
            stats.times.clear()
            cpu = server_cpu_seconds(pid)
            started = time.perf_counter()
            done = await closed_loop(args.seconds, browsers, act)
            elapsed = time.perf_counter() - started
            figures[name].append((done / elapsed, (server_cpu_seconds(pid) - cpu) * 1000 / max(done, 1)))
    await close_all(browsers)
    if sum(stats.errors.values()):
        print(f"    errors during the throughput phases: {dict(stats.errors)} {stats.examples}")
    return {name: {"per_second": statistics.mean(rate for rate, _ in values),
                   "cpu_ms": statistics.mean(cpu for _, cpu in values)} for name, values in figures.items()}


async def warm_up(base: str, code: str, count: int) -> None:
    """Walk a few students through the quiz, unmeasured: every worker imports, compiles and caches first."""
    stats = Stats()
    browsers = await browsers_joined(base, code, count, stats, "Warm-up")
    for browser in browsers:
        await browser.answer_next()
    await asyncio.gather(*(browser.submit() for browser in browsers))
    await close_all(browsers)


async def join_rush(base: str, code: str, count: int, concurrency: int) -> tuple[float, float, Stats]:
    """Join ``count`` students, ``concurrency`` at a time; return joins per second, the browsers' CPU ms per join, latencies.

    The browsers run in this process, on the server's cores: their CPU time is part of what a join costs here.
    """
    stats = Stats()
    browsers = [Browser(base, stats, f"Rush {n}", random.Random(n)) for n in range(count)]
    slots = asyncio.Semaphore(concurrency)

    async def join(browser):
        async with slots:
            await browser.join(code)

    started, cpu = time.perf_counter(), time.process_time()
    await asyncio.gather(*(join(browser) for browser in browsers))
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    await close_all(browsers)
    return count / elapsed, cpu * 1000 / count, stats


async def direct_run(base: str, code: str, args, port: int) -> tuple[Stats, int, float, int]:
    """Run the whole exam: arrivals over the ramp, answers with think time, the submit rush.

    Returns the figures, the most connections held, the seconds taken and how
    many students saw their result; a run still going --overrun seconds after
    the last submit should have come is stopped there, its unfinished students
    counted as errors.
    """
    stats = Stats()
    finished = 0
    rng = random.Random(12)
    start = time.perf_counter()
    submit_at = args.ramp + args.answers * args.think
    most = 0
    running = True

    async def watch():
        nonlocal most
        while running:
            most = max(most, connections_held(port))
            await asyncio.sleep(2)

    async def student(number: int):
        browser = Browser(base, stats, f"Student {number}", random.Random(number))
        try:
            await asyncio.sleep(rng.uniform(0, args.ramp))
            if not await browser.join(code):
                return
            for _ in range(min(args.answers, len(browser.page.fields))):
                await asyncio.sleep(args.think * browser.rng.uniform(0.5, 1.5))
                await browser.answer_next()
            # Everyone hands in around the end of the exam, within the submit window.
            wait = start + submit_at + browser.rng.uniform(0, args.submit_window) - time.perf_counter()
            await asyncio.sleep(max(0.0, wait))
            if await browser.submit():
                nonlocal finished
                finished += 1
        finally:
            await browser.close()

    watcher = asyncio.create_task(watch())
    students = [asyncio.create_task(student(n)) for n in range(args.browsers)]
    _, late = await asyncio.wait(students, timeout=submit_at + args.submit_window + args.overrun)
    for task in late:
        task.cancel()
    await asyncio.gather(*late, return_exceptions=True)
    if late:
        stats.errors["unfinished (stopped)"] += len(late)
    running = False
    await watcher
    return stats, most, time.perf_counter() - start, finished


# --- the report ---------------------------------------------------------------------------------

def report_latencies(stats: Stats) -> None:
    every = [value for values in stats.times.values() for value in values]
    print(f"    {'request':<16} {'count':>7} {'p50 ms':>7} {'p99 ms':>7} {'max ms':>7} {'errors':>6}")
    for kind, values in list(stats.times.items()) + [("all", every)]:
        errors = sum(stats.errors.values()) if kind == "all" else stats.errors.get(kind, 0)
        print(f"    {kind:<16} {len(values):>7} {ms(percentile(values, 0.5)):>7} {ms(percentile(values, 0.99)):>7} "
              f"{ms(max(values) if values else float('nan')):>7} {errors:>6}")
    if stats.errors:
        print(f"    errors by kind: {dict(stats.errors)}; first: {stats.examples}")


async def bench(choice: str, args) -> None:
    with tempfile.TemporaryDirectory(prefix="quizapp-load-") as folder, scratch_database(choice, Path(folder)) as url:
        instance = Path(folder) / "instance"
        instance.mkdir()
        label = "SQLite" if choice == "sqlite" else "PostgreSQL"
        code = prepare(url, instance)
        print(f"\n== {label}: {args.server}, {args.workers} workers x {args.threads} threads, seed quiz {code} "
              f"(10 questions, one page); quizapp {revision()}; load average before: {os.getloadavg()[0]:.1f} "
              f"on {os.cpu_count()} cores")
        print("  SQL statements per request (one student's walk, counted in-process):")
        for name, count in statements_per_request(url, instance, code).items():
            print(f"    {name:<28} {count}")
        port = served.free_port()
        with server(args.server, url, instance, port, args.workers, args.threads) as process:
            base = f"http://127.0.0.1:{port}"
            await warm_up(base, code, args.workers * args.threads)
            if "throughput" in args.phases:
                figures = await throughput(base, code, args, process.pid)
                print(f"  Throughput, {args.concurrency} keep-alive connections, {args.seconds:g} s x {args.rounds} "
                      f"rounds each:")
                print(f"    {'endpoint':<14} {'req/s':>7} {'CPU ms/req':>10}")
                for name, values in figures.items():
                    print(f"    {name:<14} {values['per_second']:>7.0f} {values['cpu_ms']:>10.2f}")
                for ours, theirs in (("autosave", "bare insert"), ("question page", "bare page")):
                    print(f"    {ours} / {theirs}: throughput {figures[ours]['per_second'] / figures[theirs]['per_second']:.2f}x,"
                          f" CPU per request {figures[ours]['cpu_ms'] / figures[theirs]['cpu_ms']:.2f}x")
            if "rush" in args.phases:
                before, database_before = cpu_split(process.pid), cpu_split(name="postgres")
                rate, client_ms, stats = await join_rush(base, code, args.rush, args.concurrency * 4)
                user, system = ((after - was) * 1000 / args.rush for after, was in zip(cpu_split(process.pid), before))
                per_join, cores = user + system, os.cpu_count()
                # PostgreSQL's own processes, when its server runs on this machine too (as in `make bench-load`).
                database_ms = 0.0 if choice == "sqlite" else sum(
                    after - was for after, was in zip(cpu_split(name="postgres"), database_before)) * 1000 / args.rush
                print(f"  Join rush: {args.rush} students, {args.concurrency * 4} at a time: {rate:.0f} joins/s "
                      f"(each: join page, join, question page); server CPU {per_join:.1f} ms per join (user "
                      f"{user:.1f}, system {system:.1f}), so {cores * 1000 / per_join:.0f} joins/s if the server had "
                      f"the {cores} cores to itself; the browsers' own CPU {client_ms:.1f} ms per join"
                      + (f", PostgreSQL's processes {database_ms:.1f} ms" if choice != "sqlite" else "")
                      + f": {cores * 1000 / (per_join + client_ms + database_ms):.0f} joins/s on {cores} free cores")
                report_latencies(stats)
            if "direct" in args.phases:
                cpu = server_cpu_seconds(process.pid)
                stats, most, elapsed, finished = await direct_run(base, code, args, port)
                requests_served = stats.count()
                print(f"  Direct run: {args.browsers} browsers, arriving over {args.ramp:g} s, {args.answers} answers "
                      f"with {args.think:g} s think time, submits within {args.submit_window:g} s; {elapsed:.0f} s, "
                      f"{requests_served} requests, server CPU "
                      f"{(server_cpu_seconds(process.pid) - cpu) * 1000 / max(requests_served, 1):.2f} "
                      f"ms/request, at most {most} connections held, {finished} students saw their result")
                report_latencies(stats)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database", action="append", help="sqlite, or a PostgreSQL URL (database quizapp_bench*)")
    parser.add_argument("--server", choices=["gunicorn", "waitress"], default="gunicorn")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--phases", nargs="+", default=["throughput", "rush", "direct"],
                        choices=["throughput", "rush", "direct"])
    parser.add_argument("--seconds", type=float, default=10.0, help="each throughput measurement")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--rush", type=int, default=1000, help="students in the join rush")
    parser.add_argument("--browsers", type=int, default=5000)
    parser.add_argument("--ramp", type=float, default=60.0)
    parser.add_argument("--answers", type=int, default=10)
    parser.add_argument("--think", type=float, default=30.0)
    parser.add_argument("--submit-window", type=float, default=30.0)
    parser.add_argument("--overrun", type=float, default=120.0,
                        help="seconds after the submit window at which the direct run is stopped")
    args = parser.parse_args()
    # A socket per browser on this side, and as many on the server's.
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    if hard < args.browsers * 2 + 1000:
        print(f"warning: {hard} file descriptors at most, {args.browsers} browsers need about {args.browsers * 2}")
    for choice in args.database or ["sqlite"]:
        asyncio.run(bench(choice, args))


if __name__ == "__main__":
    main()
