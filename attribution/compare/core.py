"""Outlets side by side: their sourcing figures, the sources they share, and how each ran a claim.

``compare_outlets(results, by="outlet")`` groups articles by their ``outlet``
field (``by="dir"``: by top-level folder; ``by="domain"``: by the host of their
URL) and returns a :class:`Comparison`:

- the audit figures of each outlet (:func:`attribution.audit.metrics_of_credits`);
- every source and how many attributions each outlet credits to it, as
  :func:`attribution.credit.credit` credits them (one source across outlets by
  ``corpus_id``; an office a source of its own unless ``group_by="head"``);
- claims: renditions of different articles that match by string or by content
  words (:mod:`.matching`), joined transitively when most of their cross pairs
  match; a claim several outlets carry is *shared*, with its differences by
  kind (:mod:`.differences`), ranked most re-sourced first; the others are
  claims one outlet carries; pairs just under the bar are near misses;
- a summary: how many shared claims show each kind of difference.
"""

from __future__ import annotations

import os
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import Any
from urllib.parse import urlsplit

from ..audit import Metrics, metrics_of_credits
from ..credit import DEFAULT_GROUP_BY, GROUP_BY_NOTES, ArticleCredit, Source, credit
from ..records import ArticleResult
from ..sourcefile import sources_file_note
from ..text import fold
from .differences import KINDS, Difference, differences, word_diff
from .matching import (
    NEAR,
    SAME,
    THRESHOLD,
    candidate_pairs,
    decide,
    match_score,
    normalise_content,
    stems,
)
from .rendition import Rendition

UNKNOWN = "(unknown)"
# Share of the pairs across two groups that must match or nearly match for the groups to join.
JOIN_SHARE = 0.5
GROUPINGS = ("outlet", "dir", "domain")


# -- grouping ------------------------------------------------------------------------------------

def domain_of(url: str | None) -> str | None:
    """The host of an article's address, lower case, ``www.`` dropped; None without one."""
    host = (urlsplit(url.strip()).hostname or "") if url and url.strip() else ""
    host = host.lower().rstrip(".")
    return host.removeprefix("www.") or None


def group_names(results: Sequence[ArticleResult], by: str = "outlet") -> list[str]:
    """The group of each article: its outlet, its top-level folder or its web domain.

    ``dir``: the first folder below the deepest folder holding every article
    (``corpus/lemonde/a.txt`` and ``corpus/elwatan/b.txt`` give ``lemonde`` and
    ``elwatan``); an article lying in that folder itself takes its name.
    ``domain``: the host of the article's URL (``www.`` dropped).
    """
    if by == "outlet":
        return [(r.article.outlet or "").strip() or UNKNOWN for r in results]
    if by == "domain":
        return [domain_of(r.article.url) or UNKNOWN for r in results]
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


DIFF_FIELDS = ("type", "cue", "stance", "source")
# Kinds of difference whose values can be listed outlet by outlet (QuoteGroup.variants).
VARIANT_KINDS = ("credit", "office_vs_head", "cue", "marks")


@dataclass(frozen=True)
class QuoteGroup:
    """One claim and every rendition of it (one or more articles)."""

    renditions: tuple[Rendition, ...]
    score: float | None  # the weakest match that joined the group; None for a single rendition
    changes: tuple[Difference, ...] = ()  # between renditions of different outlets
    missing: tuple[str, ...] = ()  # outlets of the comparison that do not carry it

    @property
    def outlets(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(r.outlet for r in self.renditions))

    @property
    def shared(self) -> bool:
        return len(self.outlets) > 1

    @property
    def reference(self) -> int:
        """The rendition closest to all others (fewest changed words): the group's heading
        and what the others' word diffs are drawn against."""
        if len(self.renditions) < 3:
            return max(range(len(self.renditions)), key=lambda i: len(self.renditions[i].content))
        sets = [stems(r.content) for r in self.renditions]
        return max(range(len(sets)),
                   key=lambda i: (sum(len(sets[i] & s) / max(1, len(sets[i] | s)) for s in sets),
                                  len(self.renditions[i].content)))

    @property
    def text(self) -> str:
        """The reference rendition's content, to name the claim."""
        return self.renditions[self.reference].content

    @property
    def kinds(self) -> tuple[str, ...]:
        """The kinds of difference found, in :data:`KINDS` order."""
        found = {d.kind for d in self.changes}
        return tuple(k for k in KINDS if k in found)

    @property
    def credits(self) -> tuple[str, ...]:
        """The distinct credited sources (names), in rendition order."""
        return tuple(dict.fromkeys(r.source.name for r in self.renditions if r.source))

    @property
    def resourced(self) -> int:
        """How re-sourced the claim is: credit and office changes between outlets."""
        return sum(d.kind in ("credit", "office_vs_head") for d in self.changes)

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

    def variants(self, kind: str) -> list[tuple[str, tuple[str, ...]]]:
        """For ``credit``, ``office_vs_head``, ``cue`` and ``marks``: each value the outlets
        gave (a credited source, a cue with its stance, marks or none) and the outlets that
        gave it, in rendition order; pairwise changes read more easily gathered this way."""
        values: dict[str, list[str]] = {}
        for r in self.renditions:
            if kind in ("credit", "office_vs_head"):
                who = r.written if kind == "office_vs_head" and r.written else r.source
                value = who.name if who else "no source"
            elif kind == "cue":
                value = f"{r.cue} ({r.stance or 'no stance'})" if r.cue else "no cue"
            elif kind == "marks":
                value = "quotation marks" if r.marked else "no quotation marks"
            else:
                raise ValueError(f"no variants for {kind!r}")
            values.setdefault(value, [])
            if r.outlet not in values[value]:
                values[value].append(r.outlet)
        return [(v, tuple(o)) for v, o in values.items()]

    def diffs(self) -> list[list[tuple[str, str]]]:
        """Each rendition's words against the reference's (:func:`word_diff`)."""
        ref = self.text
        return [word_diff(ref, r.content) for r in self.renditions]

    def to_dict(self) -> dict[str, Any]:
        ref = self.reference
        return {"text": self.text, "reference": ref, "outlets": list(self.outlets),
                "score": self.score, "kinds": list(self.kinds), "differs": list(self.differs),
                "credits": list(self.credits), "missing": list(self.missing),
                "changes": [d.to_dict(self.renditions) for d in self.changes],
                "variants": {k: [{"value": v, "outlets": list(o)} for v, o in self.variants(k)]
                             for k in self.kinds if k in VARIANT_KINDS},
                "renditions": [{**r.to_dict(), "diff": [list(x) for x in d]}
                               for r, d in zip(self.renditions, self.diffs(), strict=True)]}


@dataclass(frozen=True)
class NearMiss:
    """Two renditions of different outlets that came close to matching: for review."""

    a: Rendition
    b: Rendition
    score: float
    bar: float

    def to_dict(self) -> dict[str, Any]:
        return {"score": round(self.score, 1), "bar": self.bar,
                "a": self.a.to_dict(), "b": self.b.to_dict()}


@dataclass(frozen=True)
class Summary:
    """The comparison's opening figures: shared claims, and how many changed in each way."""

    shared: int  # claims carried by several outlets
    changed: tuple[tuple[str, int], ...]  # (kind, claims with that kind of difference), KINDS order
    most_resourced: tuple[int, ...]  # indexes into Comparison.shared, most re-sourced first

    def count(self, kind: str) -> int:
        return dict(self.changed).get(kind, 0)

    def to_dict(self) -> dict[str, Any]:
        return {"shared_claims": self.shared, "changed": dict(self.changed),
                "most_resourced": list(self.most_resourced)}


@dataclass(frozen=True)
class Comparison:
    """Outlets side by side."""

    by: str
    threshold: float
    outlets: tuple[OutletSummary, ...]
    sources: tuple[SourceRow, ...]  # shared sources first
    pairs: tuple[PairOverlap, ...]
    shared: tuple[QuoteGroup, ...]  # claims that several outlets carry, most re-sourced first
    unique: tuple[QuoteGroup, ...]  # claims that one outlet only carries
    near_misses: tuple[NearMiss, ...] = ()
    group_by: str = DEFAULT_GROUP_BY  # how offices are counted (attribution.credit.GROUP_BY)
    sources_file: str | None = None  # the sources file applied to the results, if any

    @property
    def group_note(self) -> str:
        """What the pages say of the grouping of sources."""
        return GROUP_BY_NOTES[self.group_by]

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(o.name for o in self.outlets)

    @property
    def summary(self) -> Summary:
        changed = tuple((k, sum(k in g.kinds for g in self.shared)) for k in KINDS)
        top = tuple(i for i, g in enumerate(self.shared) if g.resourced)
        return Summary(len(self.shared), changed, top)

    def by_kind(self, kind: str) -> tuple[QuoteGroup, ...]:
        """The shared claims showing a difference of ``kind``."""
        return tuple(g for g in self.shared if kind in g.kinds)

    def pair(self, a: str, b: str) -> PairOverlap | None:
        """The overlap of two outlets, in either order."""
        for p in self.pairs:
            if {p.a, p.b} == {a, b}:
                return p
        return None

    def shared_by(self, outlet: str) -> tuple[QuoteGroup, ...]:
        """The shared claims that ``outlet`` carries."""
        return tuple(g for g in self.shared if outlet in g.outlets)

    def unique_to(self, outlet: str) -> tuple[QuoteGroup, ...]:
        return tuple(g for g in self.unique if g.outlets == (outlet,))

    def to_dict(self) -> dict[str, Any]:
        return {
            "summary": self.summary.to_dict(),
            "by": self.by, "threshold": self.threshold, "group_by": self.group_by,
            "sources_file": self.sources_file,
            "outlets": [o.to_dict() for o in self.outlets],
            "sources": [s.to_dict() for s in self.sources],
            "pairs": [p.to_dict() for p in self.pairs],
            "shared": [g.to_dict() for g in self.shared],
            "near_misses": [m.to_dict() for m in self.near_misses],
            "unique": {o: [g.to_dict() for g in self.unique_to(o)] for o in self.names},
        }


# -- the comparison ------------------------------------------------------------------------------

def _about(source: Source | None) -> str:
    """Role, affiliation and country of the credited entity (for office vs head)."""
    e = source.entity if source is not None else None
    return " ".join(x for x in (e.role, e.affiliation, e.country) if x) if e is not None else ""


def _renditions(ac: ArticleCredit, outlet: str) -> list[Rendition]:
    result = ac.result
    out = []
    for i, (a, c) in enumerate(zip(result.attributions, ac.claims, strict=True)):  # the one credit
        out.append(Rendition(
            outlet=outlet, path=result.article.path, article=result.article.id, index=i,
            type=a.type,
            content=a.content.text, start=a.content.start, end=a.content.end,
            cue=a.cue.text if a.cue else None, lemma=a.cue.lemma if a.cue else None,
            stance=a.cue.stance if a.cue else None,
            speaker=a.speaker.text if a.speaker else None, source=c.source, written=c.source,
            about=_about(c.source), article_key=ac.key, url=result.article.url,
            credited=c.shown,
        ))
    return out


def _find(parent: list[int], i: int) -> int:
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def _scored(renditions: Sequence[Rendition]) -> list[tuple[float, float, int, int]]:
    """(score, bar, i, j) for the candidate pairs of different articles (see matching)."""
    texts = [normalise_content(r.content) for r in renditions]
    sets = [stems(r.content) for r in renditions]
    ids = [f"{r.path}\0{r.article}" for r in renditions]
    out = []
    for i, j in candidate_pairs(texts, ids, sets):
        a, b = renditions[i], renditions[j]
        same_source = a.source is not None and b.source is not None and a.source.key == b.source.key
        same_cue = a.cue_key is not None and a.cue_key == b.cue_key
        score, bar = match_score(texts[i], texts[j], sets[i], sets[j],
                                 same_source=same_source, same_cue=same_cue)
        out.append((score, bar, i, j))
    return out


def _groups(renditions: Sequence[Rendition], threshold: float
            ) -> tuple[list[QuoteGroup], list[NearMiss]]:
    """Renditions joined into claims, and the near misses left apart (see :func:`match_quotes`)."""
    n = len(renditions)
    scored = _scored(renditions)
    # ``threshold`` moves the string bar; the word bar keeps its distance from it.
    shift = threshold - THRESHOLD
    links, near = [], []
    for score, bar, i, j in scored:
        verdict = decide(score, bar + shift)
        if verdict == SAME:
            links.append((score - bar, score, i, j))
        elif verdict == NEAR and renditions[i].outlet != renditions[j].outlet:
            near.append((score, bar + shift, i, j))
    links.sort(key=lambda x: (-x[0], x[2], x[3]))
    close = {(i, j) for _, _, i, j in links} | {(i, j) for _, _, i, j in near}
    articles = [(r.path, r.article) for r in renditions]
    parent = list(range(n))
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    weakest: dict[int, float] = {}
    for _, score, i, j in links:
        ri, rj = _find(parent, i), _find(parent, j)
        if ri == rj:
            continue
        # Two claims are joined only when most renditions of the one come close to most
        # of the other's: a single link between two groups sharing a story's vocabulary
        # would otherwise chain different claims (transitivity).
        cross = [(min(x, y), max(x, y)) for x in members[ri] for y in members[rj]
                 if articles[x] != articles[y]]
        if cross and sum(c in close for c in cross) < JOIN_SHARE * len(cross):
            continue
        parent[rj] = ri
        members[ri].extend(members.pop(rj))
        weakest[ri] = min(score, weakest.get(ri, score), weakest.get(rj, score))
    ordered = sorted(((root, sorted(idx)) for root, idx in members.items()), key=lambda kv: kv[1][0])
    groups = []
    for root, idx in ordered:
        rs = tuple(renditions[i] for i in idx)
        groups.append(QuoteGroup(rs, weakest.get(root), differences(rs)))
    misses = [NearMiss(renditions[i], renditions[j], s, b)
              for s, b, i, j in sorted(near, key=lambda x: (-x[0], x[2], x[3]))
              if _find(parent, i) != _find(parent, j)]
    return groups, misses


def match_quotes(renditions: Sequence[Rendition], threshold: float = THRESHOLD) -> list[QuoteGroup]:
    """Group renditions whose contents match, across articles (never within one).

    A pair matches by string (similarity >= ``threshold``) or by content words
    (:func:`attribution.compare.matching.match_score`); links are made best first
    (by margin over their bar) and joined transitively (union-find); groups come
    in the order of their first rendition.
    """
    return _groups(renditions, threshold)[0]


def _rank(groups: Iterable[QuoteGroup]) -> tuple[QuoteGroup, ...]:
    """Most re-sourced first, then most changed cues, then most outlets; ties in reading order."""
    return tuple(sorted(groups, key=lambda g: (-g.resourced, -sum(d.kind == "cue" for d in g.changes),
                                               -len(g.outlets))))


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

    groups, misses = _groups(renditions, threshold)
    shared = _rank(QuoteGroup(g.renditions, g.score, g.changes,
                              tuple(o for o in order if o not in g.outlets))
                   for g in groups if g.shared)
    unique = tuple(g for g in groups if not g.shared)

    pairs = []
    for a, b in combinations(order, 2):
        sa = {r.source.key for r in rows if r.count(a)}
        sb = {r.source.key for r in rows if r.count(b)}
        pairs.append(PairOverlap(a, b, len(sa), len(sb), len(sa & sb),
                                 sum(1 for g in shared if a in g.outlets and b in g.outlets)))
    return Comparison(by, threshold, outlets, tuple(rows), tuple(pairs), shared, unique,
                      tuple(misses), group_by, sources_file_note(results))
