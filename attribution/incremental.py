"""A corpus run against the results store: skip what the store holds, process the rest,
write each result as it arrives.

``process_corpus`` takes the articles as the reader yields them and a ``RunOptions``;
the articles are run by :mod:`attribution.runner` (this process, worker processes or
Dask). Without a store it simply keeps the results, in input order.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from . import runner
from .errors import AttributionError, InputError
from .records import Article, ArticleResult
from .runner import EngineSpec
from .stages import Failure, Processor, TransientFailure, made_by
from .store import Key, Store, source_of

ProgressCallback = Callable[[int, int], None]  # (done, total)


@dataclass(frozen=True)
class RunOptions:
    """How to run a corpus.

    ``jobs``: worker processes (0: one per CPU); with ``dask`` ("local" or a
    scheduler address) the work goes to a Dask cluster instead. With a store
    (``db``), fresh articles are read back instead of processed, unless
    ``engine.use_cache`` is false; ``prune`` then deletes the stored articles
    under the paths given that were not read (deleted files).
    ``keep_results=False`` returns no results (counts only). ``loader`` (default
    ``runner.load_engine``) and ``processor`` (default ``runner.default_processor``)
    must be module-level functions, for the workers.
    """

    engine: EngineSpec = EngineSpec()
    db: str | None = None
    jobs: int = 1
    dask: str | None = None
    keep_results: bool = True
    prune: bool = False
    loader: Callable[[EngineSpec], Any] | None = None
    processor: Processor | None = None


@dataclass(frozen=True)
class CorpusRun:
    """What ``process_corpus`` did: results in input order and the counts."""

    results: list[ArticleResult]
    processed: int
    unchanged: int
    failed: int
    engine: str
    model: str
    pruned: int = 0


def _engine_of(parser: Any, article: Article) -> tuple[str, str] | None:
    """The engine and model that will make this article's result; None where none can."""
    try:
        return made_by(article, parser)
    except AttributionError:  # processing will say why, as a one-line failure
        return None


def process_corpus(
    items: Iterable[Article | InputError],
    options: RunOptions = RunOptions(),
    *,
    paths: Sequence[str] = (),
    on_failure: Callable[[Failure], None],
    on_note: Callable[[str], None] | None = None,
    on_progress: ProgressCallback | None = None,
) -> CorpusRun:
    """Process a corpus as ``options`` say, through the store when ``options.db`` is given.

    ``paths``: the paths the articles were read from (recorded with the run, and
    the scope of ``prune``). Failures go to ``on_failure`` and the rest goes on;
    ``on_progress(done, total)`` follows the articles that are really processed.
    """
    spec, db = options.engine, options.db
    # looked up at each call, so that a test can replace the module's defaults
    loader = options.loader or runner.load_engine
    processor = options.processor or runner.default_processor
    jobs = options.jobs if options.jobs > 0 else (os.cpu_count() or 1)
    parser = loader(spec)
    engine_name, model_id = parser.name, parser.model_id
    if on_note and getattr(parser, "choice_note", None):
        on_note(parser.choice_note)
    store = Store(db) if db else None
    run_id: int | None = None
    processed = unchanged = failed = pruned = 0
    keys: list[Key | None] = []  # the store key of each article read; None: no engine for it
    places: list[tuple[str, int]] = []  # (source, part): the file and rank of each article
    parts: dict[str, int] = {}  # articles read so far from each file
    kept: dict[int, ArticleResult] = {}
    status = "interrupted"

    def fail(failure: Failure) -> None:
        nonlocal failed
        failed += 1
        if store and run_id is not None:
            store.record_failure(run_id, failure.path, failure.message)
        on_failure(failure)

    try:
        if store:
            run_id = store.begin_run(engine_name, model_id, paths, jobs)
        todo: list[tuple[int, Article]] = []
        articles: dict[int, Article] = {}  # those to process, by index
        for item in items:
            if isinstance(item, InputError):
                fail(Failure(item.path, str(item)))
                continue
            source = source_of(item.path)
            part = parts[source] = parts.get(source, -1) + 1
            places.append((source, part))
            which = _engine_of(parser, item)
            keys.append((source, part, *which) if which else None)
            if store and which and spec.use_cache:
                if store.reuse(item, part, *which):
                    unchanged += 1
                    continue
                known = store.known_failure(item, part, *which)
                if known:  # the same input failed before: the same failure, without the work
                    fail(Failure(item.path, known))
                    continue
            todo.append((len(keys) - 1, item))
            articles[len(keys) - 1] = item
        if store and on_note:
            on_note(f"{db}: {unchanged} unchanged, {len(todo)} to process")
        if on_progress:
            on_progress(0, len(todo))
        with runner.outcomes(todo, spec, parser, jobs=jobs, dask=options.dask,
                             processor=processor, loader=loader) as stream:
            for done, (idx, outcome) in enumerate(stream, 1):
                old = keys[idx]
                if isinstance(outcome, Failure):
                    if store and old:  # a stored result of an older text no longer holds
                        if isinstance(outcome, TransientFailure):
                            store.forget(old)
                        else:
                            store.remember_failure(articles[idx], old[1], old[2], old[3],
                                                   outcome.message)
                    fail(outcome)
                else:
                    processed += 1
                    source, part = places[idx]
                    keys[idx] = (source, part, outcome.engine, outcome.model)
                    if store:
                        store.put(outcome, part, run_id)
                    elif options.keep_results:
                        kept[idx] = outcome
                if on_progress:
                    on_progress(done, len(todo))
        if store and options.prune:
            pruned = store.prune(places, paths)
        status = "done"
        if store and options.keep_results:
            results = store.get([k for k in keys if k])
        else:
            results = [kept[i] for i in sorted(kept)]
    finally:
        if store:
            if run_id is not None:
                with contextlib.suppress(Exception):  # never hide the exception that got us here
                    store.end_run(run_id, processed=processed, unchanged=unchanged,
                                  failed=failed, status=status)
            store.close()
    return CorpusRun(results, processed, unchanged, failed, engine_name, model_id, pruned)
