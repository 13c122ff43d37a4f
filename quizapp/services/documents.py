"""Store documents and the facts and questions the generator draws from them."""

from __future__ import annotations

import hashlib

from ..extensions import db
from ..generator import generate_quiz, read_header
from ..models import Document, Fact, Question, User

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
) -> Document:
    """Store a document and its draft question bank; the caller commits.

    The generator raises EmptyDocument or UnsupportedLanguage for texts it
    cannot use; those reach the caller before anything is added.
    """
    draft = generate_quiz(text, lang=language, seed=seed)
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
    return document


def store_draft(document: Document, draft) -> list[Question]:
    """Add a generator draft's facts and questions to a document's bank."""
    known = {(fact.start_offset, fact.end_offset, fact.kind): fact for fact in document.facts}
    facts: list[Fact] = []
    for fact in draft.facts:
        key = (fact.span.start, fact.span.end, fact.kind)
        if key not in known:
            known[key] = Fact(
                document=document,
                position=len(document.facts),
                kind=fact.kind,
                text=fact.text,
                start_offset=fact.span.start,
                end_offset=fact.span.end,
            )
            document.facts.append(known[key])
        facts.append(known[key])
    next_position = len(document.questions)
    questions = []
    for offset, draft_question in enumerate(draft.questions):
        data = draft_question.to_dict()
        fact_index = data.get("fact_index")
        question = Question(
            document=document,
            fact=facts[fact_index] if fact_index is not None and 0 <= fact_index < len(facts) else None,
            position=next_position + offset,
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
    }
