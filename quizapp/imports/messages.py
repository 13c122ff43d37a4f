"""Say in the teacher's language what the parsers' codes mean: why a file or a question was refused, what changed."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from ..kinds import KINDS
from .records import MAX_ITEMS, DamagedFile, Note, Skipped

# Moodle's question types, by the names its files use.
TYPE_NAMES = {
    "multichoice": _l("multiple choice"),
    "truefalse": _l("true or false"),
    "shortanswer": _l("short answer"),
    "numerical": _l("numerical"),
    "essay": _l("essay"),
    "matching": _l("matching"),
    "match": _l("matching"),
    "cloze": _l("embedded answers (cloze)"),
    "multianswer": _l("embedded answers (cloze)"),
    "description": _l("description (no answer)"),
    "calculated": _l("calculated"),
    "calculatedsimple": _l("simple calculated"),
    "calculatedmulti": _l("calculated multichoice"),
    "ddwtos": _l("drag and drop into text"),
    "ddimageortext": _l("drag and drop onto image"),
    "ddmarker": _l("drag and drop markers"),
    "gapselect": _l("select missing words"),
    "randomsamatch": _l("random short-answer matching"),
    "ordering": _l("ordering"),
    "random": _l("random question"),
}

REASONS = {
    "unsupported": _l("quizapp has no questions of this type: %(detail)s."),
    "damaged": _l("This question could not be read: check its braces, title and answers."),
    "no_prompt": _l("The question has no text."),
    "too_long": _l("Too long for the question editor (%(detail)s)."),
    "too_few_options": _l("A choice question needs at least two options."),
    "too_many_options": _l("Too many options (%(detail)s); quizapp takes at most 12."),
    "empty_option": _l("One of the options is empty."),
    "same_options": _l("Two options are the same."),
    "no_right_answer": _l("No answer is marked fully right."),
    "several_right_answers": _l("Several different answers are fully right; this kind takes exactly one."),
    "bad_number": _l("This is not a number quizapp can read: %(detail)s"),
    "already_in_bank": _l("The bank already holds this question."),
    "repeated": _l("The same question came earlier in the file (question %(detail)s)."),
}

REMARKS = {
    "answer_feedback_dropped": _l("Feedback on single answers is not kept."),
    "partial_credit_dropped": _l("Answers with partial credit are counted as wrong."),
    "weights_equalised": _l("Right options share the points equally, and each wrong one ticked costs an equal share."),
    "wildcard_literal": _l("A * in an accepted answer is read as a star, not as any text."),
    "images_dropped": _l("Images are not imported."),
    "case_ignored": _l("Answers are compared without regard to capital letters."),
    "units_dropped": _l("Units are not imported: students answer with the number alone."),
}

DAMAGES = {
    "xml_syntax": _l("This XML file is damaged (line %(line)s): %(detail)s."),
    "xml_forbidden": _l("This XML file declares a document type or entities, which are not accepted in a question file."),
    "too_deep": _l("This XML file nests its elements too deep (line %(line)s) to be a Moodle question file."),
    "not_moodle_xml": _l("This XML file is not a Moodle question file: it should start with <quiz>, not <%(detail)s>."),
    "not_gift": _l("No question was found: a GIFT question needs its answers in braces, such as {=right ~wrong}."),
    "too_many_items": _l("This file holds more than %(detail)s questions: split it into smaller files."),
}


def type_name(qtype: str) -> str:
    """Return a Moodle question type's name in words, or the type as the file wrote it."""
    return str(TYPE_NAMES.get(qtype, qtype))


def item_type(item: Skipped) -> str:
    """Return a skipped item's type in words: Moodle's type when quizapp has none, else quizapp's kind.

    The two share a name ("cloze" is Moodle's embedded answers and quizapp's fill in
    the blank): an unsupported item always carries Moodle's.
    """
    if item.reason.code != "unsupported" and item.qtype in KINDS:
        return str(KINDS[item.qtype].label)
    return "—" if item.qtype == "?" else type_name(item.qtype)


def reason(note: Note) -> str:
    """Say why an item is not imported."""
    detail = type_name(note.detail) if note.code == "unsupported" else note.detail
    return str(REASONS.get(note.code, note.code)) % {"detail": detail}


def remark(note: Note) -> str:
    """Say what importing changed on a question."""
    return str(REMARKS.get(note.code, note.code))


def damage(error: DamagedFile) -> str:
    """Say why a whole file cannot be read."""
    detail = str(MAX_ITEMS) if error.code == "too_many_items" else error.detail
    return str(DAMAGES.get(error.code, DAMAGES["xml_syntax"])) % {"line": error.line or "?", "detail": detail}
