"""Write a quiz's questions as an IMS QTI 2.1 content package (a zip of items and a manifest)."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
import zipfile

from ..models import Question, Quiz

QTI = "http://www.imsglobal.org/xsd/imsqti_v2p1"
CP = "http://www.imsglobal.org/xsd/imscp_v1p1"
TEMPLATES = "http://www.imsglobal.org/question/qti_v2p1/rptemplates/"
CHOICE_KINDS = ("single", "multiple", "true_false")


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attributes)
    if text is not None:
        element.text = text
    return element


def _number(value) -> str:
    return f"{float(value):g}"


def _declaration(item: ET.Element, question: Question) -> None:
    kind = question.kind
    if kind in CHOICE_KINDS:
        cardinality = "multiple" if kind == "multiple" else "single"
        declaration = _sub(item, "responseDeclaration", identifier="RESPONSE", cardinality=cardinality,
                           baseType="identifier")
        correct = _sub(declaration, "correctResponse")
        for index in question.correct:
            _sub(correct, "value", f"C{index}")
        if kind == "multiple":
            # Signed shares as Moodle and quizapp grade, floored at zero by lowerBound.
            right = len(question.correct)
            wrong = len(question.options) - right
            mapping = _sub(declaration, "mapping", lowerBound="0", upperBound="1", defaultValue="0")
            for index in range(len(question.options)):
                value = 1 / right if index in question.correct else (-1 / wrong if wrong else 0)
                _sub(mapping, "mapEntry", mapKey=f"C{index}", mappedValue=f"{value:.5f}")
    elif kind == "numeric":
        declaration = _sub(item, "responseDeclaration", identifier="RESPONSE", cardinality="single", baseType="float")
        _sub(_sub(declaration, "correctResponse"), "value", _number(question.correct[0]) if question.correct else "0")
    else:
        declaration = _sub(item, "responseDeclaration", identifier="RESPONSE", cardinality="single", baseType="string")
        correct = _sub(declaration, "correctResponse")
        mapping = _sub(declaration, "mapping", defaultValue="0")
        for accepted in question.correct:
            _sub(correct, "value", str(accepted))
            _sub(mapping, "mapEntry", mapKey=str(accepted), mappedValue="1", caseSensitive="false")


def _body(item: ET.Element, question: Question) -> None:
    body = _sub(item, "itemBody")
    if question.kind in CHOICE_KINDS:
        interaction = _sub(body, "choiceInteraction", responseIdentifier="RESPONSE",
                           shuffle="false" if question.kind == "true_false" else "true",
                           maxChoices="0" if question.kind == "multiple" else "1")
        _sub(interaction, "prompt", question.prompt)
        for index, option in enumerate(question.options):
            _sub(interaction, "simpleChoice", option, identifier=f"C{index}")
    else:
        _sub(body, "p", question.prompt)
        paragraph = _sub(body, "p")
        _sub(paragraph, "textEntryInteraction", responseIdentifier="RESPONSE", expectedLength="20")


def _processing(item: ET.Element, question: Question) -> None:
    if question.kind == "numeric":
        processing = _sub(item, "responseProcessing")
        condition = _sub(_sub(processing, "responseCondition"), "responseIf")
        tolerance = _number(question.tolerance or 0)
        equal = _sub(condition, "equal", toleranceMode="absolute", tolerance=f"{tolerance} {tolerance}")
        _sub(equal, "variable", identifier="RESPONSE")
        _sub(equal, "correct", identifier="RESPONSE")
        outcome = _sub(condition, "setOutcomeValue", identifier="SCORE")
        _sub(outcome, "baseValue", "1", baseType="float")
        return
    template = "match_correct" if question.kind in ("single", "true_false") else "map_response"
    _sub(item, "responseProcessing", template=TEMPLATES + template)


def item_xml(question: Question, identifier: str, points: float) -> bytes:
    """Return one question as a QTI 2.1 assessmentItem."""
    # Plain names under a literal xmlns: ElementTree then writes the default namespace as is.
    item = ET.Element("assessmentItem", {"xmlns": QTI, "identifier": identifier, "title": identifier,
                                         "adaptive": "false", "timeDependent": "false"})
    _declaration(item, question)
    score = _sub(item, "outcomeDeclaration", identifier="SCORE", cardinality="single", baseType="float")
    _sub(_sub(score, "defaultValue"), "value", "0")
    maximum = _sub(item, "outcomeDeclaration", identifier="MAXSCORE", cardinality="single", baseType="float")
    _sub(_sub(maximum, "defaultValue"), "value", f"{points:g}")
    _body(item, question)
    _processing(item, question)
    ET.indent(item)
    return ET.tostring(item, encoding="utf-8", xml_declaration=True)


def package(quiz: Quiz) -> bytes:
    """Return a zip holding imsmanifest.xml and one QTI 2.1 item file per question, in quiz order."""
    buffer = io.BytesIO()
    manifest = ET.Element("manifest", {"xmlns": CP, "identifier": f"quizapp-quiz-{quiz.id}"})
    ET.SubElement(manifest, "organizations")
    resources = ET.SubElement(manifest, "resources")
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for number, entry in enumerate(quiz.items, start=1):
            identifier, href = f"Q{number}", f"items/Q{number}.xml"
            archive.writestr(href, item_xml(entry.question, identifier, entry.points))
            resource = ET.SubElement(resources, "resource",
                                     {"identifier": identifier, "type": "imsqti_item_xmlv2p1", "href": href})
            ET.SubElement(resource, "file", {"href": href})
        ET.indent(manifest)
        archive.writestr("imsmanifest.xml", ET.tostring(manifest, encoding="utf-8", xml_declaration=True))
    return buffer.getvalue()
