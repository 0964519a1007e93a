"""Cue lexicons: one per language, by lemma, each cue with a stance class (attribution.lang.cues)."""

from __future__ import annotations

import pytest

from attribution.errors import UnsupportedLanguage
from attribution.lang import SUPPORTED, load_json, load_lexicon, norm
from attribution.lang.cues import REQUIRES
from attribution.records import STANCES


@pytest.mark.parametrize("lemma, stance", [
    ("dire", "neutral"), ("affirmer", "assertive"), ("assurer", "assertive"), ("souligner", "emphasis"),
    ("prétendre", "hedge"), ("démentir", "denial"), ("reconnaître", "concession"),
])
def test_french_stances_of_the_issue(lemma, stance):
    assert load_lexicon("fr").cue(lemma).stance == stance


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_cue_has_a_known_stance_and_requirement(lang):
    lex = load_lexicon(lang)
    entries = list(lex.cues.values()) + list(lex.reflexive.values()) + [e for es in lex.multiword.values() for e in es]
    assert len(entries) > 50
    for e in entries:
        assert e.stance in STANCES, e
        assert e.requires in REQUIRES, e
    assert set(lex.prepositions.values()) <= set(STANCES)


@pytest.mark.parametrize("form, lemma", [
    ("annonçant", "annoncer"), ("répète", "répéter"), ("appelle", "appeler"), ("jugeant", "juger"),
    ("dit", "dire"), ("reconnu", "reconnaître"), ("démenti", "démentir"), ("allègue", "alléguer"),
    ("garantissait", "garantir"), ("indiquera", "indiquer"),
])
def test_french_forms_are_derived_or_listed(form, lemma):
    assert load_lexicon("fr").cue_lemma(form, None) == lemma


def test_parser_lemma_wins_and_form_is_the_fallback():
    lex = load_lexicon("fr")
    assert lex.cue_lemma("indiqué", "indiquer") == "indiquer"
    assert lex.cue_lemma("indiqué", "indiqu") == "indiquer"  # a broken lemma: the form decides
    assert lex.cue_lemma("maison", "maison") is None


def test_english_forms_without_any_parse():
    lex = load_lexicon("en")
    assert [lex.cue_lemma(f, None) for f in ("said", "told", "denies", "claiming", "wrote")] == [
        "say", "tell", "deny", "claim", "write"]
    assert lex.prepositions["according to"] == "neutral"


def test_reflexive_cues_have_their_own_entries():
    lex = load_lexicon("fr")
    assert lex.cue("dire", reflexive=True).lemma == "se dire"
    assert lex.cue("demander", reflexive=True).stance == "hedge"  # se demander: wondering aloud
    assert lex.cue("dire").lemma == "dire"


def test_multiword_cues_start_from_their_first_verb():
    lex = load_lexicon("fr")
    assert "faire savoir" in {e.lemma for e in lex.multiword["faire"]}
    assert lex.cue_lemma("fait", None) == "faire"


def test_norm_unifies_apostrophes_and_case():
    assert norm("D’Après") == "d'après"


def test_phrases_are_matched_longest_first():
    lex = load_lexicon("fr")
    assert lex.phrase_at("incises", ["pour", "sa", "part", "le"]) == 3
    assert lex.phrase_at("incises", ["pour", "la", "première"]) == 0


def test_unknown_language_is_a_named_error():
    with pytest.raises(UnsupportedLanguage, match="no language.json for language 'xx'"):
        load_lexicon("xx")
    with pytest.raises(UnsupportedLanguage):
        load_lexicon("../fr")


def test_languages_and_raw_data_files():
    assert {"fr", "en"} <= set(SUPPORTED)
    assert "cues" in load_json("fr", "cues.json")
    with pytest.raises(UnsupportedLanguage):
        load_json("fr", "nope.json")
    with pytest.raises(UnsupportedLanguage):
        load_json("xx", "cues.json")
