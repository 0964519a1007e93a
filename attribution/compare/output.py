"""The comparison as people read it: tables for the terminal, a dict for JSON.

(``html`` is a page of the report: :func:`attribution.report.standalone.compare_page`.)
"""

from __future__ import annotations

from ..audit import TABLE_COLUMNS, metrics_row
from ..credit import DEFAULT_GROUP_BY, GROUP_BY_NOTES
from ..render import Output, Table
from .core import VARIANT_KINDS, Comparison
from .differences import KIND_LABELS
from .rendition import Rendition

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
    s = c.summary
    changed = "; ".join(f"{KIND_LABELS[k].lower()}: {n} of {s.shared}" for k, n in s.changed)
    summary = Table((), title=f"Summary: {s.shared} claims carried by several outlets",
                    notes=(f"Claims with each kind of difference between outlets: {changed}.",))
    out = [summary, figures, sources]
    if c.pairs:
        out.append(Table(("outlet", "outlet", "shared sources", "jaccard", "shared quotes"),
                         tuple((p.a, p.b, p.shared_sources,
                                None if p.jaccard is None else f"{p.jaccard:.2f}", p.shared_quotes)
                               for p in c.pairs),
                         title="Outlet pairs"))

    lines = []
    for k, g in enumerate(c.shared, 1):
        kinds = ", ".join(KIND_LABELS[x].lower() for x in g.kinds) or "nothing"
        lines.append(f"[{k}] «{_clip(g.text)}»  ({kinds}; weakest match {g.score:.0f})")
        for r in g.renditions:
            lines.append(f"    {r.outlet} | {r.path}")
            lines.append(f"        {_describe(r)}")
            lines.append(f"        «{_clip(r.content, 80)}»")
        for kind in g.kinds:
            if kind in VARIANT_KINDS:
                said = "; ".join(f"{_clip(v, 50)} ({', '.join(o)})" for v, o in g.variants(kind))
                lines.append(f"    {KIND_LABELS[kind]}: {said}")
    out.append(Table((), title=f"Same claim in several outlets: {len(c.shared)}, most re-sourced "
                               f"first", notes=tuple(lines)))
    if c.near_misses:
        out.append(Table(("score", "bar", "outlet", "rendition", "outlet", "rendition"),
                         tuple((f"{m.score:.0f}", f"{m.bar:g}", m.a.outlet, _clip(m.a.content, 50),
                                m.b.outlet, _clip(m.b.content, 50)) for m in c.near_misses),
                         title=f"Near misses, for review: {len(c.near_misses)} pairs just under "
                               f"the bar, not joined"))

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
