"""Write a quiz's questions as Moodle GIFT and Moodle XML, so a teacher can move them into Moodle."""

from __future__ import annotations

import html
import math
import xml.etree.ElementTree as ET

from ..models import Question, Quiz
from . import xmlout

BLANK = "____"
GIFT_SPECIAL = "\\~=#{}:"
# The fractions Moodle accepts for an answer; others are refused on import.
MOODLE_FRACTIONS = (100, 90, 83.33333, 80, 75, 70, 66.66667, 60, 50, 40, 33.33333, 30, 25, 20,
                    16.66667, 14.28571, 12.5, 11.11111, 10, 5, 0)


def _fraction(share: float) -> str:
    """Return the Moodle fraction (percent) nearest to a share, formatted as Moodle writes it."""
    sign = -1 if share < 0 else 1
    nearest = min(MOODLE_FRACTIONS, key=lambda f: abs(f - abs(share) * 100))
    return f"{sign * nearest:g}" if nearest else "0"


def choice_fractions(question: Question) -> list[str]:
    """Return each option's fraction: all-or-nothing for one answer, split for multiple select."""
    correct = set(question.correct)
    if question.kind != "multiple":
        return ["100" if index in correct else "0" for index in range(len(question.options))]
    wrong = len(question.options) - len(correct)
    return [_fraction(1 / len(correct)) if index in correct else (_fraction(-1 / wrong) if wrong else "0")
            for index in range(len(question.options))]


def gift_escape(text: str) -> str:
    """Escape GIFT's special characters and keep line breaks as \\n."""
    escaped = "".join("\\" + ch if ch in GIFT_SPECIAL else ch for ch in str(text))
    return escaped.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")


def _number(value) -> str:
    # 15 digits, as a float holds: ":g" alone would write 1234567 as 1.23457e+06.
    return f"{float(value):.15g}"


def tolerance(question: Question) -> float:
    """Return a numeric question's tolerance as an importer can read it: finite, 0 or more.

    The edit form refuses Infinity and NaN now; one stored before is no tolerance
    Moodle or QTI can hold ("inf" breaks their import), so the exact number is asked.
    """
    value = float(question.tolerance or 0)
    return value if math.isfinite(value) and value >= 0 else 0.0


def _gift_answers(question: Question) -> str:
    kind = question.kind
    if kind in ("single", "true_false", "multiple"):
        fractions = choice_fractions(question)
        parts = []
        for option, fraction in zip(question.options, fractions):
            if kind == "multiple":
                parts.append(f"~%{fraction}%{gift_escape(option)}")
            else:
                parts.append(("=" if fraction == "100" else "~") + gift_escape(option))
        return " ".join(parts)
    if kind == "numeric":
        return f"#{_number(question.correct[0])}:{_number(tolerance(question))}" if question.correct else "#0"
    return " ".join("=" + gift_escape(answer) for answer in question.correct)


def gift(quiz: Quiz) -> str:
    """Return the quiz's questions in Moodle's GIFT format, one block per question."""
    blocks = [f"// {gift_escape(quiz.title)}", f"$CATEGORY: $course$/quizapp/{gift_escape(quiz.title)}", ""]
    for number, item in enumerate(quiz.items, start=1):
        question = item.question
        answers = "{" + _gift_answers(question)
        if question.explanation:
            answers += " ####" + gift_escape(question.explanation)
        answers += "}"
        prompt = gift_escape(question.prompt)
        if question.kind == "cloze" and question.prompt.partition(BLANK)[2].strip():
            # Moodle's own fill-in-the-blank: the answer block takes the blank's place. A blank
            # that ends the prompt stays written, before the block: GIFT reads an answer block
            # at the end as a short answer, and the blank keeps it a fill-in-the-blank (quizapp.imports).
            before, _sep, after = question.prompt.partition(BLANK)
            body = f"{gift_escape(before)}{answers}{gift_escape(after)}"
        else:
            body = f"{prompt} {answers}"
        blocks.append(f"// points: {item.points:g}")
        blocks.append(f"::Q{number}::[plain]{body}")
        blocks.append("")
    return "\n".join(blocks)


def _text(parent: ET.Element, tag: str, value: str, fmt: str | None = "html") -> ET.Element:
    element = ET.SubElement(parent, tag, {"format": fmt} if fmt else {})
    ET.SubElement(element, "text").text = value
    return element


def _answer(parent: ET.Element, fraction: str, text: str, fmt: str | None = "html") -> ET.Element:
    answer = ET.SubElement(parent, "answer", {"fraction": fraction, **({"format": fmt} if fmt else {})})
    ET.SubElement(answer, "text").text = text
    feedback = ET.SubElement(answer, "feedback", {"format": "html"})
    ET.SubElement(feedback, "text").text = ""
    return answer


XML_TYPES = {"single": "multichoice", "multiple": "multichoice", "true_false": "multichoice",
             "cloze": "shortanswer", "short": "shortanswer", "numeric": "numerical"}


def moodle_xml(quiz: Quiz) -> bytes:
    """Return the quiz's questions as a Moodle XML question file (UTF-8)."""
    root = ET.Element("quiz")
    category = ET.SubElement(root, "question", {"type": "category"})
    _text(category, "category", f"$course$/quizapp/{quiz.title}", None)
    for number, item in enumerate(quiz.items, start=1):
        question = item.question
        node = ET.SubElement(root, "question", {"type": XML_TYPES[question.kind]})
        _text(node, "name", f"Q{number}", None)
        _text(node, "questiontext", html.escape(question.prompt))
        _text(node, "generalfeedback", html.escape(question.explanation or ""))
        ET.SubElement(node, "defaultgrade").text = f"{item.points:g}"
        ET.SubElement(node, "penalty").text = "0"
        ET.SubElement(node, "hidden").text = "0"
        if question.kind in ("single", "multiple", "true_false"):
            ET.SubElement(node, "single").text = "false" if question.kind == "multiple" else "true"
            ET.SubElement(node, "shuffleanswers").text = "0" if question.kind == "true_false" else "1"
            ET.SubElement(node, "answernumbering").text = "abc"
            for option, fraction in zip(question.options, choice_fractions(question)):
                _answer(node, fraction, html.escape(option))
        elif question.kind == "numeric":
            answer = _answer(node, "100", _number(question.correct[0]) if question.correct else "0", None)
            ET.SubElement(answer, "tolerance").text = _number(tolerance(question))
        else:
            ET.SubElement(node, "usecase").text = "0"
            for accepted in question.correct:
                _answer(node, "100", str(accepted), "moodle_auto_format")
    ET.indent(root)
    return xmlout.to_bytes(root)

