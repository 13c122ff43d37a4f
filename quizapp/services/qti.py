"""Write a quiz's questions as an IMS QTI 2.1 content package (a zip of items and a manifest)."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
import zipfile

from ..models import Question, Quiz
from . import xmlout
from .moodle import tolerance as finite_tolerance

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
    # 15 digits, as a float holds: ":g" alone would write 1234567 as 1.23457e+06.
    return f"{float(value):.15g}"


def _points(value: float) -> str:
    # 15 digits: 2/3 of a point written as 0.66667 would add up to more than the item's points.
    return f"{float(value):.15g}"


def _declaration(item: ET.Element, question: Question, points: float) -> None:
    kind = question.kind
    if kind in CHOICE_KINDS:
        cardinality = "multiple" if kind == "multiple" else "single"
        declaration = _sub(item, "responseDeclaration", identifier="RESPONSE", cardinality=cardinality,
                           baseType="identifier")
        correct = _sub(declaration, "correctResponse")
        # Single cardinality holds one value: a one-answer kind declares only its first correct option.
        for index in question.correct if kind == "multiple" else question.correct[:1]:
            _sub(correct, "value", f"C{index}")
        if kind == "multiple":
            # Signed shares of the points, as Moodle and quizapp grade (kinds.MultipleSelect.fraction),
            # floored at zero and capped at the points by the mapping's bounds.
            right = len(question.correct)
            wrong = len(question.options) - right
            mapping = _sub(declaration, "mapping", lowerBound="0", upperBound=_points(points), defaultValue="0")
            for index in range(len(question.options)):
                value = points / right if index in question.correct else (-points / wrong if wrong else 0)
                _sub(mapping, "mapEntry", mapKey=f"C{index}", mappedValue=_points(value))
    elif kind == "numeric":
        declaration = _sub(item, "responseDeclaration", identifier="RESPONSE", cardinality="single", baseType="float")
        _sub(_sub(declaration, "correctResponse"), "value", _number(question.correct[0]) if question.correct else "0")
    else:
        declaration = _sub(item, "responseDeclaration", identifier="RESPONSE", cardinality="single", baseType="string")
        # One correct value (single cardinality); every accepted answer still earns the points through the mapping.
        _sub(_sub(declaration, "correctResponse"), "value", str(question.correct[0]) if question.correct else "")
        mapping = _sub(declaration, "mapping", lowerBound="0", upperBound=_points(points), defaultValue="0")
        for accepted in question.correct:
            _sub(mapping, "mapEntry", mapKey=str(accepted), mappedValue=_points(points), caseSensitive="false")


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


def _processing(item: ET.Element, question: Question, points: float) -> None:
    if question.kind in ("multiple", "cloze", "short"):
        # The mapping already holds the points: SCORE = mapResponse(RESPONSE).
        _sub(item, "responseProcessing", template=TEMPLATES + "map_response")
        return
    # The match_correct template scores 1, not the points: say the points in our own rule.
    processing = _sub(item, "responseProcessing")
    condition = _sub(_sub(processing, "responseCondition"), "responseIf")
    if question.kind == "numeric":
        tolerance = _number(finite_tolerance(question))
        test = _sub(condition, "equal", toleranceMode="absolute", tolerance=f"{tolerance} {tolerance}")
    else:
        test = _sub(condition, "match")
    _sub(test, "variable", identifier="RESPONSE")
    _sub(test, "correct", identifier="RESPONSE")
    outcome = _sub(condition, "setOutcomeValue", identifier="SCORE")
    _sub(outcome, "baseValue", _points(points), baseType="float")


def item_xml(question: Question, identifier: str, points: float) -> bytes:
    """Return one question as a QTI 2.1 assessmentItem."""
    # Plain names under a literal xmlns: ElementTree then writes the default namespace as is.
    item = ET.Element("assessmentItem", {"xmlns": QTI, "identifier": identifier, "title": identifier,
                                         "adaptive": "false", "timeDependent": "false"})
    _declaration(item, question, points)
    score = _sub(item, "outcomeDeclaration", identifier="SCORE", cardinality="single", baseType="float")
    _sub(_sub(score, "defaultValue"), "value", "0")
    maximum = _sub(item, "outcomeDeclaration", identifier="MAXSCORE", cardinality="single", baseType="float")
    _sub(_sub(maximum, "defaultValue"), "value", _points(points))
    _body(item, question)
    _processing(item, question, points)
    ET.indent(item)
    return xmlout.to_bytes(item)


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
        archive.writestr("imsmanifest.xml", xmlout.to_bytes(manifest))
    return buffer.getvalue()
