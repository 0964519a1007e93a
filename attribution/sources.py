"""The canonical sources of a linked corpus, for people to review: who they are, where, and why merged.

``corpus_sources(results)`` groups the entities of every article by the source
:mod:`attribution.credit` credits them to (their ``corpus_id``, set by
:func:`attribution.resolve.link_corpus`); ``output`` gives what ``attribution sources``
shows, laid out by :func:`attribution.render.render`.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from .credit import DEFAULT_GROUP_BY, Source, credit
from .records import ArticleResult, Entity
from .render import Output, Table
from .resolve.corpus import CorpusMerge, EntityRef, corpus_merges
from .sourcefile import sources_file_note

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
    head: str | None = None  # an office: the corpus id of its head

    def to_dict(self) -> dict[str, Any]:
        return {"corpus_id": self.corpus_id, "name": self.name, "type": self.type, "role": self.role,
                "country": self.country, "attributions": self.attributions,
                "articles": list(self.articles), "aliases": list(self.aliases),
                "members": [m.to_dict() for m in self.members], "head": self.head}


def corpus_sources(results: Sequence[ArticleResult], group_by: str = DEFAULT_GROUP_BY
                   ) -> list[CorpusSource]:
    """The sources of linked results (``link_corpus``), the most quoted first, as
    :func:`attribution.credit.credit` credits them (a document is its issuer's; an office
    is a source of its own, with ``head``, unless ``group_by="head"``)."""
    members: dict[str, list[tuple[ArticleResult, Entity]]] = defaultdict(list)
    quoted: Counter[str] = Counter()
    known: dict[str, Source] = {}
    for ac in credit(list(results), group_by):
        for e in ac.result.entities:
            src = ac.by_entity[e.id]
            members[src.key].append((ac.result, e))
            known.setdefault(src.key, src)
        for c in ac.claims:
            if c.source is not None and c.source.key in members:
                quoted[c.source.key] += 1
    out = []
    for key, ms in members.items():
        src = known[key]
        aliases: list[str] = []
        for _, e in ms:
            aliases.extend(a for a in e.aliases if a not in aliases)
        out.append(CorpusSource(
            corpus_id=key, name=src.name, type=src.type, role=src.role,
            country=next((e.country for _, e in ms if e.country), None),
            attributions=quoted[key],
            articles=tuple(dict.fromkeys(r.article.id for r, _ in ms)),
            aliases=tuple(aliases),
            members=tuple(EntityRef(r.article.id, e.id, e.name) for r, e in ms),
            head=src.head,
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


def output(results: Sequence[ArticleResult], fmt: str, group_by: str = DEFAULT_GROUP_BY) -> Output:
    """What ``sources --format fmt`` shows, for :func:`attribution.render.render`."""
    results = list(results)
    sources, merges = corpus_sources(results, group_by), corpus_merges(results)
    if fmt == "json":
        return {"group_by": group_by, "sources_file": sources_file_note(results),
                "sources": [s.to_dict() for s in sources], "merges": [m.to_dict() for m in merges]}
    if fmt in ("table", "markdown"):
        return tables(sources, merges)
    raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")


__all__ = ["CorpusSource", "FORMATS", "corpus_sources", "output", "tables"]
