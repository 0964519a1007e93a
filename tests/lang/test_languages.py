"""Languages as data: every language folder is complete, and the generic machinery holds no words.

The first half loads each folder of ``attribution/lang/`` and checks what the machinery reads
is there and well-formed. The second half scans the source of ``extract/``, ``resolve/`` and
``docview.py``: no comparison with a language code (``if lang == "fr"``), no literal list of
words (the words belong in the language's JSON files).
"""

from __future__ import annotations

import ast
import dataclasses
import json
import re
from importlib import resources
from pathlib import Path

import pytest

from attribution.errors import UnsupportedLanguage
from attribution.lang import (
    DEFAULT,
    STOPWORDS,
    SUPPORTED,
    Language,
    detect_language,
    language,
    norm,
)
from attribution.lang.cues import REQUIRES
from attribution.lang.registry import FILES, _word_field, load_json, word_fields
from attribution.records import STANCES

PACKAGE = Path(__file__).resolve().parents[2] / "attribution"

# Word lists that every language must fill: the patterns find nothing without them.
REQUIRED = ("aux_forms", "passive_aux_forms", "self_pronouns", "third_person_pronouns", "clause_coordinators",
            "of_words", "genitive_prepositions", "subject_relatives", "relative_words", "speaker_link_words",
            "abbreviations", "not_heads", "name_joiners", "sequence_coordinators", "as_words")
# Closed classes of the cue lexicon that the patterns read in every language.
REQUIRED_CUE_CLASSES = ("subject_pronouns", "determiners", "complementizers", "coordinators", "relative_pronouns",
                        "auxiliaries", "stop_words", "time_words", "source_nouns", "document_nouns")
# Sources tables that resolution reads in every language.
REQUIRED_SOURCES = ("roles", "titles", "pronouns", "subject_pronouns", "org_nouns", "group_nouns",
                    "document_nouns", "countries", "demonyms", "anonymity_markers", "locative_preps")


def test_languages_are_discovered_and_the_default_is_one_of_them() -> None:
    assert {"fr", "en"} <= set(SUPPORTED)
    assert SUPPORTED[0] == DEFAULT
    for code in SUPPORTED:
        assert (PACKAGE / "lang" / code / "language.json").is_file()


@pytest.mark.parametrize("code", SUPPORTED)
def test_every_file_of_a_language_folder_is_there(code: str) -> None:
    folder = resources.files("attribution.lang").joinpath(code)
    for name in FILES:
        assert folder.joinpath(name).is_file(), f"lang/{code}/{name} is missing"
    ident = load_json(code, "language.json")
    assert ident["code"] == code and ident["name"]
    assert len(str(ident["stopwords"]).split()) >= 20, "too few stopwords to detect the language"


@pytest.mark.parametrize("code", SUPPORTED)
def test_every_field_the_machinery_reads_is_in_words_json_with_a_why(code: str) -> None:
    raw = load_json(code, "words.json")
    fields = word_fields()
    assert fields, "Language has no word fields"
    missing = sorted(set(fields) - set(raw))
    assert not missing, f"lang/{code}/words.json lacks {missing}"
    unknown = sorted(k for k in raw if not k.startswith("_") and k not in fields)
    assert not unknown, f"lang/{code}/words.json has entries no code reads: {unknown}"
    for name, kind in fields.items():
        entry = raw[name]
        assert str(entry.get("why", "")).strip(), f"{code}: {name} says not why it exists"
        if kind == "bool":
            assert isinstance(entry["value"], bool), (code, name)
        else:
            assert all(isinstance(w, str) and w for w in entry["words"]), (code, name)


@pytest.mark.parametrize("code", SUPPORTED)
def test_the_language_record_is_complete(code: str) -> None:
    lang = language(code)
    assert isinstance(lang, Language) and lang.code == code
    for name in REQUIRED:
        assert getattr(lang, name), f"{code}: {name} is empty"
    for f in dataclasses.fields(Language):
        if f.name in word_fields() and isinstance(getattr(lang, f.name), frozenset) and f.name != "elided_words":
            # every word list is compared with normalised words (Tok.low): keep it normalised
            bad = [w for w in getattr(lang, f.name) if w != norm(w)]
            assert not bad, f"{code}: {f.name} holds words that are not normalised: {bad}"
    assert language(code) is lang, "a language is loaded once"


@pytest.mark.parametrize("code", SUPPORTED)
def test_cue_entries_are_well_formed(code: str) -> None:
    raw = load_json(code, "cues.json")
    assert raw["cues"], f"{code}: no cue"
    for lemma, entry in raw["cues"].items():
        assert lemma == lemma.strip() and lemma, (code, lemma)
        assert set(entry) <= {"stance", "requires"}, (code, lemma, entry)
        assert entry.get("stance", "neutral") in STANCES, (code, lemma)
        assert entry.get("requires", "any") in REQUIRES, (code, lemma)
    for prep, stance in raw.get("prepositions", {}).items():
        assert stance in STANCES, (code, prep)
    for verb, forms in raw.get("irregular_forms", {}).items():
        assert isinstance(forms, str) and forms.split(), (code, verb)
    lex = language(code).cues
    for name in REQUIRED_CUE_CLASSES:
        assert lex.word_set(name), f"{code}: cue class {name} is empty"
    # every cue is found by its lemma (the forms of its verb point back to it)
    for entry in lex.cues.values():
        assert lex.cue_lemma(entry.lemma, None) == entry.lemma or entry.lemma in lex.reflexive, (code, entry)


@pytest.mark.parametrize("code", SUPPORTED)
def test_sources_tables_are_there(code: str) -> None:
    src = language(code).sources
    for name in REQUIRED_SOURCES:
        assert getattr(src, name), f"{code}: sources table {name} is empty"
    for role in src.roles.values():
        assert role.cls in ("title", "relation", "generic", "anonymous", "expert"), (code, role)
        assert role.gender in ("m", "f", None), (code, role)


@pytest.mark.parametrize("code", SUPPORTED)
def test_each_language_is_detected_from_its_own_stopwords(code: str) -> None:
    words = sorted(STOPWORDS[code] - set().union(*(w for c, w in STOPWORDS.items() if c != code)))
    assert detect_language(" ".join(words * 3)) == code


def test_a_language_without_a_folder_is_a_named_error() -> None:
    with pytest.raises(UnsupportedLanguage, match="'xx'"):
        language("xx")
    with pytest.raises(UnsupportedLanguage):
        language("../fr")


def test_a_word_entry_without_why_or_words_is_refused() -> None:
    assert _word_field("fr", "x", "frozenset[str]", {"why": "because", "words": ["a", "b"]}) == frozenset({"a", "b"})
    assert _word_field("fr", "x", "tuple[str, ...]", {"why": "because", "words": ["b", "a"]}) == ("b", "a")
    with pytest.raises(ValueError, match="why"):
        _word_field("fr", "x", "frozenset[str]", {"words": ["a"]})
    with pytest.raises(ValueError, match="words"):
        _word_field("fr", "x", "frozenset[str]", {"why": "because", "words": "a b"})
    with pytest.raises(ValueError, match="value"):
        _word_field("fr", "x", "bool", {"why": "because", "value": "yes"})


def test_the_package_data_ships_every_language_file() -> None:
    cfg = (PACKAGE.parent / "setup.cfg").read_text(encoding="utf-8")
    for code in SUPPORTED:
        assert f"attribution.lang.{code}\n" in cfg, f"setup.cfg does not list the package attribution.lang.{code}"
        assert f"attribution.lang.{code} = *.json" in cfg, f"setup.cfg does not ship lang/{code}/*.json"


# --- the generic machinery holds no words and no language branches --------------------------------

SCANNED = [PACKAGE / "extract", PACKAGE / "resolve", PACKAGE / "docview.py"]
# Labels of the code itself, not words of a language: complement, mention and determiner kinds,
# pattern scopes, UD relations and tags.
LABELS = frozenset((
    "que", "colon", "quote", "de", "inf", "wh", "object", "adj", "clitic", "inverted",
    "name", "nominal", "pronoun", "last", "office", "document", "role", "org", "group", "doc", "place",
    "capital", "country", "def", "indef", "poss", "dem", "unit", "selection",
    "advcl", "acl", "ccomp", "xcomp", "conj", "parataxis", "obl", "nmod", "nsubj", "obj", "iobj", "amod", "appos",
))
_WORDLIKE = re.compile(r"^[^\W\d_][\w'’ -]*$")


def _py_files() -> list[Path]:
    out: list[Path] = []
    for p in SCANNED:
        out.extend(sorted(p.rglob("*.py")) if p.is_dir() else [p])
    return out


def _is_code_name(target: ast.expr) -> bool:
    return isinstance(target, ast.Name) and target.id in ("__all__", "__slots__")


def word_lists(tree: ast.AST) -> list[tuple[int, list[str]]]:
    """Set, list and tuple literals of three or more lowercase words (not labels of the code)."""
    skip: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and any(_is_code_name(t) for t in node.targets):
            skip.add(id(node.value))
        if isinstance(node, ast.ClassDef):
            for stmt in node.body:
                if isinstance(stmt, ast.Assign) and any(_is_code_name(t) for t in stmt.targets):
                    skip.add(id(stmt.value))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.Set, ast.List, ast.Tuple)) and id(node) not in skip:
            words = [e.value for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)
                     and _WORDLIKE.match(e.value) and e.value == e.value.lower()]
            if len(words) >= 3 and not set(words) <= LABELS:
                found.append((node.lineno, words))
    return found


def language_tests(tree: ast.AST) -> list[int]:
    """Lines comparing something with a language code (``lang == "fr"``, ``v.lang in ("fr", "en")``)."""
    codes = set(SUPPORTED) | set(STOPWORDS)
    out = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Compare):
            continue
        sides = [node.left, *node.comparators]
        consts = [s.value for s in sides if isinstance(s, ast.Constant)]
        for s in sides:
            if isinstance(s, (ast.Tuple, ast.List, ast.Set)):
                consts.extend(e.value for e in s.elts if isinstance(e, ast.Constant))
        mentions_lang = any("lang" in ast.unparse(s) for s in sides)
        if mentions_lang and any(c in codes for c in consts):
            out.append(node.lineno)
    return out


def test_the_scanners_find_what_they_look_for() -> None:
    tree = ast.parse('A = frozenset({"dit", "déclare", "affirme"})\nif v.lang == "fr":\n    pass\n'
                     'B = ("que", "colon", "quote")\n__all__ = ["alpha", "beta", "gamma"]\n')
    assert [line for line, _ in word_lists(tree)] == [1]
    assert language_tests(tree) == [2]


@pytest.mark.parametrize("path", _py_files(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_language_branch_in_the_generic_machinery(path: Path) -> None:
    lines = language_tests(ast.parse(path.read_text(encoding="utf-8")))
    assert not lines, f"{path.name}: language branches at lines {lines}: read a switch of the Language instead"


@pytest.mark.parametrize("path", _py_files(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_inline_word_list_in_the_generic_machinery(path: Path) -> None:
    found = word_lists(ast.parse(path.read_text(encoding="utf-8")))
    assert not found, f"{path.name}: word lists {found}: move them to attribution/lang/<code>/words.json"


def test_words_json_is_valid_json_with_one_entry_per_line() -> None:
    for code in SUPPORTED:
        text = (PACKAGE / "lang" / code / "words.json").read_text(encoding="utf-8")
        data = json.loads(text)
        # one entry a line keeps diffs of the data readable
        assert len(text.strip().splitlines()) == len(data) + 2, code
