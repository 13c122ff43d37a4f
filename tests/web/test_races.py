"""Races and faults: joins racing on one identifier, a double-clicked join, a submit racing an autosave,
join codes guessed in bulk, and a database that refuses writes."""

from __future__ import annotations

import os
import re
import subprocess
import threading
import uuid

import pytest
from sqlalchemy import event, inspect, text

from quizapp import create_app
from quizapp.extensions import db
from quizapp.models import Attempt, Participant, Response

from ..conftest import Student, csrf_token
from ..conftest import quiz_settings as settings

ROSTER = [f"S{n:02d}" for n in range(12)]


def count(app, model, *where) -> int:
    with app.app_context():
        return db.session.scalar(db.select(db.func.count(model.id)).where(*where))


def join_form(client, code: str, **fields) -> dict:
    """Return the join form's fields as the page rendered them, with the given ones filled in."""
    page = client.get(f"/q/{code}").get_data(as_text=True)
    key = re.search(r'name="join_key"[^>]*value="([^"]+)"|value="([^"]+)"[^>]*name="join_key"', page)
    keyed = {"join_key": key.group(1) or key.group(2)} if key else {}
    return {"csrf_token": csrf_token(client, f"/q/{code}"), **keyed, **fields}


def test_participants_are_unique_per_quiz_and_identifier(app):
    with app.app_context():
        constraints = inspect(db.engine).get_unique_constraints("participant")
    assert any(set(c["column_names"]) == {"quiz_id", "identifier"} for c in constraints)


def test_two_browsers_racing_with_one_identifier_get_one_attempt(app, seeded):
    code = settings(app, seeded, roster="\n".join(ROSTER), max_attempts=1)
    pairs = [(identifier, [app.test_client(), app.test_client()]) for identifier in ROSTER]
    forms = {id(client): join_form(client, code, identifier=identifier) for identifier, clients in pairs
             for client in clients}
    barrier = threading.Barrier(len(pairs) * 2)
    statuses = []

    def go(client):
        barrier.wait()
        statuses.append(client.post(f"/q/{code}", data=forms[id(client)]).status_code)

    threads = [threading.Thread(target=go, args=(client,)) for _, clients in pairs for client in clients]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert all(status < 500 for status in statuses), statuses
    for identifier in ROSTER:
        assert count(app, Participant, Participant.identifier == identifier) == 1, identifier
        with app.app_context():
            attempts = db.session.scalar(db.select(db.func.count(Attempt.id)).join(Participant)
                                         .where(Participant.identifier == identifier))
        assert attempts == 1, identifier
    # Per identifier one browser started the attempt; the other was told it is in progress elsewhere.
    assert sorted(statuses).count(302) == len(ROSTER) and statuses.count(409) == len(ROSTER)


def test_a_double_clicked_join_leaves_one_participant_and_one_attempt(app, seeded):
    code = settings(app, seeded)
    first = app.test_client()
    form = join_form(first, code, display_name="Giulia Rossi")
    # The second click leaves with the cookie the first had: its response has not come back yet.
    second = app.test_client()
    second.set_cookie("session", first.get_cookie("session").value, domain="localhost")
    one = first.post(f"/q/{code}", data=form)
    two = second.post(f"/q/{code}", data=form)
    assert one.status_code == two.status_code == 302
    assert one.headers["Location"] == two.headers["Location"]
    assert count(app, Participant) == 1 and count(app, Attempt) == 1
    # Whichever response the browser kept, it leads to that one attempt.
    assert second.get(two.headers["Location"]).status_code == 200


def test_a_double_clicked_join_in_parallel_leaves_one_attempt(app, seeded):
    code = settings(app, seeded)
    first = app.test_client()
    form = join_form(first, code, display_name="Giulia Rossi")
    clients = [first] + [app.test_client() for _ in range(3)]
    for client in clients[1:]:
        client.set_cookie("session", first.get_cookie("session").value, domain="localhost")
    barrier = threading.Barrier(len(clients))
    locations = []

    def go(client):
        barrier.wait()
        locations.append(client.post(f"/q/{code}", data=form).headers.get("Location"))

    threads = [threading.Thread(target=go, args=(client,)) for client in clients]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert count(app, Participant) == 1 and count(app, Attempt) == 1
    assert len(set(locations)) == 1 and "/attempt/" in locations[0]


def _text_question(app, student) -> str:
    """Return the field name of a question of the attempt answered by typing (short, cloze or numeric)."""
    from quizapp.models import Question

    with app.app_context():
        names = list(student.right_answers())
        kinds = dict(db.session.execute(db.select(Question.id, Question.kind)).all())
    return next(name for name in names if kinds[int(name[1:])] in ("short", "cloze", "numeric"))


def test_a_submit_keeps_answers_an_autosave_stored_after_its_page_was_rendered(app, seeded):
    code = settings(app, seeded, one_per_page=False)
    student = Student(app, app.test_client())
    student.join(code)
    name = _text_question(app, student)
    right = student.right_answers()[name]
    assert student.autosave({name: "1234"}).status_code == 200  # a wrong answer, saved before the page below
    page = student.client.get(student.url).get_data(as_text=True)
    rendered = re.search(r'name="as_of" value="([^"]+)"', page)
    as_of = rendered.group(1) if rendered else ""
    # Another tab (or this page's own autosave racing the click) stores the right answer after the page was rendered...
    assert student.autosave({name: right}).status_code == 200
    # ...and the submit, sent from the page as it was rendered, carries the old value.
    response = student.post({name: "1234", "as_of": as_of, "confirm": "1"}, action="submit")
    assert response.status_code == 302 and "/result" in response.headers["Location"]
    with app.app_context():
        stored = db.session.scalar(db.select(Response).where(Response.attempt_id == student.attempt_id,
                                                             Response.question_id == int(name[1:])))
        assert stored.answer == right or str(stored.answer) == str(right)
        assert stored.points > 0


def test_a_page_that_saw_the_autosave_overwrites_it_with_a_later_change(app, seeded):
    code = settings(app, seeded, one_per_page=False)
    student = Student(app, app.test_client())
    student.join(code)
    answers = student.right_answers()
    first = next(name for name, value in answers.items() if isinstance(value, str) and not value.isdigit())
    saved = student.autosave({first: answers[first]}).get_json()
    # The page moved its as_of on with the autosave; the student then cleared the answer and saved.
    student.post({first: "", "as_of": saved.get("as_of", "")}, action="save")
    with app.app_context():
        stored = db.session.scalar(db.select(Response).where(Response.attempt_id == student.attempt_id,
                                                             Response.question_id == int(first[1:])))
        assert stored.answer in (None, "", [])


@pytest.mark.parametrize("storage", ["memory://", "redis://127.0.0.1:6379"])
def test_join_codes_are_throttled_per_client_and_only_misses_count(app, app_config, seeded, storage):
    throttled = create_app({**app_config, "RATELIMIT_ENABLED": True, "RATELIMIT_STORAGE_URI": storage,
                            "RATELIMIT_KEY_PREFIX": uuid.uuid4().hex, "JOIN_CODE_RATE_LIMIT": "3 per minute"})
    code = settings(throttled, seeded)
    client = throttled.test_client()
    # Right codes never count: a whole class behind one address joins.
    assert all(client.get(f"/q/{code}").status_code == 200 for _ in range(5))
    misses = [client.post("/join", data={"code": f"ZZZZZ{n}", "csrf_token": csrf_token(client, "/")}).status_code
              for n in range(2)]
    misses.append(client.get("/q/NOPE99").status_code)
    assert misses == [400, 400, 404]
    assert client.get("/q/NOPE98").status_code == 429
    assert client.post("/join", data={"code": "ZZZZZZ", "csrf_token": csrf_token(client, "/")}).status_code == 429
    # Another client is not held up.
    other = throttled.test_client()
    other.environ_base["REMOTE_ADDR"] = "127.0.0.2"
    assert other.get("/q/NOPE97").status_code == 404


def test_a_students_own_attempt_is_never_rate_limited_while_other_pages_are(app_config, seeded):
    """Flask-Limiter skips the student's pages whole (extensions.Limiter), a default limit too; others keep it."""
    limited = create_app({**app_config, "RATELIMIT_ENABLED": True, "RATELIMIT_STORAGE_URI": "memory://",
                          "RATELIMIT_KEY_PREFIX": uuid.uuid4().hex, "RATELIMIT_DEFAULT": "2 per hour"})
    code = settings(limited, seeded)
    student = Student(limited, limited.test_client())
    student.join(code)
    name, value = next(iter(student.right_answers().items()))
    for _ in range(4):
        page = student.client.get(student.url)
        saved = student.autosave({name: value})
        assert (page.status_code, saved.status_code) == (200, 200)
        assert not any(header.startswith("X-RateLimit") for header in [*page.headers.keys(), *saved.headers.keys()])
    # A page no filter exempts gets the default limit, with its headers, from the same client.
    answers = [student.client.get("/auth/login") for _ in range(3)]
    assert [answer.status_code for answer in answers] == [200, 200, 429]
    assert answers[0].headers["X-RateLimit-Limit"] == "2" and "Retry-After" in answers[2].headers


def _refuse_writes(app, on: bool):
    """Make every new connection read-only (as a read-only file or server would), or stop doing so."""
    with app.app_context():
        engine = db.engine

    def read_only(dbapi_connection, record):
        cursor = dbapi_connection.cursor()
        if engine.dialect.name == "sqlite":
            cursor.execute("PRAGMA query_only = ON")
        else:
            cursor.execute("SET default_transaction_read_only = on")
        cursor.close()
        if engine.dialect.name != "sqlite":
            # Committed, or the pool's first rollback would undo the setting.
            dbapi_connection.commit()

    if on:
        event.listen(engine, "connect", read_only)
        app.extensions["test_read_only"] = read_only
        engine.dispose()  # every connection from now on is opened read-only
    else:
        event.remove(engine, "connect", app.extensions.pop("test_read_only"))


def test_autosave_on_a_read_only_database_says_try_again_and_recovers_without_restart(app, seeded):
    code = settings(app, seeded)
    student = Student(app, app.test_client())
    student.join(code)
    answers = student.right_answers()
    name = next(iter(answers))
    token = student.token()
    _refuse_writes(app, True)
    try:
        refused = student.autosave({name: answers[name]}, token=token)
        assert refused.status_code == 503
        body = refused.get_json()
        assert body["retry"] is True and "Try again" in body["error"]
        page = student.post({name: answers[name]}, action="save")
        assert page.status_code == 503 and "Try again" in page.get_data(as_text=True)
    finally:
        _refuse_writes(app, False)
    # The fault is mended: the next save works in the same process, with no restart.
    assert student.autosave({name: answers[name]}, token=token).status_code == 200
    with app.app_context():
        assert db.session.scalar(text("SELECT count(*) FROM response")) == 1


@pytest.fixture
def full_disk_app(app_config, tmp_path):
    """Yield an app whose SQLite database lies on a 2 MiB tmpfs, and a function that fills it up or frees it.

    The disk really fills: a filler file takes what the database has not, so SQLite's
    next write fails with "database or disk is full", as on a school server whose disk ran out.
    """
    if os.geteuid() != 0:
        pytest.fail("mounting a small tmpfs needs root (CI and the developers' machines run as root)")
    mount = tmp_path / "tiny"
    mount.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mount)], check=True)
    filler = mount / "filler"
    try:
        small = create_app({**app_config, "SQLALCHEMY_DATABASE_URI": f"sqlite:///{mount / 'quizapp.db'}"})
        with small.app_context():
            db.create_all()

        def fill(on: bool) -> None:
            if not on:
                filler.unlink(missing_ok=True)
                return
            with open(filler, "wb") as out:
                try:
                    while True:
                        out.write(b"\0" * 65536)
                        out.flush()
                except OSError:
                    pass  # no space left: the disk is full

        yield small, fill
        with small.app_context():
            db.session.remove()
            db.engine.dispose()
    finally:
        subprocess.run(["umount", str(mount)], check=False)


def test_autosave_on_a_full_disk_says_try_again_and_recovers_without_restart(full_disk_app):
    from quizapp.models import Quiz
    from quizapp.services import accounts, seeding

    app, fill = full_disk_app
    with app.app_context():
        admin, _ = accounts.ensure_admin(app.config["ADMIN_EMAIL"], app.config["ADMIN_PASSWORD"])
        seeding.load_seeds(app.config["SEEDS_DIR"], admin)
        db.session.commit()
        quiz_id = db.session.scalar(db.select(Quiz.id))
    code = settings(app, quiz_id)
    student = Student(app, app.test_client())
    student.join(code)
    answers = student.right_answers()
    token = student.token()
    fill(True)
    try:
        refused = student.autosave(answers, token=token)
        assert refused.status_code == 503
        assert refused.get_json()["retry"] is True
    finally:
        fill(False)
    # Space is back: the next save works in the same process, with no restart, and keeps every answer.
    assert student.autosave(answers, token=token).status_code == 200
    with app.app_context():
        assert db.session.scalar(text("SELECT count(*) FROM response")) == len(answers)
