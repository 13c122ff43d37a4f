"""Hold what a question file says: parsed questions, skipped items and why, as immutable records.

Pure: no Flask, no database. Messages are codes with a detail (a type name, a
field); the service turns them into words in the teacher's language.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace
from html.parser import HTMLParser
from typing import Any

from ..generator.lang import SUPPORTED, load_pack

BLANK = "____"
# The blank of a fill-in-the-blank question, as the edit form recognises it.
BLANK_RE = re.compile(r"_{3,}")
CHOICE_KINDS = ("single", "multiple", "true_false")
TEXT_KINDS = ("cloze", "short")
# The edit form's limits (teacher/forms.py QuestionForm): a question imported past them could not be edited.
MAX_PROMPT = 2000
MAX_OPTIONS = 12
MAX_OPTIONS_TEXT = 5000
MAX_ACCEPTED_TEXT = 2000
MAX_ANSWER = 300  # the longest answer a student can type (kinds.MAX_TEXT_ANSWER)
MAX_EXPLANATION = 3000
MAX_POINTS = 1000.0
MAX_NAME = 200
# The most question items one file may hold: a whole course bank, not a flood.
MAX_ITEMS = 5000


class DamagedFile(ValueError):
    """The file cannot be read as a question file at all; code names why, line where (when known)."""

    def __init__(self, code: str, line: int | None = None, detail: str = "") -> None:
        super().__init__(f"{code} at line {line}: {detail}" if line else f"{code}: {detail}")
        self.code, self.line, self.detail = code, line, detail


@dataclass(frozen=True)
class Note:
    """A reason (why an item was skipped) or a remark (what was changed on import): a code and its detail."""

    code: str
    detail: str = ""


@dataclass(frozen=True)
class ParsedQuestion:
    """One question read from a file, in quizapp's terms, with where it stood in the file.

    ``correct`` holds option indices for choice kinds, accepted answers for text
    kinds and the one number for numeric questions. A true or false question
    has no options of its own: index 0 is "true" and 1 "false", and the bank
    writes them in its document's language.
    """

    number: int
    line: int | None
    name: str
    kind: str
    prompt: str
    options: tuple[str, ...] = ()
    correct: tuple[Any, ...] = ()
    tolerance: float = 0.0
    explanation: str = ""
    points: float = 1.0
    category: str = ""
    notes: tuple[Note, ...] = ()


@dataclass(frozen=True)
class Skipped:
    """An item of the file that is not imported: its place, its type in the file's own words, and why."""

    number: int
    line: int | None
    name: str
    qtype: str
    reason: Note


@dataclass(frozen=True)
class ParseResult:
    """Everything a file held: the questions to import, the items skipped, and its categories."""

    format: str
    questions: tuple[ParsedQuestion, ...]
    skipped: tuple[Skipped, ...]
    categories: tuple[str, ...] = ()

    @property
    def items(self) -> int:
        """Return how many question items the file held (imported or skipped)."""
        return len(self.questions) + len(self.skipped)


def true_false_index(options: list[str]) -> dict[int, int] | None:
    """Map two options that are a true/false pair in a supported language to 0 (true) and 1 (false).

    quizapp exports a true or false question as a two-option multiple choice
    ("Vero", "Falso"); read back, it is a true or false question again.
    """
    if len(options) != 2:
        return None
    folded = [option.strip().casefold() for option in options]
    for code in SUPPORTED:
        true, false = (word.casefold() for word in load_pack(code).get("true_false"))
        if sorted(folded) == sorted([true, false]):
            return {index: 0 if word == true else 1 for index, word in enumerate(folded)}
    return None


def _within(value: float) -> bool:
    return math.isfinite(value)


def check(question: ParsedQuestion) -> Note | None:
    """Return why a parsed question cannot enter the bank as it is, or None when it can."""
    kind, options, correct = question.kind, question.options, question.correct
    if not question.prompt.strip():
        return Note("no_prompt")
    if len(question.prompt) > MAX_PROMPT:
        return Note("too_long", "prompt")
    if len(question.explanation) > MAX_EXPLANATION:
        return Note("too_long", "explanation")
    if kind in ("single", "multiple"):
        if len(options) < 2:
            return Note("too_few_options")
        if len(options) > MAX_OPTIONS:
            return Note("too_many_options", str(len(options)))
        if any(not option.strip() for option in options):
            return Note("empty_option")
        if len(set(options)) != len(options):
            return Note("same_options")
        if len("\n".join(options)) > MAX_OPTIONS_TEXT:
            return Note("too_long", "options")
        if not correct:
            return Note("no_right_answer")
        if kind == "single" and len(correct) > 1:
            return Note("several_right_answers")
    elif kind in TEXT_KINDS:
        if not correct or any(not str(answer).strip() for answer in correct):
            return Note("no_right_answer")
        if any(len(str(answer)) > MAX_ANSWER for answer in correct) or len("\n".join(correct)) > MAX_ACCEPTED_TEXT:
            return Note("too_long", "answer")
    elif kind == "numeric":
        if len(correct) != 1 or not _within(float(correct[0])):
            return Note("no_right_answer")
        if not (_within(question.tolerance) and question.tolerance >= 0):
            return Note("bad_number", str(question.tolerance))
    return None


def sort_out(candidates: list[ParsedQuestion | Skipped], fmt: str, categories: list[str]) -> ParseResult:
    """Split read items into questions and skipped ones, skipping each question check() refuses."""
    questions, skipped = [], []
    for item in candidates:
        if isinstance(item, Skipped):
            skipped.append(item)
            continue
        reason = check(item)
        if reason is None:
            questions.append(item)
        else:
            skipped.append(Skipped(item.number, item.line, item.name, item.kind, reason))
    return ParseResult(fmt, tuple(questions), tuple(skipped), tuple(categories))


def choice_question(base: ParsedQuestion, options: list[str], weights: list[float], one_answer: bool,
                    notes: list[Note]) -> ParsedQuestion:
    """Build a single choice, multiple select or true/false question from options and Moodle weights (percent).

    One answer: the options weighted 100 are right; a partial weight is noted and
    counts as wrong, as quizapp gives no partial credit for one answer. Several
    answers: the options weighted above 0 are right, and quizapp's equal shares
    replace other weights (noted when they differ).
    """
    if one_answer:
        correct = tuple(index for index, weight in enumerate(weights) if weight >= 100 - 1e-6)
        if any(0 < weight < 100 - 1e-6 for weight in weights):
            notes.append(Note("partial_credit_dropped"))
        pair = true_false_index(options)
        if pair is not None and len(correct) == 1:
            return replace(base, kind="true_false", options=(), correct=(pair[correct[0]],), notes=tuple(notes))
        return replace(base, kind="single", options=tuple(options), correct=correct, notes=tuple(notes))
    correct = tuple(index for index, weight in enumerate(weights) if weight > 0)
    wrong = len(options) - len(correct)
    if correct:
        right_share, wrong_share = 100 / len(correct), (-100 / wrong if wrong else 0)
        expected = [right_share if index in correct else wrong_share for index in range(len(options))]
        # Moodle rounds shares to its list of fractions (9.09% is written 10): a point of slack.
        if any(abs(weight - share) > 1.0 and not (weight == 0 and index not in correct)
               for index, (weight, share) in enumerate(zip(weights, expected))):
            notes.append(Note("weights_equalised"))
    return replace(base, kind="multiple", options=tuple(options), correct=correct, notes=tuple(notes))


def text_question(base: ParsedQuestion, answers: list[str], weights: list[float], notes: list[Note]) -> ParsedQuestion:
    """Build a fill-in-the-blank (the prompt has a blank) or short-answer question from weighted answers."""
    accepted = tuple(answer for answer, weight in zip(answers, weights) if weight >= 100 - 1e-6)
    if any(0 < weight < 100 - 1e-6 for weight in weights):
        notes.append(Note("partial_credit_dropped"))
    if any("*" in answer for answer in accepted):
        notes.append(Note("wildcard_literal"))
    kind = "cloze" if BLANK_RE.search(base.prompt) else "short"
    return replace(base, kind=kind, correct=accepted, notes=tuple(notes))


def one_line(text: str) -> str:
    """Return an option or an accepted answer on one line: the edit form keeps one per line."""
    return " ".join(text.split("\n")).strip()


def number(text: str) -> float | None:
    """Read a number as Moodle writes it (a point for decimals, maybe an exponent); None if it is not one."""
    try:
        value = float(text.strip())
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def points(text: str | None, default: float = 1.0) -> float:
    """Read a question's points, kept between 0 and MAX_POINTS; the default when missing or unreadable."""
    value = number(text) if text is not None else None
    if value is None or value < 0:
        return default
    return min(value, MAX_POINTS)


# HTML → text: what a Moodle question's HTML says, as the plain text quizapp shows.
_BREAKING = frozenset({"br", "p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre",
                       "ul", "ol", "table"})
_SILENT = frozenset({"script", "style", "head", "title"})
_LINE_SPACE = re.compile(r"[ \t]+\n")
_MANY_LINES = re.compile(r"\n{3,}")


class _TextOf(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.silent = 0
        self.images = 0

    def handle_starttag(self, tag, attrs):
        if tag in _SILENT:
            self.silent += 1
        elif tag == "img":
            self.images += 1
        elif tag in _BREAKING:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in _SILENT:
            self.silent = max(0, self.silent - 1)
        elif tag in _BREAKING and tag != "br":
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.silent:
            self.parts.append(data)


def html_text(markup: str) -> tuple[str, bool]:
    """Return the text of an HTML fragment (breaks for block ends), and whether it held images.

    Text is kept as written, spaces and line breaks included, so text that was
    only escaped into HTML (as quizapp's own export does) reads back unchanged.
    """
    reader = _TextOf()
    reader.feed(markup)
    reader.close()
    text = _MANY_LINES.sub("\n\n", _LINE_SPACE.sub("\n", "".join(reader.parts)))
    return text.strip(), reader.images > 0
