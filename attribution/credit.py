"""Who each claim is credited to: the one place that decides it, for every view.

``credit(results)`` reads linked results (``Entity.corpus_id`` set by
:func:`attribution.resolve.link_corpus`, corrections of a sources file applied)
and gives, per article, a :class:`Credit` for each attribution and the figures
every view shows (words, covered words, sources, anonymous and official ones).
The audit, the comparison, the claim graph, the HTML report and the sources
listing read these; none of them decides credit on its own.

Rules:

- The **source** of a claim is the entity of its speaker mention. A *document*
  (``le communiqué``, ``the statement``: an entity with a ``head`` whose name is
  a document noun of the language's lexicon) is credited to its issuer (its
  head, followed until a non-document); the claim is shown as ``communiqué of
  X``. So is a claim whose speaker mention is a document noun (``leur
  communiqué``) inside an office or organisation entity.
- An *office* (``les services du Premier ministre``: an entity with a ``head``
  that is not a document) is a source of its own, linked to its head
  (``Source.head``), when grouping by ``source`` (the default); grouping by
  ``head`` credits the head instead. Views say which grouping they show.
- A source's **key** is its corpus id (the same across articles and outlets);
  an entity without one is a source of its article alone
  (``<article>/<entity id>``); a speaker that resolution left without an entity
  is keyed within its article by the name key of its mention (or of the
  antecedent it was resolved to): ``<article>/speaker:<name key>``. One such
  mention in two articles is two sources: a bare ``un responsable`` names no
  one across a corpus.
- The **name**, **type** and **role** of a source with a corpus id are those of
  the whole corpus: the longest name among its named members, the most common
  type, the first role; so every article shows the same source the same way.
- A source is **official or institutional** when its type is ``organization``
  or its role holds one of :data:`OFFICIAL_ROLE_WORDS`; **anonymous** when its
  type is ``anonymous``. Anonymous and official shares count a source once per
  article that credits it a claim.
- **Words** are those of :mod:`attribution.text` (one rule for every view); a
  word is *covered* when its first character lies inside the content of some
  attribution (overlaps count once).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from .errors import AttributionError
from .lang import load_sources, union_words
from .records import ArticleResult, Attribution, Entity, Span
from .text import count_words, covered_words, fold, name_key, norm, word_starts

GROUP_BY: tuple[str, ...] = ("source", "head")
DEFAULT_GROUP_BY = "source"
# What every view says of its grouping (the report, the audit's title, the comparison).
GROUP_BY_NOTES = {
    "source": "grouped by source: an office is a source of its own",
    "head": "grouped by head: an office counts as its head",
}


# Words of a role (accents and case ignored) that make a source official or institutional,
# in every language (attribution/lang/<code>/words.json).
OFFICIAL_ROLE_WORDS: frozenset[str] = union_words("official_role_words")

_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_SPLIT = re.compile(r"(?<=')|\s+")  # "l'x" -> "l'", "x": the lexicon's determiners keep their apostrophe


class UnknownGrouping(AttributionError):
    """A grouping other than those of :data:`GROUP_BY`."""


def clean(value: str) -> str:
    """``value`` without the characters that XML 1.0 cannot hold (keys end up in GraphML and GEXF)."""
    return _XML_ILLEGAL.sub("\ufffd", value)


def article_keys(results: Sequence[ArticleResult]) -> list[str]:
    """One unique key per result: the article id, suffixed ``~2``, ``~3`` ... when an id repeats."""
    seen: Counter[str] = Counter()
    keys = []
    for r in results:
        base = clean(r.article.id or r.article.path or "article")
        seen[base] += 1
        keys.append(base if seen[base] == 1 else f"{base}~{seen[base]}")
    return keys


def is_official(type_: str | None, role: str | None) -> bool:
    """The official/institutional rule of the module docstring."""
    if type_ == "organization":
        return True  # an organisation speaks as an institution by definition
    if not role:
        return False
    return not OFFICIAL_ROLE_WORDS.isdisjoint(re.findall(r"[^\W_]+", fold(role)))


@cache
def _lexicon(lang: str) -> tuple[frozenset[str], frozenset[str]]:
    """(determiners, document nouns) of a language; French for a language without a lexicon."""
    try:
        lex = load_sources(lang)
    except AttributionError:
        lex = load_sources("fr")
    return frozenset(lex.determiners), frozenset(lex.document_nouns)


def document_noun(text: str, lang: str | None) -> str | None:
    """The document noun a mention is headed by (``leur communiqué`` -> ``communiqué``), else None."""
    dets, nouns = _lexicon(lang or "fr")
    words = [w for w in _SPLIT.split(norm(text).strip()) if w]
    while words and words[0] in dets:
        words = words[1:]
    # Two-word nouns first ("lettre ouverte", "press release"), then one word.
    for n in (2, 1):
        if len(words) >= n and " ".join(words[:n]) in nouns:
            return " ".join(words[:n])
    return None


# ---------------------------------------------------------------- records

@dataclass(frozen=True)
class Source:
    """A source as every view shows it."""

    key: str  # identity across the corpus (see the module docstring)
    name: str
    type: str  # person | organization | group | anonymous | unknown
    official: bool
    role: str | None = None
    affiliation: str | None = None
    head: str | None = None  # an office shown as its own source: the key of its head
    head_name: str | None = None
    entity: Entity | None = field(default=None, compare=False, repr=False)  # as this article has it

    @property
    def anonymous(self) -> bool:
        return self.type == "anonymous"

    def to_dict(self) -> dict[str, Any]:
        return {"key": self.key, "name": self.name, "type": self.type, "official": self.official,
                "head": self.head, "head_name": self.head_name}


@dataclass(frozen=True)
class Credit:
    """Who one attribution is credited to, and through which mention, office or document."""

    index: int
    source: Source | None  # None: the text credits it to no one
    mention: Span | None  # the speaker mention the credit comes from
    document: str | None = None  # the document noun it came through ("communiqué"), if any

    @property
    def shown(self) -> str:
        """How the credit reads: the source, ``communiqué of X``, or ``no source``."""
        if self.source is None:
            return "no source"
        if self.document:
            return f"{self.document} of {self.source.name}"
        return self.source.name

    def to_dict(self) -> dict[str, Any]:
        return {"index": self.index, "source": self.source.to_dict() if self.source else None,
                "mention": self.mention.to_dict() if self.mention else None,
                "document": self.document, "shown": self.shown}


@dataclass(frozen=True)
class ArticleCredit:
    """The credit of every claim of one article, and the figures every view shows of it."""

    key: str  # unique key of the article in the corpus
    result: ArticleResult
    claims: tuple[Credit, ...]
    entities: tuple[Source, ...]  # every source of the article, credited or not (offices included)
    by_entity: dict[str, Source] = field(compare=False, repr=False)  # entity id -> source it counts as
    words: int = 0
    covered_words: int = 0
    direct_words: int = 0

    @property
    def sources(self) -> tuple[Source, ...]:
        """The distinct sources credited with a claim, in order of first claim."""
        seen: dict[str, Source] = {}
        for c in self.claims:
            if c.source is not None:
                seen.setdefault(c.source.key, c.source)
        return tuple(seen.values())

    @property
    def unsourced(self) -> int:
        return sum(c.source is None for c in self.claims)

    @property
    def anonymous(self) -> int:
        """Distinct anonymous sources credited with a claim."""
        return sum(s.anonymous for s in self.sources)

    @property
    def official(self) -> int:
        return sum(s.official for s in self.sources)

    @property
    def coverage(self) -> float | None:
        return self.covered_words / self.words if self.words else None

    @property
    def anonymous_share(self) -> float | None:
        n = len(self.sources)
        return self.anonymous / n if n else None

    def figures(self) -> dict[str, Any]:
        """The figures compared across views (the consistency test reads these)."""
        return {"words": self.words, "claims": len(self.claims), "sources": len(self.sources),
                "covered_words": self.covered_words, "coverage": self.coverage,
                "unsourced": self.unsourced, "anonymous": self.anonymous,
                "anonymous_share": self.anonymous_share}


# ---------------------------------------------------------------- the corpus directory

@dataclass(frozen=True)
class _Profile:
    name: str
    type: str
    role: str | None
    affiliation: str | None


def _profiles(results: Iterable[ArticleResult]) -> dict[str, _Profile]:
    """Name, type, role and affiliation of each corpus id, over all its members."""
    members: dict[str, list[Entity]] = defaultdict(list)
    for r in results:
        for e in r.entities:
            if e.corpus_id:
                members[e.corpus_id].append(e)
    out = {}
    for cid, es in members.items():
        # The longest name among the named members is the fullest (``Sabrina Singh``, not ``Singh``).
        named = [e for e in es if e.named] or es
        best = max(named, key=lambda e: len(e.name))
        types = Counter(e.type for e in es)
        out[cid] = _Profile(best.name, types.most_common(1)[0][0],
                            next((e.role for e in es if e.role), None),
                            next((e.affiliation for e in es if e.affiliation), None))
    return out


class _Article:
    """Credit within one article: its entities by id, how to key and describe them."""

    def __init__(self, key: str, result: ArticleResult, profiles: dict[str, _Profile],
                 group_by: str) -> None:
        self.key, self.result, self.profiles, self.group_by = key, result, profiles, group_by
        self.by_id = {e.id: e for e in result.entities}
        self.lang = result.article.lang

    def is_document(self, e: Entity) -> bool:
        return e.head is not None and document_noun(e.name, self.lang) is not None

    def credited_entity(self, e: Entity) -> tuple[Entity, str | None]:
        """The entity ``e`` is credited to, and the document noun it came through."""
        document = document_noun(e.name, self.lang) if self.is_document(e) else None
        seen = {e.id}
        while e.head and e.head in self.by_id and e.head not in seen:
            # A document stands for its issuer; an office for its head only when grouping by head.
            if not (self.is_document(e) or self.group_by == "head"):
                break
            e = self.by_id[e.head]
            seen.add(e.id)
        return e, document

    def entity_key(self, e: Entity) -> str:
        return clean(e.corpus_id) if e.corpus_id else f"{self.key}/{clean(e.id)}"

    def source(self, e: Entity) -> Source:
        p = self.profiles.get(e.corpus_id or "")
        name, type_ = (p.name, p.type) if p else (e.name, e.type or "unknown")
        role = p.role if p else e.role
        affiliation = p.affiliation if p else e.affiliation
        head = head_name = None
        if e.head and e.head in self.by_id and not self.is_document(e):
            h, _ = self.credited_entity(self.by_id[e.head])
            if h.id != e.id:
                hs = self.source(h)
                head, head_name = hs.key, hs.name
        return Source(self.entity_key(e), name, type_, is_official(type_, role), role, affiliation,
                      head, head_name, e)

    def credit(self, index: int, att: Attribution) -> Credit:
        sp = att.speaker
        if sp is None:
            return Credit(index, None, None)
        mention = sp.span
        if sp.entity and sp.entity in self.by_id:
            e, document = self.credited_entity(self.by_id[sp.entity])
            # "leur communiqué" inside an office or body: the body's document.
            document = document or document_noun(sp.text, self.lang)
            return Credit(index, self.source(e), mention, document)
        name = (sp.resolved.text if sp.resolved else sp.text).strip()
        if not name:
            return Credit(index, None, mention)
        key = name_key(name) or fold(name)
        type_ = sp.type or "unknown"
        return Credit(index, Source(f"{self.key}/speaker:{clean(key)}", name, type_,
                                    is_official(type_, None)), mention)

    def by_entity(self) -> dict[str, Source]:
        """Each entity id -> the source it counts as (a document: its issuer)."""
        return {e.id: self.source(self.credited_entity(e)[0]) for e in self.result.entities}


def check_group_by(group_by: str) -> str:
    if group_by not in GROUP_BY:
        raise UnknownGrouping(f"unknown grouping '{group_by}'; expected one of {', '.join(GROUP_BY)}")
    return group_by


def credit(results: Sequence[ArticleResult], group_by: str = DEFAULT_GROUP_BY
           ) -> list[ArticleCredit]:
    """The credit of every claim of every article, and each article's figures, in input order."""
    check_group_by(group_by)
    results = list(results)
    profiles = _profiles(results)
    out = []
    for key, r in zip(article_keys(results), results, strict=True):
        art = _Article(key, r, profiles, group_by)
        starts = word_starts(r.article.text)
        spans = [a.content for a in r.attributions]
        direct = [a.content for a in r.attributions if a.type == "direct"]
        by_entity = art.by_entity()
        out.append(ArticleCredit(
            key=key, result=r,
            claims=tuple(art.credit(i, a) for i, a in enumerate(r.attributions)),
            entities=tuple({s.key: s for s in by_entity.values()}.values()),
            # A result read without its text (extract --without-text) keeps its stored count.
            by_entity=by_entity, words=len(starts) if r.article.text else r.words,
            covered_words=covered_words(starts, spans), direct_words=covered_words(starts, direct)))
    return out


def article_words(result: ArticleResult) -> int:
    """The word count of an article (what the pipeline stores in ``ArticleResult.words``)."""
    return count_words(result.article.text)


__all__ = [
    "ArticleCredit", "Credit", "DEFAULT_GROUP_BY", "GROUP_BY", "GROUP_BY_NOTES",
    "OFFICIAL_ROLE_WORDS", "Source", "UnknownGrouping", "article_keys", "article_words",
    "check_group_by", "clean", "credit", "document_noun", "is_official",
]
