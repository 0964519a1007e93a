"""The sources lexicon of one language (roles, titles, demonyms, capitals ...), loaded once.

The data lives in ``attribution/lang/<code>/sources.json`` and is read by the
registry (``attribution.lang.registry``); this module only makes it typed,
hashable tables. Keys are normalised by ``cues.norm``, as every word is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .cues import norm

__all__ = ["Features", "Role", "SourceLexicon", "build_sources", "norm"]


@dataclass(frozen=True)
class Role:
    """What a role noun says about its bearer."""

    role: str  # canonical label: spokesperson, minister, official ...
    cls: str  # title | relation | generic | anonymous | expert
    gender: str | None = None  # "m" | "f" | None
    grammatical: bool = False  # the gender is the noun's, not the bearer's ("une source", "une connaissance")


@dataclass(frozen=True)
class Features:
    gender: str | None
    number: str | None


@dataclass(frozen=True)
class SourceLexicon:
    lang: str
    definite: frozenset[str]
    indefinite: frozenset[str]
    demonstrative: frozenset[str]
    possessive: dict[str, str]  # determiner -> number of the possessor
    contracted_definite: frozenset[str]
    complement_preps: frozenset[str]
    locative_preps: frozenset[str]
    name_particles: frozenset[str]
    stop_names: frozenset[str]
    titles: dict[str, str | None]
    pronouns: dict[str, Features]
    subject_pronouns: frozenset[str]
    pronoun_preps: frozenset[str]
    last_mentioned: dict[str, Features]
    impersonal_next: frozenset[str]
    impersonal_lemmas: frozenset[str]
    roles: dict[str, Role]
    group_nouns: frozenset[str]
    org_nouns: frozenset[str]
    group_org_nouns: frozenset[str]
    office_nouns: frozenset[str]
    document_nouns: frozenset[str]
    name_org_words: frozenset[str]
    name_group_words: frozenset[str]
    demonyms: dict[str, str]
    countries: dict[str, str]
    capitals: dict[str, str]
    institutions: dict[str, str]
    anonymity_markers: tuple[str, ...]
    quote_marks: str
    rank_adjectives: frozenset[str]
    clause_openers: frozenset[str]
    que_words: frozenset[str]
    org_name_links: frozenset[str]
    plural_determiners: frozenset[str]
    name_particle_articles: frozenset[str]
    name_particle_preps: frozenset[str]
    document_source_preps: frozenset[str]
    publishing_verbs: frozenset[str]
    predicate_markers: frozenset[str]
    name_articles: frozenset[str]
    participle_endings: tuple[str, ...]
    agent_endings: tuple[str, ...]
    glued_name_particles: tuple[str, ...]
    name_leading_articles: frozenset[str]
    after_name_words: frozenset[str]
    list_coordinators: frozenset[str]
    actor_preps: frozenset[str]
    partitive: re.Pattern[str]  # l'un des, one of the: one unnamed member of a set
    glued_particle: re.Pattern[str]  # al-Soudani, d'Estaing: a name word after a glued particle
    inflections: tuple[tuple[str, str], ...]  # adjective suffix -> masculine singular suffix, longest first
    max_phrase: int  # longest multiword key, in words
    phrases: dict[str, str]  # every noun-phrase key -> its table (role, office, doc, group, org, place)
    first_words: frozenset[str]  # first words of the multiword keys

    @property
    def determiners(self) -> frozenset[str]:
        return self.definite | self.indefinite | self.demonstrative | frozenset(self.possessive)

    def demonym(self, word: str) -> str | None:
        """Country code of a demonym in any gender or number (``irakiennes`` -> IQ)."""
        w = norm(word)
        for cand in _inflections(w, self.inflections):
            if cand in self.demonyms:
                return self.demonyms[cand]
        return None

    def noun_key(self, lemma: str, text: str) -> str:
        """The lexicon key of a noun: its lemma, else its text."""
        return norm(lemma or text)


def _inflections(w: str, suffixes: tuple[tuple[str, str], ...]) -> tuple[str, ...]:
    """Masculine singular candidates of an adjective form, longest first."""
    out = [w]
    for suffix, repl in suffixes:
        if w.endswith(suffix) and len(w) > len(suffix) + 2:
            out.append(w[: len(w) - len(suffix)] + repl)
    return tuple(out)


def _keys(values: Any) -> frozenset[str]:
    return frozenset(norm(v) for v in values)


def _listed(raw: dict[str, Any], name: str) -> list[str]:
    """The words of an entry written ``{"why": ..., "words": [...]}`` (every entry must say why)."""
    entry = raw[name]
    if not isinstance(entry, dict) or not str(entry.get("why", "")).strip() or not isinstance(entry.get("words"), list):
        raise ValueError(f"sources.json: {name!r} needs a one-line 'why' and a list of 'words'")
    return [str(w) for w in entry["words"]]


def _alternation(words: list[str]) -> str:
    return "|".join(map(re.escape, words))


def _partitive(raw: dict[str, Any]) -> re.Pattern[str]:
    """``l'un des``, ``one of the``: prefix (optional), head, link, then a space."""
    prefixes = _listed(raw, "partitive_prefixes")
    pre = f"(?:{_alternation(prefixes)})?" if prefixes else ""
    return re.compile(rf"^{pre}(?:{_alternation(_listed(raw, 'partitive_heads'))})\s+"
                      rf"(?:{_alternation(_listed(raw, 'partitive_links'))})\s")


def build_sources(lang: str, raw: dict[str, Any]) -> SourceLexicon:
    """The sources lexicon of ``lang`` from its ``sources.json``."""
    dets = raw["determiners"]
    roles = {norm(k): Role(v["role"], v["class"], v.get("gender"), bool(v.get("grammatical"))) for k, v in raw["roles"].items()}
    pron = {norm(k): Features(v.get("gender"), v.get("number")) for k, v in raw["pronouns"].items()}
    last = {norm(k): Features(v.get("gender"), v.get("number")) for k, v in raw["last_mentioned"].items()}
    multi = [k for table in (roles, raw["org_nouns"], raw["group_nouns"], raw["document_nouns"],
                             raw["countries"], raw["capitals"], raw["institutions"], raw["office_nouns"])
             for k in table]
    phrases: dict[str, str] = {}
    # one lookup per candidate phrase; where a key is in two tables, the last kind listed (a role) wins
    for kind, table in (("place", raw["institutions"]), ("place", raw["countries"]), ("place", raw["capitals"]),
                        ("org", raw["org_nouns"]), ("group", raw["group_nouns"]), ("doc", raw["document_nouns"]),
                        ("office", raw["office_nouns"]), ("role", raw["roles"])):
        for k in table:
            phrases[norm(k)] = kind
    return SourceLexicon(
        lang=lang,
        definite=_keys(dets["definite"]),
        indefinite=_keys(dets["indefinite"]),
        demonstrative=_keys(dets["demonstrative"]),
        possessive={norm(k): v for k, v in dets["possessive"].items()},
        contracted_definite=_keys(dets.get("contracted_definite", ())),
        complement_preps=_keys(raw["complement_preps"]),
        locative_preps=_keys(raw["locative_preps"]),
        name_particles=_keys(raw["name_particles"]),
        stop_names=_keys(raw["stop_names"]),
        titles={norm(k): v for k, v in raw["titles"].items()},
        pronouns=pron,
        subject_pronouns=_keys(raw["subject_pronouns"]),
        pronoun_preps=_keys(raw["pronoun_preps"]),
        last_mentioned=last,
        impersonal_next=_keys(raw["impersonal_next"]),
        impersonal_lemmas=_keys(raw["impersonal_lemmas"]),
        roles=roles,
        group_nouns=_keys(raw["group_nouns"]),
        org_nouns=_keys(raw["org_nouns"]),
        group_org_nouns=_keys(raw["group_org_nouns"]),
        office_nouns=_keys(raw["office_nouns"]),
        document_nouns=_keys(raw["document_nouns"]),
        name_org_words=_keys(raw["name_org_words"]),
        name_group_words=_keys(raw["name_group_words"]),
        demonyms={norm(k): v for k, v in raw["demonyms"].items()},
        countries={norm(k): v for k, v in raw["countries"].items()},
        capitals={norm(k): v for k, v in raw["capitals"].items()},
        institutions={norm(k): v for k, v in raw["institutions"].items()},
        anonymity_markers=tuple(sorted({norm(m) for m in raw["anonymity_markers"]}, key=len, reverse=True)),
        quote_marks=raw.get("quote_marks", "«»“”\""),
        inflections=tuple((str(a), str(b)) for a, b in raw["adjective_inflections"]),
        rank_adjectives=_keys(_listed(raw, "rank_adjectives")),
        clause_openers=_keys(_listed(raw, "clause_openers")),
        que_words=_keys(_listed(raw, "que_words")),
        org_name_links=_keys(_listed(raw, "org_name_links")),
        plural_determiners=_keys(_listed(raw, "plural_determiners")),
        name_particle_articles=_keys(_listed(raw, "name_particle_articles")),
        name_particle_preps=_keys(_listed(raw, "name_particle_preps")),
        document_source_preps=_keys(_listed(raw, "document_source_preps")),
        publishing_verbs=_keys(_listed(raw, "publishing_verbs")),
        predicate_markers=_keys(_listed(raw, "predicate_markers")),
        name_articles=_keys(_listed(raw, "name_articles")),
        participle_endings=tuple(_listed(raw, "participle_endings")),
        agent_endings=tuple(_listed(raw, "agent_endings")),
        glued_name_particles=tuple(_listed(raw, "glued_name_particles")),
        name_leading_articles=_keys(_listed(raw, "name_leading_articles")),
        after_name_words=_keys(_listed(raw, "after_name_words")),
        list_coordinators=_keys(_listed(raw, "list_coordinators")),
        actor_preps=_keys(_listed(raw, "actor_preps")),
        partitive=_partitive(raw),
        glued_particle=re.compile(r"^(?:" + "|".join(map(re.escape, _listed(raw, "glued_name_particles"))) + r")[-'’][A-ZÀ-Ý]"),
        max_phrase=max(len(norm(k).split()) for k in multi),
        phrases=phrases,
        first_words=frozenset(norm(k).split()[0] for k in multi if len(norm(k).split()) > 1),
    )
