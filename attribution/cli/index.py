"""`attribution index`: fill a results database, so that later commands read instead of parse.

Also the progress bar that every corpus command shows on stderr.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any, TextIO, TypeVar

import click

from ..errors import AttributionError
from ..parallel import index_corpus
from .common import FailureLog, corpus_options, fail, note

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


@click.command()
@click.argument("paths", nargs=-1, required=True)
@corpus_options
@click.option("--prune", is_flag=True,
              help="Delete the stored articles under PATHS whose file is gone.")
def index(paths: tuple[str, ...], prune: bool, **options: Any) -> None:
    """Process FILE_OR_DIR... into the results database --db FILE.

    Unchanged articles (same text, language, engine and model) are skipped,
    changed ones are processed again; a run that was interrupted resumes.
    """
    db = options["db"]
    if not db:
        raise click.UsageError("index needs --db FILE: the results database to fill")
    log = FailureLog()
    with Progress("indexing") as progress:
        try:
            run = index_corpus(
                paths, db=db, engine=options["engine"], model=options.get("model"),
                cache_dir=options.get("cache_dir"), use_cache=not options.get("no_cache", False),
                lang=options.get("lang"), jobs=options["jobs"], dask=options.get("dask"),
                prune=prune, on_failure=progress.around(log), on_note=progress.around(note),
                on_progress=progress)
        except AttributionError as exc:
            raise fail(exc) from exc
        except KeyboardInterrupt:
            progress.close()
            note(f"interrupted: what was processed is in {db}; run the same command to resume")
            raise click.Abort() from None
    summary = f"{db}: {run.processed} processed, {run.unchanged} unchanged, {run.failed} failed"
    if prune:
        summary += f", {run.pruned} removed"
    click.echo(summary)
    sys.exit(log.exit_code)


COMMANDS = [index]
