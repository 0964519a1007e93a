"""`attribution report`: an HTML report of a corpus (articles, sources, claim graph), offline."""

from __future__ import annotations

import sys
from typing import Any

import click

from ..errors import AttributionError
from ..report import write_report
from ..sourcefile import sources_file_note
from .common import FailureLog, corpus_options, fail, load_corpus, note


@click.command()
@click.argument("paths", nargs=-1)
@click.option("-o", "--output", "output", required=True, type=click.Path(),
              help="Report folder; a previous report there is replaced atomically.")
@click.option("--title", default="Sources report", show_default=True, help="Title of the report.")
@corpus_options
def report(paths: tuple[str, ...], output: str, title: str, **options: Any) -> None:
    """Write an HTML report of FILE_OR_DIR... into the folder -o (open its index.html)."""
    log = FailureLog()
    results = load_corpus(paths, log, **options)
    if not results:
        raise click.ClickException(f"no article could be processed; {output} was not written")
    try:
        summary = write_report(results, output, title=title, on_note=note,
                               group_by=options["group_by"], sources_file=sources_file_note(results))
    except AttributionError as exc:
        raise fail(exc) from exc
    note(f"report: {summary.path}/index.html ({summary.articles} articles, "
         f"{summary.claims} claims, {summary.sources} sources)")
    sys.exit(log.exit_code)


COMMANDS = [report]
