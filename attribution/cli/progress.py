"""The progress bar that every corpus command shows on stderr."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any, TextIO, TypeVar

import click

T = TypeVar("T")


class Progress:
    """A progress bar with ETA on stderr; nothing at all when stderr is not a terminal.

    Call it as ``progress(done, total)``; wrap the callbacks that print lines with
    ``around`` so that a line never lands in the middle of the bar.
    """

    def __init__(self, label: str = "processing", stream: TextIO | None = None) -> None:
        self.label = label
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = bool(getattr(self.stream, "isatty", lambda: False)())
        self.bar: Any = None
        self.done = 0

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled or total <= 0:
            return
        if self.bar is None:
            self.bar = click.progressbar(length=total, label=self.label, file=self.stream,
                                         show_eta=True, show_pos=True, width=30)
            self.bar.__enter__()
        self.bar.update(done - self.done)
        self.done = done

    def around(self, callback: Callable[[T], None]) -> Callable[[T], None]:
        """``callback``, run after clearing the bar's line (redrawn at the next step)."""
        def wrapped(arg: T) -> None:
            if self.bar is not None:
                self.stream.write("\r\033[K")
                self.stream.flush()
            callback(arg)
        return wrapped

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
            self.bar = None

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
