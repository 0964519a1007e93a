"""spaCy, CoNLL-U and Stanza give documents of the same shape, with offsets that hold."""

from __future__ import annotations

from pathlib import Path

import pytest
from stanza.models.common.doc import Document, Span

from attribution.parse import check_document, get_engine, has_dependencies
from attribution.parse.conllu_engine import write_conllu

TEXT = (
    "Le ministre des Affaires étrangères, Fouad Hussein, a déclaré lundi à Bagdad que "
    "les discussions reprendraient « dès que possible ».\n\n"
    "Selon un communiqué du gouvernement, la coalition doit quitter le pays au plus tard en 2025.  "
    "« Nous n'avons rien décidé », a affirmé un responsable américain sous couvert d'anonymat.\n"
)


def assert_shape(doc: Document, text: str) -> None:
    """The engine contract, field by field."""
    assert isinstance(doc, Document)
    assert doc.text == text and doc.lang == "fr"
    assert check_document(doc) == []
    assert has_dependencies(doc)
    assert doc.sentences
    for sentence in doc.sentences:
        assert sentence.text == text[sentence.tokens[0].start_char:sentence.tokens[-1].end_char]
        for token in sentence.tokens:
            assert isinstance(token.start_char, int) and isinstance(token.end_char, int)
            assert text[token.start_char:token.end_char] == token.text
        for word in sentence.words:
            assert isinstance(word.id, int) and isinstance(word.head, int)
            assert isinstance(word.text, str) and word.text
            assert isinstance(word.lemma, str) and isinstance(word.upos, str)
            assert isinstance(word.deprel, str) and word.deprel == word.deprel.lower()
            assert word.feats is None or isinstance(word.feats, str)
            if len(word.parent.words) == 1:
                assert text[word.start_char:word.end_char] == word.text
            else:
                assert (word.start_char, word.end_char) == (word.parent.start_char, word.parent.end_char)
    # Every word is in exactly one token, tokens in text order.
    starts = [t.start_char for s in doc.sentences for t in s.tokens]
    assert starts == sorted(starts)
    assert all(isinstance(e, Span) and e.type in {"PER", "ORG", "LOC", "MISC"} for e in doc.ents)


@pytest.fixture(scope="module")
def spacy_doc() -> Document:
    return get_engine("spacy", use_cache=False).parse(TEXT, "fr")


def test_spacy_shape(spacy_doc: Document) -> None:
    assert_shape(spacy_doc, TEXT)
    assert any(e.type == "PER" and e.text == "Fouad Hussein" for e in spacy_doc.ents)


def test_conllu_shape_and_same_parse_as_its_source(spacy_doc: Document) -> None:
    doc = get_engine("conllu").parse(write_conllu(spacy_doc), "fr")
    assert_shape(doc, TEXT)
    assert doc.to_dict() == spacy_doc.to_dict()
    assert [(e.text, e.type, e.start_char) for e in doc.ents] == \
        [(e.text, e.type, e.start_char) for e in spacy_doc.ents]


@pytest.mark.slow
def test_stanza_shape(tiny_stanza_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STANZA_RESOURCES_DIR", str(tiny_stanza_dir))
    engine = get_engine("stanza", use_cache=False)
    doc = engine.parse(TEXT, "fr")
    assert engine.name == "stanza"
    assert_shape(doc, TEXT)
    # French contractions ("du" = "de le") come out as multi-word tokens carrying their span.
    mwts = [t for s in doc.sentences for t in s.tokens if len(t.words) > 1]
    assert mwts and all(TEXT[t.start_char:t.end_char] == t.text for t in mwts)
