"""Read Moodle GIFT text into parsed questions, each with the line it starts on.

Written from Moodle's documentation of the format (docs.moodle.org/en/GIFT_format):
questions are separated by blank lines; lines starting with // are comments;
``$CATEGORY:`` names a category; ``::title::`` and ``[html|moodle|plain|markdown]``
may open a question; its answers stand in one ``{…}`` block (text after it makes a
missing-word question); ``~ = # { } :`` are escaped with a backslash and ``\\n`` is
a line break. Pure: no Flask, no database.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from markdown_it import MarkdownIt

from .records import (
    BLANK,
    MAX_ITEMS,
    MAX_NAME,
    DamagedFile,
    Note,
    ParsedQuestion,
    ParseResult,
    Skipped,
    choice_question,
    html_text,
    number,
    one_line,
    points,
    sort_out,
    text_question,
)

ESCAPED = "~=#{}:\\"
_FORMAT = re.compile(r"\[(html|moodle|plain|markdown)\]")
_WEIGHT = re.compile(r"\s*%(-?\d+(?:\.\d+)?)%")
# quizapp's own export writes each question's points in a comment just before it.
_POINTS = re.compile(r"//\s*points:\s*(\S+)\s*$")
TRUE_WORDS = ("T", "TRUE")
FALSE_WORDS = ("F", "FALSE")


def unescape(text: str) -> str:
    """Return GIFT text with its escapes read: \\~ \\= \\# \\{ \\} \\: \\\\ and \\n (a line break)."""
    out, index = [], 0
    while index < len(text):
        ch = text[index]
        if ch == "\\" and index + 1 < len(text) and (text[index + 1] in ESCAPED or text[index + 1] == "n"):
            following = text[index + 1]
            out.append("\n" if following == "n" else following)
            index += 2
            continue
        out.append(ch)
        index += 1
    return "".join(out)


def find(text: str, token: str, start: int = 0) -> int:
    """Return where an unescaped token first stands in text from start, or -1."""
    index = start
    while index < len(text):
        if text[index] == "\\":
            index += 2
            continue
        if text.startswith(token, index):
            return index
        index += 1
    return -1


def split(text: str, marks: str) -> list[tuple[str, str]]:
    """Split text before each unescaped mark; return (mark, text) pairs, the first with mark ""."""
    parts, start, mark, index = [], 0, "", 0
    while index < len(text):
        if text[index] == "\\":
            index += 2
            continue
        if text[index] in marks:
            parts.append((mark, text[start:index]))
            mark, start = text[index], index + 1
        index += 1
    parts.append((mark, text[start:]))
    return parts


class _Text:
    """Turn a question's raw GIFT text into plain text in its markup format, noting images."""

    def __init__(self, fmt: str) -> None:
        self.fmt = fmt
        self.images = False

    def __call__(self, raw: str) -> str:
        text = unescape(raw)
        if self.fmt == "markdown":
            text = MarkdownIt("commonmark", {"html": False}).render(text)
        if self.fmt in ("html", "markdown"):
            text, images = html_text(text)
            self.images |= images
        return text.strip()


def _blocks(source: str):
    """Yield each block of non-comment lines as (line number, line) pairs, with points from a quizapp comment."""
    lines: list[tuple[int, str]] = []
    hint = None
    for number_, line in enumerate(source.splitlines(), start=1):
        stripped = line.strip()
        if not stripped:
            if lines:
                yield lines, hint
            lines, hint = [], None
            continue
        if stripped.startswith("//"):
            found = _POINTS.match(stripped)
            if found:
                hint = found.group(1)
            continue
        lines.append((number_, line))
    if lines:
        yield lines, hint


def _answer(raw: str, read: _Text, notes: list[Note], default_weight: float) -> tuple[str, float]:
    """Read one answer: an optional %weight%, its text, and per-answer feedback (dropped, noted)."""
    weight = default_weight
    found = _WEIGHT.match(raw)
    if found:
        weight, raw = float(found.group(1)), raw[found.end():]
    cut = find(raw, "#")
    if cut >= 0:
        if read(raw[cut + 1:]) and Note("answer_feedback_dropped") not in notes:
            notes.append(Note("answer_feedback_dropped"))
        raw = raw[:cut]
    return one_line(read(raw)), weight


def _numeric(base: ParsedQuestion, body: str, notes: list[Note]) -> ParsedQuestion | Skipped:
    """Read {#…}: value:tolerance, min..max or value, or several =answers with weights."""
    if find(body, "=") >= 0:
        answers = []
        for mark, raw in split(body, "=~")[1:]:
            weight = 100.0 if mark == "=" else 0.0
            found = _WEIGHT.match(raw)
            if found:
                weight, raw = float(found.group(1)), raw[found.end():]
            cut = find(raw, "#")
            if cut >= 0:
                if raw[cut + 1:].strip():
                    notes.append(Note("answer_feedback_dropped"))
                raw = raw[:cut]
            answers.append((unescape(raw), weight))
        full = [raw for raw, weight in answers if weight >= 100 - 1e-6]
        if any(0 < weight < 100 - 1e-6 for _raw, weight in answers):
            notes.append(Note("partial_credit_dropped"))
        if len({_range(raw) for raw in full}) > 1:
            return _skip(base, "numerical", "several_right_answers")
        body = full[0] if full else ""
    else:
        cut = find(body, "#")
        if cut >= 0:
            if body[cut + 1:].strip():
                notes.append(Note("answer_feedback_dropped"))
            body = body[:cut]
        body = unescape(body)
    value = _range(body)
    if value is None:
        return _skip(base, "numerical", "bad_number", body.strip()[:40])
    return replace(base, kind="numeric", correct=(value[0],), tolerance=value[1], notes=tuple(dict.fromkeys(notes)))


def _range(text: str) -> tuple[float, float] | None:
    """Read "3.1:0.1" (value and tolerance), "1..5" (a range) or "3" into (value, tolerance)."""
    text = text.strip()
    if ".." in text:
        low, _sep, high = text.partition("..")
        low_value, high_value = number(low), number(high)
        if low_value is None or high_value is None or high_value < low_value:
            return None
        # In decimals: 3.141..3.142 is 3.1415 ± 0.0005, not 3.1414999999999997 ± 0.0004999999999999449.
        low_exact, high_exact = Decimal(low.strip()), Decimal(high.strip())
        return float((low_exact + high_exact) / 2), float((high_exact - low_exact) / 2)
    value_text, _sep, tolerance_text = text.partition(":")
    value = number(value_text)
    tolerance = number(tolerance_text) if tolerance_text.strip() else 0.0
    if value is None or tolerance is None or tolerance < 0:
        return None
    return value, tolerance


def _skip(base: ParsedQuestion, qtype: str, code: str, detail: str = "") -> Skipped:
    return Skipped(base.number, base.line, base.name, qtype, Note(code, detail or (qtype if code == "unsupported" else "")))


def read_question(text: str, number_: int, line: int, category: str = "", points_hint: str | None = None
                  ) -> ParsedQuestion | Skipped:
    """Read one GIFT question's text (comments already removed) into a question, or say why it is skipped."""
    text = text.strip()
    name = ""
    if text.startswith("::"):
        end = find(text, "::", 2)
        if end < 0:
            return Skipped(number_, line, "", "?", Note("damaged", "title"))
        name, text = unescape(text[2:end]).strip()[:MAX_NAME], text[end + 2:].lstrip()
    fmt = "moodle"
    found = _FORMAT.match(text)
    if found:
        fmt, text = found.group(1), text[found.end():]
    base = ParsedQuestion(number=number_, line=line, name=name, kind="", prompt="", category=category,
                          points=points(points_hint))
    opening = find(text, "{")
    if opening < 0:
        return _skip(base, "description", "unsupported")
    closing = find(text, "}", opening + 1)
    if closing < 0:
        return _skip(base, "?", "damaged", "unclosed")
    before, answer, after = text[:opening], text[opening + 1:closing], text[closing + 1:]
    if find(answer, "{") >= 0 or find(before, "}") >= 0 or find(after, "{") >= 0 or find(after, "}") >= 0:
        return _skip(base, "?", "damaged", "braces")
    read = _Text(fmt)
    notes: list[Note] = []
    general = find(answer, "####")
    if general >= 0:
        answer, explanation = answer[:general], read(answer[general + 4:])
    else:
        explanation = ""
    prompt = read(before + BLANK + after) if after.strip() else read(before)
    base = replace(base, prompt=prompt, explanation=explanation)
    result = _kind(base, answer.strip(), read, notes)
    if read.images and isinstance(result, ParsedQuestion):
        result = replace(result, notes=result.notes + (Note("images_dropped"),))
    return result


def _kind(base: ParsedQuestion, answer: str, read: _Text, notes: list[Note]) -> ParsedQuestion | Skipped:
    """Tell the question type from its answer block, as Moodle does, and read it."""
    if not answer:
        return _skip(base, "essay", "unsupported")
    if answer.startswith("#"):
        return _numeric(base, answer[1:], notes)
    if find(answer, "~") >= 0:
        parts = split(answer, "=~")
        if parts[0][1].strip():
            return _skip(base, "multichoice", "damaged", "answers")
        read_answers = [_answer(raw, read, notes, 100.0 if mark == "=" else 0.0) for mark, raw in parts[1:]]
        one_answer = any(mark == "=" for mark, _raw in parts[1:])
        return choice_question(base, [text for text, _w in read_answers], [w for _t, w in read_answers],
                               one_answer, notes)
    if find(answer, "=") >= 0 and find(answer, "->") >= 0:
        return _skip(base, "matching", "unsupported")
    cut = find(answer, "#")
    word, feedback = (answer[:cut], answer[cut + 1:]) if cut >= 0 else (answer, "")
    if word.strip().upper() in TRUE_WORDS + FALSE_WORDS:
        if feedback.replace("#", "").strip():
            notes.append(Note("answer_feedback_dropped"))
        return replace(base, kind="true_false", correct=(0 if word.strip().upper() in TRUE_WORDS else 1,),
                       notes=tuple(notes))
    parts = split(answer, "=")
    if parts[0][1].strip():
        return _skip(base, "shortanswer", "damaged", "answers")
    read_answers = [_answer(raw, read, notes, 100.0) for _mark, raw in parts[1:]]
    return text_question(base, [text for text, _w in read_answers], [w for _t, w in read_answers], notes)


def parse_gift(source: str) -> ParseResult:
    """Read a GIFT file's text: every question block becomes a parsed question or a skipped item."""
    candidates: list[ParsedQuestion | Skipped] = []
    categories: list[str] = []
    category = ""
    for lines, hint in _blocks(source):
        first = lines[0][1].strip()
        if first.startswith("$CATEGORY:"):
            category = unescape(first[len("$CATEGORY:"):]).strip()
            categories.append(category)
            lines = lines[1:]
            if not lines:
                continue
        if len(candidates) >= MAX_ITEMS:
            raise DamagedFile("too_many_items", lines[0][0], str(MAX_ITEMS))
        candidates.append(read_question("\n".join(text for _n, text in lines), len(candidates) + 1, lines[0][0],
                                        category, hint))
    return sort_out(candidates, "gift", categories)
