"""`attribution extract`: attributions of every article, as JSON Lines or a readable listing."""

from __future__ import annotations

import json
import sys
from typing import Any

import click

from ..records import ArticleResult
from .common import FailureLog, corpus_options, load_corpus


@click.command()
@click.argument("paths", nargs=-1)
@corpus_options
@click.option("--format", "fmt", type=click.Choice(["json", "text"]), default="json", show_default=True)
@click.option("--with-body/--without-body", default=False,
              help="Include each article's body (the text the offsets count in) as \"body\"; "
                   "\"body_start\" says where it begins in the file.")
@click.option("--with-text/--without-text", default=False, hidden=True,
              help="The body under the older key \"text\" (what ArticleResult.from_dict reads).")
def extract(paths: tuple[str, ...], fmt: str, with_body: bool, with_text: bool,
            **options: Any) -> None:
    """Find who said what in FILE_OR_DIR... (text, HTML, JSONL, folders).

    The articles are linked across the corpus (each entity's corpus_id) and printed
    in input order once all are processed; with --db FILE alone, the stored results.
    """
    log = FailureLog()
    for result in load_corpus(paths, log, **options):
        _emit(result, fmt, with_body=with_body, with_text=with_text)
    sys.exit(log.exit_code)


def _emit(result: ArticleResult, fmt: str, *, with_body: bool, with_text: bool) -> None:
    """One article on stdout: a JSON line, or a short listing for people."""
    if fmt == "json":
        d = result.to_dict()
        if with_body:
            d["body"] = d["text"]
        if not with_text:
            d.pop("text", None)
        sys.stdout.write(json.dumps(d, ensure_ascii=False) + "\n")
    else:
        click.echo(f"== {result.article.path} ({len(result.attributions)} attributions)")
        for a in result.attributions:
            who = a.speaker.text if a.speaker else "?"
            cue = a.cue.text if a.cue else ":"
            click.echo(f"  [{a.type}] {who} | {cue} | {a.content.text}")
    sys.stdout.flush()


COMMANDS = [extract]
