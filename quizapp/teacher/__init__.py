"""The teacher side: documents, question review, quizzes, results and exports."""

from . import admin, documents, proposal, quizzes, results, review  # noqa: F401  (they add their routes to bp)
from .views import bp

__all__ = ["bp"]
