"""The student side: join a quiz, answer it, see the result."""

from .views import bp

__all__ = ["bp"]
