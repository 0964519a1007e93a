"""The claim graph as a drawing: node positions from a networkx layout, ready for an SVG template.

Large corpora are cut down to the most quoted sources (with their claims, articles and
outlets) so that the static picture stays readable; the page says how much is shown.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import networkx as nx

from ..graph import sources

# Above this many nodes the picture is unreadable (and the dense layout is O(n²) in memory).
MAX_NODES = 400
# Labels for at most this many sources, the most quoted ones; the rest have a tooltip only.
MAX_SOURCE_LABELS = 30
MAX_LABEL = 32  # characters of a label; the tooltip has the whole name


@dataclass(frozen=True)
class DrawNode:
    id: str
    kind: str  # entity | claim | article | outlet
    x: float
    y: float
    r: float
    label: str  # shown next to the node ("" for none)
    title: str  # tooltip
    href: str | None
    css: str
    anchor: str = "start"  # text-anchor of the label: "end" near the right edge, so it stays inside

    @property
    def box(self) -> tuple[float, float, float]:
        """x, y and side of the square drawn for an article or an outlet."""
        return round(self.x - self.r, 1), round(self.y - self.r, 1), round(2 * self.r, 1)

    @property
    def label_x(self) -> float:
        return round(self.x - self.r - 3 if self.anchor == "end" else self.x + self.r + 3, 1)


@dataclass(frozen=True)
class DrawEdge:
    x1: float
    y1: float
    x2: float
    y2: float
    relation: str


@dataclass(frozen=True)
class Drawing:
    width: int
    height: int
    nodes: tuple[DrawNode, ...]
    edges: tuple[DrawEdge, ...]
    total_nodes: int
    total_edges: int

    @property
    def partial(self) -> bool:
        return len(self.nodes) < self.total_nodes


def drawn_nodes(g: nx.MultiDiGraph, max_nodes: int = MAX_NODES) -> list[str]:
    """The nodes worth drawing: the most quoted sources first, each with its neighbourhood."""
    chosen: dict[str, None] = {}

    def add_claim(c: str) -> None:
        chosen.setdefault(c, None)
        for _, v, r in g.out_edges(c, data="relation"):
            if r in ("in", "mentions"):
                chosen.setdefault(v, None)
                for _, o, r2 in g.out_edges(v, data="relation"):
                    if r2 == "published_by":
                        chosen.setdefault(o, None)

    for s in sources(g):
        said = [v for _, v, r in g.out_edges(s.node, data="relation") if r == "said"]
        if len(chosen) + 1 + len(said) > max_nodes and chosen:
            break
        chosen.setdefault(s.node, None)
        for c in said:
            add_claim(c)
    for n, d in g.nodes(data=True):  # then what is left (unsourced claims, bare articles) if room
        if len(chosen) >= max_nodes:
            break
        if d.get("kind") == "claim" and n not in chosen:
            add_claim(n)
        elif d.get("kind") in ("article", "outlet"):
            chosen.setdefault(n, None)
    return list(chosen)[: max(max_nodes, 1)]


def _radius(d: dict) -> float:
    kind = d.get("kind")
    if kind == "claim":
        return 3.0
    if kind == "article":
        return 7.0
    if kind == "outlet":
        return 10.0
    return 5.0 + 2.5 * math.sqrt(int(d.get("claims", 0) or 0))  # area grows with the claims


def _component_layout(g: nx.Graph, seed: int) -> dict[str, tuple[float, float]]:
    """Positions in the unit square for one connected graph."""
    if len(g) == 1:
        return {next(iter(g.nodes)): (0.5, 0.5)}
    pos = nx.spring_layout(g, seed=seed, iterations=100)
    xs = [float(p[0]) for p in pos.values()]
    ys = [float(p[1]) for p in pos.values()]
    dx, dy = (max(xs) - min(xs)) or 1.0, (max(ys) - min(ys)) or 1.0
    return {n: ((float(p[0]) - min(xs)) / dx, (float(p[1]) - min(ys)) / dy) for n, p in pos.items()}


def layout(simple: nx.Graph, width: int, seed: int = 7) -> tuple[dict[str, tuple[float, float]], int]:
    """Positions of every node, and the height used.

    Each connected component is laid out on its own (a spring layout pushes separate
    components to the edges and squeezes each), in a square whose side grows with the
    square root of its size; the squares are packed in rows, biggest first.
    """
    comps = sorted((sorted(c) for c in nx.connected_components(simple)), key=lambda c: (-len(c), c[0]))
    total = sum(len(c) for c in comps) or 1
    unit = min(width * 0.8, math.sqrt(0.5 * width * width / total))  # about a 4:3 page when full
    margin, gap = 30.0, 24.0
    pos: dict[str, tuple[float, float]] = {}
    x = y = margin
    row_h = 0.0
    for c in comps:
        side = max(36.0, min(width - 2 * margin, unit * math.sqrt(len(c))))
        if x + side > width - margin and x > margin:
            x, y, row_h = margin, y + row_h + gap, 0.0
        for n, (px, py) in _component_layout(simple.subgraph(c), seed).items():
            pos[n] = (round(x + px * side, 1), round(y + py * side, 1))
        x += side + gap
        row_h = max(row_h, side)
    return pos, int(y + row_h + margin)


def draw(g: nx.MultiDiGraph, href: Callable[[str, dict], str | None] | None = None, *,
         max_nodes: int = MAX_NODES, width: int = 1100, seed: int = 7) -> Drawing:
    """Lay out (a readable part of) ``g``; ``href(node, attrs)`` gives each node's link, if any."""
    keep = drawn_nodes(g, max_nodes)
    h = g.subgraph(keep)
    simple = nx.Graph()
    simple.add_nodes_from(sorted(h.nodes))  # sorted: the layout must not depend on insertion order
    simple.add_edges_from((u, v) for u, v in h.edges() if u != v)
    xy, height = layout(simple, width, seed)
    labelled = {s.node for s in sources(g)[:MAX_SOURCE_LABELS]}
    nodes = []
    for n in simple.nodes:
        d = g.nodes[n]
        kind = str(d.get("kind", ""))
        name = str(d.get("name") or d.get("label") or n)
        x, y = xy[n]
        if kind == "claim":
            title = f"{d.get('type', '')} claim: {d.get('label', '')}"
            label = ""
        elif kind == "entity":
            title = f"{name} ({d.get('type', '')}), {d.get('claims', 0)} claims"
            label = name if n in labelled else ""
        else:
            title = f"{kind}: {d.get('label', name)}"
            label = str(d.get("label", name))
        css = f"n-{kind}"
        if kind == "entity":
            css += " quoted" if d.get("quoted") else " mentioned"
            if d.get("type") == "anonymous":
                css += " anonymous"
        if len(label) > MAX_LABEL:
            label = label[: MAX_LABEL - 1] + "…"
        nodes.append(DrawNode(n, kind, x, y, _radius(d), label, title,
                              href(n, d) if href else None, css,
                              "end" if x > width * 0.7 else "start"))
    edges = tuple(DrawEdge(*xy[u], *xy[v], str(r))
                  for u, v, r in sorted(h.edges(data="relation", default=""), key=lambda e: e[:2])
                  if u != v)
    return Drawing(width, height, tuple(nodes), edges, g.number_of_nodes(), g.number_of_edges())
