"""The same pipeline on a Dask LocalCluster of two worker processes."""

from __future__ import annotations

from pathlib import Path

import pytest
from support.fakes import fake_loader, fake_processor, make_articles

from attribution.incremental import RunOptions, process_corpus
from attribution.pipeline import Failure
from attribution.runner import ClusterError, EngineSpec
from attribution.store import Store

pytest.importorskip("distributed")

pytestmark = pytest.mark.slow


def dicts(results: list) -> list[dict]:
    return [r.to_dict() for r in results]


def test_a_local_cluster_streams_every_result_into_the_store(tmp_path: Path) -> None:
    db = tmp_path / "r.db"
    articles = make_articles(12, {5: "BOOM"} | {i: "SLOW:0.1" for i in (0, 1, 2)})
    failures: list[Failure] = []
    progress: list[int] = []
    options = RunOptions(db=str(db), dask="local", jobs=2, loader=fake_loader,
                         processor=fake_processor)
    run = process_corpus(articles, options, on_failure=failures.append,
                         on_progress=lambda done, total: progress.append(done))
    assert [f.message for f in failures] == ["corpus/a005.txt: no sentence could be parsed"]
    assert (run.processed, run.failed) == (11, 1)
    assert progress == list(range(13))
    # results come back in input order, equal to the ones made in this process
    assert [r.article.id for r in run.results] == [a.id for i, a in enumerate(articles) if i != 5]
    engine = fake_loader(EngineSpec())
    for r in run.results:
        here = fake_processor(r.article, engine)
        assert [a.content for a in r.attributions] == [a.content for a in here.attributions]
        assert r.entities == here.entities
    # two worker processes, neither of them this one, each loaded the engine once
    loads = {a.pattern for r in run.results for a in r.attributions}
    pids = {p.split(":")[0] for p in loads}
    assert 1 <= len(pids) <= 2 and str(engine.pid) not in pids
    assert all(p.endswith(":1") for p in loads)
    with Store(db) as store:
        assert store.count() == 11 and store.check() == []

    failures.clear()
    again = process_corpus(articles, options, on_failure=failures.append)
    # only the failed article is tried again (and fails again)
    assert (again.processed, again.unchanged, again.failed) == (0, 11, 1)
    assert [f.path for f in failures] == ["corpus/a005.txt"]
    assert dicts(again.results) == dicts(run.results)


def test_an_unreachable_scheduler_is_one_clear_error() -> None:
    import dask

    with dask.config.set({"distributed.comm.timeouts.connect": "2s"}), pytest.raises(ClusterError, match=r"cannot reach the Dask scheduler at tcp://127\.0\.0\.1:9"):
        process_corpus(make_articles(1),
                       RunOptions(dask="tcp://127.0.0.1:9", loader=fake_loader,
                                  processor=fake_processor),
                       on_failure=lambda f: None)


def test_the_real_stages_on_a_local_cluster_match_one_process(tmp_path: Path,
                                                              eval_dir: Path) -> None:
    from support.fakes import real_paths

    from attribution.reader import iter_articles

    failures: list[Failure] = []
    here = process_corpus(iter_articles(real_paths(eval_dir), lang="fr"),
                          RunOptions(EngineSpec("spacy", cache_dir=str(tmp_path / "cache"))),
                          on_failure=failures.append)
    there = process_corpus(iter_articles(real_paths(eval_dir), lang="fr"),
                           RunOptions(EngineSpec("spacy", use_cache=False), dask="local",
                                      jobs=2, db=str(tmp_path / "r.db")),
                           on_failure=failures.append)
    assert failures == []
    assert all(r.attributions for r in here.results)
    assert dicts(there.results) == dicts(here.results)
