"""Print the first questions of each review document and the rubric's automatic quiz-level checks.

    .venv/bin/python bench/review.py [bench/review/*.txt] [--n 10] [--markdown]

For each document: the first ``n`` questions in the generator's order (kind,
prompt, options with the right ones starred, key, evidence), then the checks of
``docs/question-review.md`` that need no reviewer: the mix of kinds and the share
of choice questions, cross-leaks (a question whose prompt, options or evidence
contains another's answer), sentences used twice, and blanks that are the
document's title or topic words or a generic word. A summary table ends the run.
The output is what a blind reviewer rates; it never shows the code.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from quizapp.generator import generate_quiz  # noqa: E402
from quizapp.generator.text import normalise  # noqa: E402

CHOICE = {"single", "multiple", "true_false"}
# Words that say nothing on their own as a blank, whatever the text (checked only for one-word blanks).
GENERIC_ZIPF = 5.0


def padded(text: str) -> str:
    """Return ``text`` normalised and padded for whole-word lookups."""
    return f" {normalise(text)} "


def cross_leaks(questions) -> list[tuple[int, int, str]]:
    """Return (i, j, answer) where question j's prompt, options or evidence holds question i's answer."""
    out = []
    texts = [padded(" ".join((q.prompt, *q.options, q.evidence.text))) for q in questions]
    for i, q in enumerate(questions):
        for a in q.answer_texts:
            # A name leaks through its surname too ("Meloni" for "Giorgia Meloni").
            words = a.split()
            keys = {normalise(a)} | ({normalise(w) for w in words if w[:1].isupper() and len(w) > 3}
                                     if len(words) > 1 else set())
            for key in filter(None, keys):
                for j, text in enumerate(texts):
                    if j != i and f" {key} " in text:
                        out.append((i + 1, j + 1, a))
    return out


def reused_sentences(questions) -> list[tuple[int, int]]:
    """Return pairs of questions whose evidence is the same sentence."""
    seen: dict[int, int] = {}
    out = []
    for k, q in enumerate(questions, 1):
        if q.evidence.start in seen:
            out.append((seen[q.evidence.start], k))
        else:
            seen[q.evidence.start] = k
    return out


def weak_blanks(draft, questions) -> list[tuple[int, str, str]]:
    """Return (question, answer, why) for blanks that are the title, a topic word or a generic word."""
    from wordfreq import zipf_frequency

    title = padded(draft.title)
    words = Counter(w for q in draft.facts for w in set(normalise(q.span.text).split()) if len(w) > 3)
    topic = {w for w, c in words.most_common(3)}
    out = []
    for k, q in enumerate(questions, 1):
        if q.kind not in ("cloze", "single", "numeric"):
            continue
        for a in q.answer_texts:
            core = normalise(a)
            if len(core) > 2 and f" {core} " in title:
                out.append((k, a, "title"))
            elif core in topic:
                out.append((k, a, "topic"))
            elif len(core.split()) == 1 and a[:1].islower() and zipf_frequency(core, draft.language) >= GENERIC_ZIPF:
                out.append((k, a, "generic"))
    return out


def show(path: Path, n: int, out) -> dict:
    """Print one document's first ``n`` questions and checks; return its summary row."""
    text = path.read_text(encoding="utf-8")
    draft = generate_quiz(text)
    questions = list(draft.questions[:n])
    print(f"\n## {path.name} ({draft.language}, {len(text)} characters)\n", file=out)
    for k, q in enumerate(questions, 1):
        print(f"{k}. [{q.kind}] {q.prompt}", file=out)
        for i, option in enumerate(q.options):
            print(f"   {'*' if i in q.correct else '-'} {option}", file=out)
        if not q.options:
            # A number as the text writes it ("33,5 metri", "tre") first: grading takes either form.
            written = q.answer_texts if q.kind == "numeric" else ()
            within = f" (answers within ± {q.tolerance:g} are right)" if q.tolerance else ""
            print(f"   key: {' | '.join(dict.fromkeys([*written, *map(str, q.correct)]))}{within}", file=out)
        print(f"   evidence: {q.evidence.text}", file=out)
    kinds = Counter(q.kind for q in questions)
    choice = sum(kinds[k] for k in CHOICE)
    leaks = cross_leaks(questions)
    reused = reused_sentences(questions)
    weak = weak_blanks(draft, questions)
    tf = [q.correct == (0,) for q in questions if q.kind == "true_false"]
    print(f"\nkinds: {dict(kinds)}; choice {choice}/{len(questions)}; true/false true {tf.count(True)} "
          f"false {tf.count(False)}", file=out)
    print(f"cross-leaks: {leaks or 'none'}", file=out)
    print(f"sentences used twice: {reused or 'none'}", file=out)
    print(f"title, topic or generic blanks: {weak or 'none'}", file=out)
    return {"doc": path.name, "n": len(questions), "choice": choice, "leaks": len(leaks), "reused": len(reused),
            "weak": len(weak), "tf_true": tf.count(True), "tf_false": tf.count(False)}


# How the app grades a typed answer (quizapp.generator.match.answers_match), told to the reviewer,
# who judges a key as a teacher using the app would.
GRADING = """How typed answers (cloze, short, numeric) are graded: a student's answer is right when it matches one
of the alternatives listed after "key:". Case, accents, punctuation, articles, spacing and word breaks and one
small typo per word are forgiven. Numbers match by value however written ("cento" = "100", "twenty-five" = "25",
"3 milioni" = "3.000.000", "3,5" = "3.5"), and so do ranges ("40 to 60" = "40-60" = "from 40 to 60" = "between
40 and 60"; "da 40 a 60" = "tra 40 e 60"). Dates match by day, month and year in any written form ("1º marzo
1896" = "1 marzo 1896" = "primo marzo 1896" = "1/3/1896" = "1896-03-01"; "March 1, 1896" = "1st of March 1896");
a key that gives only a month and year also accepts any day of that month ("28 luglio 1741" for "luglio 1741").
Words that only point back or stress may be left out at the edges of an answer; nothing else is: a shorter form
of a name or phrase is accepted only when it is listed as an alternative."""


def main() -> None:
    """Run the review over the given documents (default: every document under bench/review/)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--n", type=int, default=10, help="questions per document (default 10)")
    args = parser.parse_args()
    files = args.files or sorted((ROOT / "bench" / "review").glob("*/*.txt"))
    print(GRADING)
    rows = [show(f, args.n, sys.stdout) for f in files]
    print("\n| document | questions | choice | cross-leaks | sentences reused | weak blanks | T/F true:false |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for r in rows:
        print(f"| {r['doc']} | {r['n']} | {r['choice']} | {r['leaks']} | {r['reused']} | {r['weak']} "
              f"| {r['tf_true']}:{r['tf_false']} |")
    total = sum(r["n"] for r in rows)
    print(f"| all | {total} | {sum(r['choice'] for r in rows)} ({100 * sum(r['choice'] for r in rows) / max(total, 1):.0f}%) "
          f"| {sum(r['leaks'] for r in rows)} | {sum(r['reused'] for r in rows)} | {sum(r['weak'] for r in rows)} "
          f"| {sum(r['tf_true'] for r in rows)}:{sum(r['tf_false'] for r in rows)} |")


if __name__ == "__main__":
    main()
