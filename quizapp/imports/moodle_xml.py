"""Read a Moodle XML question file into parsed questions, each with its index, name and line.

Written from Moodle's documentation (docs.moodle.org/en/Moodle_XML_format):
``<quiz>`` holds ``<question type="…">`` elements; quizapp reads multichoice
(single or several answers, by ``fraction``), truefalse, shortanswer and
numerical (with ``tolerance``), and takes ``category`` as the category of the
questions after it; every other type is reported by name, never dropped unseen.

The parser is defusedxml's SAX reader: no DTD, no entity expansion, no external
resource; elements nest at most MAX_DEPTH deep. Pure: no Flask, no database.
"""

from __future__ import annotations

import xml.sax
from dataclasses import dataclass, field, replace

import defusedxml.sax
from defusedxml import DefusedXmlException

from .records import (
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

# Moodle's own files nest six deep (quiz > question > answer > feedback > text); room to spare, no more.
MAX_DEPTH = 24
SUPPORTED_TYPES = ("multichoice", "truefalse", "shortanswer", "numerical")


@dataclass
class Node:
    """An element of the file: its tag, attributes, children, text and the line it opens on."""

    tag: str
    attrs: dict[str, str]
    line: int
    children: list[Node] = field(default_factory=list)
    parts: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(self.parts)

    def child(self, tag: str) -> Node | None:
        return next((node for node in self.children if node.tag == tag), None)

    def all(self, tag: str) -> list[Node]:
        return [node for node in self.children if node.tag == tag]

    def find_text(self, path: str) -> str | None:
        """Return the text at a slash-separated path of first children, or None when a step is missing."""
        node: Node | None = self
        for step in path.split("/"):
            node = node.child(step) if node is not None else None
        return node.text if node is not None else None


class _Builder(xml.sax.ContentHandler):
    """Build Nodes from SAX events, refusing nesting deeper than MAX_DEPTH."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[Node] = []
        self.root: Node | None = None
        self.locator = None

    def setDocumentLocator(self, locator):  # noqa: N802 (SAX's name)
        self.locator = locator

    def _line(self) -> int:
        return self.locator.getLineNumber() if self.locator is not None else 0

    def startElement(self, name, attrs):  # noqa: N802
        if len(self.stack) >= MAX_DEPTH:
            raise DamagedFile("too_deep", self._line(), str(MAX_DEPTH))
        node = Node(name, dict(attrs), self._line())
        if self.stack:
            self.stack[-1].children.append(node)
        else:
            self.root = node
        self.stack.append(node)

    def endElement(self, name):  # noqa: N802
        self.stack.pop()

    def characters(self, content):
        if self.stack:
            self.stack[-1].parts.append(content)


def read_tree(data: bytes) -> Node:
    """Parse XML bytes into Nodes; raise DamagedFile for ill-formed XML, a DTD or entities, or deep nesting."""
    builder = _Builder()
    try:
        defusedxml.sax.parseString(data, builder, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except xml.sax.SAXParseException as error:
        raise DamagedFile("xml_syntax", error.getLineNumber(), error.getMessage()) from error
    except DefusedXmlException as error:
        raise DamagedFile("xml_forbidden", builder._line() or None, type(error).__name__) from error
    if builder.root is None:
        raise DamagedFile("xml_syntax", None, "empty")
    return builder.root


class _Reader:
    """Turn a question's text elements (with their format) into plain text, noting images and files."""

    def __init__(self) -> None:
        self.images = False

    def __call__(self, node: Node | None) -> str:
        if node is None:
            return ""
        text_node = node.child("text")
        raw = text_node.text if text_node is not None else ""
        if node.all("file"):
            self.images = True
        fmt = node.attrs.get("format", "html")
        if fmt in ("html", "markdown"):
            if fmt == "markdown":
                from markdown_it import MarkdownIt

                raw = MarkdownIt("commonmark", {"html": False}).render(raw)
            text, images = html_text(raw)
            self.images |= images
            return text
        return raw.strip()


def _answers(node: Node, read: _Reader, notes: list[Note]) -> list[tuple[str, float, Node]]:
    """Return each answer's text, fraction (percent) and element, noting feedback that is dropped."""
    answers = []
    for answer in node.all("answer"):
        fraction = number(answer.attrs.get("fraction", "0")) or 0.0
        if read(answer.child("feedback")) and Note("answer_feedback_dropped") not in notes:
            notes.append(Note("answer_feedback_dropped"))
        answers.append((read(answer), fraction, answer))
    return answers


def _truthy(text: str | None) -> bool:
    return (text or "").strip().lower() in ("true", "1", "yes")


def read_question(node: Node, number_: int, category: str) -> ParsedQuestion | Skipped:
    """Read one <question> element into a question, or say why it is skipped."""
    qtype = node.attrs.get("type", "").strip() or "?"
    name = " ".join((node.find_text("name/text") or "").split())[:MAX_NAME]
    read = _Reader()
    base = ParsedQuestion(number=number_, line=node.line, name=name, kind="", prompt=read(node.child("questiontext")),
                          explanation=read(node.child("generalfeedback")), category=category,
                          points=points(node.find_text("defaultgrade")))
    if qtype not in SUPPORTED_TYPES:
        return Skipped(number_, node.line, name, qtype, Note("unsupported", qtype))
    notes: list[Note] = []
    answers = _answers(node, read, notes)
    if qtype == "multichoice":
        one_answer = _truthy(node.find_text("single") or "true")
        question = choice_question(base, [one_line(text) for text, _f, _n in answers], [f for _t, f, _n in answers],
                                   one_answer, notes)
    elif qtype == "truefalse":
        right = [text.strip().lower() for text, fraction, _n in answers if fraction >= 100 - 1e-6]
        if len(right) != 1 or right[0] not in ("true", "false"):
            return Skipped(number_, node.line, name, qtype, Note("no_right_answer"))
        question = replace(base, kind="true_false", correct=(0 if right[0] == "true" else 1,), notes=tuple(notes))
    elif qtype == "shortanswer":
        if _truthy(node.find_text("usecase")):
            notes.append(Note("case_ignored"))
        question = text_question(base, [one_line(text) for text, _f, _n in answers], [f for _t, f, _n in answers],
                                 notes)
    else:
        question = _numerical(base, answers, node, notes)
    if read.images and isinstance(question, ParsedQuestion):
        question = replace(question, notes=question.notes + (Note("images_dropped"),))
    return question


def _numerical(base: ParsedQuestion, answers: list[tuple[str, float, Node]], node: Node,
               notes: list[Note]) -> ParsedQuestion | Skipped:
    """Read a numerical question: its one full-credit answer and tolerance; units and partial answers are noted."""
    full = []
    for text, fraction, answer in answers:
        if fraction >= 100 - 1e-6 and text.strip() != "*":
            value, tolerance = number(text), number(answer.find_text("tolerance") or "0")
            if value is None or tolerance is None or tolerance < 0:
                return Skipped(base.number, base.line, base.name, "numerical", Note("bad_number", text.strip()[:40]))
            full.append((value, abs(tolerance)))
        elif 0 < fraction < 100 - 1e-6:
            notes.append(Note("partial_credit_dropped"))
    if len(set(full)) > 1:
        return Skipped(base.number, base.line, base.name, "numerical", Note("several_right_answers"))
    if not full:
        return Skipped(base.number, base.line, base.name, "numerical", Note("no_right_answer"))
    units = node.child("units")
    if units is not None and any((unit.find_text("unit_name") or "").strip() for unit in units.all("unit")):
        notes.append(Note("units_dropped"))
    return replace(base, kind="numeric", correct=(full[0][0],), tolerance=full[0][1], notes=tuple(dict.fromkeys(notes)))


def parse_moodle_xml(data: bytes) -> ParseResult:
    """Read a Moodle XML file: every <question> becomes a parsed question, a skipped item or a category."""
    root = read_tree(data)
    if root.tag != "quiz":
        raise DamagedFile("not_moodle_xml", root.line, root.tag)
    candidates: list[ParsedQuestion | Skipped] = []
    categories: list[str] = []
    category = ""
    for node in root.all("question"):
        if node.attrs.get("type") == "category":
            category = (node.find_text("category/text") or "").strip()
            categories.append(category)
            continue
        if len(candidates) >= MAX_ITEMS:
            raise DamagedFile("too_many_items", node.line, str(MAX_ITEMS))
        candidates.append(read_question(node, len(candidates) + 1, category))
    return sort_out(candidates, "moodle_xml", categories)
