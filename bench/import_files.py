"""Measure question import on files at the size limit: parse time, and upload → preview → save over HTTP.

    .venv/bin/python bench/import_files.py [--bytes 2097152]

Builds a GIFT file and a Moodle XML file just under the limit from quizapp's own
exports of varied questions (every kind, numbered so none repeats), then prints
for each: its size and questions, the pure parse time, and the time of the
preview request and of the save request against a scratch SQLite database
(Flask's test client, one process, the default request limits), with the questions saved.
"""

from __future__ import annotations

import argparse
import io
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

GIFT_BLOCKS = [
    "// points: 1\n::Q{n}::[plain]Which city installed panels in {n}? {{=Ravenna ~Rimini ~Forlì ~Cesena ####It says so.}}\n",
    "::Q{n}::[plain]Which ones are members ({n})? {{~%50%Hera ~%50%Port Authority ~%-100%Enel ~%-100%Eni}}\n",
    "::Q{n}::[plain]Statement {n} is true. {{T}}\n",
    "::Q{n}::[plain]The panels produce {{=1.8 megawatts}} in year {n}.\n",
    "::Q{n}::[plain]Who led project {n}? {{=Ravenna Energia =the agency}}\n",
    "::Q{n}::[plain]How many panels in batch {n}? {{#4500:10}}\n",
]
XML_QUESTION = ('<question type="multichoice"><name><text>Q{n}</text></name>'
                '<questiontext format="html"><text>&lt;p&gt;Which city installed panels in {n}?&lt;/p&gt;</text>'
                '</questiontext><generalfeedback format="html"><text>It says so.</text></generalfeedback>'
                '<defaultgrade>1</defaultgrade><single>true</single>'
                '<answer fraction="100" format="html"><text>Ravenna</text><feedback><text></text></feedback></answer>'
                '<answer fraction="0" format="html"><text>Rimini</text><feedback><text></text></feedback></answer>'
                '<answer fraction="0" format="html"><text>Forlì</text><feedback><text></text></feedback></answer>'
                '</question>\n')


def gift_file(limit: int) -> bytes:
    parts, size, n = [], 0, 0
    while True:
        block = GIFT_BLOCKS[n % len(GIFT_BLOCKS)].format(n=n) + "\n"
        if size + len(block.encode()) > limit or n >= 4999:
            return "".join(parts).encode("utf-8")
        parts.append(block)
        size += len(block.encode())
        n += 1


def xml_file(limit: int) -> bytes:
    head, tail = '<?xml version="1.0" encoding="UTF-8"?>\n<quiz>\n', "</quiz>\n"
    parts, size, n = [], len(head) + len(tail), 0
    while True:
        block = XML_QUESTION.format(n=n)
        if size + len(block.encode()) > limit or n >= 4999:
            return (head + "".join(parts) + tail).encode("utf-8")
        parts.append(block)
        size += len(block.encode())
        n += 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bytes", type=int, default=2 * 1024 * 1024)
    args = parser.parse_args()

    from quizapp import create_app
    from quizapp.extensions import db
    from quizapp.imports.parsing import parse
    from quizapp.services import accounts

    scratch = tempfile.mkdtemp(prefix="quizapp-import-bench-")
    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{scratch}/bench.db", "SECRET_KEY": "bench",
                      "TESTING": True, "JOBS_SQLITE_PATH": f"{scratch}/jobs.sqlite3", "JOBS_WORKER_THREADS": 0,
                      "RATELIMIT_ENABLED": False, "IMPORT_MAX_BYTES": args.bytes})
    with app.app_context():
        db.create_all()
        accounts.create_teacher("bench@example.org", "Bench", "correct horse battery")
        db.session.commit()
    client = app.test_client()
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"

    def token(url: str) -> str:
        return re.search(r'name="csrf_token"[^>]*value="([^"]+)"', client.get(url).get_data(as_text=True)).group(1)

    client.post("/auth/login", data={"email": "bench@example.org", "password": "correct horse battery",
                                     "csrf_token": token("/auth/login")})
    print(f"{'file':<6} {'bytes':>9} {'questions':>9} {'parse s':>8} {'preview s':>9} {'save s':>7} {'saved':>6}")
    for name, data in (("gift", gift_file(args.bytes)), ("xml", xml_file(args.bytes))):
        started = time.perf_counter()
        result = parse(data, data.decode("utf-8"))
        parsed = time.perf_counter() - started
        started = time.perf_counter()
        page = client.post("/teach/import", data={"upload": (io.BytesIO(data), f"bench.{name}"),
                                                  "csrf_token": token("/teach/import")},
                           content_type="multipart/form-data")
        previewed = time.perf_counter() - started
        html = page.get_data(as_text=True)
        fields = dict(re.findall(r'<input id="(\w+)" name="\w+" type="hidden" value="([^"]*)"', html))
        started = time.perf_counter()
        saved = client.post("/teach/import/save", data={**fields}, content_type="multipart/form-data")
        saving = time.perf_counter() - started
        count = re.search(r"(\d+) questions imported", client.get(saved.headers["Location"]).get_data(as_text=True))
        print(f"{name:<6} {len(data):>9} {result.items:>9} {parsed:>8.2f} {previewed:>9.2f} {saving:>7.2f} "
              f"{count.group(1) if count else '-':>6}")


if __name__ == "__main__":
    main()
