"""`attribution index`: fill a results database, so that later commands read instead of parse."""

from __future__ import annotations

import sys
from typing import Any

import click

from .common import FailureLog, corpus_options, process


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
    run = process(paths, log, "indexing", prune=prune, keep_results=False, **options)
    summary = f"{db}: {run.processed} processed, {run.unchanged} unchanged, {run.failed} failed"
    if prune:
        summary += f", {run.pruned} removed"
    click.echo(summary)
    sys.exit(log.exit_code)


COMMANDS = [index]
