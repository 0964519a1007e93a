"""Language data, one JSON file per language, loaded once.

``fr.json`` and ``en.json`` hold the cue lexicon (verbs by lemma, each with a
stance class and what complement it needs to report speech), the prepositional
cues (``selon``, ``according to``) and the closed word classes the extraction
patterns read (pronouns, determiners, relative pronouns, incises, time words,
nouns of sources and of documents). Other stages keep their own files here
(``fr_sources.json``…) and read them with :func:`load_json`.

Inflected forms: the loader derives the forms of regular verbs (French -er and
-ir, with the spelling changes of ``annoncer``, ``juger``, ``rappeler``,
``répéter``) so that a cue is found even where the parser's lemma is wrong or
missing (English may come without any lemma); ``irregular_forms`` in the JSON
lists the others.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from ..errors import UnsupportedLanguage
from ..records import STANCES
from ..text import fold as fold  # the one normaliser lives in attribution.text; re-exported
from ..text import norm as norm

REQUIRES = ("any", "clause", "incise")


@dataclass(frozen=True)
class CueEntry:
    """One cue: its lemma (``se dire``, ``faire savoir`` for reflexive and multiword cues),
    its stance class and the complement it needs (``any``, ``clause`` or ``incise``)."""

    lemma: str
    stance: str
    requires: str = "any"

    @property
    def words(self) -> tuple[str, ...]:
        return tuple(self.lemma.replace("'", "' ").split())


@dataclass(frozen=True)
class Lexicon:
    """The extraction data of one language."""

    lang: str
    cues: dict[str, CueEntry]  # single-verb cues by lemma
    reflexive: dict[str, CueEntry]  # "dire" -> the entry of "se dire"
    multiword: dict[str, tuple[CueEntry, ...]]  # first lemma ("faire") -> entries ("faire savoir")
    forms: dict[str, str]  # inflected form -> lemma, for every cue verb
    prepositions: dict[str, str]  # "selon" / "according to" -> stance
    words: dict[str, frozenset[str]] = field(default_factory=dict)  # the closed classes, by name
    elided: dict[str, str] = field(default_factory=dict)
    phrases: dict[str, dict[str, tuple[tuple[str, ...], ...]]] = field(default_factory=dict)

    def word_set(self, name: str) -> frozenset[str]:
        return self.words.get(name, frozenset())

    def phrase_at(self, name: str, words: list[str]) -> int:
        """Length of the longest phrase of class ``name`` that ``words`` starts with (0 if none)."""
        for parts in self.phrases.get(name, {}).get(words[0] if words else "", ()):
            if tuple(words[:len(parts)]) == parts:
                return len(parts)
        return 0

    def cue_lemma(self, form: str, lemma: str | None) -> str | None:
        """The cue lemma of a word from its parser lemma, else from its form; None if not a cue verb."""
        if lemma:
            lem = norm(lemma)
            if lem in self.cues or lem in self.reflexive or lem in self.multiword:
                return lem
        return self.forms.get(norm(form))

    def cue(self, lemma: str, reflexive: bool = False) -> CueEntry | None:
        """The entry of a single-verb cue; with ``reflexive`` (a ``se`` before it) the reflexive one first."""
        if reflexive and lemma in self.reflexive:
            return self.reflexive[lemma]
        return self.cues.get(lemma)


def _er_forms(lemma: str) -> list[str]:
    st = lemma[:-2]
    soft = st[:-1] + "ç" if st.endswith("c") else st + "e" if st.endswith("g") else st
    strong = st
    if lemma.endswith(("eler", "eter")) and lemma not in ("geler", "acheter", "haleter"):
        strong = st + st[-1]  # appeler -> appelle, jeter -> jette
    elif m := re.match(r"^(.*)é([^aeiouyéèê]{1,2}|gu)$", st):
        strong = m.group(1) + "è" + m.group(2)  # répéter -> répète, alléguer -> allègue
    elif m := re.match(r"^(.*)e([^aeiouyéèê])$", st):
        strong = m.group(1) + "è" + m.group(2)  # relever -> relève, mener -> mène
    return [strong + "e", strong + "es", strong + "ent", soft + "ons", st + "ez", st + "é", st + "ée",
            st + "és", st + "ées", soft + "ant", soft + "ais", soft + "ait", soft + "aient", soft + "a",
            st + "èrent", soft + "âmes", strong + "era", strong + "eront", strong + "erait",
            strong + "eraient", strong + "erai", st + "er"]


def _ir_forms(lemma: str) -> list[str]:
    st = lemma[:-2]  # second group: garantir -> garantis, garantissait
    return [st + "is", st + "it", st + "issons", st + "issez", st + "issent", st + "i", st + "ie", st + "is",
            st + "ies", st + "issant", st + "issait", st + "issaient", st + "ira", st + "iront", st + "irait",
            st + "iraient", st + "irent", lemma]


def _base(lemma: str) -> str:
    """The verb of a reflexive lemma: ``se dire`` -> ``dire``, ``s'affirmer`` -> ``affirmer``."""
    if lemma.startswith("se "):
        return lemma[3:]
    if lemma.startswith("s'"):
        return lemma[2:]
    return lemma


def _build(lang: str, data: dict[str, Any]) -> Lexicon:
    cues: dict[str, CueEntry] = {}
    reflexive: dict[str, CueEntry] = {}
    multiword: dict[str, list[CueEntry]] = {}
    forms: dict[str, str] = {}
    irregular = {norm(k): v.split() for k, v in data.get("irregular_forms", {}).items()}
    for raw, d in data["cues"].items():
        lemma = norm(raw)
        stance = d.get("stance", "neutral")
        requires = d.get("requires", "any")
        if stance not in STANCES or requires not in REQUIRES:
            raise ValueError(f"lexicon {lang}.json: cue {raw!r} has a bad stance or requires")
        entry = CueEntry(lemma, stance, requires)
        base = _base(lemma)
        if base != lemma and " " not in base:
            reflexive[base] = entry
        elif " " in lemma:
            multiword.setdefault(lemma.split()[0], []).append(entry)
            continue
        else:
            cues[lemma] = entry
        verb = base
        if verb in irregular:
            verb_forms = irregular[verb] + [verb]
        elif lang == "fr" and verb.endswith("er"):
            verb_forms = _er_forms(verb)
        elif lang == "fr" and verb.endswith("ir"):
            verb_forms = _ir_forms(verb)
        else:
            verb_forms = [verb]
        for f in verb_forms:
            forms.setdefault(norm(f), verb)
    for head in multiword:  # the first verb of a multiword cue must be findable by its forms too
        head_forms = irregular.get(head, _er_forms(head) if lang == "fr" and head.endswith("er") else [])
        for f in [head, *head_forms]:
            forms.setdefault(norm(f), head)
    words = {k: frozenset(norm(w) for w in v) for k, v in data.items() if isinstance(v, list)}
    # one-word incises (encore, also) are tested word by word; longer ones as phrases
    words["incise_words"] = frozenset(w for w in words.get("incises", ()) if " " not in w.replace("'", "' ").strip())
    phrases: dict[str, dict[str, tuple[tuple[str, ...], ...]]] = {}
    for name in ("incises", "relative_source", "comparative"):
        by_first: dict[str, list[tuple[str, ...]]] = {}
        for w in words.get(name, ()):
            parts = tuple(w.replace("'", "' ").split())
            by_first.setdefault(parts[0], []).append(parts)
        phrases[name] = {k: tuple(sorted(v, key=len, reverse=True)) for k, v in by_first.items()}
    return Lexicon(
        lang=lang, cues=cues, reflexive=reflexive,
        multiword={k: tuple(v) for k, v in multiword.items()}, forms=forms,
        prepositions={norm(k): v for k, v in data.get("prepositions", {}).items()},
        words=words, elided={norm(k): v for k, v in data.get("elided", {}).items()},
        phrases=phrases,
    )


@cache
def load_json(filename: str) -> dict[str, Any]:
    """A JSON data file of this package, parsed once (``fr.json``, ``fr_sources.json``…)."""
    try:
        text = resources.files(__name__).joinpath(filename).read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise UnsupportedLanguage(filename, "no such language data file") from exc
    data: dict[str, Any] = json.loads(text)
    return data


@cache
def load_lexicon(lang: str) -> Lexicon:
    """The extraction lexicon of ``lang`` (``fr`` or ``en``); UnsupportedLanguage for another."""
    code = (lang or "").lower().split("-")[0].split("_")[0]
    if not re.fullmatch(r"[a-z]{2,3}", code):
        raise UnsupportedLanguage(str(lang), "not a language code")
    try:
        data = load_json(f"{code}.json")
    except UnsupportedLanguage as exc:
        raise UnsupportedLanguage(code, f"no cue lexicon for language {code!r} (have: fr, en)") from exc
    return _build(code, data)


def languages() -> tuple[str, ...]:
    """The languages that have a cue lexicon."""
    names = [p.name for p in resources.files(__name__).iterdir()]
    return tuple(sorted(n[:-5] for n in names if re.fullmatch(r"[a-z]{2,3}\.json", n)))
