"""What each page shows, computed from the records: pure functions, no HTML.

The templates only lay these views out; every figure of the report is computed here,
so that it can be tested without parsing HTML.
"""

from __future__ import annotations

import bisect
import heapq
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..graph import SourceRef, article_keys, canonical_entities, claim_source, entity_key
from ..records import QUOTE_TYPES, ArticleResult, Attribution, Entity
from .safety import page_name, safe_url

PALETTE_SIZE = 12  # colours .c0 .. .c11 of the stylesheet; sources beyond reuse them in turn
# A word for the coverage figures: letters and digits, with inner apostrophes and hyphens (l’Irak).
_WORD = re.compile(r"\w+(?:['’-]\w+)*")


# ---------------------------------------------------------------- the highlighted text

@dataclass(frozen=True)
class Mark:
    """A highlighted stretch: a claim's content, its cue or speaker, or a quoted term."""

    start: int
    end: int
    kind: str  # claim | speaker | cue | term
    ref: int  # index of the claim (or of the term)
    first: bool = True  # False for the continuation of a mark split by nesting


# Order of marks that start and end at the same place: a claim encloses its parts.
_KIND_ORDER = {"claim": 0, "speaker": 1, "cue": 2, "term": 3}


@dataclass
class Node:
    """A piece of the highlighted text: plain ``text``, or a ``mark`` around ``children``."""

    text: str = ""
    mark: Mark | None = None
    children: list[Node] = field(default_factory=list)


def highlight(text: str, marks: Sequence[Mark]) -> list[Node]:
    """The text as a tree of properly nested marks, every character kept once and in order.

    HTML elements must nest; marks that cross (a claim starting inside another and ending
    after it) are split at the crossing, the later piece flagged ``first=False``.
    """
    # Offsets outside the text (a bad record) are clamped into it rather than breaking the page.
    clamped = [Mark(max(0, m.start), min(m.end, len(text)), m.kind, m.ref, m.first) for m in marks]
    heap = [(m.start, -m.end, _KIND_ORDER.get(m.kind, 9), m.ref, n, m)
            for n, m in enumerate(clamped) if m.start < m.end]
    heapq.heapify(heap)
    serial = len(heap)  # a tie-breaker, so that the heap never compares two Marks
    root = Node()
    stack: list[tuple[Node, int]] = [(root, len(text))]
    pos = 0

    def close_until(limit: int) -> None:
        nonlocal pos
        while len(stack) > 1 and stack[-1][1] <= limit:
            node, end = stack.pop()
            if pos < end:
                node.children.append(Node(text[pos:end]))
                pos = end

    while heap:
        *_, m = heapq.heappop(heap)
        if m.start < pos:  # only a continuation can start before pos; clamp it
            if m.end <= pos:
                continue
            m = Mark(pos, m.end, m.kind, m.ref, m.first)
        close_until(m.start)
        parent, parent_end = stack[-1]
        if pos < m.start:
            parent.children.append(Node(text[pos:m.start]))
            pos = m.start
        if m.end > parent_end:  # crosses its parent: keep the inside part, queue the rest
            rest = Mark(parent_end, m.end, m.kind, m.ref, False)
            serial += 1
            heapq.heappush(heap, (rest.start, -rest.end, _KIND_ORDER.get(rest.kind, 9), rest.ref,
                                  serial, rest))
            m = Mark(m.start, parent_end, m.kind, m.ref, m.first)
        node = Node(mark=m)
        parent.children.append(node)
        stack.append((node, m.end))
    close_until(len(text))
    if pos < len(text):
        root.children.append(Node(text[pos:]))
    return root.children


def flatten(nodes: Sequence[Node]) -> str:
    """The plain text of a highlighted tree (it equals the article text)."""
    return "".join(n.text if n.mark is None else flatten(n.children) for n in nodes)


# ---------------------------------------------------------------- articles

@dataclass(frozen=True)
class SourceSummary:
    """A source as one article quotes it: the sources table of the article page."""

    key: str
    name: str
    type: str
    role: str
    affiliation: str
    page: str  # file name stem of its source page
    colour: int | None  # None for a source of the article that no claim is credited to
    direct: int
    indirect: int
    mixed: int
    words: int  # words of content credited to it
    share: float  # its words / all quoted words of the article

    @property
    def claims(self) -> int:
        return self.direct + self.indirect + self.mixed

    @property
    def anonymous(self) -> bool:
        return self.type == "anonymous"


@dataclass(frozen=True)
class ClaimView:
    """One attribution as the report shows it."""

    index: int
    anchor: str  # id of its element in the article page
    type: str
    content: str
    cue: str
    lemma: str
    stance: str
    speaker: str
    source: SourceRef | None
    source_page: str | None
    colour: int | None
    words: int

    @property
    def unattributed(self) -> bool:
        return self.source is None

    @property
    def anonymous(self) -> bool:
        return self.source is not None and self.source.type == "anonymous"

    @property
    def source_name(self) -> str:
        return self.source.name if self.source else "no source"

    @property
    def tip(self) -> str:
        """The text of the hover / focus tooltip: source, type, cue, stance."""
        parts = [f"Source: {self.source_name}"]
        if self.source is not None:
            parts[0] += f" ({self.source.type})"
        parts.append(f"Type: {self.type}")
        parts.append(f"Cue: {self.cue or '(none)'}")
        parts.append(f"Stance: {self.stance or 'unknown'}")
        return " · ".join(parts)


@dataclass(frozen=True)
class MetaItem:
    key: str
    value: str
    href: str | None  # only for a safe http(s) URL


@dataclass(frozen=True)
class ArticleView:
    """Everything the article page shows."""

    key: str
    page: str
    id: str
    path: str
    title: str
    outlet: str
    date: str
    url: str  # as given, shown as text
    href: str | None  # the same, only when safe as a link
    lang: str
    meta: tuple[MetaItem, ...]
    text: str
    nodes: list[Node]
    claims: tuple[ClaimView, ...]
    sources: tuple[SourceSummary, ...]
    terms: int
    words: int  # words of the text
    quoted_words: int  # words inside the content of some claim
    type_counts: dict[str, int]

    @property
    def quoted_share(self) -> float:
        return self.quoted_words / self.words if self.words else 0.0

    @property
    def unattributed(self) -> int:
        return sum(c.unattributed for c in self.claims)

    @property
    def anonymous(self) -> int:
        return sum(c.anonymous for c in self.claims)


def count_words(text: str) -> int:
    return sum(1 for _ in _WORD.finditer(text))


def _covered_words(text: str, attributions: Sequence[Attribution]) -> int:
    """Words whose first character lies inside the content of at least one attribution."""
    spans = sorted((a.content.start, a.content.end) for a in attributions)
    merged: list[list[int]] = []
    for s, e in spans:
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    starts = [s for s, _ in merged]
    n = 0
    for w in _WORD.finditer(text):
        i = bisect.bisect_right(starts, w.start()) - 1
        if i >= 0 and w.start() < merged[i][1]:
            n += 1
    return n


def article_view(key: str, result: ArticleResult) -> ArticleView:
    """The article page's view of one result; ``key`` is its unique key in the corpus."""
    a = result.article
    text = a.text
    refs = [claim_source(key, result, att) for att in result.attributions]
    colours: dict[str, int] = {}
    for ref in refs:
        if ref is not None and ref.key not in colours:
            colours[ref.key] = len(colours) % PALETTE_SIZE
    claims = []
    for i, (att, ref) in enumerate(zip(result.attributions, refs, strict=True)):
        cue = att.cue
        claims.append(ClaimView(
            index=i, anchor=f"a{i}", type=att.type, content=att.content.text,
            cue=cue.text if cue else "", lemma=(cue.lemma or "") if cue else "",
            stance=(cue.stance or "") if cue else "",
            speaker=att.speaker.text if att.speaker else "",
            source=ref, source_page=page_name(ref.key, ref.name) if ref else None,
            colour=colours[ref.key] if ref else None, words=count_words(att.content.text),
        ))
    marks: list[Mark] = []
    for i, att in enumerate(result.attributions):
        marks.append(Mark(att.content.start, att.content.end, "claim", i))
        if att.cue is not None:
            marks.append(Mark(att.cue.start, att.cue.end, "cue", i))
        if att.speaker is not None:
            marks.append(Mark(att.speaker.start, att.speaker.end, "speaker", i))
    for j, t in enumerate(result.terms):
        marks.append(Mark(t.start, t.end, "term", j))
    total_quoted = sum(c.words for c in claims)
    return ArticleView(
        key=key, page=page_name(key), id=a.id, path=a.path, title=a.title or a.id,
        outlet=a.outlet or "", date=a.date or "", url=a.url or "", href=safe_url(a.url),
        lang=a.lang or "",
        meta=tuple(MetaItem(str(k), str(v), safe_url(str(v))) for k, v in sorted(a.meta.items())),
        text=text, nodes=highlight(text, marks), claims=tuple(claims),
        sources=_article_sources(key, claims, result, total_quoted), terms=len(result.terms),
        words=count_words(text), quoted_words=_covered_words(text, result.attributions),
        type_counts={t: sum(c.type == t for c in claims) for t in QUOTE_TYPES},
    )


def _article_sources(key: str, claims: Sequence[ClaimView], result: ArticleResult,
                     total_words: int) -> tuple[SourceSummary, ...]:
    """The article's sources: those its claims are credited to, then the other entities
    resolution found (a source named in the article whose words were not extracted)."""
    rows: dict[str, list[ClaimView]] = {}
    for c in claims:
        if c.source is not None:
            rows.setdefault(c.source.key, []).append(c)
    out = []
    for skey, cs in rows.items():
        ref = cs[0].source
        assert ref is not None
        e = ref.entity
        words = sum(c.words for c in cs)
        types = Counter(c.type for c in cs)
        out.append(SourceSummary(
            key=skey, name=ref.name, type=ref.type, role=(e.role or "") if e else "",
            affiliation=(e.affiliation or "") if e else "", page=page_name(skey, ref.name),
            colour=cs[0].colour, direct=types["direct"], indirect=types["indirect"],
            mixed=types["mixed"], words=words, share=words / total_words if total_words else 0.0,
        ))
    out.sort(key=lambda s: (-s.claims, -s.words, s.name.lower()))
    for e in canonical_entities(result):
        ekey = entity_key(key, e)
        if ekey not in rows:
            rows[ekey] = []
            out.append(SourceSummary(ekey, e.name, e.type, e.role or "", e.affiliation or "",
                                     page_name(ekey, e.name), None, 0, 0, 0, 0, 0.0))
    return tuple(out)


# ---------------------------------------------------------------- the corpus

@dataclass(frozen=True)
class SourceClaim:
    """A claim on a source page: the claim and the article it is in."""

    article: ArticleView
    claim: ClaimView


@dataclass(frozen=True)
class CorpusSource:
    """A source across the corpus: its page and its row in the index's sources table."""

    key: str
    name: str
    type: str
    role: str
    affiliation: str
    aliases: tuple[str, ...]
    page: str
    claims: tuple[SourceClaim, ...]
    outlets: tuple[str, ...]

    @property
    def articles(self) -> int:
        return len({c.article.key for c in self.claims})

    @property
    def anonymous(self) -> bool:
        return self.type == "anonymous"

    def count(self, quote_type: str) -> int:
        return sum(c.claim.type == quote_type for c in self.claims)


# The model id of a language read with no parser (parse.spacy_engine.ShallowEngine: tokens and
# sentences only, "blank_<lang>-sentencizer-<spaCy version>").
_SHALLOW_MODEL = "blank_"


@dataclass(frozen=True)
class EngineUse:
    """The engine and model that read some of the corpus's articles of one language."""

    lang: str
    engine: str
    model: str
    articles: int

    @property
    def parsed(self) -> bool:
        return not self.model.startswith(_SHALLOW_MODEL)


def engine_uses(results: Sequence[ArticleResult]) -> tuple[EngineUse, ...]:
    """One EngineUse per (language, engine, model) of the results, by language."""
    counts = Counter((r.article.lang or "", r.engine, r.model) for r in results)
    return tuple(EngineUse(lang, engine, model, n) for (lang, engine, model), n in sorted(counts.items()))


@dataclass(frozen=True)
class CorpusView:
    """Everything the index, the source pages and the common context need."""

    articles: tuple[ArticleView, ...]
    sources: tuple[CorpusSource, ...]  # most claims first
    outlets: tuple[str, ...]
    engines: tuple[EngineUse, ...] = ()  # what parsed each language (footer and banner of every page)

    @property
    def unparsed_langs(self) -> tuple[str, ...]:
        """Languages some of whose articles ran without a parser (a degraded mode: the banner)."""
        return tuple(dict.fromkeys(e.lang for e in self.engines if not e.parsed))

    @property
    def claims(self) -> int:
        return sum(len(a.claims) for a in self.articles)

    @property
    def unattributed(self) -> int:
        return sum(a.unattributed for a in self.articles)

    @property
    def anonymous(self) -> int:
        return sum(a.anonymous for a in self.articles)

    @property
    def words(self) -> int:
        return sum(a.words for a in self.articles)

    @property
    def quoted_share(self) -> float:
        return sum(a.quoted_words for a in self.articles) / self.words if self.words else 0.0


def corpus_view(results: Sequence[ArticleResult]) -> CorpusView:
    """The views of every article and every source of a corpus."""
    keys = article_keys(results)
    articles = tuple(article_view(k, r) for k, r in zip(keys, results, strict=True))
    grouped: dict[str, list[SourceClaim]] = {}
    entities: dict[str, list[Entity]] = {}
    names: dict[str, tuple[str, str]] = {}  # key -> (name, type), from the first sighting
    for av, r in zip(articles, results, strict=True):
        for c in av.claims:
            if c.source is not None:
                grouped.setdefault(c.source.key, []).append(SourceClaim(av, c))
                names.setdefault(c.source.key, (c.source.name, c.source.type))
                if c.source.entity is not None:
                    entities.setdefault(c.source.key, []).append(c.source.entity)
        for e in canonical_entities(r):  # sources with no extracted claim still get a page
            ekey = entity_key(av.key, e)
            grouped.setdefault(ekey, [])
            names.setdefault(ekey, (e.name, e.type))
            entities.setdefault(ekey, []).append(e)
    sources = []
    for key, cs in grouped.items():
        ents = entities.get(key, [])
        aliases: dict[str, None] = {}
        for e in ents:
            aliases.update(dict.fromkeys(e.aliases))
        for sc in cs:
            if sc.claim.speaker:
                aliases.setdefault(sc.claim.speaker, None)
        name, typ = names[key]
        sources.append(CorpusSource(
            key=key, name=name, type=typ,
            role=next((e.role for e in ents if e.role), ""),
            affiliation=next((e.affiliation for e in ents if e.affiliation), ""),
            aliases=tuple(aliases), page=page_name(key, name), claims=tuple(cs),
            outlets=tuple(sorted({sc.article.outlet for sc in cs if sc.article.outlet})),
        ))
    sources.sort(key=lambda s: (-len(s.claims), -s.articles, s.name.lower(), s.key))
    outlets = tuple(sorted({a.outlet for a in articles if a.outlet}))
    return CorpusView(articles, tuple(sources), outlets, engine_uses(results))
