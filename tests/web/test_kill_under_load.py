"""A kill -9 in the middle of a class's autosaves loses no acknowledged answer (issue 12), on SQLite and PostgreSQL.

The server is started as `make run` starts it (gunicorn with the repository's
gunicorn.conf.py, here 2 workers) on a scratch database holding the seed
quiz. A few dozen students (a thread and a cookie jar each) join and then
autosave without pause as static/js/attempt.js does: every answer of the page
as JSON, the CSRF token in a header, the renewed token kept from each reply.
Every body is different (a typed answer carries the student's and the save's
number), each changes the stored answers, and each student sends the next only
after the previous one's reply, so its saves have one order. Once some
hundreds of saves have been acknowledged, the server's whole process group
(master and workers) gets SIGKILL, with requests in flight. After a restart
each student's question page must show its last acknowledged body, or a later
one that was sent but whose reply the kill cut off (committed, not answered):
never an older one, never none. The restarted server then takes a new
autosave from every student, and on SQLite `PRAGMA integrity_check` is ok.
Everything is counted, nothing timed: the kill comes after a number of
acknowledgements, whatever the machine's speed. Unmarked, so both `make test`
(SQLite) and `make test-postgres` (a scratch database on the server) run it.

Why it holds:

* the autosave view (quizapp/student/views.py) commits before it answers:
  a 200 leaves only once the database has said the transaction is
  committed, and nothing is kept in the process to be written later;
* SQLite (quizapp/extensions.py: WAL, synchronous=NORMAL, a 10 s busy
  timeout on every connection): a commit in WAL mode writes the
  transaction's pages and its commit frame into the -wal file with write(2)
  before it returns. What a process has written is in the kernel's page
  cache and reaches the file whether or not the process lives on; synchronous
  only decides when SQLite calls fsync (NORMAL: at checkpoints, not at every
  commit), which matters for an operating-system crash or a power cut, not
  for a killed process. The next process to open the database (the
  restarted server) reads the -wal file up to its last commit frame
  (rebuilding the -shm index if need be); a transaction the kill cut off
  half-written has no commit frame and is ignored, so the database is never
  left half-changed. The busy timeout only lets the workers' writes queue
  behind one another under load. The test checks that the kill left a
  non-empty -wal file, so that recovery is what it exercises.
  FULL would add an fsync to every commit, a guard against power loss that
  this test cannot make and that a kill does not need;
* PostgreSQL: the server has made the commit durable (synchronous_commit
  on, its default) before COMMIT returns; a killed worker's open
  transaction dies with its connection and is rolled back.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import closing
from pathlib import Path

import requests
from sqlalchemy import make_url

from ..conftest import server_url
from ..databases import scratch_database
from ..served import (TEXT_ANSWERS, Page, free_port, gunicorn_command, hidden_fields, seed_quiz, server_environment,
                      serving)
from .browserlike import form_fields

STUDENTS = 30
KILL_AFTER = 400  # acknowledged autosaves before the kill
WORKERS = 2
TIMEOUT = 60  # seconds a request may take: a bound against a hang, not a measure


class Student:
    """A browser on the question page, autosaving changed answers one after another."""

    def __init__(self, number: int, base: str):
        self.number, self.base = number, base
        self.http = requests.Session()
        self.rng = random.Random(number)
        self.page: Page | None = None
        self.answers: dict[str, object] = {}
        self.sent: list[dict[str, object]] = []  # every autosave body, in the order sent
        self.acknowledged = -1  # index in sent of the last one answered with a 200
        self.refused: list[int] = []  # statuses other than 200 (not acknowledged; attempt.js would send again)

    def open(self, url: str) -> str:
        response = self.http.get(self.base + url, timeout=TIMEOUT)
        assert response.status_code == 200, (url, response.status_code)
        self.page = Page(url, response.text)
        return response.text

    def join(self, code: str) -> None:
        form = self.http.get(f"{self.base}/q/{code}", timeout=TIMEOUT).text
        response = self.http.post(f"{self.base}/q/{code}", allow_redirects=False, timeout=TIMEOUT,
                                  data={**hidden_fields(form), "display_name": f"Student {self.number}"})
        assert response.status_code == 302, response.status_code
        self.open(response.headers["Location"])
        assert self.page.fields and self.page.autosave_url
        # Every question answered from the first save on: no answer is blank, so every field is stored.
        for kind, name in self.page.fields:
            self.page.answer(self.answers, name, kind, self.rng)

    def next_body(self) -> dict[str, object]:
        """Change an answer, and type a new one that names this save: no two bodies are alike."""
        kind, name = self.rng.choice(self.page.fields)
        self.page.answer(self.answers, name, kind, self.rng)
        typed = next(name for kind, name in self.page.fields if kind in ("short", "cloze"))
        self.answers[typed] = f"{self.rng.choice(TEXT_ANSWERS)} {self.number}.{len(self.sent)}"
        return self.page.collect(self.answers)["answers"]

    def autosave(self, body: dict[str, object]) -> requests.Response:
        return self.http.post(self.base + self.page.autosave_url, json={"answers": body}, timeout=TIMEOUT,
                              headers={"X-CSRFToken": self.page.token, "Accept": "application/json"})

    def load(self, go: threading.Barrier, stop: threading.Event, acknowledged) -> None:
        """Autosave until told to stop or the server is gone."""
        go.wait()
        while not stop.is_set():
            body = self.next_body()
            self.sent.append(body)
            try:
                response = self.autosave(body)
            except requests.RequestException:
                return  # the server died under this request: sent, never acknowledged
            if response.status_code != 200:
                self.refused.append(response.status_code)
                continue
            self.acknowledged = len(self.sent) - 1
            self.page.token = response.json().get("csrf_token", self.page.token)
            acknowledged()

    def shown(self, page_html: str) -> dict[str, object]:
        """Return the answers the question page shows, in the shape of an autosave body."""
        fields = form_fields(page_html, "attempt-form")
        shown = {}
        for kind, name in self.page.fields:
            values = [value for field, value in fields if field == name]
            if kind == "multiple":
                shown[name] = sorted(values)
            else:
                shown[name] = values[0] if values else (None if self.page.options.get(name) else "")
        return shown

    def stored(self) -> int:
        """Reopen the question page; return the number of the save it shows (-1: none, nothing was stored)."""
        shown = self.shown(self.open(self.page.url))
        if shown == self.page.collect({})["answers"]:
            return -1
        matches = [number for number, body in enumerate(self.sent) if body == shown]
        assert matches, f"student {self.number}: the page shows answers never sent: {shown}"
        return matches[0]

    def save_again(self) -> None:
        """Autosave new answers, and find them on the page."""
        body = self.next_body()
        response = self.autosave(body)
        assert response.status_code == 200, (self.number, response.status_code, response.text[:300])
        assert self.shown(self.open(self.page.url)) == body


def each(students: list[Student], act) -> list:
    """Run act(student) for every student at once, a thread each; return the results in order."""
    with ThreadPoolExecutor(len(students)) as pool:
        return list(pool.map(act, students))


def living(group: int) -> list[int]:
    """Return the processes of a process group that still run (zombies, which hold nothing, left out)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                state, _, pgrp = (entry / "stat").read_text().rsplit(")", 1)[1].split()[:3]
            except OSError:
                continue  # ended meanwhile
            if int(pgrp) == group and state != "Z":
                found.append(int(entry.name))
    return found


def test_a_kill_9_under_load_loses_no_acknowledged_autosave(tmp_path):
    with scratch_database(server_url(), tmp_path) as url:
        sqlite = make_url(url).get_backend_name() == "sqlite"
        instance = tmp_path / "instance"
        instance.mkdir()
        log = instance / "server.log"
        code = seed_quiz(url, instance)
        env = server_environment(url, instance, WORKERS)
        root = Path(__file__).resolve().parents[2]

        # --- the load, and the kill in the middle of it --------------------------------------------
        port = free_port()
        with serving(gunicorn_command(port), env, root, port, log) as server:
            students = [Student(number, f"http://127.0.0.1:{port}") for number in range(STUDENTS)]
            each(students, lambda student: student.join(code))
            enough, stop = threading.Event(), threading.Event()
            tally = {"acknowledged": 0}
            lock = threading.Lock()

            def acknowledged():
                with lock:
                    tally["acknowledged"] += 1
                    if tally["acknowledged"] >= KILL_AFTER:
                        enough.set()

            go = threading.Barrier(STUDENTS)
            threads = [threading.Thread(target=student.load, args=(go, stop, acknowledged), daemon=True)
                       for student in students]
            for thread in threads:
                thread.start()
            reached = enough.wait(TIMEOUT * 2)
            processes = living(server.pid)
            os.killpg(server.pid, signal.SIGKILL)
            stop.set()
            server.wait(TIMEOUT)
            for thread in threads:
                thread.join(TIMEOUT)
            assert reached, f"only {tally['acknowledged']} autosaves acknowledged: {log.read_text()[-2000:]}"
            assert server.pid in processes and len(processes) >= 1 + WORKERS, processes  # master and workers
            assert not any(thread.is_alive() for thread in threads)
            deadline = time.monotonic() + TIMEOUT
            while living(server.pid) and time.monotonic() < deadline:
                time.sleep(0.1)  # the workers are gone once the kernel has torn them down
            assert not living(server.pid), f"processes of the server outlived SIGKILL: {living(server.pid)}"

        in_flight = [s for s in students if len(s.sent) - 1 > s.acknowledged]
        assert in_flight, "the kill found no autosave in flight: it did not come in the middle of the load"
        if sqlite:
            # The acknowledged saves lie (at least partly) in the WAL the kill left for the next opener to recover.
            wal = Path(make_url(url).database + "-wal")
            assert wal.exists() and wal.stat().st_size > 0

        # --- the restart: every acknowledged save is there ---------------------------------------------
        port = free_port()
        with serving(gunicorn_command(port), env, root, port, log):
            for student in students:
                student.base = f"http://127.0.0.1:{port}"  # the same browser: its cookies hold the attempt
            stored = each(students, Student.stored)
            for student, number in zip(students, stored):
                assert number >= student.acknowledged, (
                    f"student {student.number}: save #{student.acknowledged} was acknowledged, but the page shows "
                    + (f"#{number}" if number >= 0 else "no answer"))
            if sqlite:
                with closing(sqlite3.connect(make_url(url).database)) as connection:
                    assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
                    assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
                    assert connection.execute("PRAGMA journal_mode").fetchone() == ("wal",)
            # The restarted server takes new answers from everyone, and shows them.
            each(students, Student.save_again)

        print(f"\n{make_url(url).get_backend_name()}: {STUDENTS} students, {sum(len(s.sent) for s in students)} "
              f"autosaves sent, {tally['acknowledged']} acknowledged before the kill, "
              f"{len(in_flight)} in flight at the kill, "
              f"{sum(n > s.acknowledged for s, n in zip(students, stored))} of those stored though unacknowledged, "
              f"{sum(len(s.refused) for s in students)} refused {sorted({c for s in students for c in s.refused})}")
