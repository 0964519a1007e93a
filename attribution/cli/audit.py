"""`attribution audit`: quotation coverage and sourcing figures, per article and for the corpus."""

from __future__ import annotations

import sys
from typing import Any

import click

from .. import audit as lib
from ..render import render
from .common import FailureLog, corpus_options, load_corpus


def _thresholds(ctx: click.Context, param: click.Parameter, values: tuple[str, ...]
                ) -> list[lib.Threshold]:
    try:
        return [lib.parse_threshold(v) for v in values]
    except lib.InvalidThreshold as exc:
        raise click.BadParameter(str(exc), ctx=ctx, param=param) from exc


@click.command()
@click.argument("paths", nargs=-1)
@corpus_options
@click.option("--format", "fmt", type=click.Choice(lib.FORMATS), default="table", show_default=True,
              help="table and markdown list the worst articles first (lowest coverage).")
@click.option("--fail-under", "fail_under", multiple=True, metavar="METRIC=VALUE",
              callback=_thresholds,
              help="Exit 1 when an article or the corpus has METRIC below VALUE "
                   "(METRIC<=VALUE: above it), one line per breach on stderr. Repeatable. "
                   "Metrics: " + ", ".join(sorted(lib.METRICS)) + ".")
def audit(paths: tuple[str, ...], fmt: str, fail_under: list[lib.Threshold],
          **options: Any) -> None:
    """Audit the quotes of FILE_OR_DIR...: coverage, unsourced and anonymous quotes, sources, cues."""
    log = FailureLog()
    results = load_corpus(paths, log, **options)
    report = lib.audit(results, options["group_by"])
    click.echo(render(lib.output(report, fmt), fmt), nl=False)
    breaches = lib.check_thresholds(report, fail_under)
    for breach in breaches:
        click.echo(f"fail-under: {breach}", err=True)
    sys.exit(1 if breaches else log.exit_code)


COMMANDS = [audit]
