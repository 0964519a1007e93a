"""The supported languages, discovered from their folders, each loaded once into a ``Language``.

A language is a folder ``attribution/lang/<code>/`` (a package, whose
``__init__.py`` holds its few code hooks) with four JSON files:

- ``language.json``: code, name, the names metadata may give it, detection stopwords;
- ``cues.json``: the cue lexicon (stance classes, complement frames) and the
  closed word classes of extraction (``attribution.lang.cues``);
- ``sources.json``: the nouns, titles, determiners and pronouns of speaker
  resolution (``attribution.lang.sources``);
- ``words.json``: every other word list the generic machinery reads, each with
  a one-line ``why``; the field names of ``Language`` below are its keys.

The supported languages are the folders that hold a ``language.json``; the
default (an article too short to tell its language) is declared here once.
"""

from __future__ import annotations

import dataclasses
import importlib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from types import ModuleType
from typing import Any

from ..errors import UnsupportedLanguage
from .cues import Lexicon, build_lexicon
from .sources import SourceLexicon, build_sources

DEFAULT = "fr"  # French first: an article too short to tell is taken as French, with a note
FILES = ("language.json", "cues.json", "sources.json", "words.json")
_CODE = re.compile(r"[a-z]{2,3}")


@dataclass(frozen=True)
class Language:
    """Everything the generic machinery knows about one language.

    The fields after ``hooks`` are read from ``words.json``: a ``frozenset[str]``
    field is a word list (``{"why": ..., "words": [...]}``), a ``tuple[str, ...]``
    field an ordered list (suffixes), a ``bool`` field a switch (``{"why": ..., "value": ...}``).
    """

    code: str
    name: str
    names: tuple[str, ...]  # what metadata may call it ("french", "fra") besides its code
    stopwords: frozenset[str]  # its most frequent function words, for detection
    cues: Lexicon
    sources: SourceLexicon
    hooks: ModuleType  # the folder's __init__.py: functions for the rules that are code
    aux_forms: frozenset[str]
    aux_forms_need_tag: bool
    aux_lemmas: frozenset[str]
    passive_aux_forms: frozenset[str]
    passive_aux_lemmas: frozenset[str]
    progressive_aux_forms: frozenset[str]
    perfect_participle_aux: frozenset[str]
    present_participle_suffixes: tuple[str, ...]
    participle_tagged_adjective: bool
    infinitive_suffixes: tuple[str, ...]
    past_participle_suffixes: tuple[str, ...]
    bare_participle_not_cue: bool
    adjectival_participle_suffixes: tuple[str, ...]
    articles: frozenset[str]
    multiword_cue_clitics: frozenset[str]
    inverted_incises: bool
    inverted_verb_endings: tuple[str, ...]
    not_incise_lemmas: frozenset[str]
    infinitive_markers: frozenset[str]
    elided_words: frozenset[str]
    inverted_subject_clitics: tuple[str, ...]
    inverted_clitics: frozenset[str]
    clitic_split_aux: frozenset[str]
    abbreviations: frozenset[str]
    elided_determiners: frozenset[str]
    not_heads: frozenset[str]
    self_pronouns: frozenset[str]
    third_person_pronouns: frozenset[str]
    speaker_link_words: frozenset[str]
    of_words: frozenset[str]
    head_first_nouns: bool
    agent_suffixes: tuple[str, ...]
    agent_plural_suffixes: tuple[str, ...]
    agent_masculine_suffixes: tuple[str, ...]
    first_second_stressed: frozenset[str]
    strict_according_to: bool
    source_phrase_modifiers: bool
    infinitive_particles: frozenset[str]
    addressee_cues: frozenset[str]
    addressee_before_que_cues: frozenset[str]
    addressee_words: frozenset[str]
    addressee_end_words: frozenset[str]
    clause_without_complementizer: bool
    pronoun_starts_object: bool
    juxtaposed_clauses: bool
    de_object_cues: frozenset[str]
    dative_prepositions: frozenset[str]
    quote_prepositions: frozenset[str]
    complement_prepositions: frozenset[str]
    clause_coordinators: frozenset[str]
    sequence_coordinators: frozenset[str]
    auxiliary_starts: frozenset[str]
    de_words: frozenset[str]
    as_words: frozenset[str]
    as_cue_objects: frozenset[str]
    as_clause_subjects: frozenset[str]
    as_cue_at_sentence_start: bool
    gerund_markers: frozenset[str]
    participle_ends_content: bool
    not_participles: frozenset[str]
    inverts_after_comma: bool
    subject_after_incise_verb: bool
    incise_inside_clause: bool
    narrator_pronouns: frozenset[str]
    subject_relatives: frozenset[str]
    predicate_openers: frozenset[str]
    relative_words: frozenset[str]
    speaker_prepositions: frozenset[str]
    anaphor_determiners: frozenset[str]
    anaphor_nouns: frozenset[str]
    partitive_articles: frozenset[str]
    partitive_ones: frozenset[str]
    partitive_pronouns: frozenset[str]
    name_joiners: frozenset[str]
    genitive_prepositions: frozenset[str]
    gerund_prefix: tuple[str, ...]
    quote_elisions: frozenset[str]
    official_role_words: frozenset[str]
    name_determiners: frozenset[str]
    speaker_determiners: frozenset[str]
    possessive_clitics: frozenset[str]

def _folder(code: str) -> Any:
    return resources.files(__package__).joinpath(code)


def discover() -> tuple[str, ...]:
    """The codes of the language folders: DEFAULT first, then the others in order."""
    codes = sorted(p.name for p in resources.files(__package__).iterdir()
                   if p.is_dir() and _CODE.fullmatch(p.name) and p.joinpath("language.json").is_file())
    return tuple(sorted(codes, key=lambda c: (c != DEFAULT, c)))


SUPPORTED: tuple[str, ...] = discover()


@cache
def load_json(code: str, filename: str) -> dict[str, Any]:
    """One JSON file of a language folder, parsed once."""
    if not _CODE.fullmatch(code or "") or filename not in FILES:
        raise UnsupportedLanguage(str(code), "not a language code")
    try:
        text = _folder(code).joinpath(filename).read_text(encoding="utf-8")
    except (FileNotFoundError, NotADirectoryError) as exc:
        have = ", ".join(SUPPORTED)
        raise UnsupportedLanguage(code, f"no {filename} for language {code!r} (have: {have})") from exc
    data: dict[str, Any] = json.loads(text)
    return data


def _word_field(code: str, name: str, kind: str, entry: Any) -> Any:
    if not isinstance(entry, dict) or not str(entry.get("why", "")).strip():
        raise ValueError(f"lang/{code}/words.json: {name!r} needs a one-line 'why'")
    if kind == "bool":
        if not isinstance(entry.get("value"), bool):
            raise ValueError(f"lang/{code}/words.json: {name!r} needs a true/false 'value'")
        return entry["value"]
    words = entry.get("words")
    if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
        raise ValueError(f"lang/{code}/words.json: {name!r} needs a list of 'words'")
    return tuple(words) if kind.startswith("tuple") else frozenset(words)


CORE = frozenset({"code", "name", "names", "stopwords", "cues", "sources", "hooks"})  # not from words.json


def word_fields() -> dict[str, str]:
    """The fields of ``Language`` read from ``words.json``, with their types."""
    return {f.name: str(f.type) for f in dataclasses.fields(Language) if f.name not in CORE}


@cache
def language(code: str) -> Language:
    """The language data of ``code`` (``fr``, ``en``); UnsupportedLanguage for another."""
    code = (code or "").lower().split("-")[0].split("_")[0]
    if not _CODE.fullmatch(code):
        raise UnsupportedLanguage(str(code), "not a language code")
    ident = load_json(code, "language.json")
    hooks = importlib.import_module(f"{__package__}.{code}")
    regular: Callable[[str, bool], list[str] | None] | None = getattr(hooks, "regular_forms", None)
    raw = load_json(code, "words.json")
    extra = {}
    for name, kind in word_fields().items():
        if name not in raw:
            raise ValueError(f"lang/{code}/words.json: {name!r} is missing")
        extra[name] = _word_field(code, name, kind, raw[name])
    return Language(
        code=code, name=str(ident["name"]), names=tuple(ident.get("names", ())),
        stopwords=frozenset(str(ident["stopwords"]).split()),
        cues=build_lexicon(code, load_json(code, "cues.json"), regular),
        sources=build_sources(code, load_json(code, "sources.json")),
        hooks=hooks, **extra,
    )


@cache
def union_words(name: str) -> frozenset[str]:
    """Word list ``name`` of ``words.json`` in every supported language together: for the stages
    that read text of any language at once (quote pairing, the audit, evaluation)."""
    if name not in word_fields():
        raise KeyError(f"{name!r} is no word list of Language")
    return frozenset().union(*(frozenset(load_json(code, "words.json")[name]["words"]) for code in SUPPORTED))


def load_lexicon(code: str) -> Lexicon:
    """The cue lexicon of ``code``."""
    return language(code).cues


def load_sources(code: str) -> SourceLexicon:
    """The sources lexicon of ``code``."""
    return language(code).sources
