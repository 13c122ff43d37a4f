"""Build hostile inputs: zip bombs, huge or damaged Word files, PDF stream bombs, deep HTML, quadratic pastes.

Shared by the tests and bench/hostile_input.py; each builder writes its file
by hand (zipfile, zlib), streaming, so even a bomb of a gigabyte costs little memory.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Iterable

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CONTENT_TYPES = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    b'<Default Extension="xml" ContentType="application/xml"/>'
    b'<Override PartName="/word/document.xml" '
    b'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
RELS = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    b'officeDocument" Target="word/document.xml"/></Relationships>')
HEAD = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W_NS}"><w:body>'.encode()
TAIL = b"</w:body></w:document>"
CHUNK = 1 << 20


def raw_docx(document_xml: Iterable[bytes]) -> bytes:
    """Return a .docx package whose main part is the given XML, written and compressed chunk by chunk."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", RELS)
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            for chunk in document_xml:
                member.write(chunk)
    return out.getvalue()


def paragraphs_xml(texts: Iterable[str]) -> bytes:
    """Return Word XML paragraphs holding the texts."""
    return b"".join(f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>".encode() for text in texts)


def docx_bomb(inflated: int = 1 << 30) -> bytes:
    """Return a small .docx whose document.xml inflates to about `inflated` bytes (spaces between tags)."""
    def chunks():
        yield HEAD + paragraphs_xml(["A zip bomb."])
        for _ in range(max(1, inflated // CHUNK)):
            yield b" " * CHUNK
        yield TAIL

    return raw_docx(chunks())


def long_docx(characters: int) -> bytes:
    """Return a .docx of ordinary paragraphs holding about `characters` characters of text."""
    sentence = "The consortium builds solid-state batteries in Italy and Spain by 2030. "
    paragraph = sentence * 8
    count = characters // len(paragraph) + 1

    def chunks():
        yield HEAD
        for start in range(0, count, 1000):
            yield paragraphs_xml([paragraph] * min(1000, count - start))
        yield TAIL

    return raw_docx(chunks())


def styled_docx(xml_bytes: int) -> bytes:
    """Return a .docx whose XML (about `xml_bytes`) sets every word in a bold run of its own, as editors do."""
    run = b'<w:r><w:rPr><w:b/><w:lang w:val="en-GB"/></w:rPr><w:t xml:space="preserve">battery </w:t></w:r>'
    paragraph = b"<w:p>" + run * 40 + b"</w:p>"

    def chunks():
        yield HEAD
        block = paragraph * 100
        for _ in range(max(1, xml_bytes // len(block))):
            yield block
        yield TAIL

    return raw_docx(chunks())


def billion_laughs_docx() -> bytes:
    """Return a .docx whose XML declares entities that expand to gigabytes."""
    entities = ['<!ENTITY lol "lol">'] + [f'<!ENTITY lol{n} "{("&lol%s;" % (n - 1 or "")) * 10}">' for n in range(1, 10)]
    xml = (f'<?xml version="1.0"?><!DOCTYPE w:document [{"".join(entities)}]>'
           f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>')
    return raw_docx([xml.encode()])


def truncated_docx() -> bytes:
    """Return a .docx whose XML stops in the middle of an element."""
    return raw_docx([HEAD + paragraphs_xml(["The text stops here"])[:-9]])


def pdf_file(objects: list[bytes]) -> bytes:
    """Return a PDF file of the numbered objects, the first being the catalog, with its cross-reference table."""
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def pdf_bomb(inflated: int = 1 << 30) -> bytes:
    """Return a one-page PDF whose compressed content stream inflates to about `inflated` bytes."""
    compressor = zlib.compressobj(9)
    parts = [compressor.compress(b"BT /F1 11 Tf 40 800 Td (A PDF bomb.) Tj ET\n")]
    spaces = b" " * CHUNK
    for _ in range(max(1, inflated // CHUNK)):
        parts.append(compressor.compress(spaces))
    parts.append(compressor.flush())
    stream = b"".join(parts)
    return pdf_file([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ])


def deep_html(depth: int = 100_000) -> str:
    """Return HTML with `depth` nested <div> elements around one sentence."""
    return "<div>" * depth + "The deepest sentence of the page." + "</div>" * depth


def repeated(unit: str, size: int) -> str:
    """Return `unit` repeated to `size` characters."""
    return (unit * (size // len(unit) + 1))[:size]


ACRONYM_PASTE = "the European Battery Alliance (EBA) and the EBA "
