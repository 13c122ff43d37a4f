"""Measure the score export on many attempts: time and peak memory for CSV and XLSX.

    .venv/bin/python bench/export_scores.py [--attempts 100000] [--keep DIR]

Builds a scratch SQLite database with one quiz and N submitted attempts (rows
inserted in bulk), then exports the scores in a fresh process per format, so
each figure is that process's own peak resident memory (ru_maxrss), next to
the peak of a process that only loads the app and the quiz (the baseline).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TEXT = """date 2023-03-12
The city of Ravenna installed 4,500 solar panels on school roofs in 2022.
The project was led by the energy agency Ravenna Energia and cost 3 million euros.
The panels produce 1.8 megawatts, enough for 600 homes.
"""
BATCH = 5000


def app_for(database: Path):
    from quizapp import create_app

    return create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{database}", "SECRET_KEY": "bench"})


def build(database: Path, attempts: int) -> int:
    """Create the schema, one quiz and `attempts` submitted attempts; return the quiz id."""
    from quizapp.extensions import db
    from quizapp.models import Attempt, Participant
    from quizapp.services import accounts, documents, quizzes

    app = app_for(database)
    with app.app_context():
        db.create_all()
        owner = accounts.create_teacher("bench@example.org", "Bench", "bench password 123")
        document = documents.create_document(owner, TEXT)
        for question in document.questions:
            question.status = "approved"
        quiz = quizzes.create_quiz(owner, document, "Bench", document.questions[:5])
        quizzes.publish(quiz)
        db.session.commit()
        quiz_id, max_score = quiz.id, quiz.max_score
        start = dt.datetime(2026, 1, 1, 8, 0)
        for first in range(0, attempts, BATCH):
            numbers = range(first, min(first + BATCH, attempts))
            db.session.execute(db.insert(Participant), [
                {"id": n + 1, "quiz_id": quiz_id, "display_name": f"Student {n:06d} Àèìòù", "identifier": f"s{n}",
                 "token": f"p{n}"} for n in numbers])
            db.session.execute(db.insert(Attempt), [
                {"quiz_id": quiz_id, "participant_id": n + 1, "number": 1, "token": f"a{n}", "state": "submitted",
                 "started_at": start + dt.timedelta(seconds=n), "submitted_at": start + dt.timedelta(seconds=n + 600),
                 "score": float(n % (int(max_score) + 1)), "max_score": max_score, "layout": {}} for n in numbers])
            db.session.commit()
    return quiz_id


def export(database: Path, quiz_id: int, kind: str) -> dict:
    """Export in this process and return the figures."""
    from quizapp.extensions import db
    from quizapp.models import Quiz
    from quizapp.services import exports

    app = app_for(database)
    with app.app_context():
        quiz = db.session.get(Quiz, quiz_id)
        baseline = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        started = time.perf_counter()
        size = rows = 0
        if kind != "none":
            headers, source = exports.score_rows(quiz)

            def counted():
                nonlocal rows
                for row in source:
                    rows += 1
                    yield row

            # The default interface language (Italian) outside a request: semicolons and decimal commas.
            chunks = (exports.write_csv(headers, counted(), exports.csv_style()) if kind == "csv"
                      else exports.write_xlsx(headers, counted()))
            for chunk in chunks:
                size += len(chunk)
        seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"format": kind, "rows": rows, "seconds": round(seconds, 2), "bytes": size,
            "peak_rss_mb": round(peak / 1024, 1), "rss_before_export_mb": round(baseline / 1024, 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--attempts", type=int, default=100_000)
    parser.add_argument("--keep", type=Path, help="Folder for the scratch database (default: a temporary one).")
    parser.add_argument("--child", nargs=3, metavar=("DB", "QUIZ", "FORMAT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(export(Path(args.child[0]), int(args.child[1]), args.child[2])))
        return
    with tempfile.TemporaryDirectory() as scratch:
        folder = args.keep or Path(scratch)
        database = folder / "bench_export.db"
        database.unlink(missing_ok=True)
        started = time.perf_counter()
        quiz_id = build(database, args.attempts)
        print(f"built {args.attempts} attempts in {time.perf_counter() - started:.1f} s ({database.stat().st_size / 1e6:.1f} MB)")
        for kind in ("none", "csv", "xlsx"):
            done = subprocess.run([sys.executable, __file__, "--child", str(database), str(quiz_id), kind],
                                  capture_output=True, text=True, check=True)
            figures = json.loads(done.stdout.strip().splitlines()[-1])
            label = "baseline (app and quiz loaded, no export)" if kind == "none" else kind
            print(f"{label:>42}: {figures['rows']} rows, {figures['seconds']} s, {figures['bytes'] / 1e6:.1f} MB out, "
                  f"peak RSS {figures['peak_rss_mb']} MB")


if __name__ == "__main__":
    main()
