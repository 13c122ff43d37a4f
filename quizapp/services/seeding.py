"""Load the seed documents and publish a quiz for each, idempotently."""

from __future__ import annotations

from pathlib import Path

from ..extensions import db
from ..models import Document, User
from . import documents, quizzes

# Enough for a lesson, few enough to finish in ten minutes; the rest stay in the bank.
SEED_QUIZ_SIZE = 10


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
        chosen = document.questions[:SEED_QUIZ_SIZE]
        for question in chosen:
            question.status = "approved"
        quiz = quizzes.create_quiz(owner, document, document.title, chosen)
        quizzes.publish(quiz)
        added.append(document)
    return added
