"""Load the seed documents and publish a quiz for each, idempotently."""

from __future__ import annotations

import json
from pathlib import Path

from ..extensions import db
from ..models import Document, User
from . import documents, quizzes

# Enough for a lesson, few enough to finish in ten minutes; the rest stay in the bank.
SEED_QUIZ_SIZE = 10


def _metadata(path: Path) -> dict:
    """Read a seed's optional sidecar (same name, .json): its title and quiz settings.

    The text file stays exactly as it was given; what it lacks lives beside it.
    """
    sidecar = path.with_suffix(".json")
    return json.loads(sidecar.read_text(encoding="utf-8")) if sidecar.exists() else {}


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
        metadata = _metadata(path)
        document = documents.create_document(owner, text, title=metadata.get("title"), source_name=path.name)
        db.session.flush()
        chosen = quizzes.balanced_selection(document.questions, SEED_QUIZ_SIZE)
        for question in chosen:
            question.status = "approved"
        quiz = quizzes.create_quiz(owner, document, document.title, chosen, **metadata.get("quiz", {}))
        quizzes.publish(quiz)
        added.append(document)
    return added
