"""Hold the generator's immutable results: spans, facts, questions and the quiz."""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Span:
    """Point at a stretch of the input text: ``text[start:end] == span.text``."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict:
        """Return the span as plain JSON-ready data."""
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True)
class Fact:
    """Describe one fact found in the document.

    ``span`` is the evidence (the sentence that states the fact); ``answers`` are the
    spans a question about the fact may ask for; ``slots`` holds the words a prompt
    template needs (group name, goal clause, ...), as ``(key, value)`` pairs.
    """

    kind: str
    text: str
    span: Span
    answers: tuple[Span, ...] = ()
    category: str = ""
    slots: tuple[tuple[str, str], ...] = ()
    score: float = 0.0

    def slot(self, key: str, default: str = "") -> str:
        """Return the slot called ``key`` or ``default``."""
        for k, v in self.slots:
            if k == key:
                return v
        return default

    def to_dict(self) -> dict:
        """Return the fact as plain JSON-ready data."""
        return {
            "kind": self.kind,
            "text": self.text,
            "span": self.span.to_dict(),
            "answers": [a.to_dict() for a in self.answers],
            "category": self.category,
        }


@dataclass(frozen=True)
class QuestionDraft:
    """Describe one generated question, tied to the evidence that proves its answer."""

    kind: str
    prompt: str
    options: tuple[str, ...]
    correct: tuple
    answer_texts: tuple[str, ...]
    explanation: str
    evidence: Span
    fact_kind: str
    fact_index: int
    tolerance: float = 0.0
    score: float = field(default=0.0, compare=False)

    def to_dict(self) -> dict:
        """Return the question in the shape the app stores."""
        return {
            "kind": self.kind,
            "prompt": self.prompt,
            "options": list(self.options),
            "correct": list(self.correct),
            "tolerance": float(self.tolerance),
            "answer_texts": list(self.answer_texts),
            "explanation": self.explanation,
            "evidence": self.evidence.to_dict(),
            "fact_kind": self.fact_kind,
            "fact_index": self.fact_index,
            "score": self.score,
        }


@dataclass(frozen=True)
class QuizDraft:
    """Hold a whole generated quiz: language, date, title, facts and questions."""

    language: str
    published: _dt.date | None
    title: str
    facts: tuple[Fact, ...]
    questions: tuple[QuestionDraft, ...]

    def to_dict(self) -> dict:
        """Return the quiz as plain JSON-ready data."""
        return {
            "language": self.language,
            "published": self.published.isoformat() if self.published else None,
            "title": self.title,
            "facts": [f.to_dict() for f in self.facts],
            "questions": [q.to_dict() for q in self.questions],
        }
