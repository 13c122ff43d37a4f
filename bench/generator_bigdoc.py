"""Time the generator on a 1 MB document and report its peak memory.

    .venv/bin/python bench/generator_bigdoc.py [--lang it] [--mb 1]

The document is built from the development paragraphs of the language, joined
with blank lines until it reaches the size. Targets: <= 10 s, <= 300 MB.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from squad import DATA, load  # noqa: E402

from quizapp.generator import generate_quiz  # noqa: E402

FILES = {"it": DATA / "squad_it_dev.json.gz", "en": DATA / "xquad_en_dev.json"}


def build(lang: str, size: int) -> str:
    """Return a document of at least ``size`` bytes (UTF-8) from the dev paragraphs."""
    paragraphs = [p["context"] for a in load(FILES[lang]) for p in a["paragraphs"]]
    parts, total, k = [], 0, 0
    while total < size:
        p = paragraphs[k % len(paragraphs)]
        parts.append(p)
        total += len(p.encode("utf-8")) + 2
        k += 1
    return "\n\n".join(parts)


def main(argv: list[str] | None = None) -> int:
    """Build the document, run the generator once and print the figures."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--lang", default="it", choices=sorted(FILES))
    ap.add_argument("--mb", type=float, default=1.0)
    ap.add_argument("--tracemalloc", action="store_true", help="also report Python heap peak (slower)")
    args = ap.parse_args(argv)
    text = build(args.lang, int(args.mb * 1024 * 1024))
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    if args.tracemalloc:
        tracemalloc.start()
    t0 = time.perf_counter()
    draft = generate_quiz(text, lang=args.lang)
    seconds = time.perf_counter() - t0
    heap_peak = tracemalloc.get_traced_memory()[1] / 2**20 if args.tracemalloc else None
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"document: {len(text.encode('utf-8')) / 2**20:.2f} MB, {len(text)} characters ({args.lang})")
    print(f"seconds: {seconds:.2f}")
    print(f"facts: {len(draft.facts)}, questions: {len(draft.questions)}")
    print(f"peak RSS: {rss:.0f} MB (before generating: {rss_before:.0f} MB)")
    if heap_peak is not None:
        print(f"peak Python heap during generation: {heap_peak:.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
