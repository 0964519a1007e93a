"""Worker processes: one model load per worker, input order kept, failures one line each.

The machinery is tested with a fake engine and processor (module-level, so that
spawned workers can import them): they find «...» quotes with a regex, sleep
when told to, and fail in the ways that real stages can fail.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from support.fakes import (
    fake_loader,
    fake_processor,
    make_articles,
    real_paths,
)

from attribution.errors import InputError
from attribution.incremental import RunOptions, process_corpus
from attribution.pipeline import Failure
from attribution.records import (
    Article,
    ArticleResult,
)
from attribution.runner import EngineSpec, pool_stream, serial_stream


def outcomes(stream) -> list[tuple[int, ArticleResult | Failure]]:
    return list(stream)


def test_serial_stream_processes_every_article_in_order() -> None:
    arts = make_articles(4, {2: "BOOM"})
    out = outcomes(serial_stream(enumerate(arts), fake_loader(EngineSpec()), fake_processor))
    assert [i for i, _ in out] == [0, 1, 2, 3]
    assert isinstance(out[2][1], Failure)
    assert out[2][1].message == "corpus/a002.txt: no sentence could be parsed"
    first = out[0][1]
    assert isinstance(first, ArticleResult)
    assert [a.content.text for a in first.attributions] == [" numéro 0 ", " encore 0 "]


def test_pool_keeps_input_order_and_loads_the_engine_once_per_worker() -> None:
    # the first articles are the slowest, so they finish last
    arts = make_articles(8, {i: f"SLOW:{0.4 - 0.05 * i:.2f}" for i in range(8)})
    spec = EngineSpec(model="fake-1")
    parallel = outcomes(pool_stream(enumerate(arts), spec, 2, fake_processor, fake_loader))
    assert [i for i, _ in parallel] == list(range(8))
    serial = outcomes(serial_stream(enumerate(arts), fake_loader(spec), fake_processor))
    for (_, p), (_, s) in zip(parallel, serial, strict=True):
        assert isinstance(p, ArticleResult) and isinstance(s, ArticleResult)
        assert [a.content for a in p.attributions] == [a.content for a in s.attributions]
        assert p.article == s.article and p.entities == s.entities and p.words == s.words
    loads = {a.pattern for _, r in parallel if isinstance(r, ArticleResult) for a in r.attributions}
    pids = {p.split(":")[0] for p in loads}
    assert pids and str(os.getpid()) not in pids  # the work happened in the workers
    assert len(pids) <= 2
    assert all(p.endswith(":1") for p in loads)  # one engine load in each worker


def test_pool_failures_are_one_line_each_and_the_batch_goes_on() -> None:
    arts = make_articles(6, {1: "BOOM", 3: "CRASH"})
    out = outcomes(pool_stream(enumerate(arts), EngineSpec(), 2, fake_processor, fake_loader))
    messages = {i: r.message for i, r in out if isinstance(r, Failure)}
    assert messages == {1: "corpus/a001.txt: no sentence could be parsed",
                        3: "corpus/a003.txt: internal error (ValueError: bad index)"}
    assert sum(isinstance(r, ArticleResult) for _, r in out) == 4
    assert all("\n" not in m for m in messages.values())


def test_a_worker_that_dies_costs_only_its_own_article() -> None:
    arts = make_articles(7, {2: "DIE SLOW:0.2", 1: "SLOW:0.3", 3: "SLOW:0.3"})
    out = outcomes(pool_stream(enumerate(arts), EngineSpec(), 2, fake_processor, fake_loader))
    assert [i for i, _ in out] == list(range(7))
    failed = [(i, r.message) for i, r in out if isinstance(r, Failure)]
    assert failed == [(2, "corpus/a002.txt: the worker process died while processing it "
                          "(out of memory, or a crash in the parser)")]


def test_an_engine_that_fails_to_load_in_the_workers_fails_each_article_on_one_line() -> None:
    arts = make_articles(3)
    out = outcomes(pool_stream(enumerate(arts), EngineSpec(model="broken-in-workers"), 2,
                               fake_processor, fake_loader))
    assert [r.message for _, r in out if isinstance(r, Failure)] == [
        f"corpus/a00{i}.txt: cannot load the engine (model broken-in-workers is not installed)"
        for i in range(3)]


def test_process_corpus_reports_input_errors_and_progress(tmp_path: Path) -> None:
    items: list[Article | InputError] = list(make_articles(3))
    items.insert(1, InputError("corpus/empty.txt", "empty file"))
    failures: list[Failure] = []
    progress: list[tuple[int, int]] = []
    run = process_corpus(items, RunOptions(loader=fake_loader, processor=fake_processor),
                         on_failure=failures.append,
                         on_progress=lambda done, total: progress.append((done, total)))
    assert [f.message for f in failures] == ["corpus/empty.txt: empty file"]
    assert [r.article.id for r in run.results] == ["a0", "a1", "a2"]
    assert (run.processed, run.unchanged, run.failed) == (3, 0, 1)
    assert progress == [(0, 3), (1, 3), (2, 3), (3, 3)]


def test_process_corpus_with_jobs_gives_the_serial_results(tmp_path: Path) -> None:
    arts = make_articles(5, {3: "BOOM"})
    serial_failures: list[Failure] = []
    serial = process_corpus(arts, RunOptions(loader=fake_loader, processor=fake_processor),
                            on_failure=serial_failures.append)
    pool_failures: list[Failure] = []
    pooled = process_corpus(arts, RunOptions(jobs=2, loader=fake_loader, processor=fake_processor),
                            on_failure=pool_failures.append)
    assert [r.article.id for r in pooled.results] == [r.article.id for r in serial.results]
    assert [f.message for f in pool_failures] == [f.message for f in serial_failures]
    assert [[a.content for a in r.attributions] for r in pooled.results] == \
        [[a.content for a in r.attributions] for r in serial.results]


# -- the real stages -----------------------------------------------------------------------------

@pytest.mark.slow
def test_two_workers_give_the_results_of_one_process_with_the_real_stages(
        tmp_path: Path, eval_dir: Path) -> None:
    from attribution.reader import iter_articles

    failures: list[Failure] = []
    serial = process_corpus(iter_articles(real_paths(eval_dir), lang="fr"),
                            RunOptions(EngineSpec("spacy", cache_dir=str(tmp_path / "cache"))),
                            on_failure=failures.append)
    pooled = process_corpus(iter_articles(real_paths(eval_dir), lang="fr"),
                            RunOptions(EngineSpec("spacy", use_cache=False), jobs=2),
                            on_failure=failures.append)
    assert failures == []
    assert len(serial.results) == 2 and all(r.attributions for r in serial.results)
    assert [r.to_dict() for r in pooled.results] == [r.to_dict() for r in serial.results]
