"""`attribution extract` goes through the one pipeline entry: --db, --jobs and --dask like
every corpus command, and the sources linked across the corpus (``corpus_id``).

The articles are the compare fixture (three versions of one wire story), parsed once by the
offline spaCy model and saved as CoNLL-U, so that the worker processes load no model.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from support.cli import invoke, no_traceback

from attribution.parse import get_engine, write_conllu
from attribution.reader import iter_articles
from attribution.records import Article

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "compare"


@pytest.fixture(scope="module")
def conllu_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    engine = get_engine("spacy", use_cache=False)
    root = tmp_path_factory.mktemp("conllu")
    for article in iter_articles([str(FIXTURE)]):
        assert isinstance(article, Article)
        doc = engine.for_lang("fr").parse(article.text, "fr")
        out = root / Path(article.id).with_suffix(".conllu")
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(write_conllu(doc), encoding="utf-8")
    return root


def extract(*args: str | Path) -> tuple[int, list[dict[str, Any]], str]:
    result = invoke("extract", "--engine", "conllu", *map(str, args))
    no_traceback(result)
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    return result.exit_code, lines, result.stderr


def test_extract_links_the_sources_across_the_corpus(conllu_corpus: Path) -> None:
    code, articles, _ = extract(conllu_corpus)
    assert code == 0 and len(articles) == 3
    entities = [(a["id"], e) for a in articles for e in a["entities"]]
    assert entities and all(e["corpus_id"] for _, e in entities)
    # the same source quoted by two outlets has one corpus id
    articles_of: dict[str, set[str]] = {}
    for art, e in entities:
        articles_of.setdefault(e["corpus_id"], set()).add(art)
    assert max(len(arts) for arts in articles_of.values()) >= 2


def test_extract_with_jobs_and_db_gives_the_serial_output(conllu_corpus: Path,
                                                          tmp_path: Path) -> None:
    _, serial, _ = extract(conllu_corpus)
    db = tmp_path / "r.db"
    code, pooled, err = extract(conllu_corpus, "--jobs", "2", "--db", db)
    assert code == 0, err
    assert pooled == serial
    with sqlite3.connect(db) as con:
        assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 3
    # from the store alone: the same articles, linked the same way
    code, stored, err = extract("--db", db)
    assert code == 0, err
    assert stored == serial
    # and again from the files: nothing to process, the same output
    code, again, err = extract(conllu_corpus, "--db", db)
    assert code == 0 and again == serial
    assert f"{db}: 3 unchanged, 0 to process" in err


def test_extract_needs_paths_or_a_database() -> None:
    result = invoke("extract")
    assert result.exit_code == 2
    assert "give the articles to process (PATH...), or --db FILE" in result.output
