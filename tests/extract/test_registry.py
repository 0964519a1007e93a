"""The pattern registry: the order and the priorities of the extraction patterns come from it,
each pattern is registered once with the languages it serves, and ``extract`` runs exactly the
patterns registered for a language. Documents are saved parses (fixtures/, through the conllu
engine), so no parser model is loaded."""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Iterator
from dataclasses import fields
from pathlib import Path

import pytest

from attribution.docview import DocView
from attribution.errors import AttributionError
from attribution.extract import candidates, extract, view
from attribution.extract import patterns as pkg
from attribution.extract.cues import find_cues
from attribution.extract.patterns import (
    SCOPES,
    Candidate,
    DuplicatePattern,
    Unit,
    UnknownPattern,
    UnknownPatternLanguage,
    UnknownScope,
    pattern,
    priority,
    registered,
    rules,
    unregister,
    variant,
)
from attribution.extract.select import settle_overlaps
from attribution.lang import SUPPORTED
from attribution.parse.conllu_engine import read_conllu
from attribution.records import Speaker

FIXTURES = Path(__file__).with_name("fixtures")
LANGS = ("fr", "en")


def _doc(lang: str):
    return read_conllu((FIXTURES / f"patterns_{lang}.conllu").read_text(encoding="utf-8"), lang)


def _units(v: DocView) -> list[Unit]:
    return [Unit(v, i, lo, hi, find_cues(v, lo, hi)) for i, (lo, hi) in enumerate(v.units) if hi > lo]


def _run(name: str, scope: str, rule, lang: str) -> list[Candidate]:
    """What one rule of pattern ``name`` proposes on the fixture of ``lang``, run alone."""
    v = view(_doc(lang), lang)
    if scope == "unit":
        return [c for u in _units(v) for c in rule(u)]
    if scope == "document":
        return list(rule(v))
    first = settle_overlaps(v, candidates(v))
    return list(rule(v, first))


def test_the_order_is_the_registry_order_and_the_package_docstring_tells_it():
    names = [p.name for p in registered()]
    ranks = [p.priority for p in registered()]
    assert ranks == sorted(ranks) and len(set(ranks)) == len(ranks), "one rank per pattern"
    documented = re.findall(r"^\d+\. ``(\w+)``", pkg.__doc__ or "", flags=re.M)
    assert documented == names
    assert names[0] == "inverted_cue" and names[-1] == "floating_quote"
    for lang in LANGS:
        for scope in SCOPES:
            expected = [p.rules[scope] for p in registered() if lang in p.langs and scope in p.rules]
            assert list(rules(lang, scope)) == expected


def test_a_candidate_priority_is_its_pattern_priority():
    assert "priority" not in {f.name for f in fields(Candidate)}, "a stored priority could disagree"
    for p in registered():
        c = Candidate(p.name, "direct", 0, 1, None, None, 0)
        assert c.priority == p.priority == priority(p.name)
    with pytest.raises(UnknownPattern):
        priority("no_such_pattern")


def test_names_are_unique_and_languages_and_scopes_declared():
    names = [p.name for p in registered()]
    assert len(names) == len(set(names))
    for p in registered():
        assert p.langs and set(p.langs) <= set(SUPPORTED), p
        assert p.rules and set(p.rules) <= set(SCOPES), p
    # bylines are the document rule of colon_intro, floating quotes read the first selection
    by_name = {p.name: p for p in registered()}
    assert set(by_name["colon_intro"].rules) == {"unit", "document"}
    assert set(by_name["floating_quote"].rules) == {"selection"}


def _nothing(u: Unit) -> Iterator[Candidate]:
    return iter(())


def test_registering_a_name_twice_raises_and_keeps_the_first():
    first = {p.name: p for p in registered()}["inverted_cue"]
    with pytest.raises(DuplicatePattern, match="inverted_cue"):
        pattern("inverted_cue", priority=99, langs=("fr",))(_nothing)
    with pytest.raises(DuplicatePattern, match="colon_intro"):
        variant("colon_intro", scope="document")(_nothing)
    assert {p.name: p for p in registered()}["inverted_cue"] == first
    assert issubclass(DuplicatePattern, AttributionError)


def test_unknown_language_scope_or_pattern_raises_and_registers_nothing():
    before = registered()
    with pytest.raises(UnknownPatternLanguage, match="xx"):
        pattern("test_klingon", priority=50, langs=("fr", "xx"))(_nothing)
    with pytest.raises(UnknownPatternLanguage):
        pattern("test_no_language", priority=50, langs=())(_nothing)
    with pytest.raises(UnknownScope, match="paragraph"):
        pattern("test_paragraph", priority=50, langs=("fr",), scope="paragraph")(_nothing)
    with pytest.raises(UnknownPattern, match="test_missing"):
        variant("test_missing", scope="document")(_nothing)
    assert registered() == before


def test_a_module_registering_a_known_name_fails_at_import(tmp_path):
    module = tmp_path / "extra_patterns.py"
    module.write_text(
        "from attribution.extract.patterns import pattern\n\n\n"
        "@pattern('according_to', priority=9, langs=('fr',))\n"
        "def selon_again(u):\n"
        "    return iter(())\n", encoding="utf-8")
    spec = importlib.util.spec_from_file_location("extra_patterns", module)
    assert spec is not None and spec.loader is not None
    with pytest.raises(DuplicatePattern, match="according_to"):
        spec.loader.exec_module(importlib.util.module_from_spec(spec))


@pytest.mark.parametrize("lang", LANGS)
def test_every_rule_proposes_candidates_carrying_its_pattern_name(lang):
    served = [(p.name, scope, rule) for p in registered() if lang in p.langs for scope, rule in p.rules.items()]
    found = {}
    for name, scope, rule in served:
        proposed = _run(name, scope, rule, lang)
        assert {c.pattern for c in proposed} <= {name}, (name, scope)
        found[name, scope] = len(proposed)
    expected = {"fr": {(p.name, s) for p in registered() for s in p.rules if s != "document"},
                "en": {("colon_intro", "document")}}[lang]
    assert {key for key, n in found.items() if n} >= expected


def test_every_registered_name_is_one_that_attributions_carry():
    carried = {a.pattern for lang in LANGS for a in extract(_doc(lang), lang)[0]}
    assert carried == {p.name for p in registered()}


@pytest.fixture
def whole_unit_pattern():
    """A temporary French pattern: each unit's first word says the rest of the unit."""

    def whole_unit(u: Unit) -> Iterator[Candidate]:
        v = u.v
        first = v.toks[u.lo]
        if u.hi - u.lo > 2:
            yield Candidate("test_whole_unit", "indirect", v.toks[u.lo + 1].start, v.toks[u.hi - 1].end, None,
                            Speaker(first.start, first.end, first.text), u.index)

    pattern("test_whole_unit", priority=0, langs=("fr",))(whole_unit)
    yield "test_whole_unit"
    unregister("test_whole_unit")


def test_extract_runs_the_patterns_registered_for_the_language(whole_unit_pattern):
    assert any(a.pattern == whole_unit_pattern for a in extract(_doc("fr"), "fr")[0])
    assert {c.pattern for c in candidates(view(_doc("fr"), "fr"))} >= {whole_unit_pattern, "inverted_cue"}
    assert all(a.pattern != whole_unit_pattern for a in extract(_doc("en"), "en")[0]), "fr only"


def test_an_unregistered_pattern_no_longer_runs(whole_unit_pattern):
    with_it = extract(_doc("fr"), "fr")
    unregister(whole_unit_pattern)
    without = extract(_doc("fr"), "fr")
    assert all(a.pattern != whole_unit_pattern for a in without[0])
    assert without != with_it
    pattern(whole_unit_pattern, priority=0, langs=("fr",))(_nothing)  # for the fixture's own unregister
    assert extract(_doc("fr"), "fr") == without  # a pattern proposing nothing changes nothing
