"""The canonical sources of a corpus, for people to review: who they are, where, and why merged."""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any

from ..records import ArticleResult
from .corpus import CorpusMerge, SourceRef, corpus_merges

FORMATS = ("table", "json")


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
    members: tuple[SourceRef, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"corpus_id": self.corpus_id, "name": self.name, "type": self.type, "role": self.role,
                "country": self.country, "attributions": self.attributions, "articles": list(self.articles),
                "aliases": list(self.aliases), "members": [m.to_dict() for m in self.members]}


def corpus_sources(results: list[ArticleResult]) -> list[CorpusSource]:
    """The sources of linked results (``link_corpus``), the most quoted first."""
    groups: dict[str, list[tuple[ArticleResult, Any]]] = defaultdict(list)
    for r in results:
        for e in r.entities:
            groups[e.corpus_id or f"{r.article.id}#{e.id}"].append((r, e))
    out = []
    for cid, members in groups.items():
        quoted = 0
        for r, e in members:
            quoted += sum(1 for a in r.attributions if a.speaker is not None and a.speaker.entity == e.id)
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
            members=tuple(SourceRef(r.article.id, e.id, e.name) for r, e in members),
        ))
    out.sort(key=lambda s: (-s.attributions, -len(s.articles), s.corpus_id))
    return out


def render_sources(sources: list[CorpusSource], merges: list[CorpusMerge], fmt: str = "table") -> str:
    """The sources and the merges as a plain table or as JSON."""
    if fmt == "json":
        return json.dumps({"sources": [s.to_dict() for s in sources], "merges": [m.to_dict() for m in merges]},
                          ensure_ascii=False, indent=2) + "\n"
    lines = [f"{'source':<32} {'type':<12} {'role':<20} {'cty':<4} {'quotes':>6} {'arts':>4}  aliases"]
    lines.append("-" * len(lines[0]))
    for s in sources:
        aliases = "; ".join(s.aliases[:6]) + (" …" if len(s.aliases) > 6 else "")
        lines.append(f"{s.name[:32]:<32} {s.type:<12} {(s.role or '-')[:20]:<20} {(s.country or '-'):<4} "
                     f"{s.attributions:>6} {len(s.articles):>4}  {aliases}")
    lines.append("")
    if merges:
        lines.append(f"{len(merges)} merges across articles:")
        for m in merges:
            lines.append(f"  {m.corpus_id}: {m.left.article}#{m.left.entity} = {m.right.article}#{m.right.entity}"
                         f"  [{m.reason}] {m.detail}")
    else:
        lines.append("no merges across articles")
    return "\n".join(lines) + "\n"


def sources_report(results: list[ArticleResult], fmt: str = "table") -> str:
    """``attribution sources``: the rendering of linked results."""
    return render_sources(corpus_sources(results), corpus_merges(results), fmt)
