"""Keep the tasks jobs can run, by name."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol


class Progress(Protocol):
    """Report how far a task is: a fraction from 0 to 1 and, optionally, what it is doing."""

    def __call__(self, fraction: float, message: str | None = None) -> None: ...


TaskFunction = Callable[[Any, dict, Progress], dict | None]
TASKS: dict[str, TaskFunction] = {}


class JobFailed(Exception):
    """A task cannot finish; the message, shown to the job's owner, says why."""


def task(name: str) -> Callable[[TaskFunction], TaskFunction]:
    """Register a function as the task called `name` (called with the job, its payload and a progress reporter)."""

    def register(function: TaskFunction) -> TaskFunction:
        if TASKS.get(name, function) is not function:
            raise ValueError(f"a job task called {name!r} is already registered")
        TASKS[name] = function
        return function

    return register
