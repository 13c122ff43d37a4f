"""Read an uploaded file into plain text: .txt .md .html .pdf .docx, each by its own reader.

Every reader checks that the bytes are what the file name says before reading,
and raises UnreadableFile with a reason a teacher can act on. Every reader is
linear in its input and bounded: text counts against one limit of MAX_CHARS
characters as it is produced (TooLarge past it), compressed parts are inflated
as streams that stop at a cap, and XML is parsed without entity expansion.
"""

from __future__ import annotations

import io
import math
import re
import statistics
import unicodedata
import zipfile
from collections import Counter
from html.parser import HTMLParser
from collections.abc import Callable
from pathlib import PurePath

from flask_babel import format_number
from flask_babel import lazy_gettext as _l

EXTENSIONS = (".txt", ".md", ".html", ".htm", ".pdf", ".docx")
# Tags whose content is not part of the text a reader sees.
HIDDEN_TAGS = ("script", "style", "noscript", "template", "head", "svg", "iframe", "object")
BLOCK_TAGS = ("p", "div", "section", "article", "li", "h1", "h2", "h3", "h4", "h5", "h6",
              "blockquote", "pre", "tr", "br", "header", "footer", "figcaption", "dd", "dt")
WESTERN_ENCODINGS = ["utf_16", "cp1252", "iso8859_15", "latin_1", "mac_roman"]
_BLANK_LINES = re.compile(r"\n{3,}")
# Tabs, no-break and typographic spaces all read as one space.
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
# Latin ligatures (ﬁ, ﬂ, ﬀ...): NFKC spells them out without touching other letters or quotes.
_LIGATURES = re.compile("[\ufb00-\ufb06]")
# Soft hyphen, zero-width space, word joiner, stray byte-order mark: they only guide layout.
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u2060\ufeff"), None)
# Some PDF fonts (old Mac encodings) put fi and fl in the private use area.
_PDF_PRIVATE_LIGATURES = {0xF001: "fi", 0xF002: "fl"}

# A PDF line that is only page furniture: a page number or counter (not a year), a date-time stamp
# (a browser's print header, maybe followed by the page title) or an address.
_FURNITURE = re.compile(
    r"(?:page|pag\.?|pagina|p\.)?\s*[-–]?\s*\d{1,3}\s*(?:(?:/|of|di|de)\s*\d{1,3})?\s*[-–]?"
    r"|\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4},?\s+\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s+[^.!?]{0,100})?"
    r"|(?:file|https?)://\S*(?:\s+\d{1,4}\s*/\s*\d{1,4})?",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?:;…][\"'”’»)\]]*$")
_BULLET = re.compile(r"(?:[•▪◦·*–-]|\d{1,3}[.)])\s")
# Lines this much shorter than a full line of the document can end a paragraph or be a title.
SHORT_LINE = 0.6
# A gap between lines this many times the usual line spacing separates paragraphs.
PARAGRAPH_GAP = 1.4
# Glyphs this many times the body size make a heading.
HEADING_SIZE = 1.15


# The most characters of text any document may have, whatever it came from (about 400 pages).
MAX_CHARS = 1_000_000
# The most bytes an XML part of a .docx may inflate to: ordinary Word XML holds
# fewer than one character of text in ten bytes, so real documents stay far below.
MAX_XML_BYTES = 48 * 1024 * 1024
# The most bytes one compressed PDF stream may inflate to (pypdf's default is 75 MB).
MAX_PDF_STREAM_BYTES = 16 * 1024 * 1024


class UnreadableFile(ValueError):
    """The file cannot become text; the message says why."""


class TooLarge(UnreadableFile):
    """The file or its text is over a size limit; the message names the limit."""


def too_much_text() -> TooLarge:
    """Return the error for a text over MAX_CHARS characters."""
    return TooLarge(str(_l("This text is longer than the limit of %(num)s characters; split it into parts "
                           "and add each as a document.", num=format_number(MAX_CHARS))))


def too_large_file() -> TooLarge:
    """Return the error for a compressed file that inflates past its cap."""
    return TooLarge(str(_l("This file is too large once unpacked; it is refused.")))


class TextBudget:
    """Count the characters a reader produces and refuse the text once past MAX_CHARS."""

    def __init__(self, limit: int = MAX_CHARS) -> None:
        self.left = limit

    def take(self, text: str) -> str:
        """Return the text, after counting it; raise TooLarge past the limit."""
        self.left -= len(text)
        if self.left < 0:
            raise too_much_text()
        return text


def unify(text: str) -> str:
    """Return text with ligatures spelled out and soft hyphens and other invisible characters removed."""
    text = _LIGATURES.sub(lambda match: unicodedata.normalize("NFKC", match.group()), text)
    return text.translate(_INVISIBLE)


def tidy(text: str) -> str:
    """Return text with normalised line ends and characters, single spaces and at most one blank line."""
    text = unify(text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", ""))
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def decode(data: bytes) -> str:
    """Decode bytes of a text file: UTF-8 (with or without BOM), else the detected charset."""
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise UnreadableFile(str(_l("This file holds binary data, not text.")))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    # Only Western encodings: quizapp reads Italian and English, and on short
    # texts an open guess often picks an exotic code page.
    best = from_bytes(data, cp_isolation=WESTERN_ENCODINGS).best()
    if best is None:
        raise UnreadableFile(str(_l("The characters of this file could not be read as text.")))
    return str(best)


def read_txt(data: bytes) -> str:
    """Return a plain-text file's text."""
    return TextBudget().take(decode(data))


_HIDDEN = frozenset(HIDDEN_TAGS)
_BLOCKS = frozenset(BLOCK_TAGS)


class _VisibleText(HTMLParser):
    """Collect an HTML page's visible text as the parser streams through it, without building a tree.

    No tree means no depth: 100,000 nested blocks cost what 100,000 blocks in a
    row do. Hidden elements are counted per tag name, so an end tag finds its
    start in constant time however badly the page nests.
    """

    def __init__(self, budget: TextBudget) -> None:
        super().__init__(convert_charrefs=True)
        self.budget = budget
        self.parts: list[str] = []
        self.hidden: Counter[str] = Counter()
        self.hiding = 0

    def handle_starttag(self, tag, attrs):
        if tag == "body" and self.hidden["head"]:
            # A body closes a head left open, as browsers do.
            self.hiding -= self.hidden.pop("head")
        if tag in _HIDDEN:
            self.hidden[tag] += 1
            self.hiding += 1
        elif tag in _BLOCKS and not self.hiding:
            # A line break has no end tag: it takes both line ends at once.
            self.parts.append(self.budget.take("\n\n" if tag == "br" else "\n"))

    def handle_startendtag(self, tag, attrs):
        if tag in _BLOCKS and not self.hiding:
            self.parts.append(self.budget.take("\n\n"))

    def handle_endtag(self, tag):
        if tag in _HIDDEN:
            if self.hidden[tag]:
                self.hidden[tag] -= 1
                self.hiding -= 1
        elif tag in _BLOCKS and not self.hiding:
            self.parts.append(self.budget.take("\n"))

    def handle_data(self, data):
        if not self.hiding:
            self.parts.append(self.budget.take(data))


def html_to_text(html: str, budget: TextBudget | None = None) -> str:
    """Return the visible text of an HTML page, one block per line; raise TooLarge past the text limit."""
    parser = _VisibleText(budget or TextBudget())
    parser.feed(html)
    parser.close()
    return "".join(parser.parts)


# Pasted text that holds markup (copied from a page's source, or an editor's HTML view).
# [^<>]* rather than [^>]*: a tag never spans another "<", and a match attempt
# stops there, so thousands of unclosed "<p" cannot make the search quadratic.
_MARKUP = re.compile(r"<(?:p|div|br|span|b|i|em|strong|a|h[1-6]|ul|ol|li|table|script|style)\b[^<>]*>", re.IGNORECASE)


def read_pasted(text: str) -> str:
    """Return pasted text tidied; pasted HTML becomes its visible text, as an uploaded page would."""
    if len(text) > MAX_CHARS:
        raise too_much_text()
    # Two tags at least: a lesson that mentions "the <script> tag" is text, not a page.
    if len(_MARKUP.findall(text)) >= 2:
        text = html_to_text(text)
    return tidy(text)


def read_html(data: bytes) -> str:
    """Return an HTML file's visible text."""
    text = decode(data)
    if "<" not in text:
        raise UnreadableFile(str(_l("This file has no HTML in it.")))
    return html_to_text(text)


def read_md(data: bytes) -> str:
    """Return a Markdown file's text, without its markup."""
    from markdown_it import MarkdownIt

    source = decode(data)
    # Markup only ever adds to the text: a source over the limit has too much text whatever it renders to.
    TextBudget().take(source)
    # Raw HTML inside the Markdown is rendered too, then reduced to its text.
    return html_to_text(MarkdownIt("commonmark", {"html": True}).render(source))


def _page_lines(page) -> list[tuple[str, float | None, float]]:
    """Return a PDF page's text lines, each with its baseline height and glyph size (None, 0 when unknown)."""
    # Each line's pieces are kept in a list and joined once: adding to a string
    # piece by piece is quadratic on a line drawn in thousands of pieces.
    lines: list[list] = [[[], None, 0.0]]

    def visit(text, cm, tm, font, size):
        for number, part in enumerate(text.split("\n")):
            if number:
                lines.append([[], None, 0.0])
            line = lines[-1]
            line[0].append(part)
            if part.strip() and line[1] is None:
                # From text space to the page, as printed: pages are compared by look, not by operators.
                line[1] = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
                line[2] = round(abs(size) * math.hypot(tm[2], tm[3]) * math.hypot(cm[2], cm[3]), 1)

    page.extract_text(visitor_text=visit)
    result = []
    for parts, y, size in lines:
        text = "".join(parts).strip()
        if text:
            # A soft hyphen ending a line marks a split word: it stays until the lines are joined.
            soft = "\u00ad" if text.endswith("\u00ad") else ""
            result.append((unify(text.translate(_PDF_PRIVATE_LIGATURES)).strip() + soft, y, size))
    return result


def _layout(pages: list[list[tuple[str, float | None, float]]]) -> tuple[float, float]:
    """Return the body text's glyph size and its usual line spacing per point of size, over all pages."""
    sizes = Counter(size for lines in pages for _, y, size in lines if y is not None and size > 0)
    if not sizes:
        return 0.0, 0.0
    body = sizes.most_common(1)[0][0]
    # Between two body lines in a row the usual spacing is the one inside a paragraph.
    gaps = [(above[1] - below[1]) / body
            for lines in pages for above, below in zip(lines, lines[1:])
            if above[2] == below[2] == body and above[1] is not None and below[1] is not None
            and above[1] > below[1]]
    return body, statistics.median_low(gaps) if gaps else 0.0


def _page_blocks(lines: list[tuple[str, float | None, float]], body: float, usual: float) -> list[list[str]]:
    """Group a page's lines into paragraphs and headings by the space between lines and the glyph size."""
    blocks: list[list[str]] = []
    previous = None
    for text, y, size in lines:
        heading = bool(body) and size > body * HEADING_SIZE
        if previous is None or y is None or previous[1] is None:
            new = previous is None
        else:
            gap = (previous[1] - y) / max(previous[2], size, 1e-6)
            new = (gap <= 0 or (usual and gap > usual * PARAGRAPH_GAP)
                   or heading != previous[3] or (heading and size != previous[2]))
        if new:
            blocks.append([])
        blocks[-1].append(text)
        previous = (text, y, size, heading)
    return blocks


def _furniture_key(line: str) -> str:
    """Return a line with its numbers blanked, so that "Page 1 of 5" and "Page 2 of 5" compare equal."""
    return re.sub(r"\d+", "#", line.casefold())


def _drop_furniture(pages: list[list[list[str]]]) -> list[list[list[str]]]:
    """Return the pages' blocks without page numbers, print stamps, addresses and running headers or footers."""
    edges = []
    for blocks in pages:
        lines = [line for block in blocks for line in block]
        # Running headers and footers sit among a page's first or last lines.
        edges.append({_furniture_key(line) for line in lines[:3] + lines[-3:]})
    counts = Counter(key for keys in edges for key in keys)
    running = {key for key, count in counts.items() if len(pages) >= 2 and count >= max(2, 0.6 * len(pages))}
    kept = []
    for blocks in pages:
        total = sum(len(block) for block in blocks)
        position = 0
        page = []
        for block in blocks:
            lines = []
            for line in block:
                edge = position < 3 or position >= total - 3
                position += 1
                if not _FURNITURE.fullmatch(line) and not (edge and _furniture_key(line) in running):
                    lines.append(line)
            if lines:
                page.append(lines)
        kept.append(page)
    return kept


def _plausible_join(head: str, tail: str) -> bool:
    """Tell whether "head-" at a line end and "tail" on the next line are one word split by hyphenation."""
    if not (head.isalpha() and head.islower() and tail.isalpha() and tail.islower()):
        return False
    from wordfreq import zipf_frequency

    # "infor-mation" is hyphenation, "well-known" is not: keep whichever spelling is more common.
    joined = max(zipf_frequency(head + tail, lang) for lang in ("en", "it"))
    hyphened = max(zipf_frequency(f"{head}-{tail}", lang) for lang in ("en", "it"))
    return joined >= hyphened


def _glue(text: str, line: str) -> str:
    """Return the text followed by the next line of its paragraph, re-joining a word split at the line end."""
    if text.endswith("\u00ad"):
        return text[:-1] + line
    if text.endswith("-") and len(text) > 1 and text[-2].isalpha() and line[:1].isalpha():
        head = re.search(r"(\w+)-$", text).group(1)
        tail = re.match(r"\w+", line).group()
        return text[:-1] + line if _plausible_join(head, tail) else text + line
    return f"{text} {line}"


def _ends_paragraph(line: str, following: str, full: float) -> bool:
    """Tell whether a line ends its paragraph or is a title, though no blank line follows it."""
    if _BULLET.match(following):
        return True
    if len(line) >= full * SHORT_LINE:
        return False
    if _SENTENCE_END.search(line):
        return True
    # A short line without final punctuation before a full one is a heading; before another
    # short one it is more likely a title wrapped over two lines.
    return line[-1].isalnum() and len(following) >= full * SHORT_LINE


def _paragraphs(pages: list[list[list[str]]]) -> str:
    """Return a PDF's text as paragraphs: the lines of each joined, headings on their own line."""
    blocks: list[list[str]] = []
    for page in pages:
        for number, block in enumerate(page):
            # A paragraph that goes on over the page break has no final punctuation on its last line.
            if number == 0 and blocks and not _SENTENCE_END.search(blocks[-1][-1]):
                blocks[-1] = blocks[-1] + block
            else:
                blocks.append(list(block))
    lengths = sorted(len(line.rstrip("\u00ad")) for block in blocks for line in block)
    full = lengths[int(len(lengths) * 0.8)] if lengths else 0
    paragraphs = []
    for block in blocks:
        text = ""
        for line, following in zip(block, block[1:] + [None]):
            text = _glue(text, line) if text else line
            if following is None or _ends_paragraph(line, following, full):
                paragraphs.append(text)
                text = ""
    return "\n\n".join(paragraphs)


def read_pdf(data: bytes) -> str:
    """Return the text layer of a PDF as paragraphs, without page furniture."""
    if not data.lstrip()[:5].startswith(b"%PDF-"):
        raise UnreadableFile(str(_l("This file is not a PDF, whatever its name says.")))
    from pypdf import PdfReader, apply_configuration
    from pypdf.errors import LimitReachedError, PyPdfError

    budget = TextBudget()
    try:
        # Every compressed stream inflates only up to the cap (pypdf checks as it inflates).
        with apply_configuration(zlib_maximum_output_length=MAX_PDF_STREAM_BYTES,
                                 lzw_maximum_output_length=MAX_PDF_STREAM_BYTES,
                                 run_length_maximum_output_length=MAX_PDF_STREAM_BYTES,
                                 brotli_maximum_output_length=MAX_PDF_STREAM_BYTES,
                                 array_based_stream_maximum_output_length=MAX_PDF_STREAM_BYTES,
                                 maximum_declared_stream_length=MAX_PDF_STREAM_BYTES):
            reader = PdfReader(io.BytesIO(data))
            if reader.is_encrypted:
                raise UnreadableFile(str(_l("This PDF is protected by a password.")))
            lines = []
            for page in reader.pages:
                lines.append(_page_lines(page))
                for text, _, _ in lines[-1]:
                    budget.take(text)
    except UnreadableFile:
        raise
    except LimitReachedError as error:
        raise too_large_file() from error
    except (PyPdfError, ValueError, KeyError, TypeError, OSError, RecursionError) as error:
        raise UnreadableFile(str(_l("This PDF is damaged and could not be read."))) from error
    body, usual = _layout(lines)
    return _paragraphs(_drop_furniture([_page_blocks(page, body, usual) for page in lines]))


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_RELATIONSHIPS = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_OFFICE_DOCUMENT = "/officeDocument"
# Run content that stands for a character.
_RUN_CHARACTERS = {_W + "tab": "\t", _W + "br": "\n", _W + "cr": "\n", _W + "noBreakHyphen": "-"}


class _Capped(io.RawIOBase):
    """A read-only stream over an archive member that fails once more than `cap` bytes come out of it."""

    def __init__(self, member, cap: int) -> None:
        self.member, self.left = member, cap

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        chunk = self.member.read(min(len(buffer), 1 << 16))
        self.left -= len(chunk)
        if self.left < 0:
            raise too_large_file()
        buffer[:len(chunk)] = chunk
        return len(chunk)


def _open_member(archive: zipfile.ZipFile, name: str):
    """Open an archive member as a stream capped at MAX_XML_BYTES, refusing it at once if it says it is larger."""
    info = archive.getinfo(name)
    # The declared size is checked first; the stream checks what really comes out.
    if info.file_size > MAX_XML_BYTES:
        raise too_large_file()
    return _Capped(archive.open(info), MAX_XML_BYTES)


def _main_part(archive: zipfile.ZipFile) -> str:
    """Return the name of a Word package's main document part, as its relationships say."""
    from defusedxml.ElementTree import iterparse

    try:
        stream = _open_member(archive, "_rels/.rels")
    except KeyError:
        return "word/document.xml"
    for _event, element in iterparse(stream, events=("end",)):
        if element.tag == _RELATIONSHIPS and element.get("Type", "").endswith(_OFFICE_DOCUMENT):
            return element.get("Target", "").lstrip("/") or "word/document.xml"
    return "word/document.xml"


def _docx_text(stream, budget: TextBudget) -> str:
    """Return the paragraphs and table rows of a document part, parsed as a stream of events.

    Each element is dropped from the tree once read, so memory stays flat
    however long the part; text counts against the budget as it is read.
    """
    from defusedxml.ElementTree import iterparse

    parts: list[str] = []
    paragraphs: list[list[str]] = []  # text boxes nest paragraphs inside paragraphs
    rows: list[list[str]] = []
    cells: list[list[str]] = []
    path: list = []
    fallback = 0
    for event, element in iterparse(stream, events=("start", "end")):
        tag = element.tag
        if event == "start":
            path.append(element)
            if tag == _MC_FALLBACK:
                fallback += 1  # the same content again, for older readers
            elif fallback:
                pass
            elif tag == _W + "p":
                paragraphs.append([])
            elif tag == _W + "tr":
                rows.append([])
            elif tag == _W + "tc":
                cells.append([])
            continue
        path.pop()
        if path:
            path[-1].remove(element)  # the only child left: removing it is constant time
        if tag == _MC_FALLBACK:
            fallback -= 1
        elif fallback:
            pass
        elif tag == _W + "t" and paragraphs:
            paragraphs[-1].append(budget.take(element.text or ""))
        elif tag in _RUN_CHARACTERS and paragraphs:
            paragraphs[-1].append(budget.take(_RUN_CHARACTERS[tag]))
        elif tag == _W + "p" and paragraphs:
            text = "".join(paragraphs.pop())
            (cells[-1] if cells else parts).append(text)
            budget.take("\n\n")
        elif tag == _W + "tc" and cells:
            text = "\n".join(cells.pop())
            if rows:
                rows[-1].append(text)
        elif tag == _W + "tr" and rows:
            row = " | ".join(rows.pop())
            (cells[-1] if cells else parts).append(row)
    return "\n\n".join(parts)


def read_docx(data: bytes) -> str:
    """Return the paragraphs and table rows of a Word document, in their order.

    The XML is inflated as a stream capped at MAX_XML_BYTES and parsed by
    defusedxml, which refuses entity declarations (no billion laughs).
    """
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise UnreadableFile(str(_l("This file is not a Word (.docx) document, whatever its name says.")))
    from xml.etree.ElementTree import ParseError

    from defusedxml import DefusedXmlException

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            name = _main_part(archive)
            if name not in archive.NameToInfo:
                raise UnreadableFile(str(_l("This file is not a Word (.docx) document, whatever its name says.")))
            with _open_member(archive, name) as stream:
                return _docx_text(io.BufferedReader(stream), TextBudget())
    except UnreadableFile:
        raise
    except (ParseError, DefusedXmlException, zipfile.BadZipFile, zipfile.LargeZipFile, KeyError, ValueError,
            NotImplementedError, EOFError, OSError, RecursionError) as error:
        # Truncated or malformed XML, entity tricks, a broken or oddly compressed archive.
        raise UnreadableFile(str(_l("This Word document is damaged and could not be read."))) from error


READERS: dict[str, Callable[[bytes], str]] = {
    ".txt": read_txt,
    ".md": read_md,
    ".html": read_html,
    ".htm": read_html,
    ".pdf": read_pdf,
    ".docx": read_docx,
}


def clean_name(filename: str, limit: int = 255) -> str:
    """Return an uploaded file's name fit to store: no path, no control characters, not too long."""
    name = PurePath(filename.replace("\\", "/")).name
    return "".join(ch for ch in name if ch.isprintable())[-limit:] or "upload"


def read_file(filename: str, data: bytes) -> str:
    """Return the text of an uploaded file, tidied; raise UnreadableFile saying why not."""
    suffix = PurePath(filename or "").suffix.lower()
    reader = READERS.get(suffix)
    if reader is None:
        raise UnreadableFile(str(_l("Files of this kind are not accepted: upload .txt, .md, .html, .pdf or .docx.")))
    if not data:
        raise UnreadableFile(str(_l("The file is empty.")))
    text = tidy(reader(data))
    if not text:
        raise UnreadableFile(str(_l("No text was found in this file (a scanned PDF holds only images).")))
    return text
