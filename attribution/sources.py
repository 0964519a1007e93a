"""The canonical sources of a linked corpus, for people to review: who they are, where, and why merged.

``corpus_sources(results)`` groups the entities of every article by ``corpus_id`` (set by
:func:`attribution.resolve.link_corpus`); ``output`` gives what ``attribution sources``
shows, laid out by :func:`attribution.render.render`.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from .records import ArticleResult, Entity
from .render import Output, Table
from .resolve.corpus import CorpusMerge, EntityRef, corpus_merges

FORMATS = ("table", "markdown", "json")
# Aliases shown per source in the table (JSON has them all): enough to recognise it.
ALIASES_SHOWN = 6


@dataclass(frozen=True)
class CorpusSource:
    """One source of the corpus: the entities of every article that stand for it."""

    corpus_id: str
    name: str
    type: str
    role: str | None
    country: str | None
    attributions: int  # how many attributions it is credited with
    articles: tuple[str, ...]
    aliases: tuple[str, ...]
    members: tuple[EntityRef, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"corpus_id": self.corpus_id, "name": self.name, "type": self.type, "role": self.role,
                "country": self.country, "attributions": self.attributions,
                "articles": list(self.articles), "aliases": list(self.aliases),
                "members": [m.to_dict() for m in self.members]}


def corpus_sources(results: Sequence[ArticleResult]) -> list[CorpusSource]:
    """The sources of linked results (``link_corpus``), the most quoted first."""
    groups: dict[str, list[tuple[ArticleResult, Entity]]] = defaultdict(list)
    for r in results:
        for e in r.entities:
            # An entity that linking left without a corpus id is a source of its article alone.
            groups[e.corpus_id or f"{r.article.id}#{e.id}"].append((r, e))
    out = []
    for cid, members in groups.items():
        quoted = sum(1 for r, e in members for a in r.attributions
                     if a.speaker is not None and a.speaker.entity == e.id)
        # The longest name among the named members is the fullest (``Sabrina Singh``, not ``Singh``).
        named = [e for _, e in members if e.named] or [e for _, e in members]
        best = max(named, key=lambda e: len(e.name))
        types = Counter(e.type for _, e in members)
        aliases: list[str] = []
        for _, e in members:
            aliases.extend(a for a in e.aliases if a not in aliases)
        out.append(CorpusSource(
            corpus_id=cid, name=best.name, type=types.most_common(1)[0][0],
            role=next((e.role for _, e in members if e.role), None),
            country=next((e.country for _, e in members if e.country), None),
            attributions=quoted,
            articles=tuple(dict.fromkeys(r.article.id for r, _ in members)),
            aliases=tuple(aliases),
            members=tuple(EntityRef(r.article.id, e.id, e.name) for r, e in members),
        ))
    out.sort(key=lambda s: (-s.attributions, -len(s.articles), s.corpus_id))
    return out


def tables(sources: Sequence[CorpusSource], merges: Sequence[CorpusMerge]) -> list[Table]:
    """One row per source, then every merge across articles and its reason."""
    rows = []
    for s in sources:
        more = " …" if len(s.aliases) > ALIASES_SHOWN else ""
        rows.append((s.name, s.type, s.role, s.country, s.attributions, len(s.articles),
                     "; ".join(s.aliases[:ALIASES_SHOWN]) + more))
    out = [Table(("source", "type", "role", "country", "quotes", "articles", "aliases"),
                 tuple(rows), title=f"Sources: {len(sources)}")]
    if merges:
        out.append(Table(
            ("corpus id", "left", "right", "reason", "detail"),
            tuple((m.corpus_id, f"{m.left.article}#{m.left.entity}",
                   f"{m.right.article}#{m.right.entity}", m.reason, m.detail) for m in merges),
            title=f"Merges across articles: {len(merges)}"))
    else:
        out.append(Table((), title="Merges across articles: none"))
    return out


def output(results: Sequence[ArticleResult], fmt: str) -> Output:
    """What ``sources --format fmt`` shows, for :func:`attribution.render.render`."""
    results = list(results)
    sources, merges = corpus_sources(results), corpus_merges(results)
    if fmt == "json":
        return {"sources": [s.to_dict() for s in sources], "merges": [m.to_dict() for m in merges]}
    if fmt in ("table", "markdown"):
        return tables(sources, merges)
    raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")


__all__ = ["CorpusSource", "FORMATS", "corpus_sources", "output", "tables"]
