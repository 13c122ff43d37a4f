"""Fixtures for end-to-end tests: the app served on 127.0.0.1 and Debian's Chromium through Playwright.

Chromium missing skips these tests on a workstation but fails them in CI
(CI set), where `.ci/run` installs it: a browser suite that silently skips
there would prove nothing.
"""

from __future__ import annotations

import os
import shutil
import threading
from pathlib import Path

import pytest
from werkzeug.serving import make_server

from quizapp.extensions import db
from quizapp.models import Attempt

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run",
]
SCREENSHOTS = Path(__file__).resolve().parent.parent / "artifacts" / "screenshots"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def _unavailable(reason: str):
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI is set, so the browser tests must run)")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser():
    if not (Path(CHROMIUM).exists() or shutil.which("chromium")):
        _unavailable("Chromium is not installed: apt-get install chromium")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("Playwright is not installed: pip install -e '.[test]'")
    with sync_playwright() as playwright:
        executable = CHROMIUM if Path(CHROMIUM).exists() else shutil.which("chromium")
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def live_server(app):
    """Serve the app on a free port of 127.0.0.1 in a thread; yield its base URL."""
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(timeout=5)


@pytest.fixture
def new_page(browser, live_server):
    """Return a factory of pages in fresh browser contexts (one per student)."""
    contexts = []
    violations: list[str] = []

    def record(message) -> None:
        # Chromium reports what the Content-Security-Policy refused on the console.
        if "Content Security Policy" in message.text or "Content-Security-Policy" in message.text:
            violations.append(message.text)

    def make(*, width: int = 1024, height: int = 800, javascript: bool = True, locale: str = "en-GB"):
        context = browser.new_context(viewport={"width": width, "height": height}, base_url=live_server,
                                      java_script_enabled=javascript, locale=locale)
        context.set_default_timeout(10_000)
        contexts.append(context)
        page = context.new_page()
        page.on("console", record)
        return page

    yield make
    for context in contexts:
        context.close()
    assert not violations, "the Content-Security-Policy refused something:\n" + "\n".join(violations)


def screenshot(page, name: str, *, full_page: bool = True) -> Path:
    """Save a screenshot under tests/artifacts/screenshots/ and return its path."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=full_page)
    return path


def assert_accessible(page) -> None:
    """Fail with axe-core's report if the page breaks a WCAG 2.1 A or AA rule."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS},
                                       "resultTypes": ["violations"]})
    assert results.violations_count == 0, results.generate_report()


def current_attempt(app) -> Attempt:
    """Return the newest attempt, read afresh, detached from its session."""
    with app.app_context():
        attempt = db.session.scalars(db.select(Attempt).order_by(Attempt.id.desc())).first()
        db.session.expunge(attempt)
        return attempt


def answer_plan(app, attempt_id: int) -> list[tuple[str, str, object]]:
    """Return (field name, kind, right answer) per question as the page shows them.

    Choice answers are positions on the page: an int for one option, a list of
    ints for multiple select; text and numeric answers are strings.
    """
    from quizapp.services.attempts import items

    with app.app_context():
        plan = []
        for item in items(db.session.get(Attempt, attempt_id)):
            q = item.question
            name = f"q{q.id}"
            if q.kind == "multiple":
                plan.append((name, q.kind, sorted(item.option_order.index(i) for i in q.correct)))
            elif q.options:
                plan.append((name, q.kind, item.option_order.index(q.correct[0])))
            elif q.kind == "numeric":
                value = float(q.correct[0])
                plan.append((name, q.kind, str(int(value)) if value.is_integer() else str(value)))
            else:
                plan.append((name, q.kind, str(q.correct[0])))
        return plan


def fill_with_mouse(page, plan) -> None:
    """Answer the questions on the page by clicking and typing (no keyboard navigation)."""
    for name, kind, answer in plan:
        if page.locator(f"[name='{name}']").count() == 0:
            continue
        if kind == "multiple":
            for position in answer:
                page.check(f"#{name}-{position}")
        elif isinstance(answer, int):
            page.check(f"#{name}-{answer}")
        else:
            page.fill(f"#{name}", answer)


def join(page, code: str, name: str = "Giulia Rossi") -> None:
    """Open a quiz's link and start it under a display name."""
    page.goto(f"/q/{code}")
    page.fill("#display_name", name)
    page.click("button.primary")
    page.wait_for_url("**/attempt/*")


def answer_all_and_submit(app, page) -> Attempt:
    """Answer every question of the page's attempt right with the mouse, submit, and return the attempt."""
    attempt = current_attempt(app)
    fill_with_mouse(page, answer_plan(app, attempt.id))
    page.click("button[value=submit]")
    if page.locator("text=Submit anyway").count():
        page.click("text=Submit anyway")
    page.wait_for_url("**/result**")
    return attempt
