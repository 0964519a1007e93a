"""Outlets side by side: their sourcing figures, the sources they share, and the same quote as each ran it.

``compare_outlets(results, by="outlet")`` groups articles by their ``outlet``
field (``by="dir"``: by top-level folder) and returns a :class:`Comparison`:

- the audit figures of each outlet (:func:`attribution.audit.metrics_of`);
- every source and how many attributions each outlet credits to it, as
  :func:`attribution.credit.credit` credits them (one source across outlets by
  ``corpus_id``; an office a source of its own unless ``group_by="head"``);
- quote groups: attributions of different articles whose normalised contents
  share uncommon words (:func:`candidate_pairs`) and match
  (:func:`similarity` >= ``threshold``), joined transitively; a group
  spanning several outlets is a *shared* quote, with each outlet's rendition
  (type, cue, lemma, stance, speaker, credited source) and the fields on which
  the renditions differ; the others are quotes only one outlet carries.
"""

from __future__ import annotations

import os
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import Any

from rapidfuzz import fuzz

from .audit import TABLE_COLUMNS, Metrics, metrics_of_credits, metrics_row
from .credit import DEFAULT_GROUP_BY, GROUP_BY_NOTES, ArticleCredit, Source, credit
from .records import ArticleResult
from .render import Output, Table
from .sourcefile import sources_file_note
from .text import content_key, fold

UNKNOWN = "(unknown)"
GROUPINGS = ("outlet", "dir")

# Similarity (0-100) from which two contents are the same quote. Measured with
# the rules below: on the two-outlet fixture, renditions of one quote, trimmed or
# reworded, score 91.7-100 and different quotes of the story at most 61; over the
# pairs of different quotes within each dev-set article (shared/eval, fr and en),
# which share a story's vocabulary, the highest is 78 (leaving aside a quote nested
# inside another). 85 keeps a margin on both sides. Formulaic texts come closer:
# among 4,000 random UD French sentences, ~100 pairs of drug-leaflet boilerplate
# score 85-90 ("dans quel cas X est-il utilisé"); news quotes are rarely so alike.
THRESHOLD = 85.0
# Both contents must have this many words and characters before partial or
# token-set matching counts: a short fragment ("la coalition en Irak") is found
# inside any long quote of the story, so short contents must match as a whole.
MIN_PARTIAL_WORDS = 5
MIN_PARTIAL_CHARS = 25
# The token-set ratio is 100 whenever one content's words are a subset of the
# other's, in any order: it counts only when the shorter has at least this share
# of the longer's words (a reworded quote, not a handful of words of a long one).
TOKEN_SET_MIN_SHARE = 0.5
# Two contents are compared only when they share two uncommon words (three
# letters or more; one, for a content that has only one; a content with none,
# such as "oui", matches nothing): matching quotes always do, and an index of
# such words keeps the work near-linear instead of comparing every pair. A word is common when more than max(COMMON_MIN, n / COMMON_DIV) of
# the n contents hold it ("les", "pour", "gouvernement" in a large corpus).
COMMON_MIN = 50
COMMON_DIV = 50


normalise_content = content_key  # the one normaliser's form for contents (attribution.text)


def _long_enough(text: str) -> bool:
    return len(text) >= MIN_PARTIAL_CHARS and text.count(" ") + 1 >= MIN_PARTIAL_WORDS


def content_words(text: str) -> frozenset[str]:
    """The words of a normalised content that can make it a candidate (three letters or more)."""
    return frozenset(w for w in text.split() if len(w) >= 3)


def similarity(a: str, b: str) -> float:
    """How alike two normalised contents are, 0-100.

    The whole-string ratio; when both are long enough (the length guard above),
    the best of it and the partial ratio (a trimmed quote inside a longer one),
    and, for contents of comparable length, the token-set ratio (the same words,
    some added or reordered).
    """
    score = fuzz.ratio(a, b)
    if _long_enough(a) and _long_enough(b):
        score = max(score, fuzz.partial_ratio(a, b))
        na, nb = a.count(" ") + 1, b.count(" ") + 1
        if min(na, nb) >= TOKEN_SET_MIN_SHARE * max(na, nb):
            score = max(score, fuzz.token_set_ratio(a, b))
    return float(score)


def candidate_pairs(texts: Sequence[str], articles: Sequence[str]) -> set[tuple[int, int]]:
    """Pairs (i, j), i < j, of different articles sharing enough uncommon words (see above)."""
    words = [content_words(t) for t in texts]
    postings: dict[str, list[int]] = defaultdict(list)
    for i, ws in enumerate(words):
        for w in ws:
            postings[w].append(i)
    common = max(COMMON_MIN, len(texts) // COMMON_DIV)
    uncommon = [frozenset(w for w in ws if len(postings[w]) <= common) for ws in words]
    shared: Counter[tuple[int, int]] = Counter()
    for ids in postings.values():
        if len(ids) > common:
            continue
        for x, i in enumerate(ids):
            for j in ids[x + 1:]:
                if articles[i] != articles[j]:
                    shared[i, j] += 1
    return {(i, j) for (i, j), n in shared.items()
            if n >= min(2, len(uncommon[i]), len(uncommon[j]))}


def _links(texts: Sequence[str], articles: Sequence[str], threshold: float
           ) -> list[tuple[float, int, int]]:
    """Candidate pairs whose :func:`similarity` reaches ``threshold``, as (score, i, j)."""
    scored = ((similarity(texts[i], texts[j]), i, j) for i, j in candidate_pairs(texts, articles))
    return [x for x in scored if x[0] >= threshold]


# -- grouping ------------------------------------------------------------------------------------

def group_names(results: Sequence[ArticleResult], by: str = "outlet") -> list[str]:
    """The group of each article: its outlet, or its top-level folder.

    ``dir``: the first folder below the deepest folder holding every article
    (``corpus/lemonde/a.txt`` and ``corpus/elwatan/b.txt`` give ``lemonde`` and
    ``elwatan``); an article lying in that folder itself takes its name.
    """
    if by == "outlet":
        return [(r.article.outlet or "").strip() or UNKNOWN for r in results]
    if by != "dir":
        raise ValueError(f"unknown grouping {by!r}; expected one of {', '.join(GROUPINGS)}")
    dirs = [os.path.dirname(os.path.abspath(r.article.path)) for r in results]
    if not dirs:
        return []
    root = os.path.commonpath(dirs)
    names = []
    for d in dirs:
        rel = os.path.relpath(d, root)
        names.append(rel.split(os.sep)[0] if rel != os.curdir else os.path.basename(root) or UNKNOWN)
    return names


# -- records -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class OutletSummary:
    """One outlet: its articles and its audit figures."""

    name: str
    articles: tuple[str, ...]  # paths
    metrics: Metrics

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "articles": list(self.articles), **self.metrics.to_dict()}


@dataclass(frozen=True)
class SourceRow:
    """One source, and how many attributions each outlet credits to it."""

    source: Source
    counts: tuple[tuple[str, int], ...]  # (outlet, attributions), every outlet, in outlet order

    @property
    def outlets(self) -> tuple[str, ...]:
        return tuple(o for o, n in self.counts if n)

    @property
    def shared(self) -> bool:
        return len(self.outlets) > 1

    def count(self, outlet: str) -> int:
        return dict(self.counts).get(outlet, 0)

    def to_dict(self) -> dict[str, Any]:
        return {**self.source.to_dict(), "counts": dict(self.counts),
                "outlets": list(self.outlets), "shared": self.shared}


@dataclass(frozen=True)
class PairOverlap:
    """What two outlets have in common."""

    a: str
    b: str
    sources_a: int
    sources_b: int
    shared_sources: int
    shared_quotes: int

    @property
    def jaccard(self) -> float | None:
        union = self.sources_a + self.sources_b - self.shared_sources
        return self.shared_sources / union if union else None

    def to_dict(self) -> dict[str, Any]:
        return {"a": self.a, "b": self.b, "sources_a": self.sources_a,
                "sources_b": self.sources_b, "shared_sources": self.shared_sources,
                "jaccard": self.jaccard, "shared_quotes": self.shared_quotes}


@dataclass(frozen=True)
class Rendition:
    """How one article ran a quote."""

    outlet: str
    path: str
    article: str  # the article's id (several JSONL articles share one path)
    index: int  # position of the attribution in its ArticleResult
    type: str
    content: str
    start: int
    end: int
    cue: str | None
    lemma: str | None
    stance: str | None
    speaker: str | None  # the mention as written
    source: Source | None  # to whom it is credited
    credited: str = "no source"  # how the credit reads ("communiqué of X")

    @property
    def cue_key(self) -> str | None:
        """The cue as compared: its lemma, else its folded text (``a indiqué`` = ``avait indiqué``)."""
        if self.lemma:
            return fold(self.lemma)
        return normalise_content(self.cue) if self.cue else None

    def to_dict(self) -> dict[str, Any]:
        return {"outlet": self.outlet, "path": self.path, "article": self.article,
                "index": self.index, "type": self.type,
                "content": self.content, "start": self.start, "end": self.end, "cue": self.cue,
                "lemma": self.lemma, "stance": self.stance, "speaker": self.speaker,
                "source": self.source.to_dict() if self.source else None,
                "credited": self.credited}


DIFF_FIELDS = ("type", "cue", "stance", "source")


@dataclass(frozen=True)
class QuoteGroup:
    """One quote and every rendition of it (one or more articles)."""

    renditions: tuple[Rendition, ...]
    score: float | None  # the weakest similarity that joined the group; None for a single rendition

    @property
    def outlets(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(r.outlet for r in self.renditions))

    @property
    def shared(self) -> bool:
        return len(self.outlets) > 1

    @property
    def text(self) -> str:
        """The longest rendition's content, to name the quote."""
        return max(self.renditions, key=lambda r: len(r.content)).content

    @property
    def differs(self) -> tuple[str, ...]:
        """The fields of :data:`DIFF_FIELDS` on which the renditions disagree."""
        values: dict[str, set[Any]] = {
            "type": {r.type for r in self.renditions},
            "cue": {r.cue_key for r in self.renditions},
            "stance": {r.stance for r in self.renditions},
            "source": {r.source.key if r.source else None for r in self.renditions},
        }
        return tuple(f for f in DIFF_FIELDS if len(values[f]) > 1)

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "outlets": list(self.outlets), "score": self.score,
                "differs": list(self.differs),
                "renditions": [r.to_dict() for r in self.renditions]}


@dataclass(frozen=True)
class Comparison:
    """Outlets side by side."""

    by: str
    threshold: float
    outlets: tuple[OutletSummary, ...]
    sources: tuple[SourceRow, ...]  # shared sources first
    pairs: tuple[PairOverlap, ...]
    shared: tuple[QuoteGroup, ...]  # quotes that several outlets carry
    unique: tuple[QuoteGroup, ...]  # quotes that one outlet only carries
    group_by: str = DEFAULT_GROUP_BY  # how offices are counted (attribution.credit.GROUP_BY)
    sources_file: str | None = None  # the sources file applied to the results, if any

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(o.name for o in self.outlets)

    @property
    def group_note(self) -> str:
        """What the pages say of the grouping of sources."""
        return GROUP_BY_NOTES[self.group_by]

    def unique_to(self, outlet: str) -> tuple[QuoteGroup, ...]:
        return tuple(g for g in self.unique if g.outlets == (outlet,))

    def to_dict(self) -> dict[str, Any]:
        return {
            "by": self.by, "threshold": self.threshold, "group_by": self.group_by,
            "sources_file": self.sources_file,
            "outlets": [o.to_dict() for o in self.outlets],
            "sources": [s.to_dict() for s in self.sources],
            "pairs": [p.to_dict() for p in self.pairs],
            "shared": [g.to_dict() for g in self.shared],
            "unique": {o: [g.to_dict() for g in self.unique_to(o)] for o in self.names},
        }


# -- the comparison ------------------------------------------------------------------------------

def _renditions(ac: ArticleCredit, outlet: str) -> list[Rendition]:
    result = ac.result
    out = []
    for i, (a, c) in enumerate(zip(result.attributions, ac.claims, strict=True)):
        out.append(Rendition(
            outlet=outlet, path=result.article.path, article=result.article.id, index=i,
            type=a.type,
            content=a.content.text, start=a.content.start, end=a.content.end,
            cue=a.cue.text if a.cue else None, lemma=a.cue.lemma if a.cue else None,
            stance=a.cue.stance if a.cue else None,
            speaker=a.speaker.text if a.speaker else None, source=c.source, credited=c.shown,
        ))
    return out


def _find(parent: list[int], i: int) -> int:
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def match_quotes(renditions: Sequence[Rendition], threshold: float = THRESHOLD) -> list[QuoteGroup]:
    """Group renditions whose contents match, across articles (never within one).

    Links are made best first and joined transitively (union-find); groups come
    in the order of their first rendition.
    """
    texts = [normalise_content(r.content) for r in renditions]
    n = len(renditions)
    links = sorted(_links(texts, [f"{r.path}\0{r.article}" for r in renditions], threshold),
                   key=lambda x: (-x[0], x[1], x[2]))
    parent = list(range(n))
    weakest: dict[int, float] = {}
    for score, i, j in links:
        ri, rj = _find(parent, i), _find(parent, j)
        if ri == rj:
            continue
        parent[rj] = ri
        weakest[ri] = min(score, weakest.get(ri, score), weakest.get(rj, score))
    members: dict[int, list[int]] = defaultdict(list)
    for i in range(n):
        members[_find(parent, i)].append(i)
    groups = sorted(members.items(), key=lambda kv: kv[1][0])
    return [QuoteGroup(tuple(renditions[i] for i in idx), weakest.get(root)) for root, idx in groups]


def compare_outlets(results: Iterable[ArticleResult], by: str = "outlet",
                    threshold: float = THRESHOLD, group_by: str = DEFAULT_GROUP_BY) -> Comparison:
    """Put the outlets of ``results`` side by side (see the module docstring)."""
    results = list(results)
    names = group_names(results, by)
    credits = credit(results, group_by)  # once for the corpus: one source, one key, everywhere
    grouped: dict[str, list[ArticleCredit]] = defaultdict(list)
    for name, ac in zip(names, credits, strict=True):
        grouped[name].append(ac)
    # Outlets by name, the "(unknown)" group last.
    order = sorted(grouped, key=lambda n: (n == UNKNOWN, fold(n), n))
    outlets = tuple(
        OutletSummary(n, tuple(ac.result.article.path for ac in grouped[n]),
                      metrics_of_credits(grouped[n]))
        for n in order)

    renditions = [x for name, ac in zip(names, credits, strict=True) for x in _renditions(ac, name)]
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    sources: dict[str, Source] = {}
    for r in renditions:
        if r.source is not None:
            counts[r.source.key][r.outlet] += 1
            sources.setdefault(r.source.key, r.source)
    rows = [SourceRow(sources[k], tuple((o, counts[k][o]) for o in order)) for k in sources]
    rows.sort(key=lambda s: (-len(s.outlets), -sum(n for _, n in s.counts), fold(s.source.name)))

    groups = match_quotes(renditions, threshold)
    shared = tuple(g for g in groups if g.shared)
    unique = tuple(g for g in groups if not g.shared)

    pairs = []
    for a, b in combinations(order, 2):
        sa = {r.source.key for r in rows if r.count(a)}
        sb = {r.source.key for r in rows if r.count(b)}
        pairs.append(PairOverlap(a, b, len(sa), len(sb), len(sa & sb),
                                 sum(1 for g in shared if a in g.outlets and b in g.outlets)))
    return Comparison(by, threshold, outlets, tuple(rows), tuple(pairs), shared, unique, group_by,
                      sources_file_note(results))


# -- output --------------------------------------------------------------------------------------

FORMATS = ("table", "json", "html")


def _clip(text: str, width: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _describe(r: Rendition) -> str:
    cue = f"«{r.cue}»" if r.cue else "(no cue)"
    lemma = f" {r.lemma}" if r.lemma else ""
    stance = f", {r.stance}" if r.stance else ""
    who = r.speaker or "no source"
    credited = f" [{r.credited}]" if r.source and r.credited != r.speaker else ""
    return f"{r.type}, cue {cue} ({lemma.strip() or '?'}{stance}) -> {who}{credited}"


def tables(comparison: Comparison) -> list[Table]:
    """The comparison as people read it: figures, sources, pairs, shared quotes, quotes of one outlet."""
    c = comparison
    figures = Table(("outlet", *TABLE_COLUMNS[1:]),
                    tuple(metrics_row(f"{o.name} ({len(o.articles)})", o.metrics) for o in c.outlets),
                    title=f"{len(c.outlets)} outlets, grouped by {c.by}"
                          # the default grouping of sources goes without saying
                          + (f"; sources {GROUP_BY_NOTES[c.group_by]}"
                             if c.group_by != DEFAULT_GROUP_BY else ""))
    shared_sources = sum(s.shared for s in c.sources)
    sources = Table(("source", "type", "official", *c.names),
                    tuple((s.source.name, s.source.type, s.source.official,
                           *(n for _, n in s.counts)) for s in c.sources),
                    title=f"Sources: {len(c.sources)}, {shared_sources} quoted by several outlets")
    out = [figures, sources]
    if c.pairs:
        out.append(Table(("outlet", "outlet", "shared sources", "jaccard", "shared quotes"),
                         tuple((p.a, p.b, p.shared_sources,
                                None if p.jaccard is None else f"{p.jaccard:.2f}", p.shared_quotes)
                               for p in c.pairs),
                         title="Outlet pairs"))

    lines = []
    for k, g in enumerate(c.shared, 1):
        differs = ", ".join(g.differs) or "nothing"
        lines.append(f"[{k}] «{_clip(g.text)}»  (differs: {differs}; weakest match {g.score:.0f})")
        for r in g.renditions:
            lines.append(f"    {r.outlet} | {r.path}")
            lines.append(f"        {_describe(r)}")
            lines.append(f"        «{_clip(r.content, 80)}»")
    out.append(Table((), title=f"Same quote in several outlets: {len(c.shared)} "
                               f"(similarity >= {c.threshold:g})", notes=tuple(lines)))

    lines = []
    for name in c.names:
        groups = c.unique_to(name)
        if not groups:
            continue
        lines.append(f"## {name} ({len(groups)})")
        for g in groups:
            r = g.renditions[0]
            more = f" (+{len(g.renditions) - 1} more)" if len(g.renditions) > 1 else ""
            lines.append(f"  - «{_clip(g.text)}»{more}")
            lines.append(f"        {_describe(r)}")
    out.append(Table((), title=f"Quotes only one outlet carries: {len(c.unique)}",
                     notes=tuple(lines)))
    return out


def output(comparison: Comparison, fmt: str) -> Output:
    """What ``compare --format fmt`` shows, for :func:`attribution.render.render`
    (``html`` is a page of the report: :func:`attribution.report.standalone.compare_page`)."""
    if fmt == "table":
        return tables(comparison)
    if fmt == "json":
        return comparison.to_dict()
    raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
