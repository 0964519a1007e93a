"""What each page shows, computed from the records: pure functions, no HTML.

The templates only lay these views out; every figure of the report is computed here,
so that it can be tested without parsing HTML.
"""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..credit import DEFAULT_GROUP_BY, GROUP_BY_NOTES, ArticleCredit, Source, credit
from ..records import QUOTE_TYPES, ArticleResult, Entity
from ..text import count_words
from .safety import page_name, safe_url

# Where the reader got the language, the title or the date: for the pipeline and the store,
# not for the reader of a report (the value itself is shown, not how it was found).
INTERNAL_META = frozenset({"lang_source", "title_from", "date_from"})

PALETTE_SIZE = 12  # colours .c0 .. .c11 of the stylesheet; sources beyond reuse them in turn


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
    source: Source | None
    source_page: str | None
    colour: int | None
    words: int
    credited: str = "no source"  # how the credit reads: the source, or "communiqué of X"

    @property
    def unattributed(self) -> bool:
        return self.source is None

    @property
    def anonymous(self) -> bool:
        return self.source is not None and self.source.type == "anonymous"

    @property
    def source_name(self) -> str:
        return self.credited

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
    words: int  # words of the text (attribution.text, as every view counts them)
    quoted_words: int  # words inside the content of some claim
    type_counts: dict[str, int]
    credited_sources: int = 0  # distinct sources credited with a claim (the audit's "sources")
    anonymous_sources: int = 0  # of which anonymous

    @property
    def quoted_share(self) -> float:
        return self.quoted_words / self.words if self.words else 0.0

    @property
    def unattributed(self) -> int:
        return sum(c.unattributed for c in self.claims)

    @property
    def anonymous(self) -> int:
        return sum(c.anonymous for c in self.claims)

    @property
    def anonymous_share(self) -> float:
        """Anonymous sources / credited sources, as the audit counts them."""
        return self.anonymous_sources / self.credited_sources if self.credited_sources else 0.0


def article_view(ac: ArticleCredit) -> ArticleView:
    """The article page's view of one article's credit (:func:`attribution.credit.credit`)."""
    key, result = ac.key, ac.result
    a = result.article
    text = a.text
    refs = [c.source for c in ac.claims]
    colours: dict[str, int] = {}
    for ref in refs:
        if ref is not None and ref.key not in colours:
            colours[ref.key] = len(colours) % PALETTE_SIZE
    claims = []
    for i, (att, ref, c) in enumerate(zip(result.attributions, refs, ac.claims, strict=True)):
        cue = att.cue
        claims.append(ClaimView(
            index=i, anchor=f"a{i}", type=att.type, content=att.content.text,
            cue=cue.text if cue else "", lemma=(cue.lemma or "") if cue else "",
            stance=(cue.stance or "") if cue else "",
            speaker=att.speaker.text if att.speaker else "",
            source=ref, source_page=page_name(ref.key, ref.name) if ref else None,
            colour=colours[ref.key] if ref else None, words=count_words(att.content.text),
            credited=c.shown,
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
        meta=tuple(MetaItem(str(k), str(v), safe_url(str(v))) for k, v in sorted(a.meta.items())
                   if k not in INTERNAL_META),
        text=text, nodes=highlight(text, marks), claims=tuple(claims),
        sources=_article_sources(ac, claims, total_quoted), terms=len(result.terms),
        words=ac.words, quoted_words=ac.covered_words,
        type_counts={t: sum(c.type == t for c in claims) for t in QUOTE_TYPES},
        credited_sources=len(ac.sources), anonymous_sources=ac.anonymous,
    )


def _article_sources(ac: ArticleCredit, claims: Sequence[ClaimView],
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
        words = sum(c.words for c in cs)
        types = Counter(c.type for c in cs)
        out.append(SourceSummary(
            key=skey, name=ref.name, type=ref.type, role=ref.role or "",
            affiliation=ref.affiliation or "", page=page_name(skey, ref.name),
            colour=cs[0].colour, direct=types["direct"], indirect=types["indirect"],
            mixed=types["mixed"], words=words, share=words / total_words if total_words else 0.0,
        ))
    out.sort(key=lambda s: (-s.claims, -s.words, s.name.lower()))
    for e in ac.entities:
        if e.key not in rows:
            rows[e.key] = []
            out.append(SourceSummary(e.key, e.name, e.type, e.role or "", e.affiliation or "",
                                     page_name(e.key, e.name), None, 0, 0, 0, 0, 0.0))
    return tuple(out)


# ---------------------------------------------------------------- the corpus

@dataclass(frozen=True)
class SourceClaim:
    """A claim on a source page: the claim and the article it is in."""

    article: ArticleView
    claim: ClaimView


@dataclass(frozen=True)
class SourcePage:
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
    head: str = ""  # an office shown as its own source: the name of its head
    head_page: str | None = None  # and the file name stem of its head's page

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
    sources: tuple[SourcePage, ...]  # most claims first
    outlets: tuple[str, ...]
    group_by: str = DEFAULT_GROUP_BY  # how offices are credited (attribution.credit.GROUP_BY)
    sources_file: str | None = None  # "name (sha256 …)" of the sources file applied, if any
    engines: tuple[EngineUse, ...] = ()  # what parsed each language (footer and banner of every page)

    @property
    def group_note(self) -> str:
        """What the report says of its grouping."""
        return GROUP_BY_NOTES[self.group_by]

    @property
    def credited_sources(self) -> int:
        """Distinct sources credited with a claim across the corpus."""
        return len({c.source.key for a in self.articles for c in a.claims if c.source is not None})

    @property
    def appearances(self) -> int:
        return sum(a.credited_sources for a in self.articles)

    @property
    def anonymous_share(self) -> float:
        """Anonymous sources / sources, each counted once per article (as the audit counts them)."""
        n = self.appearances
        return sum(a.anonymous_sources for a in self.articles) / n if n else 0.0

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


def corpus_view(results: Sequence[ArticleResult], group_by: str = DEFAULT_GROUP_BY,
                sources_file: str | None = None) -> CorpusView:
    """The views of every article and every source of a corpus.

    ``group_by`` says how offices are credited (:data:`attribution.credit.GROUP_BY`);
    ``sources_file`` is the note of the sources file applied to ``results``, if any.
    """
    credits = credit(results, group_by)
    articles = tuple(article_view(ac) for ac in credits)
    grouped: dict[str, list[SourceClaim]] = {}
    entities: dict[str, list[Entity]] = {}
    known: dict[str, Source] = {}  # key -> the source, from the first sighting
    for av, ac in zip(articles, credits, strict=True):
        for c in av.claims:
            if c.source is not None:
                grouped.setdefault(c.source.key, []).append(SourceClaim(av, c))
                known.setdefault(c.source.key, c.source)
                if c.source.entity is not None:
                    entities.setdefault(c.source.key, []).append(c.source.entity)
        for e in ac.entities:  # sources with no extracted claim still get a page
            grouped.setdefault(e.key, [])
            known.setdefault(e.key, e)
            if e.entity is not None:
                entities.setdefault(e.key, []).append(e.entity)
    sources = []
    for key, cs in grouped.items():
        ents = entities.get(key, [])
        aliases: dict[str, None] = {}
        for ent in ents:
            aliases.update(dict.fromkeys(ent.aliases))
        for sc in cs:
            if sc.claim.speaker:
                aliases.setdefault(sc.claim.speaker, None)
        src = known[key]
        head_page = page_name(src.head, src.head_name or "") if src.head else None
        sources.append(SourcePage(
            key=key, name=src.name, type=src.type, role=src.role or "",
            affiliation=src.affiliation or "",
            aliases=tuple(aliases), page=page_name(key, src.name), claims=tuple(cs),
            outlets=tuple(sorted({sc.article.outlet for sc in cs if sc.article.outlet})),
            head=src.head_name or "", head_page=head_page,
        ))
    sources.sort(key=lambda s: (-len(s.claims), -s.articles, s.name.lower(), s.key))
    outlets = tuple(sorted({a.outlet for a in articles if a.outlet}))
    return CorpusView(articles, tuple(sources), outlets, group_by, sources_file, engine_uses(results))
