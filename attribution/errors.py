"""Named exceptions. The library raises these; the CLI turns them into one-line messages."""

from __future__ import annotations


class AttributionError(Exception):
    """Base class of every error this package raises on purpose."""


class InputError(AttributionError):
    """An input file that cannot be read as an article. Names the file and the problem."""

    def __init__(self, path: str, problem: str, line: int | None = None) -> None:
        self.path = path
        self.problem = problem
        self.line = line
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {problem}")


class UnsupportedLanguage(InputError):
    """The article's language has no lexicon or model."""


class EngineUnavailable(AttributionError):
    """A parsing engine or its model is not installed; the message says how to get it."""


class OutputError(AttributionError):
    """An output that cannot be written: unknown format, a path that is not a folder, no permission."""


class EvaluationError(AttributionError):
    """Gold data that cannot be read or does not match its text."""


class GateFailure(AttributionError):
    """A metric fell below its pinned minimum."""
