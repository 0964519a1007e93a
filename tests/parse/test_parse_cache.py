"""The parse cache: a second run on unchanged text parses nothing; bad entries are parsed again."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from stanza.models.common.doc import Document
from test_parse_conllu import SAMPLE

from attribution.parse import CachedEngine, get_engine
from attribution.parse.cache import cache_key, default_cache_dir
from attribution.parse.conllu_engine import ConlluEngine


class Counting(ConlluEngine):
    """The real CoNLL-U engine, counting its calls."""

    def __init__(self, model_id: str = "conllu-1") -> None:
        self.calls = 0
        self.model_id = model_id

    def parse(self, text: str, lang: str) -> Document:
        self.calls += 1
        return super().parse(text, lang)


def test_second_run_parses_nothing(tmp_path: Path) -> None:
    first = CachedEngine(Counting(), tmp_path)
    doc = first.parse(SAMPLE, "fr")
    second_inner = Counting()
    second = CachedEngine(second_inner, tmp_path)  # a new run: a new engine, same folder
    again = second.parse(SAMPLE, "fr")
    assert second_inner.calls == 0 and second.hits == 1
    assert again.text == doc.text and again.to_dict() == doc.to_dict()
    assert [(e.text, e.type) for e in again.ents] == [(e.text, e.type) for e in doc.ents]
    assert again.lang == "fr"
    assert not list(tmp_path.rglob(".tmp-*"))  # atomic writes leave no temporary file


def test_key_covers_engine_model_lang_and_text(tmp_path: Path) -> None:
    base = cache_key("spacy", "fr_core_news_sm-3.8.0", "fr", "texte")
    others = {cache_key("stanza", "fr_core_news_sm-3.8.0", "fr", "texte"),
              cache_key("spacy", "fr_core_news_sm-3.8.1", "fr", "texte"),
              cache_key("spacy", "fr_core_news_sm-3.8.0", "en", "texte"),
              cache_key("spacy", "fr_core_news_sm-3.8.0", "fr", "texte.")}
    assert base not in others and len(others) == 4
    CachedEngine(Counting(), tmp_path).parse(SAMPLE, "fr")
    newer = Counting(model_id="conllu-2")
    CachedEngine(newer, tmp_path).parse(SAMPLE, "fr")
    assert newer.calls == 1  # a new model version does not reuse old parses


@pytest.mark.parametrize("damage", [b"", b"{not json", b'{"text": "autre", "sentences": []}'])
def test_corrupt_entry_is_parsed_again(tmp_path: Path, damage: bytes) -> None:
    engine = CachedEngine(Counting(), tmp_path)
    doc = engine.parse(SAMPLE, "fr")
    entry = engine.path(SAMPLE, "fr")
    entry.write_bytes(damage)
    inner = Counting()
    again = CachedEngine(inner, tmp_path).parse(SAMPLE, "fr")
    assert inner.calls == 1 and again.to_dict() == doc.to_dict()
    assert CachedEngine(Counting(), tmp_path)._read(entry, SAMPLE) is not None  # rewritten


def test_entry_with_wrong_offsets_is_not_trusted(tmp_path: Path) -> None:
    engine = CachedEngine(Counting(), tmp_path)
    engine.parse(SAMPLE, "fr")
    entry = engine.path(SAMPLE, "fr")
    payload = json.loads(entry.read_text(encoding="utf-8"))
    payload["sentences"][0][1]["start_char"] += 1  # "ministre" no longer where it says
    entry.write_text(json.dumps(payload), encoding="utf-8")
    inner = Counting()
    CachedEngine(inner, tmp_path).parse(SAMPLE, "fr")
    assert inner.calls == 1


def test_get_engine_caches_spacy_parses(tmp_path: Path) -> None:
    text = "Le ministre a déclaré que la réunion aurait lieu samedi."
    first = get_engine("spacy", cache_dir=tmp_path).for_lang("fr")
    assert isinstance(first, CachedEngine)
    first.parse(text, "fr")
    second = get_engine("spacy", cache_dir=tmp_path).for_lang("fr")
    assert isinstance(second, CachedEngine)
    doc = second.parse(text, "fr")
    assert (second.parses, second.hits) == (0, 1) and doc.text == text
    assert second.engine._nlp is None  # type: ignore[attr-defined]  # not even loaded
    uncached = get_engine("spacy", cache_dir=tmp_path, use_cache=False).for_lang("fr")
    assert not isinstance(uncached, CachedEngine)


def test_default_cache_dir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("ATTRIBUTION_CACHE", str(tmp_path / "c"))
    assert default_cache_dir() == tmp_path / "c"
    monkeypatch.delenv("ATTRIBUTION_CACHE")
    assert default_cache_dir() == Path.home() / ".cache" / "attribution"
