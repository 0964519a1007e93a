"""Many articles at once: in this process, in N worker processes, or on a Dask cluster.

Whatever the mode, each worker loads the parsing model once, every article
yields either an ArticleResult or a one-line Failure, and the batch goes on.
``process_corpus`` ties the modes to the results store (:mod:`attribution.store`):
it skips the articles whose stored result still holds, processes the others,
writes each result as it arrives, and returns the results in input order.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
import signal
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any

from .errors import AttributionError, InputError
from .pipeline import Failure
from .records import Article, ArticleResult

Outcome = ArticleResult | Failure
Processor = Callable[[Article, Any], ArticleResult]  # (article, engine) -> result
ProgressCallback = Callable[[int, int], None]  # (done, total)


class ClusterError(AttributionError):
    """A Dask cluster that cannot be reached or started."""


@dataclass(frozen=True)
class TransientFailure(Failure):
    """A failure of the machinery (a worker died, an engine did not load), not of the article.

    The store does not remember it: the next run tries the article again.
    """


@dataclass(frozen=True)
class EngineSpec:
    """What a worker needs to load the engine itself: the arguments of ``parse.get_engine``."""

    name: str = "auto"
    model: str | None = None
    cache_dir: str | None = None
    use_cache: bool = True


def load_engine(spec: EngineSpec) -> Any:
    """The default loader: ``attribution.parse.get_engine`` with the spec's arguments."""
    from .parse import get_engine

    return get_engine(spec.name, model=spec.model, cache_dir=spec.cache_dir,
                      use_cache=spec.use_cache)


def default_processor(article: Article, engine: Any) -> ArticleResult:
    """Parse, extract and resolve one article (``pipeline.process_article``)."""
    from .pipeline import process_article

    return process_article(article, engine)


def process_one(article: Article, engine: Any, processor: Processor) -> Outcome:
    """One article; any error becomes a one-line Failure naming the file."""
    try:
        return processor(article, engine)
    except AttributionError as exc:
        return Failure(article.path, f"{article.path}: {exc}")
    except Exception as exc:  # a bug must not cost the rest of the batch
        return Failure(article.path,
                       f"{article.path}: internal error ({type(exc).__name__}: {exc})")


def _limit_threads(workers: int) -> None:
    """Share the cores between workers, so that N workers do not run N x cores threads."""
    threads = str(max(1, (os.cpu_count() or 1) // max(1, workers)))
    for var in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
        os.environ.setdefault(var, threads)


# -- one process ---------------------------------------------------------------------------------

def serial_stream(todo: Iterable[tuple[int, Article]], engine: Any,
                  processor: Processor) -> Iterator[tuple[int, Outcome]]:
    for idx, article in todo:
        yield idx, process_one(article, engine, processor)


# -- worker processes ----------------------------------------------------------------------------

_worker: dict[str, Any] = {}

# Imported once by the fork server, so that each worker starts with them in memory.
_PRELOAD = ["attribution.parallel", "attribution.pipeline", "attribution.parse",
            "attribution.extract", "attribution.resolve", "spacy"]


def _context() -> Any:
    """Workers never fork this process (it may hold threads or a model): a fork server where
    the platform has one (a clean process that imported the library once), else spawn."""
    if "forkserver" in multiprocessing.get_all_start_methods():
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(_PRELOAD)  # a module that fails to import is skipped
        return ctx
    return multiprocessing.get_context("spawn")


def _init_worker(spec: EngineSpec, loader: Callable[[EngineSpec], Any], processor: Processor,
                 workers: int) -> None:
    """Runs once in each worker process: load the engine, keep it for every article."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    parent = multiprocessing.parent_process()
    if parent is not None:  # a parent killed with -9 must not leave workers behind
        threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True).start()
    _limit_threads(workers)
    _worker["processor"] = processor
    try:
        _worker["engine"] = loader(spec)
    except Exception as exc:  # reported once per article by _work, as a one-line failure
        _worker["error"] = exc


def _exit_with_parent(parent: multiprocessing.process.BaseProcess) -> None:
    parent.join()  # returns when the parent's sentinel closes, i.e. when it is gone
    os._exit(1)


def _work(article: Article) -> Outcome:
    if "error" in _worker:
        exc = _worker["error"]
        detail = str(exc) if isinstance(exc, AttributionError) else f"{type(exc).__name__}: {exc}"
        return TransientFailure(article.path, f"{article.path}: cannot load the engine ({detail})")
    return process_one(article, _worker["engine"], _worker["processor"])


def pool_stream(todo: Iterable[tuple[int, Article]], spec: EngineSpec, jobs: int,
                processor: Processor,
                loader: Callable[[EngineSpec], Any] = load_engine) -> Iterator[tuple[int, Outcome]]:
    """Process ``(index, article)`` pairs in ``jobs`` worker processes; yield in index order.

    At most ``2 * jobs`` articles are in flight. When a worker dies (out of memory, a
    crash in native code), the pool is restarted and the articles that were in flight
    run again one at a time, so that only the one that kills a worker is reported.
    """
    ctx = _context()

    def new_pool() -> ProcessPoolExecutor:
        return ProcessPoolExecutor(max_workers=jobs, mp_context=ctx, initializer=_init_worker,
                                   initargs=(spec, loader, processor, jobs))

    pending = iter(todo)
    retry: deque[tuple[int, Article]] = deque()
    suspects: set[int] = set()
    inflight: dict[int, tuple[Article, Future[Outcome]]] = {}
    window = 2 * jobs
    pool = new_pool()
    try:
        while True:
            # a suspect runs alone, so that a second death names the culprit for sure
            while len(inflight) < (1 if retry or suspects & inflight.keys() else window):
                if retry:
                    idx, article = retry.popleft()
                else:
                    nxt = next(pending, None)
                    if nxt is None:
                        break
                    idx, article = nxt
                inflight[idx] = (article, pool.submit(_work, article))
            if not inflight:
                return
            idx = min(inflight)  # results go out in input order
            article, future = inflight[idx]
            try:
                outcome = future.result()
            except BrokenProcessPool:
                pool.shutdown(wait=True, cancel_futures=True)
                pool = new_pool()
                dead = []
                for i in sorted(inflight):
                    a = inflight[i][0]
                    if i in suspects:
                        dead.append((i, TransientFailure(
                            a.path, f"{a.path}: the worker process died while processing it "
                                    "(out of memory, or a crash in the parser)")))
                    else:
                        suspects.add(i)
                        retry.append((i, a))
                inflight.clear()
                yield from dead
                continue
            del inflight[idx]
            suspects.discard(idx)
            yield idx, outcome
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


# -- Dask ----------------------------------------------------------------------------------------

_engines: dict[tuple[EngineSpec, Callable[[EngineSpec], Any]], Any] = {}
_engines_lock = threading.Lock()


def _cached_engine(spec: EngineSpec, loader: Callable[[EngineSpec], Any]) -> Any:
    """The engine of this worker process, loaded on its first partition and kept."""
    with _engines_lock:
        key = (spec, loader)
        if key not in _engines:
            _engines[key] = loader(spec)
        return _engines[key]


def _dask_partition(spec: EngineSpec, loader: Callable[[EngineSpec], Any], processor: Processor,
                    part: list[tuple[int, Article]]) -> list[tuple[int, Outcome]]:
    try:
        engine = _cached_engine(spec, loader)
    except Exception as exc:
        detail = str(exc) if isinstance(exc, AttributionError) else f"{type(exc).__name__}: {exc}"
        return [(i, TransientFailure(a.path, f"{a.path}: cannot load the engine ({detail})"))
                for i, a in part]
    return [(i, process_one(a, engine, processor)) for i, a in part]


def partition_size(n: int, workers: int) -> int:
    """About four partitions per worker (load balance), 1 to 64 articles each (overhead, memory)."""
    return max(1, min(64, -(-n // (4 * max(1, workers)))))


@contextlib.contextmanager
def dask_client(address: str, workers: int) -> Iterator[Any]:
    """A client of the scheduler at ``address``, or of a LocalCluster of ``workers`` processes."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:
        raise ClusterError("--dask needs dask.distributed: pip install 'attribution[dask]'") from exc
    with contextlib.ExitStack() as stack:
        try:
            if address == "local":
                threads = str(max(1, (os.cpu_count() or 1) // max(1, workers)))
                cluster = stack.enter_context(LocalCluster(
                    n_workers=workers, threads_per_worker=1, processes=True,
                    dashboard_address=None, silence_logs=logging.ERROR,
                    env={"OMP_NUM_THREADS": threads, "MKL_NUM_THREADS": threads}))
                client = stack.enter_context(Client(cluster))
            else:
                # timeout: dask's distributed.comm.timeouts.connect (30 s unless configured)
                client = stack.enter_context(Client(address))
        except (OSError, TimeoutError) as exc:
            raise ClusterError(f"cannot reach the Dask scheduler at {address} ({exc})") from exc
        yield client


def dask_stream(todo: Sequence[tuple[int, Article]], spec: EngineSpec, client: Any,
                processor: Processor,
                loader: Callable[[EngineSpec], Any] = load_engine) -> Iterator[tuple[int, Outcome]]:
    """Process ``(index, article)`` pairs on a Dask cluster; yield as partitions complete.

    Two partitions per worker are in flight at a time: the scheduler and the
    workers hold a few partitions, not the corpus, and results come back as
    they are done.
    """
    from distributed import as_completed

    workers = max(1, len(client.scheduler_info().get("workers", {})))
    size = partition_size(len(todo), workers)
    parts = iter([list(todo[i:i + size]) for i in range(0, len(todo), size)])
    by_key: dict[str, list[tuple[int, Article]]] = {}
    queue = as_completed()

    def submit() -> None:
        part = next(parts, None)
        if part is not None:
            future = client.submit(_dask_partition, spec, loader, processor, part, pure=False)
            by_key[future.key] = part
            queue.add(future)

    for _ in range(2 * workers):
        submit()
    for future in queue:
        part = by_key.pop(future.key)
        try:
            outcomes = future.result()
        except Exception as exc:  # the task itself failed: e.g. its workers kept dying
            outcomes = [(i, TransientFailure(a.path, f"{a.path}: Dask task failed "
                                                     f"({type(exc).__name__}: {exc})"))
                        for i, a in part]
        future.release()
        submit()
        yield from outcomes


# -- a corpus, with the store ------------------------------------------------------------------

def _engine_of(parser: Any, article: Article) -> tuple[str, str] | None:
    """The engine and model that parse this article's language; None where none does."""
    try:
        engine = parser.for_lang(article.lang or "fr")  # the default of pipeline.process_article
    except AttributionError:  # processing will say why, as a one-line failure
        return None
    return engine.name, engine.model_id


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


def process_corpus(
    items: Iterable[Article | InputError],
    spec: EngineSpec,
    *,
    on_failure: Callable[[Failure], None],
    on_note: Callable[[str], None] | None = None,
    on_progress: ProgressCallback | None = None,
    db: str | None = None,
    jobs: int = 1,
    dask: str | None = None,
    paths: Sequence[str] = (),
    keep_results: bool = True,
    prune: bool = False,
    loader: Callable[[EngineSpec], Any] | None = None,
    processor: Processor | None = None,
) -> CorpusRun:
    """Process a corpus in the chosen mode, through the store when ``db`` is given.

    ``jobs``: worker processes (0: one per CPU); with ``dask`` ("local" or a
    scheduler address) the work goes to a Dask cluster instead, a LocalCluster
    having ``jobs`` workers (one per CPU when ``jobs`` is 0 or 1). With a store,
    fresh articles are read back instead of processed, unless ``spec.use_cache``
    is false; ``prune`` then deletes the stored articles under ``paths`` that
    were not read (deleted files). ``keep_results=False`` returns no results.
    ``loader`` (default ``load_engine``) and ``processor`` (default
    ``default_processor``) must be module-level functions, for the workers.
    """
    from .store import Key, Store, source_of

    loader = loader or load_engine
    processor = processor or default_processor
    jobs = jobs if jobs > 0 else (os.cpu_count() or 1)
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
        with contextlib.ExitStack() as stack:
            stream: Iterator[tuple[int, Outcome]]
            if dask:
                workers = jobs if jobs > 1 else (os.cpu_count() or 1)
                client = stack.enter_context(dask_client(dask, workers))
                stream = dask_stream(todo, spec, client, processor, loader)
            elif min(jobs, len(todo)) > 1:
                stream = pool_stream(todo, spec, min(jobs, len(todo)), processor, loader)
            else:
                stream = serial_stream(todo, parser, processor)
            stack.callback(getattr(stream, "close", lambda: None))
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
                    elif keep_results:
                        kept[idx] = outcome
                if on_progress:
                    on_progress(done, len(todo))
        if store and prune:
            pruned = store.prune(places, paths)
        status = "done"
        if store and keep_results:
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


def index_corpus(
    paths: Sequence[str],
    *,
    db: str,
    engine: str = "auto",
    model: str | None = None,
    cache_dir: str | None = None,
    use_cache: bool = True,
    lang: str | None = None,
    jobs: int = 1,
    dask: str | None = None,
    prune: bool = False,
    on_failure: Callable[[Failure], None],
    on_note: Callable[[str], None] | None = None,
    on_progress: ProgressCallback | None = None,
) -> CorpusRun:
    """Fill the results database ``db`` from ``paths``: what ``attribution index`` does.

    Returns the counts only (no results): read them with ``store.load_results``.
    """
    from .reader import iter_articles

    return process_corpus(
        iter_articles(list(paths), lang=lang, on_note=on_note),
        EngineSpec(engine, model, cache_dir, use_cache),
        on_failure=on_failure, on_note=on_note, on_progress=on_progress, db=db, jobs=jobs,
        dask=dask, paths=list(paths), keep_results=False, prune=prune)
