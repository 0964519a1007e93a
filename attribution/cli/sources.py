"""`attribution sources`: the canonical sources of a corpus, their aliases, and the merges across articles."""

from __future__ import annotations

import sys
from typing import Any

import click

from ..render import render
from ..sources import FORMATS, output
from .common import FailureLog, corpus_options, load_corpus


@click.command()
@click.argument("paths", nargs=-1, required=True)
@corpus_options
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
def sources(paths: tuple[str, ...], fmt: str, **options: Any) -> None:
    """List the sources of FILE_OR_DIR...: one line per source, then every merge across articles and why."""
    log = FailureLog()
    results = load_corpus(paths, log, **options)
    click.echo(render(output(results, fmt, options["group_by"]), fmt), nl=False)
    sys.exit(log.exit_code)


COMMANDS = [sources]
