"""Read an uploaded file into plain text: .txt .md .html .pdf .docx, each by its own reader.

Every reader checks that the bytes are what the file name says before reading,
and raises UnreadableFile with a reason a teacher can act on.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from pathlib import PurePath

from flask_babel import lazy_gettext as _l

EXTENSIONS = (".txt", ".md", ".html", ".htm", ".pdf", ".docx")
# Tags whose content is not part of the text a reader sees.
HIDDEN_TAGS = ("script", "style", "noscript", "template", "head", "svg", "iframe", "object")
BLOCK_TAGS = ("p", "div", "section", "article", "li", "h1", "h2", "h3", "h4", "h5", "h6",
              "blockquote", "pre", "tr", "br", "header", "footer", "figcaption", "dd", "dt")
WESTERN_ENCODINGS = ["utf_16", "cp1252", "iso8859_15", "latin_1", "mac_roman"]
_BLANK_LINES = re.compile(r"\n{3,}")
_SPACES = re.compile(r"[ \t\u00a0]+")


class UnreadableFile(ValueError):
    """The file cannot become text; the message says why."""


def tidy(text: str) -> str:
    """Return text with normalised line ends, single spaces and at most one blank line."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
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
    return decode(data)


def html_to_text(html: str) -> str:
    """Return the visible text of an HTML page, one block per line."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    for tag in soup(HIDDEN_TAGS):
        tag.decompose()
    for tag in soup.find_all(BLOCK_TAGS):
        tag.insert_before("\n")
        tag.insert_after("\n")
    return soup.get_text()


def read_html(data: bytes) -> str:
    """Return an HTML file's visible text."""
    text = decode(data)
    if "<" not in text:
        raise UnreadableFile(str(_l("This file has no HTML in it.")))
    return html_to_text(text)


def read_md(data: bytes) -> str:
    """Return a Markdown file's text, without its markup."""
    from markdown_it import MarkdownIt

    # Raw HTML inside the Markdown is rendered too, then reduced to its text.
    return html_to_text(MarkdownIt("commonmark", {"html": True}).render(decode(data)))


def read_pdf(data: bytes) -> str:
    """Return the text layer of a PDF."""
    if not data.lstrip()[:5].startswith(b"%PDF-"):
        raise UnreadableFile(str(_l("This file is not a PDF, whatever its name says.")))
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise UnreadableFile(str(_l("This PDF is protected by a password.")))
        return "\n\n".join(page.extract_text() or "" for page in reader.pages)
    except UnreadableFile:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, OSError) as error:
        raise UnreadableFile(str(_l("This PDF is damaged and could not be read."))) from error


def read_docx(data: bytes) -> str:
    """Return the paragraphs and table cells of a Word document."""
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise UnreadableFile(str(_l("This file is not a Word (.docx) document, whatever its name says.")))
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as error:
        raise UnreadableFile(str(_l("This Word document is damaged and could not be read."))) from error
    parts = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.append(" | ".join(cell.text for cell in row.cells))
    return "\n\n".join(parts)


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
