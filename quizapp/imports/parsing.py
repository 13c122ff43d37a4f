"""Tell a question file's format and read it: the one entry point of the pure parsers."""

from __future__ import annotations

from .gift import parse_gift
from .moodle_xml import parse_moodle_xml
from .records import DamagedFile, ParseResult

FORMATS = ("gift", "moodle_xml")


def sniff(data: bytes) -> str:
    """Return "moodle_xml" for XML (a declaration or a root element first), else "gift"."""
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"\xff\xfe") or head.startswith(b"\xfe\xff"):
        head = head.decode("utf-16", errors="ignore").encode("utf-8").lstrip()
    return "moodle_xml" if head.startswith((b"<?xml", b"<quiz", b"<!")) else "gift"


def parse(data: bytes, text: str) -> ParseResult:
    """Read a question file: XML from its bytes (its declaration says the encoding), GIFT from its decoded text.

    Raises DamagedFile when the file is no question file at all.
    """
    if sniff(data) == "moodle_xml":
        return parse_moodle_xml(data)
    result = parse_gift(text)
    if not result.questions and all(item.qtype == "description" for item in result.skipped):
        raise DamagedFile("not_gift")
    return result


__all__ = ["FORMATS", "DamagedFile", "parse", "sniff"]
