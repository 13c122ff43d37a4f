"""Check that readers and the generator are linear on pathological input: time at 1x, 2x and 4x the size.

For each input the time ratio per doubling should stay near 2 (linear);
near 4 means quadratic. Prints one row per input with the seconds at each
size and the worst ratio, and exits 1 when a ratio passes --max-ratio.

    .venv/bin/python bench/pathological_scaling.py                # 100k, 200k, 400k characters
    .venv/bin/python bench/pathological_scaling.py --size 50000   # quicker
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from quizapp import create_app  # noqa: E402
from quizapp.generator import EmptyDocument, UnsupportedLanguage, generate_quiz  # noqa: E402
from quizapp.services import readers  # noqa: E402
from tests import hostile  # noqa: E402 (the builders the tests use)


def generate(text: str) -> None:
    try:
        generate_quiz(text, lang="en")
    except (EmptyDocument, UnsupportedLanguage):
        pass


def read(name: str, data: bytes) -> None:
    try:
        readers.read_file(name, data)
    except readers.UnreadableFile:
        pass


# name -> function of a size in characters that does the work once
INPUTS = {
    "generator: repeated '(EBA)' acronyms": lambda n: generate(hostile.repeated(hostile.ACRONYM_PASTE, n)),
    "generator: 'Alpha Beta Gamma Delta, '": lambda n: generate(hostile.repeated("Alpha Beta Gamma Delta, ", n)),
    "generator: one sentence of 'and'": lambda n: generate(hostile.repeated("the makers and the firms and ", n)),
    "generator: numbers and percentages": lambda n: generate(hostile.repeated("in 2030 and 45% of 3 million, ", n)),
    "generator: parentheses": lambda n: generate(hostile.repeated("((((( )))))", n)),
    "generator: 'a.a.a.' stops": lambda n: generate(hostile.repeated("a.", n)),
    "reader: nested <div> (html)": lambda n: read("deep.html", hostile.deep_html(n // 11).encode()),
    "reader: pasted unclosed '<p '": lambda n: readers.read_pasted("<p " * (n // 3)),
    "reader: docx paragraphs": lambda n: read("long.docx", hostile.long_docx(n)),
    "reader: markdown '>' quotes": lambda n: read("deep.md", (">" * (n // 2) + " text\n").encode()),
}


def seconds(work, size: int) -> float:
    started = time.perf_counter()
    work(size)
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=100_000, help="the smallest size, in characters")
    parser.add_argument("--max-ratio", type=float, default=3.0, help="worst time ratio per doubling accepted")
    args = parser.parse_args()
    sizes = [args.size, 2 * args.size, 4 * args.size]
    failed = False
    with create_app({"SQLALCHEMY_DATABASE_URI": "sqlite://", "SECRET_KEY": "bench"}).test_request_context():
        print(f"{'input':40} " + " ".join(f"{size:>9,}" for size in sizes) + "  worst ratio")
        for name, work in INPUTS.items():
            times = [seconds(work, size) for size in sizes]
            # Below 50 ms the clock's noise outweighs the growth: such ratios do not count.
            ratios = [b / a for a, b in zip(times, times[1:]) if b > 0.05]
            worst = max(ratios, default=1.0)
            failed |= worst > args.max_ratio
            print(f"{name:40} " + " ".join(f"{t:8.2f}s" for t in times) + f"  {worst:5.2f}"
                  + ("  QUADRATIC?" if worst > args.max_ratio else ""), flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
