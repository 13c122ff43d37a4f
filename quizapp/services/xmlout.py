"""Write element trees as well-formed XML 1.0, whatever characters their text holds."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

# What XML 1.0 cannot hold at all, not even escaped: C0 controls but tab, line
# feed and carriage return; lone surrogates; U+FFFE and U+FFFF.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# A vertical tab or form feed separates words: it becomes a space, not nothing.
_SPACING = {"\x0b": " ", "\x0c": " "}


def xml_safe(text: str) -> str:
    """Return text without the characters XML 1.0 cannot hold (vertical tab and form feed become spaces)."""
    return _NOT_XML.sub(lambda match: _SPACING.get(match.group(), ""), text)


def to_bytes(root: ET.Element) -> bytes:
    """Return the tree as UTF-8 XML with a declaration, its text and attributes made XML-safe first."""
    for element in root.iter():
        if element.text:
            element.text = xml_safe(element.text)
        if element.tail:
            element.tail = xml_safe(element.tail)
        for name, value in element.attrib.items():
            element.attrib[name] = xml_safe(value)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)
