"""Store documents and the facts and questions the generator draws from them."""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from flask import current_app
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext
from sqlalchemy import func

from .. import jobs
from ..extensions import db
from ..generator import EmptyDocument, UnsupportedLanguage, generate_quiz, read_header
from ..generator.lang import load_pack
from ..models import Attempt, Document, Fact, Job, Question, Quiz, QuizQuestion, Response, User

TITLE_LENGTH = 200


def checksum(text: str) -> str:
    """Return the SHA-256 of a text, which identifies the same document twice."""
    return hashlib.sha256(text.strip().encode("utf-8")).hexdigest()


def find_duplicate(owner: User, text: str) -> Document | None:
    """Return the owner's document with the same text, if any."""
    return db.session.scalar(
        db.select(Document).where(Document.owner_id == owner.id, Document.checksum == checksum(text))
    )


def create_document(
    owner: User,
    text: str,
    *,
    title: str | None = None,
    language: str | None = None,
    source_name: str | None = None,
    seed: int = 0,
    progress: Callable[[float], None] | None = None,
) -> Document:
    """Store a document and its draft question bank; the caller commits.

    The generator raises EmptyDocument or UnsupportedLanguage for texts it
    cannot use; those reach the caller before anything is added.
    """
    draft = generate_quiz(text, lang=language, seed=seed, progress=progress)
    published, _ = read_header(text)
    document = Document(
        owner=owner,
        title=(title or draft.title or source_name or "Document").strip()[:TITLE_LENGTH],
        language=draft.language,
        published=published,
        text=text,
        checksum=checksum(text),
        source_name=source_name,
    )
    db.session.add(document)
    store_draft(document, draft)
    db.session.flush()
    return document


def long_work(text: str) -> bool:
    """Tell whether generating from a text is long enough to be a background job rather than a request."""
    return len(text) > current_app.config["GENERATE_INLINE_CHARS"]


def add_document(owner: User, text: str, *, propose: bool = False, **options) -> Document | Job:
    """Store a short text's document now, or queue a job for a long one; the caller commits.

    Options are create_document's (title, language, source_name). With
    `propose`, a job leads its owner to the proposed quiz once done, not to the document.
    """
    if long_work(text):
        return jobs.enqueue("documents.create", owner, {"text": text, "propose": propose, **options})
    return create_document(owner, text, **options)


class Refused(ValueError):
    """The generator cannot use a text; `field` says which input to correct (text or language)."""

    def __init__(self, field: str, message) -> None:
        super().__init__(str(message))
        self.field = field


def submit(owner: User, text: str, **options) -> tuple[Document | Job, bool]:
    """Return the owner's document with this text (unarchived), or add it (a job for a long text); the caller commits.

    The second value tells whether the document already existed. Raises Refused
    when the generator finds nothing to ask. Options are create_document's.
    """
    duplicate = find_duplicate(owner, text)
    if duplicate is not None:
        duplicate.archived = False
        return duplicate, True
    try:
        return add_document(owner, text, **options), False
    except EmptyDocument as error:
        raise Refused("text", _l("There is no text here to ask questions about.")) from error
    except UnsupportedLanguage as error:
        if too_short(text):
            raise Refused("text", _l("This text is too short to tell its language or to ask about: "
                                     "paste a few sentences at least.")) from error
        raise Refused("language", _l("quizapp reads Italian and English texts; this one seems to be in "
                                     "another language. If it is Italian or English, choose it here.")) from error


def _cannot_generate(text: str, language: str | None) -> str:
    """Return why the generator found nothing to ask, in words for the teacher."""
    if language is None and too_short(text):
        return str(_l("This text is too short to tell its language or to ask about: paste a few sentences at least."))
    return str(_l("The generator found nothing to ask in this document (is it Italian or English?)."))


def _reporting(progress: jobs.Progress):
    """Return a generator progress callback that speaks to the job's page."""
    return lambda fraction: progress(fraction, str(_l("Finding facts and writing questions…")))


@jobs.task("documents.create")
def create_document_job(job: Job, payload: dict, progress: jobs.Progress) -> dict:
    """Store a long text's document and its question bank, as a job for its owner."""
    text = payload["text"]
    document = find_duplicate(job.owner, text)
    if document is None:
        try:
            document = create_document(job.owner, text, title=payload.get("title"),
                                       language=payload.get("language"), source_name=payload.get("source_name"),
                                       progress=_reporting(progress))
        except (EmptyDocument, UnsupportedLanguage) as error:
            raise jobs.JobFailed(_cannot_generate(text, payload.get("language"))) from error
        message = ngettext("Document added with %(num)d draft question.",
                           "Document added with %(num)d draft questions.", len(document.questions))
    else:
        document.archived = False
        message = str(_l("You already have this document; here it is."))
    endpoint = "teacher.proposal" if payload.get("propose") else "teacher.document"
    return {"endpoint": endpoint, "values": {"document_id": document.id}, "message": message}


def regenerate_or_queue(document: Document, owner: User, seed: int) -> list[Question] | Job:
    """Draw a short document's drafts again now, or queue a job for a long one; the caller commits."""
    if document.origin == "import":
        raise EmptyDocument("an imported question file has no text to generate from")
    if long_work(document.text):
        return jobs.enqueue("documents.regenerate", owner, {"document_id": document.id, "seed": seed})
    return regenerate(document, seed=seed)


@jobs.task("documents.regenerate")
def regenerate_job(job: Job, payload: dict, progress: jobs.Progress) -> dict:
    """Draw a long document's untouched drafts again, as a job."""
    document = db.session.get(Document, payload["document_id"])
    if document is None:
        raise jobs.JobFailed(str(_l("This document no longer exists.")))
    try:
        added = regenerate(document, seed=payload.get("seed", 0), progress=_reporting(progress))
    except (EmptyDocument, UnsupportedLanguage) as error:
        raise jobs.JobFailed(str(_l("The generator found nothing to ask in this document."))) from error
    return {"endpoint": "teacher.questions", "values": {"document_id": document.id, "status": "draft"},
            "message": ngettext("%(num)d new draft question.", "%(num)d new draft questions.", len(added))}


def too_short(text: str) -> bool:
    """Tell whether a text has too few words for its language to be told (under eight words with letters)."""
    return sum(1 for word in text.split() if any(ch.isalpha() for ch in word)) < 8


def store_draft(document: Document, draft, skip: frozenset[tuple[str, str]] | set[tuple[str, str]] = frozenset()) -> list[Question]:
    """Add a generator draft's facts and questions to a document's bank, except known (kind, prompt) pairs."""
    stored = {(fact.start_offset, fact.end_offset, fact.kind): fact for fact in document.facts}
    # One stored fact per generator fact: two facts of one sentence ("intelligenza artificiale",
    # "batterie di prossima generazione") are two, so a quiz may ask each once. A stored fact
    # is reused when this draft has only one fact of its sentence and kind.
    where = Counter((fact.span.start, fact.span.end, fact.kind) for fact in draft.facts)
    made: dict[tuple, Fact] = {}
    facts: list[Fact] = []
    for fact in draft.facts:
        key = (fact.span.start, fact.span.end, fact.kind)
        identity = (*key, tuple(answer.text for answer in fact.answers))
        if identity not in made:
            reused = stored.get(key) if where[key] == 1 else None
            if reused is None:
                reused = Fact(document=document, position=len(document.facts), kind=fact.kind, text=fact.text,
                              start_offset=fact.span.start, end_offset=fact.span.end)
                db.session.add(reused)
            made[identity] = reused
        facts.append(made[identity])
    next_position = len(document.questions)
    questions = []
    seen = set(skip)
    for draft_question in draft.questions:
        data = draft_question.to_dict()
        # The same question twice in one bank (a sentence asked about twice) only confuses review.
        key = (data["kind"], data["prompt"])
        if key in seen:
            continue
        seen.add(key)
        fact_index = data.get("fact_index")
        question = Question(
            document=document,
            fact=facts[fact_index] if fact_index is not None and 0 <= fact_index < len(facts) else None,
            position=next_position + len(questions),
            status="draft",
            origin="generated",
            **question_fields(data),
        )
        db.session.add(question)
        questions.append(question)
    return questions


def question_fields(data: dict) -> dict:
    """Map a generator question's dictionary onto Question's columns."""
    evidence = data.get("evidence") or {}
    return {
        "kind": data["kind"],
        "prompt": data["prompt"],
        "options": list(data.get("options") or []),
        "correct": list(data.get("correct") or []),
        "tolerance": float(data.get("tolerance") or 0.0),
        "answer_texts": list(data.get("answer_texts") or []),
        "explanation": data.get("explanation") or "",
        "evidence_start": evidence.get("start"),
        "evidence_end": evidence.get("end"),
        "evidence_text": evidence.get("text") or "",
        "fact_kind": data.get("fact_kind"),
        "worth": data.get("score"),
    }


def set_language(document: Document, language: str) -> None:
    """Correct a document's language and draw its drafts again in that language; the caller commits."""
    if language == document.language:
        return
    if document.origin == "import":
        # Nothing is generated from an imported file: its true or false options take the new language's words
        # (answers point at them by position, so answers given stay right).
        old, new = (list(load_pack(code).get("true_false")) for code in (document.language, language))
        for question in document.questions:
            if question.kind == "true_false" and list(question.options) == old:
                question.options, question.answer_texts = new, [new[i] for i in question.correct if 0 <= i < 2]
        document.language = language
        return
    document.language = language
    regenerate(document, seed=0)


def _unused_drafts(document: Document) -> list[Question]:
    """Return the draft questions no quiz holds and nobody answered: safe to replace."""
    used = set(db.session.scalars(
        db.select(QuizQuestion.question_id).join(Question).where(Question.document_id == document.id)
    ))
    answered = set(db.session.scalars(
        db.select(Response.question_id).join(Question).where(Question.document_id == document.id)
    ))
    return [q for q in document.questions
            if q.status == "draft" and q.origin == "generated" and q.id not in used | answered]


def regenerate(document: Document, seed: int, progress: Callable[[float], None] | None = None) -> list[Question]:
    """Replace the document's untouched drafts with a fresh generator run; the caller commits.

    Approved, rejected, edited-by-hand and used questions stay; facts no
    remaining question needs are dropped so the page shows this run's facts.
    """
    if document.origin == "import":
        raise EmptyDocument("an imported question file has no text to generate from")
    draft = generate_quiz(document.text, lang=document.language, seed=seed, progress=progress)
    stale = _unused_drafts(document)
    for question in stale:
        document.questions.remove(question)
        db.session.delete(question)
    kept = {(q.kind, q.prompt) for q in document.questions}
    keep_facts = {q.fact_id for q in document.questions if q.fact_id is not None}
    for fact in list(document.facts):
        if fact.id not in keep_facts:
            document.facts.remove(fact)
    db.session.flush()
    for position, fact in enumerate(document.facts):
        fact.position = -1 - position  # out of the way of the unique (document, position)
    db.session.flush()
    for position, fact in enumerate(document.facts):
        fact.position = position
    return store_draft(document, draft, skip=kept)


def renumber(document: Document) -> None:
    """Number the document's questions 0..n-1 in their current order."""
    for position, question in enumerate(document.questions):
        question.position = position


def has_attempts(document: Document) -> bool:
    """Tell whether any quiz over this document has attempts."""
    return db.session.scalar(
        db.select(func.count(Attempt.id)).join(Quiz, Attempt.quiz_id == Quiz.id).where(Quiz.document_id == document.id)
    ) > 0


def remove(document: Document) -> str:
    """Delete a document nobody answered, or archive it (and its quizzes) to keep the scores.

    Returns "archived" or "deleted"; the caller commits.
    """
    quizzes = db.session.scalars(db.select(Quiz).where(Quiz.document_id == document.id)).all()
    if has_attempts(document):
        document.archived = True
        for quiz in quizzes:
            quiz.archived = True
            quiz.published = False
        return "archived"
    for quiz in quizzes:
        db.session.delete(quiz)
    db.session.flush()
    for question in list(document.questions):
        db.session.delete(question)
    db.session.flush()
    db.session.delete(document)
    return "deleted"


@dataclass(frozen=True)
class Segment:
    """A stretch of a document's text and the marks (fact kinds, evidence) over it."""

    text: str
    marks: tuple[str, ...]
    evidence: bool
    anchor: str | None


# Candidate answers the generator keeps for fill-in-the-blank questions; they
# are words of a sentence rather than facts, and marking them would mark everything.
GENERIC_FACT_KINDS = frozenset({"concept", "phrase"})


def fact_spans(text: str, facts: list[Fact]) -> list[tuple[int, int, str]]:
    """Return where each fact's words stand in the text, with the fact's kind.

    A fact's stored span is its whole sentence (the evidence); the fact itself
    (a year, the members of a list, an expansion) is found inside it, item by
    item for lists, so the page marks "2030", not the sentence around it.
    """
    spans = []
    for fact in facts:
        if fact.kind in GENERIC_FACT_KINDS or not 0 <= fact.start_offset < fact.end_offset <= len(text):
            continue
        sentence = text[fact.start_offset:fact.end_offset]
        for item in fact.text.split("; "):
            at = sentence.find(item) if item.strip() else -1
            if at >= 0:
                spans.append((fact.start_offset + at, fact.start_offset + at + len(item), fact.kind))
    return spans


def segments(text: str, facts: list[Fact], evidence: tuple[int, int] | None = None) -> list[Segment]:
    """Cut a text at every fact and evidence boundary, so a template can highlight each stretch."""
    spans = fact_spans(text, facts)
    cuts = {0, len(text)}
    for start, end, _kind in spans:
        cuts.update((start, end))
    if evidence and 0 <= evidence[0] < evidence[1] <= len(text):
        cuts.update(evidence)
    else:
        evidence = None
    ordered = sorted(cuts)
    result = []
    anchored = False
    for start, end in zip(ordered, ordered[1:]):
        marks = tuple(sorted({kind for s, e, kind in spans if s <= start and end <= e}))
        inside = evidence is not None and evidence[0] <= start and end <= evidence[1]
        anchor = None
        if inside and not anchored:
            anchor, anchored = "evidence", True
        result.append(Segment(text[start:end], marks, inside, anchor))
    return result
