"""`attribution extract`: attributions of every article, as JSON Lines or a readable listing."""

from __future__ import annotations

import json
import sys

import click

from ..errors import AttributionError
from ..parse import get_engine
from ..pipeline import process_all
from ..reader import iter_articles
from ..records import ArticleResult
from .common import LANG_HELP, FailureLog, check_lang_option, engine_options, fail, note


@click.command()
@click.argument("paths", nargs=-1, required=True)
@engine_options
@click.option("--lang", default=None, callback=check_lang_option, help=LANG_HELP)
@click.option("--format", "fmt", type=click.Choice(["json", "text"]), default="json", show_default=True)
@click.option("--with-text/--without-text", default=False,
              help="Include each article's full text in the JSON.")
def extract(paths: tuple[str, ...], engine: str, model: str | None, cache_dir: str | None,
            no_cache: bool, lang: str | None, fmt: str, with_text: bool) -> None:
    """Find who said what in FILE_OR_DIR... (text, HTML, JSONL, folders)."""
    log = FailureLog()
    try:
        parser = get_engine(engine, model=model, cache_dir=cache_dir, use_cache=not no_cache)
    except AttributionError as exc:
        raise fail(exc) from exc
    if parser.choice_note:
        note(parser.choice_note)
    try:
        articles = iter_articles(paths, lang=lang, on_note=note)
        for result in process_all(articles, parser, log):
            _emit(result, fmt, with_text)
    except AttributionError as exc:
        raise fail(exc) from exc
    sys.exit(log.exit_code)


def _emit(result: ArticleResult, fmt: str, with_text: bool) -> None:
    """One article on stdout: a JSON line, or a short listing for people."""
    if fmt == "json":
        d = result.to_dict()
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
