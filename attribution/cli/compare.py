"""`attribution compare`: outlets side by side, and the same quote as each outlet ran it."""

from __future__ import annotations

import sys
from typing import Any

import click

from .. import compare as lib
from ..render import render
from ..report.standalone import compare_page
from .common import FailureLog, corpus_options, load_corpus, note


@click.command()
@click.argument("paths", nargs=-1)
@corpus_options
@click.option("--by", type=click.Choice(lib.GROUPINGS), default="outlet", show_default=True,
              help="Group articles by their outlet metadata, by top-level folder, or by the web domain of their URL.")
@click.option("--format", "fmt", type=click.Choice(lib.FORMATS), default="table", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None,
              help="Write to this file instead of standard output.")
@click.option("--min-similarity", type=click.FloatRange(0, 100), default=lib.THRESHOLD,
              show_default=True, help="String similarity (0-100) from which two renditions are the "
              "same claim; the content-word bar moves with it.")
def compare(paths: tuple[str, ...], by: str, fmt: str, output: str | None,
            min_similarity: float, **options: Any) -> None:
    """Compare how the outlets of FILE_OR_DIR... source the same stories."""
    log = FailureLog()
    results = load_corpus(paths, log, **options)
    comparison = lib.compare_outlets(results, by=by, threshold=min_similarity,
                                     group_by=options["group_by"])
    if len(comparison.outlets) < 2:
        names = ", ".join(comparison.names) or "none"
        hint = " (try --by dir or --by domain)" if by == "outlet" else ""
        note(f"only one group of articles ({names}): nothing to compare side by side{hint}")
    text = compare_page(comparison) if fmt == "html" else render(lib.output(comparison, fmt), fmt)
    if output is None:
        click.echo(text, nl=False)
    else:
        try:
            with open(output, "w", encoding="utf-8") as f:
                f.write(text)
        except OSError as exc:
            raise click.ClickException(f"{output}: cannot write ({exc.strerror or exc})") from exc
        note(f"wrote {output}")
    sys.exit(log.exit_code)


COMMANDS = [compare]
