"""Quality rules every generated question must satisfy, written independently of the library."""

from __future__ import annotations

import re
import unicodedata

CHOICE = {"single", "multiple", "true_false"}
KINDS = CHOICE | {"cloze", "numeric", "short"}
YEAR = re.compile(r"^\d{4}$")

_VOWEL = "aeiouàèéìòùh"
# Wrong Italian article + word pairs (checked outside quoted excerpts of the source).
ARTICLE_ERRORS = [
    re.compile(rf"(?<![\w'’])(?:il|la) [{_VOWEL}]", re.IGNORECASE),
    re.compile(r"(?<![\w'’])il (?:s[^aeiouàèéìòù\W]|z|gn|ps|x)", re.IGNORECASE),
    re.compile(r"(?<![\w'’])gli (?![aeiouàèéìòùh]|s[^aeiouàèéìòù\W]|z|gn|ps|x)[^\W\d]", re.IGNORECASE),
    re.compile(rf"(?<![\w'’])i [{_VOWEL}]", re.IGNORECASE),
]


def norm(s: str) -> str:
    s = unicodedata.normalize("NFKD", s.casefold().replace("’", "'"))
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = re.sub(r"[^\w\s]|_", " ", s)
    return " ".join(s.split())


def contains(hay: str, needle: str) -> bool:
    n = norm(needle)
    return bool(n) and f" {n} " in f" {norm(hay)} "


def template_part(prompt: str) -> str:
    """Return the prompt without the excerpt of the source text (quoted, or the rest of a wh-question)."""
    prompt = re.sub(r"«.*»|\".*\"", "«»", prompt, flags=re.S)
    return re.sub(r"\b(in che anno|chi|in which year|who) .*\?$", r"\1 «»?", prompt, flags=re.S)


def check_draft(draft, text: str) -> list[str]:
    """Return every broken rule in a generated quiz (empty list when all hold)."""
    errors = []
    seen_ways = set()
    for n, q in enumerate(draft.questions):
        d = q.to_dict()
        where = f"q{n} {d['kind']} {d['prompt'][:60]!r}"
        ev = d["evidence"]
        if text[ev["start"]:ev["end"]] != ev["text"]:
            errors.append(f"{where}: evidence offsets")
        if d["kind"] not in KINDS:
            errors.append(f"{where}: unknown kind")
        if not d["answer_texts"]:
            errors.append(f"{where}: no answer_texts")
        for a in d["answer_texts"]:
            if a not in ev["text"]:
                errors.append(f"{where}: answer {a!r} not in evidence")
            if d["kind"] != "true_false" and contains(d["prompt"], a):
                errors.append(f"{where}: prompt gives away {a!r}")
        if not (0 <= d["fact_index"] < len(draft.facts)) or draft.facts[d["fact_index"]].kind != d["fact_kind"]:
            errors.append(f"{where}: bad fact_index")
        if not d["prompt"].startswith(("Secondo il testo", "According to the text")):
            errors.append(f"{where}: prompt prefix")
        if draft.language == "it":
            for rx in ARTICLE_ERRORS:
                m = rx.search(template_part(d["prompt"]))
                if m:
                    errors.append(f"{where}: article error {m.group()!r}")
        way = (d["fact_index"], d["kind"], tuple(d["answer_texts"]), d["prompt"])
        if way in seen_ways:
            errors.append(f"{where}: same fact asked the same way twice")
        seen_ways.add(way)
        if d["kind"] in CHOICE:
            opts = d["options"]
            normed = [norm(o) for o in opts]
            if len(set(normed)) != len(normed) or not all(normed):
                errors.append(f"{where}: options not unique")
            if not d["correct"] or not all(isinstance(i, int) and 0 <= i < len(opts) for i in d["correct"]):
                errors.append(f"{where}: correct out of range")
                continue
            if d["kind"] == "true_false":
                if opts not in (["Vero", "Falso"], ["True", "False"]) or len(d["correct"]) != 1:
                    errors.append(f"{where}: true/false shape")
                continue
            if d["kind"] == "single" and len(d["correct"]) != 1:
                errors.append(f"{where}: single with several answers")
            right = [normed[i] for i in d["correct"]]
            for k, o in enumerate(normed):
                if k in d["correct"]:
                    continue
                if any(o == r or f" {r} " in f" {o} " or f" {o} " in f" {r} " for r in right):
                    errors.append(f"{where}: distractor overlaps answer {opts[k]!r}")
                # A single-choice slot holds one value, so a value the text ties to another
                # fact is wrong here; a list may be partial, so a multiple select never
                # offers anything the text names. Neither offers what the evidence names.
                named_in = d["evidence"]["text"] if d["kind"] == "single" else text
                if contains(named_in, opts[k]) and not YEAR.match(opts[k]):
                    errors.append(f"{where}: distractor {opts[k]!r} is named by the document")
                if YEAR.match(opts[k]) and re.search(rf"(?<!\d){opts[k]}(?!\d)", named_in):
                    errors.append(f"{where}: distractor year {opts[k]} appears in the document")
            years = [bool(YEAR.match(o)) for o in opts]
            if any(years) and not all(years):
                errors.append(f"{where}: options differ in shape")
        else:
            if d["options"]:
                errors.append(f"{where}: options on a free-answer question")
            if not d["correct"]:
                errors.append(f"{where}: no accepted answer")
        if d["kind"] == "numeric":
            if len(d["correct"]) != 1 or not isinstance(d["correct"][0], (int, float)):
                errors.append(f"{where}: numeric answer")
        elif d["tolerance"] != 0:
            errors.append(f"{where}: tolerance on a non-numeric question")
    return errors
