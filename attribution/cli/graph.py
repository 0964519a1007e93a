"""`attribution graph`: the claim graph of a corpus, as GraphML, GEXF (Gephi) or node-link JSON."""

from __future__ import annotations

import sys
from typing import Any

import click

from ..errors import AttributionError, OutputError
from ..graph import build_graph, graph_format, write_graph
from .common import FailureLog, corpus_options, fail, load_corpus, note


@click.command("graph")
@click.argument("paths", nargs=-1)
@click.option("-o", "--output", "output", required=True, type=click.Path(dir_okay=False),
              help="Output file: .graphml, .gexf or .json (node-link), chosen by its extension.")
@corpus_options
def graph(paths: tuple[str, ...], output: str, **options: Any) -> None:
    """Export the claim graph of FILE_OR_DIR... (sources, claims, articles, outlets)."""
    try:
        graph_format(output)  # a wrong extension is a usage error: say so before any parsing
    except OutputError as exc:
        raise click.BadParameter(str(exc), param_hint="'-o' / '--output'") from exc
    log = FailureLog()
    results = load_corpus(paths, log, **options)
    if not results:
        raise click.ClickException(f"no article could be processed; {output} was not written")
    g = build_graph(results, group_by=options["group_by"])
    try:
        fmt = write_graph(g, output)
    except AttributionError as exc:
        raise fail(exc) from exc
    note(f"graph: {output} ({fmt}, {g.number_of_nodes()} nodes, {g.number_of_edges()} edges)")
    sys.exit(log.exit_code)


COMMANDS = [graph]
