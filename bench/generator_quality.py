"""Measure how well generated questions hit what people ask, and how fast.

    .venv/bin/python bench/generator_quality.py bench/data/squad_it_dev.json.gz it [--k 5]
    .venv/bin/python bench/generator_quality.py bench/data/xquad_en_dev.json en

For every paragraph it calls generate_quiz and prints recall@k (share of human
questions one of whose gold answers has token F1 >= 0.5, SQuAD normalisation,
against a correct answer of the first k generated questions), the same with
exact match, precision@k (share of the first k questions whose answer matches
some human question's answer), questions per paragraph, median and p95
milliseconds per paragraph, peak memory and crashes.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import sys
import time
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from squad import exact, f1, load  # noqa: E402

from quizapp.generator import generate_quiz  # noqa: E402


def evaluate(articles: list[dict], lang: str, k: int = 5, show_crashes: bool = False) -> dict:
    """Run the generator over every paragraph and return the figures."""
    hits = hits_em = humans = 0
    good_top = top_total = 0
    questions = 0
    times: list[float] = []
    crashes = 0
    paragraphs = 0
    for art in articles:
        for para in art["paragraphs"]:
            paragraphs += 1
            t0 = time.perf_counter()
            try:
                draft = generate_quiz(para["context"], lang=lang)
            except Exception:  # a crash is a figure to report, not a reason to stop
                crashes += 1
                if show_crashes:
                    traceback.print_exc()
                times.append(time.perf_counter() - t0)
                continue
            times.append(time.perf_counter() - t0)
            questions += len(draft.questions)
            top = draft.questions[:k]
            predicted = [a for q in top for a in q.answer_texts]
            golds = [[a["text"] for a in qa["answers"]] for qa in para["qas"]]
            for gold in golds:
                humans += 1
                if any(f1(p, g) >= 0.5 for p in predicted for g in gold):
                    hits += 1
                if any(exact(p, g) for p in predicted for g in gold):
                    hits_em += 1
            all_gold = [g for gold in golds for g in gold]
            for q in top:
                top_total += 1
                if any(f1(p, g) >= 0.5 for p in q.answer_texts for g in all_gold):
                    good_top += 1
    times_ms = sorted(t * 1000 for t in times)
    return {
        "paragraphs": paragraphs,
        "human_questions": humans,
        f"recall@{k}": hits / max(1, humans),
        f"exact_recall@{k}": hits_em / max(1, humans),
        f"precision@{k}": good_top / max(1, top_total),
        "questions_per_paragraph": questions / max(1, paragraphs),
        "median_ms": statistics.median(times_ms) if times_ms else 0.0,
        "p95_ms": times_ms[int(0.95 * (len(times_ms) - 1))] if times_ms else 0.0,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "crashes": crashes,
    }


def main(argv: list[str] | None = None) -> int:
    """Parse arguments, run the measure and print it."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("file", help="SQuAD-format JSON (.json or .json.gz)")
    ap.add_argument("lang", choices=["it", "en"])
    ap.add_argument("--k", type=int, default=5)
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("--show-crashes", action="store_true")
    args = ap.parse_args(argv)
    figures = evaluate(load(args.file), args.lang, args.k, args.show_crashes)
    if args.json:
        print(json.dumps(figures, indent=2))
    else:
        for key, value in figures.items():
            print(f"{key:>24}: {value:.3f}" if isinstance(value, float) else f"{key:>24}: {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
