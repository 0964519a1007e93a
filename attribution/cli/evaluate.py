"""`attribution evaluate`: score extraction against gold annotations, and the CI gate."""

from __future__ import annotations

import os
import sys

import click

from .. import evaluate as lib
from .. import gate
from ..errors import AttributionError, GateFailure
from ..parse import get_engine
from ..render import render
from .common import engine_options, fail, note

FORMATS = ("table", "markdown", "json")


@click.command()
@click.argument("gold", nargs=-1, required=True, type=click.Path())
@engine_options
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
@click.option("--per-article/--overall-only", default=True, show_default=True,
              help="Show a row per article (table) or keep only the totals (both formats).")
@click.option("--predictions", type=click.Path(exists=True, dir_okay=False), default=None,
              help="Score this `attribution extract --format json` output instead of running the pipeline.")
@click.option("--gate", "gate_path", type=click.Path(exists=True, dir_okay=False), default=None,
              help="Fail (exit 1) when a figure falls below its minimum in this JSON file.")
@click.option("--update-minimums", "update_path", type=click.Path(dir_okay=False), default=None,
              help="Pin the measured figures in this JSON file (raising them; see --allow-lower).")
@click.option("--allow-lower", is_flag=True,
              help="With --update-minimums: also lower pins where the figures fell.")
def evaluate(gold: tuple[str, ...], engine: str, model: str | None, cache_dir: str | None,
             no_cache: bool, full_parse: bool, fmt: str, per_article: bool, predictions: str | None,
             gate_path: str | None, update_path: str | None, allow_lower: bool) -> None:
    """Score extraction on the gold files under GOLD (NAME.json beside NAME.txt): P/R/F1 at 30%
    and 80% overlap, speaker and type accuracy, recall per quote type, not-quote rate."""
    if allow_lower and not update_path:
        raise click.UsageError("--allow-lower only goes with --update-minimums")
    try:
        minimums = gate.Minimums.load(gate_path) if gate_path else None
        changed = gate.check_gold(minimums, gold) if minimums is not None and not update_path else None
        if changed:  # before any parsing: the pins say nothing about other gold
            raise GateFailure(f"gate failed: {changed}")
        if predictions:
            predict = lib.predictions_predictor(predictions)
            engine_name = "predictions"
        else:
            if engine == "auto" and minimums is not None:
                engine = minimums.engine  # the gate's figures were measured with its own engine
            parser = get_engine(engine, model=model, cache_dir=cache_dir, use_cache=not no_cache,
                                full_parse=full_parse or None)
            if parser.choice_note:
                note(parser.choice_note)
            predict = lib.pipeline_predictor(parser)
            engine_name = engine
        report = lib.evaluate(gold, predict, engine=engine_name,
                                on_failure=lambda m: click.echo(f"error: {m}", err=True))
    except AttributionError as exc:
        raise fail(exc) from exc
    if fmt == "json":
        d = report.to_dict()
        if not per_article:
            d.pop("articles", None)
        click.echo(render(d, "json"), nl=False)
    else:
        click.echo(render(lib.scores_table(report, per_article=per_article), fmt), nl=False)
    status = 1 if report.failures else 0
    if update_path:
        try:
            try:
                current = gate.Minimums.load(update_path)
            except AttributionError:
                current = gate.Minimums(pinned={}, engine=engine_name)
            new, changes = gate.update_minimums(report, current, allow_lower=allow_lower, gold=gold)
            new.save(update_path)
            if gate_path and os.path.samefile(gate_path, update_path):
                minimums = new  # the gate checks the pins just measured
        except AttributionError as exc:
            raise fail(exc) from exc
        for line in changes or ["no pinned figure changed"]:
            note(f"minimums: {line}")
    if minimums is not None:
        failures = gate.check_gate(report, minimums, gold)
        if failures:
            raise fail(GateFailure("gate failed: " + "; ".join(failures)))
        note(f"gate passed ({gate_path})")
    sys.exit(status)


COMMANDS = [evaluate]
