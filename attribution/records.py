"""Typed records shared by every stage.

Records are small frozen dataclasses. Their ``to_dict()`` form is the JSON that
``attribution extract --format json`` prints (see ``../shared/eval/OUTPUT.md``),
and ``from_dict()`` reads it back, so that later commands (audit, compare,
report, graph) can work from stored results instead of parsing again.

Offsets are Python string indices into ``Article.text``, end exclusive, and
``span.text == article.text[span.start:span.end]`` always holds.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any, Literal

QuoteType = Literal["direct", "indirect", "mixed"]
SourceType = Literal["person", "organization", "group", "anonymous"]
Stance = Literal["neutral", "assertive", "emphasis", "hedge", "denial", "concession"]

QUOTE_TYPES: tuple[str, ...] = ("direct", "indirect", "mixed")
SOURCE_TYPES: tuple[str, ...] = ("person", "organization", "group", "anonymous")
STANCES: tuple[str, ...] = ("neutral", "assertive", "emphasis", "hedge", "denial", "concession")


@dataclass(frozen=True, order=True)
class Span:
    """A stretch of the article text."""

    start: int
    end: int
    text: str

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        """The span ``text[start:end]``; offsets are clamped into the text."""
        start = max(0, min(start, len(text)))
        end = max(start, min(end, len(text)))
        return cls(start, end, text[start:end])

    def __len__(self) -> int:
        return self.end - self.start

    def overlap(self, other: Span) -> int:
        """Number of characters shared with ``other``."""
        return max(0, min(self.end, other.end) - max(self.start, other.start))

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Span:
        return cls(int(d["start"]), int(d["end"]), str(d["text"]))


@dataclass(frozen=True)
class Cue:
    """The words that introduce reported speech: a verb group, a preposition, or nothing for a colon."""

    start: int
    end: int
    text: str
    lemma: str | None = None
    stance: str | None = None

    @property
    def span(self) -> Span:
        return Span(self.start, self.end, self.text)

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text,
                "lemma": self.lemma, "stance": self.stance}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Cue:
        return cls(int(d["start"]), int(d["end"]), str(d["text"]), d.get("lemma"), d.get("stance"))


@dataclass(frozen=True)
class Speaker:
    """The mention of the source nearest to the cue, and what resolution made of it."""

    start: int
    end: int
    text: str
    resolved: Span | None = None  # the antecedent of a pronoun, possessive or document mention
    entity: str | None = None  # id of the canonical source (an Entity of the article)
    type: str | None = None  # person | organization | group | anonymous

    @property
    def span(self) -> Span:
        return Span(self.start, self.end, self.text)

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start, "end": self.end, "text": self.text,
            "resolved": self.resolved.text if self.resolved else None,
            "resolved_span": self.resolved.to_dict() if self.resolved else None,
            "entity": self.entity, "type": self.type,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Speaker:
        rs = d.get("resolved_span")
        return cls(int(d["start"]), int(d["end"]), str(d["text"]),
                   Span.from_dict(rs) if rs else None, d.get("entity"), d.get("type"))


@dataclass(frozen=True)
class Attribution:
    """One piece of content that the article presents as coming from a source."""

    type: str  # direct | indirect | mixed
    content: Span
    cue: Cue | None
    speaker: Speaker | None
    pattern: str = ""  # name of the rule that found it, for debugging and audits
    sentence: int = -1  # index of the sentence holding the cue (or the content)

    def with_speaker(self, speaker: Speaker | None) -> Attribution:
        return replace(self, speaker=speaker)

    def to_dict(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "content": self.content.to_dict(),
            "cue": self.cue.to_dict() if self.cue else None,
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "pattern": self.pattern,
            "sentence": self.sentence,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Attribution:
        return cls(
            type=d["type"],
            content=Span.from_dict(d["content"]),
            cue=Cue.from_dict(d["cue"]) if d.get("cue") else None,
            speaker=Speaker.from_dict(d["speaker"]) if d.get("speaker") else None,
            pattern=d.get("pattern", ""),
            sentence=int(d.get("sentence", -1)),
        )


@dataclass(frozen=True)
class Term:
    """Quoted words that are not reported speech: a name, a title, a term, scare quotes."""

    start: int
    end: int
    text: str
    reason: str = "term"  # name | title | term | scare

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text,
                "kind": "term", "reason": self.reason}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Term:
        return cls(int(d["start"]), int(d["end"]), str(d["text"]), d.get("reason", "term"))


@dataclass(frozen=True)
class Entity:
    """A canonical source: every mention of one real-world speaker in an article."""

    id: str
    name: str
    type: str  # person | organization | group | anonymous
    named: bool = False
    role: str | None = None  # spokesperson, minister, official, expert, witness ...
    affiliation: str | None = None  # "ministère américain de la Défense"
    country: str | None = None  # "US", "IQ", ... or the adjective as written
    anonymity: tuple[str, ...] = ()  # markers such as "sous couvert d'anonymat"
    aliases: tuple[str, ...] = ()  # every distinct string naming it, pronouns excepted
    mentions: tuple[Span, ...] = ()
    head: str | None = None  # for an office or a document: the entity it stands for
    corpus_id: str | None = None  # the same source across a corpus

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "name": self.name, "type": self.type, "named": self.named,
            "role": self.role, "affiliation": self.affiliation, "country": self.country,
            "anonymity": list(self.anonymity), "aliases": list(self.aliases),
            "mentions": [m.to_dict() for m in self.mentions],
            "head": self.head, "corpus_id": self.corpus_id,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Entity:
        return cls(
            id=d["id"], name=d["name"], type=d["type"], named=bool(d.get("named", False)),
            role=d.get("role"), affiliation=d.get("affiliation"), country=d.get("country"),
            anonymity=tuple(d.get("anonymity", ())), aliases=tuple(d.get("aliases", ())),
            mentions=tuple(Span.from_dict(m) for m in d.get("mentions", ())),
            head=d.get("head"), corpus_id=d.get("corpus_id"),
        )


@dataclass(frozen=True)
class Article:
    """One news article as read from disk. ``text`` is never rewritten by later stages."""

    id: str
    path: str
    text: str
    title: str | None = None
    outlet: str | None = None
    date: str | None = None
    url: str | None = None
    lang: str | None = None
    meta: dict[str, str] = field(default_factory=dict, compare=False, hash=False)
    parsed: str | None = field(default=None, compare=False, repr=False)  # CoNLL-U of a pre-parsed article
    # where ``text`` begins in the file's text (after a metadata header); None: not a stretch of it
    body_start: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "path": self.path, "title": self.title, "outlet": self.outlet,
                "date": self.date, "url": self.url, "lang": self.lang, "meta": dict(self.meta),
                "body_start": self.body_start}


@dataclass(frozen=True)
class ArticleResult:
    """Everything extracted from one article."""

    article: Article
    engine: str
    model: str
    attributions: tuple[Attribution, ...] = ()
    terms: tuple[Term, ...] = ()
    entities: tuple[Entity, ...] = ()
    words: int = 0  # number of syntactic words in the parse

    def to_dict(self) -> dict[str, Any]:
        a = self.article
        return {
            "path": a.path, "id": a.id, "lang": a.lang, "engine": self.engine, "model": self.model,
            "title": a.title, "outlet": a.outlet, "date": a.date, "url": a.url,
            "meta": dict(a.meta), "words": self.words, "body_start": a.body_start, "text": a.text,
            "attributions": [x.to_dict() for x in self.attributions],
            "terms": [t.to_dict() for t in self.terms],
            "entities": [e.to_dict() for e in self.entities],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> ArticleResult:
        body_start = d.get("body_start")
        article = Article(
            id=d.get("id") or d["path"], path=d["path"], text=d.get("text", d.get("body", "")),
            title=d.get("title"), outlet=d.get("outlet"), date=d.get("date"), url=d.get("url"),
            lang=d.get("lang"), meta=dict(d.get("meta") or {}),
            body_start=int(body_start) if body_start is not None else None,
        )
        return cls(
            article=article, engine=d.get("engine", ""), model=d.get("model", ""),
            attributions=tuple(Attribution.from_dict(x) for x in d.get("attributions", ())),
            terms=tuple(Term.from_dict(t) for t in d.get("terms", ())),
            entities=tuple(Entity.from_dict(e) for e in d.get("entities", ())),
            words=int(d.get("words", 0)),
        )
