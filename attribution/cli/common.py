"""Pieces shared by the commands: engine options, error reporting, exit codes, and the one
way a command gets its corpus processed (``process``, over ``pipeline.run``)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any, NoReturn

import click

from ..credit import DEFAULT_GROUP_BY, GROUP_BY
from ..errors import AttributionError, UnsupportedLanguage
from ..lang import check_supported
from ..pipeline import CorpusRun, EngineSpec, Failure, RunOptions, run
from .progress import Progress

INTERRUPTED = 130  # the shell's code for a process stopped by Ctrl-C (128 + SIGINT)

ENGINES = ("auto", "stanza", "spacy", "conllu")


def engine_options(f: Callable[..., Any]) -> Callable[..., Any]:
    """--engine, --model, --cache-dir / --no-cache, --full-parse, shared by every command that parses."""
    f = click.option("--full-parse", is_flag=True,
                     help="spaCy: parse every sentence, not only those that may carry a claim "
                          "and their neighbours (slower; for comparison).")(f)
    f = click.option("--no-cache", is_flag=True, help="Parse again even when a cached parse exists.")(f)
    f = click.option("--cache-dir", type=click.Path(file_okay=False), default=None,
                     help="Where parses are cached (default: $ATTRIBUTION_CACHE or ~/.cache/attribution).")(f)
    f = click.option("--model", default=None,
                     help="Model of the engine: a spaCy package name, or a Stanza package.")(f)
    f = click.option("--engine", type=click.Choice(ENGINES), default="auto", show_default=True,
                     help="Parser: stanza if its models are installed, else the offline spaCy model.")(f)
    return f


class FailureLog:
    """Collects failures, prints each as one line on stderr, and gives the exit code."""

    def __init__(self) -> None:
        self.failures: list[Failure] = []

    def __call__(self, failure: Failure) -> None:
        self.failures.append(failure)
        click.echo(f"error: {failure.message}", err=True)

    @property
    def exit_code(self) -> int:
        return 1 if self.failures else 0


def fail(exc: AttributionError) -> click.ClickException:
    """The click form of a library error: its message, exit code 1."""
    return click.ClickException(str(exc))


def note(message: str) -> None:
    """One informational line on stderr (never on stdout, which carries data)."""
    print(message, file=sys.stderr)


def check_lang_option(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """--lang normalised (fr, en), or a usage error naming the value and the languages supported."""
    if value is None:
        return None
    try:
        return check_supported(value, "--lang")
    except UnsupportedLanguage as exc:
        raise click.BadParameter(exc.problem, ctx=ctx, param=param) from None


LANG_HELP = "Language of every article: fr or en (default: metadata, else detected)."


def corpus_options(f: Callable[..., Any]) -> Callable[..., Any]:
    """Options of every command that processes a corpus: the engine options, --lang,
    the scale options --db, --jobs and --dask, and --sources and --group-by."""
    f = click.option("--group-by", "group_by", type=click.Choice(GROUP_BY), default=DEFAULT_GROUP_BY,
                     show_default=True,
                     help="Sources: an office (the PM's services) as a source of its own, "
                          "or counted with its head.")(f)
    f = click.option("--sources", "sources", type=click.Path(dir_okay=False), default=None,
                     metavar="FILE", help="Sources file (TOML): merge, split, rename and type "
                                          "sources, map aliases; see the README.")(f)
    f = click.option("--dask", "dask", metavar="ADDRESS", default=None,
                     help="Run on a Dask cluster: its scheduler (tcp://host:8786), or 'local' "
                          "for a local cluster of --jobs workers.")(f)
    f = click.option("-j", "--jobs", type=click.IntRange(min=0), default=1, show_default=True,
                     help="Worker processes, each loading the model once (0: one per CPU).")(f)
    f = click.option("--db", type=click.Path(dir_okay=False), default=None, metavar="FILE",
                     help="Results database: read stored results instead of processing again; "
                          "process and store what is missing or changed.")(f)
    f = click.option("--lang", default=None, callback=check_lang_option, help=LANG_HELP)(f)
    return engine_options(f)


def run_options(options: dict[str, Any], **more: Any) -> RunOptions:
    """The ``RunOptions`` of the options of ``corpus_options`` (``more``: prune, keep_results)."""
    spec = EngineSpec(options.get("engine", "auto"), options.get("model"),
                      options.get("cache_dir"), not options.get("no_cache", False),
                      options.get("full_parse") or None)  # not given: $ATTRIBUTION_FULL_PARSE decides
    return RunOptions(engine=spec, db=options.get("db"), jobs=options.get("jobs", 1),
                      dask=options.get("dask"), **more)


def interrupted(db: str | None) -> NoReturn:
    """Ctrl-C: say what was kept and how to go on, and exit 130."""
    if db:
        note(f"interrupted: what was processed is in {db}; run the same command to resume")
    else:
        note("interrupted: nothing was kept; with --db FILE, a run can resume where it stopped")
    sys.exit(INTERRUPTED)


def process(paths: tuple[str, ...], log: FailureLog, label: str = "processing",
            **options: Any) -> CorpusRun:
    """Process PATHS through ``pipeline.run`` with the options of ``corpus_options``.

    Failures go to ``log``; a progress bar with ETA goes to stderr when it is a
    terminal; a library error is a one-line error (exit 1), Ctrl-C exits 130 with
    the way to resume. ``prune`` and ``keep_results`` go to ``RunOptions``.
    """
    more = {k: options.pop(k) for k in ("prune", "keep_results") if k in options}
    with Progress(label) as progress:
        try:
            return run(paths, run_options(options, **more), lang=options.get("lang"),
                       on_failure=progress.around(log), on_note=progress.around(note),
                       on_progress=progress, sources=options.get("sources"))
        except AttributionError as exc:
            raise fail(exc) from exc
        except KeyboardInterrupt:
            progress.close()
            interrupted(options.get("db"))


def load_corpus(paths: tuple[str, ...], log: FailureLog, **options: Any) -> list:
    """The linked results of PATHS (``process``), in input order; failures go to ``log``.

    With --db and no PATHS, every result stored in the database.
    """
    if not paths and not options.get("db"):
        raise click.UsageError("give the articles to process (PATH...), or --db FILE for stored results")
    return process(paths, log, **options).results
