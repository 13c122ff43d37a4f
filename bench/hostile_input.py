"""Send each hostile input of issue 11 to a served quizapp and print status, seconds and peak RSS per case.

Each case gets a fresh server (waitress, as `make run` serves, on a scratch
SQLite database) so one case's leftovers never weigh on the next. While a
case runs, a probe asks for a cheap page (the login form) every 0.2 s: the
slowest answer shows whether the server stayed responsive. The server's
resident memory is sampled every 0.05 s from /proc for the case's peak.

    .venv/bin/python bench/hostile_input.py                  # this checkout, port 5111
    .venv/bin/python bench/hostile_input.py --app-dir /tmp/old --timeout 30   # another checkout's code

Done when every case answers within 10 s with a 4xx or a queued job, under
500 MB, with the cheap page under 1 s meanwhile. Ports 5111-5119 only.
"""

from __future__ import annotations

import argparse
import http.cookiejar
import json
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests import hostile  # noqa: E402 (the same builders the tests use)

EMAIL, PASSWORD = "bench@example.org", "bench password 123"
TOKEN = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"|value="([^"]+)"[^>]*name="csrf_token"')


class Server:
    """A waitress process serving quizapp from `app_dir` on a scratch instance folder."""

    def __init__(self, app_dir: Path, port: int) -> None:
        self.app_dir, self.port = app_dir, port
        self.folder = tempfile.TemporaryDirectory(prefix="quizapp-hostile-")
        self.env = {**os.environ, "QUIZAPP_INSTANCE_PATH": self.folder.name, "PYTHONPATH": str(app_dir),
                    "QUIZAPP_ADMIN_EMAIL": EMAIL, "QUIZAPP_ADMIN_PASSWORD": PASSWORD,
                    "QUIZAPP_SECRET_KEY": "bench"}
        flask = [sys.executable, "-m", "flask", "--app", "quizapp"]
        for command in (["db", "upgrade"], ["seed"]):
            subprocess.run(flask + command, cwd=app_dir, env=self.env, check=True, capture_output=True)
        self.process = subprocess.Popen(
            [sys.executable, "-m", "waitress", "--host", "127.0.0.1", f"--port={port}", "--threads", "8",
             "--call", "quizapp:create_app"], cwd=app_dir, env=self.env,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.url = f"http://127.0.0.1:{port}"
        for _ in range(100):
            try:
                urllib.request.urlopen(self.url + "/auth/login", timeout=2)
                return
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("the server did not start")

    def rss_mb(self) -> float:
        try:
            status = Path(f"/proc/{self.process.pid}/status").read_text()
        except OSError:
            return 0.0
        match = re.search(r"VmRSS:\s+(\d+) kB", status)
        return int(match.group(1)) / 1024 if match else 0.0

    def stop(self) -> None:
        self.process.kill()
        self.process.wait()
        self.folder.cleanup()


class Browser:
    """A cookie-keeping client that logs in as the bench teacher and posts forms."""

    def __init__(self, url: str, timeout: float) -> None:
        self.url, self.timeout = url, timeout
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()),
                                                  NoRedirect)

    def open(self, path: str, data: bytes | None = None, headers: dict | None = None):
        request = urllib.request.Request(self.url + path, data=data, headers={"Accept-Language": "en",
                                                                              **(headers or {})})
        try:
            with self.opener.open(request, timeout=self.timeout) as response:
                return response.status, response.read(), dict(response.headers)
        except urllib.error.HTTPError as error:
            return error.code, error.read(), dict(error.headers)

    def token(self, path: str = "/auth/login") -> str:
        match = TOKEN.search(self.open(path)[1].decode())
        return match.group(1) or match.group(2)

    def form(self, path: str, fields: dict, files: dict | None = None, token_from: str | None = None):
        fields = {"csrf_token": self.token(token_from or path), **fields}
        boundary = uuid.uuid4().hex
        body = bytearray()
        for name, value in fields.items():
            body += (f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n').encode()
        for name, (filename, data) in (files or {}).items():
            body += (f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
                     f"Content-Type: application/octet-stream\r\n\r\n").encode() + data + b"\r\n"
        body += f"--{boundary}--\r\n".encode()
        return self.open(path, bytes(body), {"Content-Type": f"multipart/form-data; boundary={boundary}"})

    def login(self) -> None:
        status, _, _ = self.form("/auth/login", {"email": EMAIL, "password": PASSWORD})
        assert status == 302, f"login failed: {status}"


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def upload(name: str, build):
    """Return a case that uploads the file `build` makes (made before the clock starts)."""
    def prepare():
        data = build()
        return lambda browser: browser.form("/teach/documents/new", {"text": "", "title": "", "language": ""},
                                            {"upload": (name, data)})
    return prepare


def paste(build):
    """Return a case that pastes the text `build` makes."""
    def prepare():
        text = build()
        return lambda browser: browser.form("/teach/documents/new", {"text": text, "title": "", "language": "en"})
    return prepare


def ready(action):
    """Return a case that needs nothing made first."""
    return lambda: action


def deep_json(browser: Browser):
    """Join the seed quiz as a student, then autosave JSON nested 100,000 deep."""
    student = Browser(browser.url, browser.timeout)
    page = student.open("/")[1].decode()
    code = re.search(r'href="/q/([A-Z0-9]+)"', page).group(1)
    status, _, headers = student.form(f"/q/{code}", {"display_name": "Bench"})
    attempt = headers.get("Location", "").rstrip("/").split("/")[-1]
    token = student.token("/")
    body = ('{"answers": ' + "[" * 100_000 + "]" * 100_000 + "}").encode()
    return student.open(f"/attempt/{attempt}/autosave", body,
                        {"Content-Type": "application/json", "Accept": "application/json", "X-CSRFToken": token})


def guess_codes(browser: Browser):
    """Try 60 join codes that match nothing, as a guesser would; return the last answer."""
    guesser = Browser(browser.url, browser.timeout)
    statuses = [guesser.open(f"/q/ZZ{n:04d}")[0] for n in range(60)]
    return statuses[-1], json.dumps({"first_429": statuses.index(429) + 1 if 429 in statuses else None}).encode(), {}


CASES = [
    ("docx zip bomb (1 GiB inflated)", upload("bomb.docx", lambda: hostile.docx_bomb(1 << 30))),
    ("docx 16 MiB XML (bold runs)", upload("styled.docx", lambda: hostile.styled_docx(16 << 20))),
    ("docx 4 M characters of paragraphs", upload("long.docx", lambda: hostile.long_docx(4_000_000))),
    ("docx billion laughs", upload("laughs.docx", hostile.billion_laughs_docx)),
    ("docx truncated XML", upload("truncated.docx", hostile.truncated_docx)),
    ("pdf stream bomb (1 GiB inflated)", upload("bomb.pdf", lambda: hostile.pdf_bomb(1 << 30))),
    ("html 100,000 nested <div>", upload("deep.html", lambda: hostile.deep_html(100_000).encode())),
    ("txt 4 M characters", upload("long.txt", lambda: hostile.repeated("Batteries and cells. ", 4_000_000).encode())),
    ("paste 'EBA' acronyms to 1 MB", paste(lambda: hostile.repeated(hostile.ACRONYM_PASTE, 999_000))),
    ("paste 'Alpha Beta Gamma Delta, ' to 1 MB", paste(lambda: hostile.repeated("Alpha Beta Gamma Delta, ", 999_000))),
    ("paste 300,000 unclosed '<p '", paste(lambda: "<p " * 300_000)),
    ("autosave JSON nested 100,000 deep", ready(deep_json)),
    ("60 wrong join codes from one client", ready(guess_codes)),
]


def follow_job(browser: Browser, location: str, server: Server, limit: float) -> tuple[str, float]:
    """Poll a queued job until it ends; return its final status and how long it took."""
    job = location.rstrip("/").split("/")[-1]
    started = time.perf_counter()
    while time.perf_counter() - started < limit:
        status, body, _ = browser.open(f"/jobs/{job}.json", headers={"Accept": "application/json"})
        state = json.loads(body) if status == 200 else {}
        if state.get("status") in ("done", "failed"):
            return state["status"], time.perf_counter() - started
        time.sleep(0.25)
    return "unfinished", time.perf_counter() - started


def run_case(name: str, prepare, app_dir: Path, port: int, timeout: float, follow: bool) -> dict:
    action = prepare()
    server = Server(app_dir, port)
    browser = Browser(server.url, timeout)
    browser.login()
    peak = [server.rss_mb()]
    slowest = [0.0]
    done = threading.Event()

    def sample():
        while not done.is_set():
            peak[0] = max(peak[0], server.rss_mb())
            done.wait(0.05)

    def probe():
        while not done.is_set():
            started = time.perf_counter()
            try:
                urllib.request.urlopen(server.url + "/auth/login", timeout=timeout).read()
                slowest[0] = max(slowest[0], time.perf_counter() - started)
            except OSError:
                slowest[0] = max(slowest[0], time.perf_counter() - started)
            done.wait(0.2)

    threads = [threading.Thread(target=sample, daemon=True), threading.Thread(target=probe, daemon=True)]
    for thread in threads:
        thread.start()
    started = time.perf_counter()
    try:
        status, body, headers = action(browser)
        result = str(status)
    except (TimeoutError, OSError) as error:
        status, body, headers, result = None, b"", {}, f"no answer ({type(error).__name__})"
    seconds = time.perf_counter() - started
    location = headers.get("Location", "")
    job = ""
    if status == 302 and "/jobs/" in location:
        result = "302 queued job"
        if follow:
            outcome, job_seconds = follow_job(browser, location, server, timeout * 6)
            job = f"job {outcome} in {job_seconds:.1f} s"
    message = ""
    match = re.search(rb'class="(?:field-error|errors?)[^"]*"[^>]*>\s*(?:<[^>]+>\s*)*([^<]{5,160})', body or b"")
    if match:
        message = match.group(1).decode(errors="replace").strip()
    elif body and body[:1] in (b"{", b"["):
        message = body[:120].decode(errors="replace")
    done.set()
    for thread in threads:
        thread.join(timeout + 1)
    server.stop()
    return {"case": name, "result": result, "seconds": seconds, "peak_mb": peak[0], "cheap_page_s": slowest[0],
            "job": job, "message": message}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--app-dir", type=Path, default=ROOT, help="checkout whose quizapp is served")
    parser.add_argument("--port", type=int, default=5111, choices=range(5111, 5120), metavar="5111-5119")
    parser.add_argument("--timeout", type=float, default=60, help="seconds to wait for an answer")
    parser.add_argument("--no-follow", action="store_true", help="do not wait for queued jobs to finish")
    parser.add_argument("--only", default="", help="run the cases whose name holds this text")
    args = parser.parse_args()
    print(f"quizapp from {args.app_dir}, port {args.port}, timeout {args.timeout:.0f} s")
    print(f"{'case':40} {'answer':>22} {'seconds':>8} {'peak MB':>8} {'cheap page s':>12}  job / message")
    for name, prepare in CASES:
        if args.only.lower() not in name.lower():
            continue
        row = run_case(name, prepare, args.app_dir, args.port, args.timeout, not args.no_follow)
        print(f"{row['case']:40} {row['result']:>22} {row['seconds']:8.2f} {row['peak_mb']:8.0f} "
              f"{row['cheap_page_s']:12.2f}  {row['job'] or row['message'][:80]}", flush=True)


if __name__ == "__main__":
    main()
