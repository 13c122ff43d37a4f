"""Load the seed documents and publish a quiz for each, idempotently."""

from __future__ import annotations

from pathlib import Path

from ..extensions import db
from ..models import Document, User
from . import documents, quizzes


def load_seeds(seeds_dir: str | Path, owner: User) -> list[Document]:
    """Store every seed document not stored yet and publish its quiz.

    A document is known by its checksum, so running this twice adds nothing.
    Returns the documents added this time.
    """
    added = []
    for path in sorted(Path(seeds_dir).glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        if documents.find_duplicate(owner, text) is not None:
            continue
        document = documents.create_document(owner, text, source_name=path.name)
        db.session.flush()
        for question in document.questions:
            question.status = "approved"
        quiz = quizzes.create_quiz(owner, document, document.title, document.questions)
        quizzes.publish(quiz)
        added.append(document)
    return added
