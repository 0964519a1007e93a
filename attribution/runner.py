"""Many articles at once: in this process, in N worker processes, or on a Dask cluster.

Whatever the mode, each worker loads the parsing model once, every article
yields either an ArticleResult or a one-line Failure (``stages.attempt``), and
the batch goes on. What to run and what to keep is ``incremental``'s business.
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

from . import stages
from .errors import AttributionError
from .parse import get_engine
from .records import Article, ArticleResult
from .stages import Outcome, Processor, TransientFailure, attempt, describe


class ClusterError(AttributionError):
    """A Dask cluster that cannot be reached or started."""


@dataclass(frozen=True)
class EngineSpec:
    """What a worker needs to load the engine itself: the arguments of ``parse.get_engine``."""

    name: str = "auto"
    model: str | None = None
    cache_dir: str | None = None
    use_cache: bool = True
    full_parse: bool | None = None  # spaCy: every sentence (None: $ATTRIBUTION_FULL_PARSE decides)


def load_engine(spec: EngineSpec) -> Any:
    """The default loader: ``attribution.parse.get_engine`` with the spec's arguments."""
    return get_engine(spec.name, model=spec.model, cache_dir=spec.cache_dir,
                      use_cache=spec.use_cache, full_parse=spec.full_parse)


def default_processor(article: Article, engine: Any) -> ArticleResult:
    """Parse, extract and resolve one article (``stages.process_article``, looked up at each
    call so that a test can replace it)."""
    return stages.process_article(article, engine)


def engine_failure(article: Article, exc: Exception) -> TransientFailure:
    """An article that was not tried because the engine could not be loaded."""
    return TransientFailure(article.path, f"{article.path}: cannot load the engine ({describe(exc)})")


def _limit_threads(workers: int) -> None:
    """Share the cores between workers, so that N workers do not run N x cores threads."""
    threads = str(max(1, (os.cpu_count() or 1) // max(1, workers)))
    for var in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
        os.environ.setdefault(var, threads)


# -- one process ---------------------------------------------------------------------------------

def serial_stream(todo: Iterable[tuple[int, Article]], engine: Any,
                  processor: Processor) -> Iterator[tuple[int, Outcome]]:
    for idx, article in todo:
        yield idx, attempt(article, engine, processor)


# -- worker processes ----------------------------------------------------------------------------

_worker: dict[str, Any] = {}

# Imported once by the fork server, so that each worker starts with them in memory.
_PRELOAD = ["attribution.runner", "attribution.stages", "attribution.parse",
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
        return engine_failure(article, _worker["error"])
    return attempt(article, _worker["engine"], _worker["processor"])


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
        return [(i, engine_failure(a, exc)) for i, a in part]
    return [(i, attempt(a, engine, processor)) for i, a in part]


def partition_size(n: int, workers: int) -> int:
    """About four partitions per worker (load balance), 1 to 64 articles each (overhead, memory)."""
    return max(1, min(64, -(-n // (4 * max(1, workers)))))


@contextlib.contextmanager
def dask_client(address: str, workers: int) -> Iterator[Any]:
    """A client of the scheduler at ``address``, or of a LocalCluster of ``workers`` processes."""
    try:
        from distributed import Client, LocalCluster  # deferred: optional extra, heavy to import
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
    from distributed import as_completed  # deferred: optional extra, heavy to import

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


# -- choosing the mode -----------------------------------------------------------------------------

@contextlib.contextmanager
def outcomes(todo: Sequence[tuple[int, Article]], spec: EngineSpec, engine: Any, *, jobs: int,
             dask: str | None, processor: Processor,
             loader: Callable[[EngineSpec], Any]) -> Iterator[Iterator[tuple[int, Outcome]]]:
    """The outcomes of ``(index, article)`` pairs, in the mode asked for; closed on exit.

    ``dask`` ("local" or a scheduler address): a Dask cluster, a LocalCluster having
    ``jobs`` workers (one per CPU when ``jobs`` is 1); else ``jobs`` worker processes
    when there is more than one article for them, else this process with ``engine``.
    """
    with contextlib.ExitStack() as stack:
        stream: Iterator[tuple[int, Outcome]]
        if dask:
            workers = jobs if jobs > 1 else (os.cpu_count() or 1)
            client = stack.enter_context(dask_client(dask, workers))
            stream = dask_stream(todo, spec, client, processor, loader)
        elif min(jobs, len(todo)) > 1:
            stream = pool_stream(todo, spec, min(jobs, len(todo)), processor, loader)
        else:
            stream = serial_stream(todo, engine, processor)
        stack.callback(getattr(stream, "close", lambda: None))
        yield stream
