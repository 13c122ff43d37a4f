"""Measure the score export on many attempts: time and peak memory for CSV and XLSX.

    .venv/bin/python bench/export_scores.py [--attempts 100000] [--keep DIR]

Builds a scratch SQLite database with one quiz and N submitted attempts (rows
inserted in bulk), then exports the scores in a fresh process per format, so
each figure is that process's own peak resident memory (ru_maxrss), next to
the peak of a process that only loads the app and the quiz (the baseline).
CSV is written as the download streams it; XLSX as the app builds it, by the
background job (export_jobs.build_xlsx): the job is queued as the request
does (its time shown apart) and run in the process, and the file it wrote
is measured.
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

    # No worker threads: the bench runs the queued job itself, in this process, to measure it.
    return create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{database}", "SECRET_KEY": "bench",
                       "JOBS_SQLITE_PATH": str(database.with_suffix(".jobs.sqlite3")), "JOBS_WORKER_THREADS": 0,
                       "EXPORTS_DIR": str(database.parent / "exports")})


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
    from quizapp import jobs
    from quizapp.extensions import db
    from quizapp.models import Job, Quiz
    from quizapp.services import export_jobs, exports

    app = app_for(database)
    with app.app_context():
        quiz = db.session.get(Quiz, quiz_id)
        baseline = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        started = time.perf_counter()
        size = rows = 0
        queued = None
        if kind == "xlsx":
            # As the app does it: the request queues a job, a worker builds the file.
            with app.test_request_context():
                job = export_jobs.start_xlsx(quiz, "scores", quiz.owner)
            queued = time.perf_counter() - started
            jobs.run_pending(app)
            db.session.expire_all()
            path = export_jobs.finished_file(db.session.get(Job, job.id))
            if path is None:
                raise RuntimeError("the export job did not finish")
            size, rows = path.stat().st_size, exports.row_count(quiz, "scores")
        elif kind == "csv":
            headers, source = exports.score_rows(quiz)

            def counted():
                nonlocal rows
                for row in source:
                    rows += 1
                    yield row

            # The default interface language (Italian) outside a request: semicolons and decimal commas.
            for chunk in exports.write_csv(headers, counted(), exports.csv_style()):
                size += len(chunk)
        seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"format": kind, "rows": rows, "seconds": round(seconds, 2), "bytes": size,
            "queue_seconds": None if queued is None else round(queued, 3),
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
            label = {"none": "baseline (app and quiz loaded, no export)", "csv": "csv (streamed)",
                     "xlsx": "xlsx (background job)"}[kind]
            queued = f" (queueing {figures['queue_seconds']} s)" if figures["queue_seconds"] is not None else ""
            print(f"{label:>42}: {figures['rows']} rows, {figures['seconds']} s{queued}, "
                  f"{figures['bytes'] / 1e6:.1f} MB out, peak RSS {figures['peak_rss_mb']} MB")


if __name__ == "__main__":
    main()
