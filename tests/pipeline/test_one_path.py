"""The one processing path: ``stages.attempt`` is where an error becomes a one-line Failure
(for every mode of running), ``pipeline.run`` links the corpus and the store does not, the
evaluation runs the same stages without a silent fallback, and JSONL record names key the store.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from support.fakes import fake_loader, fake_processor, make_articles

from attribution import runner, stages
from attribution.credit import credit
from attribution.errors import AttributionError, EvaluationError
from attribution.evaluate import pipeline_predictor
from attribution.pipeline import EngineSpec, Failure, RunOptions, run
from attribution.reader import record_file, record_name
from attribution.records import Article, ArticleResult, Entity
from attribution.report.views import article_view
from attribution.runner import pool_stream, serial_stream
from attribution.stages import TransientFailure, attempt
from attribution.store import _under, load_results, source_of

ARTICLE = Article(id="x", path="corpus/x.txt", text="Il a dit « oui ».", lang="fr")


def raising(exc: BaseException) -> Any:
    def processor(article: Article, engine: Any) -> ArticleResult:
        raise exc
    return processor


# --- the one error wrapping ----------------------------------------------------------------------

def test_a_library_error_is_one_line_naming_the_article() -> None:
    out = attempt(ARTICLE, None, raising(AttributionError("no sentence could be parsed")))
    assert out == Failure("corpus/x.txt", "corpus/x.txt: no sentence could be parsed")


def test_a_bug_is_an_internal_error_naming_the_article() -> None:
    out = attempt(ARTICLE, None, raising(KeyError("lemma")))
    assert out == Failure("corpus/x.txt", "corpus/x.txt: internal error (KeyError: 'lemma')")
    assert not isinstance(out, TransientFailure)


def test_ctrl_c_is_not_a_failure() -> None:
    with pytest.raises(KeyboardInterrupt):
        attempt(ARTICLE, None, raising(KeyboardInterrupt()))


def test_serial_and_worker_processes_wrap_failures_the_same_way() -> None:
    arts = make_articles(4, {1: "BOOM", 2: "CRASH"})
    serial = dict(serial_stream(enumerate(arts), fake_loader(EngineSpec()), fake_processor))
    pooled = dict(pool_stream(enumerate(arts), EngineSpec(), 2, fake_processor, fake_loader))
    for i in (1, 2):
        assert isinstance(serial[i], Failure) and serial[i] == pooled[i]
    assert serial[2].message == "corpus/a002.txt: internal error (ValueError: bad index)"


def test_an_engine_that_cannot_load_is_a_transient_failure() -> None:
    failure = runner.engine_failure(ARTICLE, ImportError("no module named spacy"))
    assert failure == TransientFailure(
        "corpus/x.txt", "corpus/x.txt: cannot load the engine (ImportError: no module named spacy)")


# --- linking is the pipeline's work -------------------------------------------------------------

def test_the_pipeline_links_and_the_store_does_not(tmp_path: Path) -> None:
    for i in range(3):
        (tmp_path / "corpus").mkdir(exist_ok=True)
        (tmp_path / "corpus" / f"a{i}.txt").write_text(
            f"lang: fr\n\nLe ministre a dit « numéro {i} ».\n", encoding="utf-8")
    db = str(tmp_path / "r.db")
    options = RunOptions(EngineSpec(), db=db, loader=fake_loader, processor=fake_processor)
    failures: list[Failure] = []
    linked = run([str(tmp_path / "corpus")], options, on_failure=failures.append).results
    assert failures == [] and len(linked) == 3

    def ids(results: list[ArticleResult]) -> list[str | None]:
        return [e.corpus_id for r in results for e in r.entities]

    assert all(ids(linked)) and len(set(ids(linked))) == 1  # "Le" in each: one source
    assert ids(load_results(db)) == [None, None, None]  # as stored: not linked
    from_store = run([], options, on_failure=failures.append)
    assert from_store.results == linked and from_store.unchanged == 3


# --- evaluation: the same stages, no silent fallback -----------------------------------------------

class _Broken:
    """An engine whose stage imports are missing: once silently scored as extraction alone."""

    def for_lang(self, lang: str) -> Any:
        raise ImportError("cannot import name 'resolve'")


def test_the_predictor_reports_a_failing_article_instead_of_falling_back() -> None:
    predict = pipeline_predictor(_Broken())
    with pytest.raises(EvaluationError,
                       match=r"^corpus/x\.txt: internal error \(ImportError: cannot import name"):
        predict(ARTICLE)


def test_the_predictor_runs_the_stages_of_the_pipeline(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(stages, "process_article", fake_processor)
    monkeypatch.setattr("attribution.evaluate.process_article", fake_processor)
    (found,) = pipeline_predictor(fake_loader(EngineSpec()))(ARTICLE)
    assert found.content.text == " oui "


# --- JSONL record names --------------------------------------------------------------------------

def test_record_names_give_their_file_back() -> None:
    assert record_name("in/feed.jsonl", 42) == "in/feed.jsonl#42"
    assert record_name("in/feed.jsonl", 42, "a b/../c#d") == "in/feed.jsonl#id=a%20b%2F..%2Fc%23d"
    for name in ("in/feed.jsonl#42", "in/feed.jsonl#id=a%20b%2F..%2Fc%23d", "in/feed.jsonl"):
        assert record_file(name) == "in/feed.jsonl"
    assert record_file("in/a#b.txt") == "in/a#b.txt"  # a file with # in its name


def test_the_store_keys_a_record_by_its_file_and_name(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "in").mkdir()
    os.symlink("in", "link")
    name = record_name("link/feed.jsonl", 3, "../x")
    assert source_of(name) == str(tmp_path / "in" / "feed.jsonl") + "#id=..%2Fx"
    assert _under(source_of(name), ["in"]) and _under(source_of(name), ["in/feed.jsonl"])
    assert not _under(source_of(name), ["in/feed"])


# --- internal fields stay out of the report -----------------------------------------------------

def test_the_report_page_shows_the_metadata_but_not_how_it_was_found() -> None:
    article = Article(id="x", path="x.txt", text="Texte.", lang="fr", title="Texte",
                      meta={"lang_source": "detected", "title_from": "first line",
                            "date_from": "inline", "section": "Monde"})
    result = ArticleResult(article, "fake", "fake-1",
                           entities=(Entity("e1", "Le", "person"),))
    view = article_view(credit([result])[0])
    assert [m.key for m in view.meta] == ["section"]
    assert result.to_dict()["meta"]["lang_source"] == "detected"  # still in the data


def test_stored_records_come_back_in_file_order(tmp_path: Path) -> None:
    lines = [f'{{"lang": "fr", "text": "Il a dit « {i} »."}}' for i in range(11)]
    lines[5] = '{"id": "b", "lang": "fr", "text": "Il a dit « b »."}'
    lines[7] = '{"id": "a", "lang": "fr", "text": "Il a dit « a »."}'
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    (tmp_path / "z.txt").write_text("lang: fr\n\nIl a dit « z ».", encoding="utf-8")
    db = str(tmp_path / "r.db")
    options = RunOptions(EngineSpec(), db=db, loader=fake_loader, processor=fake_processor)
    failures: list[Failure] = []
    run([str(tmp_path)], options, on_failure=failures.append)
    assert failures == []
    names = [r.article.path.removeprefix(str(tmp_path) + os.sep) for r in load_results(db)]
    assert names == [f"feed.jsonl#{n}" for n in (1, 2, 3, 4, 5, 7, 9, 10, 11)] + [
        "feed.jsonl#id=a", "feed.jsonl#id=b", "z.txt"]
