"""The spaCy engine: stanza Documents with exact offsets, UD relations and entities."""

from __future__ import annotations

import pytest
from stanza.models.common.doc import Document

from attribution.errors import EngineUnavailable, UnsupportedLanguage
from attribution.parse import check_document, get_engine, has_dependencies, offset_errors
from attribution.parse.spacy_engine import SpacyEngine

TEXT = (
    "  Le ministre Jean Dupont a indiqué que la réunion aurait lieu samedi à Paris, "
    "selon un communiqué de l'ONU.\n\n"
    "« C'est  faux », a-t-il déclaré lundi.  \n"
)


@pytest.fixture(scope="module")
def engine() -> SpacyEngine:
    e = get_engine("spacy", use_cache=False).for_lang("fr")
    assert isinstance(e, SpacyEngine)
    return e


def test_spacy_document_contract(engine: SpacyEngine) -> None:
    doc = engine.parse(TEXT, "fr")
    assert isinstance(doc, Document)
    assert doc.text == TEXT
    assert offset_errors(doc) == []
    assert has_dependencies(doc)
    words = [w for s in doc.sentences for w in s.words]
    assert all(TEXT[w.start_char:w.end_char] == w.text for w in words)
    assert all(w.upos and w.lemma for w in words)
    for s in doc.sentences:
        assert [w.deprel for w in s.words].count("root") == 1
        assert all(0 <= w.head <= len(s.words) for w in s.words)
    deprels = {w.deprel for w in words}
    assert "nsubj" in deprels and "ROOT" not in deprels
    dupont = next(w for w in words if w.text == "Dupont")
    assert dupont.start_char == TEXT.index("Dupont")
    # No whitespace token survives; sentences end where their last token ends.
    assert all(w.text.strip() == w.text and w.text for w in words)
    for s in doc.sentences:
        assert s.text == TEXT[s.tokens[0].start_char:s.tokens[-1].end_char]


def test_sentences_never_cross_a_paragraph_or_title(engine: SpacyEngine) -> None:
    text = ("Le gouvernement irakien et la coalition\n\n"
            "Le ministre a parlé samedi\nLes soldats resteront jusqu'en 2025, a-t-il dit.")
    doc = engine.parse(text, "fr")
    assert check_document(doc) == []
    assert not any("\n" in s.text for s in doc.sentences)
    starts = {s.tokens[0].start_char for s in doc.sentences}
    assert {text.index("Le ministre"), text.index("Les soldats")} <= starts


def test_spacy_entities(engine: SpacyEngine) -> None:
    doc = engine.parse(TEXT, "fr")
    ents = {(e.text, e.type) for e in doc.ents}
    assert ("Jean Dupont", "PER") in ents
    for e in doc.ents:
        assert TEXT[e.start_char:e.end_char] == e.text
        assert e.type in {"PER", "ORG", "LOC", "MISC"}


def test_spacy_long_texts_keep_offsets(engine: SpacyEngine) -> None:
    engine = SpacyEngine(engine.package, chunk_chars=300)
    para = "Le porte-parole a affirmé que les discussions continueraient. " * 4
    text = (para + "\n\n") * 6 + "mot " * 200  # paragraphs, then a long line without punctuation
    doc = engine.parse(text, "fr")
    assert doc.text == text
    assert offset_errors(doc) == []
    assert sum(len(s.words) for s in doc.sentences) == len(text.split()) + text.count(".")


def test_empty_and_blank_texts(engine: SpacyEngine) -> None:
    for text in ("", "   \n\n  "):
        doc = engine.parse(text, "fr")
        assert doc.text == text and doc.sentences == []


def test_missing_model_and_engine_and_language(engine: SpacyEngine) -> None:
    with pytest.raises(EngineUnavailable, match="pip install fr_core_news_xx"):
        get_engine("spacy", model="fr_core_news_xx", use_cache=False)
    with pytest.raises(EngineUnavailable, match="unknown engine"):
        get_engine("treetagger")
    with pytest.raises(UnsupportedLanguage, match="'de'"):
        engine.parse("Guten Tag.", "de")


def test_english_never_fails() -> None:
    engine = get_engine("spacy", use_cache=False)
    text = "The minister said on Monday that talks would resume.  He added nothing."
    doc = engine.parse(text, "en")
    assert doc.text == text and offset_errors(doc) == []
    assert len(doc.sentences) == 2
    if engine.model_id.startswith("blank_"):
        assert not has_dependencies(doc)
