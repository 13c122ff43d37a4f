"""The teacher side: documents, question review, quizzes, results and exports."""

from .views import bp

__all__ = ["bp"]
