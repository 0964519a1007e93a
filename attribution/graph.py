"""The claim graph: who said what, where, published by whom, about whom.

A networkx ``MultiDiGraph`` built from ``ArticleResult`` records.

Nodes (attribute ``kind``):
- ``entity:<key>``: a source as :func:`attribution.credit.credit` keys it (a
  document is merged into its issuer; an office is its own node, with ``head``
  naming its head's node, unless ``group_by="head"``), or a speaker that
  resolution did not link. ``quoted`` is true when it said at least one
  claim; ``claims`` counts them. One real-world entity is one node (keyed by its
  ``corpus_id`` when linking gave one), whether it speaks, is mentioned, or both.
- ``claim:<article>:<n>``: the n-th attribution of an article.
- ``article:<id>``; ``outlet:<name>``.

Edges (the attribute ``relation`` says which; in the built graph the edge key is the
relation too, in a GraphML export the keys are unique ids e0, e1 ...):
- ``said``: entity -> claim, with ``cue``, ``lemma``, ``stance``;
- ``in``: claim -> article;
- ``published_by``: article -> outlet;
- ``mentions``: claim -> entity;
- ``same_claim``: claim -> claim, between near-identical claims of different
  articles (one edge per pair, from the smaller node id; read it as symmetric),
  with ``score`` (0-100) and ``same_source``.

Every node and edge attribute is a str, int, float or bool (never None or a
list), so that GraphML and GEXF can hold them; lists are joined with " | ".
"""

from __future__ import annotations

import json
import os
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx
from rapidfuzz import fuzz

from .credit import DEFAULT_GROUP_BY, ArticleCredit, Source, clean, credit
from .errors import OutputError
from .records import ArticleResult, Attribution
from .sourcefile import sources_file_note
from .text import content_key

GRAPH_FORMATS: dict[str, str] = {".graphml": "graphml", ".gexf": "gexf", ".json": "json"}

# Only these entity types are "named people and organizations" worth a `mentions` edge.
MENTION_TYPES = frozenset({"person", "organization"})
# Below this many characters, two claims are too short to call "the same claim" by wording alone.
SAME_CLAIM_MIN_CHARS = 25
# rapidfuzz ratio (0-100) from which two claim contents count as near-identical.
SAME_CLAIM_THRESHOLD = 90.0
# Each claim is indexed under this many of its rarest word trigrams to find its look-alikes.
RARE_SHINGLES = 4
# In a long posting list each claim is compared with the first WINDOW claims only (linear, not n²).
WINDOW = 50
# Groups of near-identical claims up to this size get all their pairs as edges, bigger ones a star.
CLIQUE_MAX = 12



# ---------------------------------------------------------------- building

def _scalar(value: Any) -> str | int | float | bool:
    """A value GraphML and GEXF accept: None becomes "", sequences are joined, text is XML-clean."""
    if value is None:
        return ""
    if isinstance(value, bool | int | float):
        return value
    if isinstance(value, list | tuple | set | frozenset):
        return " | ".join(clean(str(v)) for v in value)
    return clean(str(value))


def _attrs(**values: Any) -> dict[str, str | int | float | bool]:
    return {k: _scalar(v) for k, v in values.items()}


def _label(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _add_entity(g: nx.MultiDiGraph, source: Source, quoted: bool) -> None:
    node = f"entity:{source.key}"
    if node in g:
        g.nodes[node]["quoted"] = bool(g.nodes[node]["quoted"] or quoted)
        return
    e = source.entity
    g.add_node(node, **_attrs(
        kind="entity", quoted=quoted, label=_label(source.name), name=source.name, type=source.type,
        named=bool(e.named) if e else False,
        role=source.role, affiliation=source.affiliation,
        country=e.country if e else None, aliases=e.aliases if e else (),
        anonymity=e.anonymity if e else (), corpus_id=e.corpus_id if e else None,
        official=source.official, head=f"entity:{source.head}" if source.head else None,
    ))


def claim_node(article_key: str, index: int) -> str:
    return f"claim:{article_key}:{index}"


def build_graph(results: Sequence[ArticleResult], *, same_claims: bool = True,
                threshold: float = SAME_CLAIM_THRESHOLD,
                group_by: str = DEFAULT_GROUP_BY) -> nx.MultiDiGraph:
    """The claim graph of a corpus (see the module docstring for its nodes and edges)."""
    g = nx.MultiDiGraph()
    g.graph["group_by"] = group_by
    note = sources_file_note(results)
    if note:
        g.graph["sources_file"] = note
    for ac in credit(results, group_by):
        key, r = ac.key, ac.result
        a = r.article
        art = f"article:{key}"
        g.add_node(art, **_attrs(
            kind="article", label=_label(a.title or a.id), title=a.title, path=a.path,
            article_id=a.id, outlet=a.outlet, date=a.date, url=a.url, lang=a.lang,
            words=ac.words, claims=len(r.attributions), engine=r.engine, model=r.model,
        ))
        if a.outlet:
            out = f"outlet:{clean(a.outlet)}"
            if out not in g:
                g.add_node(out, **_attrs(kind="outlet", label=_label(a.outlet), name=a.outlet))
            g.add_edge(art, out, key="published_by", relation="published_by")
        for source in ac.entities:
            _add_entity(g, source, False)
        for i, att in enumerate(r.attributions):
            node = claim_node(key, i)
            cue = att.cue
            g.add_node(node, **_attrs(
                kind="claim", label=_label(att.content.text), text=att.content.text,
                type=att.type, article=key, char_start=att.content.start,
                char_end=att.content.end, cue=cue.text if cue else None,
                lemma=cue.lemma if cue else None, stance=cue.stance if cue else None,
                speaker=att.speaker.text if att.speaker else None,
                speaker_type=att.speaker.type if att.speaker else None,
                pattern=att.pattern, outlet=a.outlet,
            ))
            g.add_edge(node, art, key="in", relation="in")
            src = ac.claims[i].source
            if src is not None:
                sn = f"entity:{src.key}"
                _add_entity(g, src, True)
                g.add_edge(sn, node, key="said", **_attrs(
                    relation="said", cue=cue.text if cue else None,
                    lemma=cue.lemma if cue else None, stance=cue.stance if cue else None))
            for ms in _mentioned(ac, att):
                en = f"entity:{ms.key}"
                _add_entity(g, ms, False)
                if not g.has_edge(node, en, key="mentions"):
                    g.add_edge(node, en, key="mentions", relation="mentions")
    for n in g.nodes:
        if g.nodes[n]["kind"] == "entity":
            g.nodes[n]["claims"] = len(_claims_of(g, n))
    if same_claims:
        for u, v, score in find_same_claims(g, threshold=threshold):
            same = _source_of(g, u) == _source_of(g, v) and _source_of(g, u) is not None
            g.add_edge(u, v, key="same_claim", relation="same_claim", score=round(score, 1),
                       same_source=same)
    return g


def _mentioned(ac: ArticleCredit, att: Attribution) -> Iterator[Source]:
    """Named people and organizations with a mention inside the claim's content."""
    speaker_mention = att.speaker.span if att.speaker else None
    for e in ac.result.entities:
        if e.type not in MENTION_TYPES:
            continue
        for m in e.mentions:
            # The speaker's own mention is not something the claim talks about.
            if speaker_mention is not None and m.overlap(speaker_mention):
                continue
            if att.content.contains(m) and len(m) > 0:
                yield ac.by_entity[e.id]
                break


def _source_of(g: nx.MultiDiGraph, claim: str) -> str | None:
    for u, _, r in g.in_edges(claim, data="relation"):
        if r == "said":
            return str(u)
    return None


def _shingles(text: str) -> set[str]:
    words = text.split()
    if len(words) < 3:
        return {text}
    return {" ".join(words[i:i + 3]) for i in range(len(words) - 2)}


def find_same_claims(g: nx.MultiDiGraph, *, threshold: float = SAME_CLAIM_THRESHOLD) -> list[tuple[str, str, float]]:
    """Pairs of claims of different articles whose wording is near-identical, with their score.

    Candidates share one of their rarest word trigrams (near-identical texts share most
    trigrams, so they share their rare ones too); rapidfuzz's ratio on the normalised
    text decides; matches are grouped transitively. A group of up to CLIQUE_MAX claims
    gives an edge per matching pair; a bigger one (a wire story run by many outlets)
    links each claim to the group's first claim only, so edges grow linearly.
    """
    texts: dict[str, str] = {}
    for n, d in g.nodes(data=True):
        if d.get("kind") == "claim":
            t = content_key(str(d.get("text", "")))
            if len(t) >= SAME_CLAIM_MIN_CHARS:
                texts[n] = t
    grams = {n: _shingles(t) for n, t in texts.items()}
    df: Counter[str] = Counter(s for gs in grams.values() for s in gs)
    postings: dict[str, list[str]] = defaultdict(list)
    for n in sorted(grams):
        for s in sorted(grams[n], key=lambda s: (df[s], s))[:RARE_SHINGLES]:
            postings[s].append(n)
    article = {n: g.nodes[n]["article"] for n in texts}
    scores: dict[tuple[str, str], float] = {}

    def score(u: str, v: str) -> float:
        key = (u, v) if u < v else (v, u)
        if key not in scores:
            scores[key] = float(fuzz.ratio(texts[u], texts[v]))
        return scores[key]

    parent = {n: n for n in texts}

    def find(n: str) -> str:
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    for members in postings.values():
        # Past WINDOW members, each is compared with the first WINDOW only: enough to join a group.
        for i, u in enumerate(members):
            for v in members[:min(i, WINDOW)]:
                if article[u] != article[v] and score(u, v) >= threshold:
                    parent[find(u)] = find(v)
    groups: dict[str, list[str]] = defaultdict(list)
    for n in sorted(texts):
        groups[find(n)].append(n)
    pairs = []
    for members in groups.values():
        if len(members) < 2:
            continue
        if len(members) <= CLIQUE_MAX:
            candidates = [(u, v) for i, u in enumerate(members) for v in members[i + 1:]]
        else:
            candidates = [(members[0], v) for v in members[1:]]
        for u, v in candidates:
            if article[u] != article[v]:
                sc = score(u, v)
                if sc >= threshold or len(members) > CLIQUE_MAX:
                    pairs.append((u, v, sc))
    return sorted(pairs)


# ---------------------------------------------------------------- queries

@dataclass(frozen=True)
class SourceCount:
    """A source and how widely it is quoted."""

    node: str
    name: str
    type: str
    claims: int
    articles: int
    outlets: int

    def to_dict(self) -> dict[str, Any]:
        return {"node": self.node, "name": self.name, "type": self.type, "claims": self.claims,
                "articles": self.articles, "outlets": self.outlets}


def _claims_of(g: nx.MultiDiGraph, source: str) -> list[str]:
    return [v for _, v, r in g.out_edges(source, data="relation") if r == "said"]


def _article_of(g: nx.MultiDiGraph, claim: str) -> str | None:
    for _, v, r in g.out_edges(claim, data="relation"):
        if r == "in":
            return str(v)
    return None


def _outlet_of(g: nx.MultiDiGraph, article: str) -> str | None:
    for _, v, r in g.out_edges(article, data="relation"):
        if r == "published_by":
            return str(v)
    return None


def source_count(g: nx.MultiDiGraph, node: str) -> SourceCount:
    claims = _claims_of(g, node)
    articles = {a for c in claims if (a := _article_of(g, c))}
    outlets = {o for a in articles if (o := _outlet_of(g, a))}
    d = g.nodes[node]
    return SourceCount(node, str(d.get("name", node)), str(d.get("type", "")), len(claims),
                       len(articles), len(outlets))


def sources(g: nx.MultiDiGraph, *, quoted_only: bool = True) -> list[SourceCount]:
    """The sources, most claims first (then by name): those that said something, or all entities."""
    found = [source_count(g, n) for n, d in g.nodes(data=True)
             if d.get("kind") == "entity" and (d.get("quoted") or not quoted_only)]
    return sorted(found, key=lambda s: (-s.claims, -s.articles, s.name.lower(), s.node))


def top_sources(g: nx.MultiDiGraph, n: int = 10) -> list[SourceCount]:
    """The ``n`` sources with the most claims."""
    return sources(g)[:n]


def sources_per_outlet(g: nx.MultiDiGraph) -> dict[str, dict[str, int]]:
    """For each outlet's name: its sources (node ids) and how many claims each has in that outlet."""
    table: dict[str, Counter[str]] = defaultdict(Counter)
    for s, c, r in g.edges(data="relation"):
        if r != "said":
            continue
        art = _article_of(g, c)
        out = _outlet_of(g, art) if art else None
        if out:
            table[str(g.nodes[out].get("name", out))][str(s)] += 1
    return {o: dict(cnt.most_common()) for o, cnt in sorted(table.items())}


def claims_without_source(g: nx.MultiDiGraph) -> list[str]:
    """Claim nodes that no entity said: unattributed quotes and reported speech."""
    return [n for n, d in g.nodes(data=True) if d.get("kind") == "claim" and _source_of(g, n) is None]


def multi_outlet_sources(g: nx.MultiDiGraph, min_outlets: int = 2) -> list[SourceCount]:
    """Sources quoted by at least ``min_outlets`` different outlets, most outlets first."""
    found = [s for s in sources(g) if s.outlets >= min_outlets]
    return sorted(found, key=lambda s: (-s.outlets, -s.claims, s.name.lower()))


# ---------------------------------------------------------------- export

def graph_format(path: str | Path) -> str:
    """``graphml``, ``gexf`` or ``json``, from the file's extension; OutputError otherwise."""
    suffix = Path(path).suffix.lower()
    if suffix not in GRAPH_FORMATS:
        known = ", ".join(GRAPH_FORMATS)
        raise OutputError(f"{path}: unknown graph format {suffix or '(no extension)'!r}; use one of {known}")
    return GRAPH_FORMATS[suffix]


def _unique_keys(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The same graph with edge keys e0, e1 ...: GraphML edge ids must be unique (Gephi merges
    edges that share one); the relation stays in the ``relation`` attribute."""
    h = nx.MultiDiGraph(**g.graph)
    h.add_nodes_from(g.nodes(data=True))
    for i, (u, v, d) in enumerate(g.edges(data=True)):
        h.add_edge(u, v, key=f"e{i}", **d)
    return h


def write_graph(g: nx.MultiDiGraph, path: str | Path) -> str:
    """Write ``g`` to ``path`` in the format its extension names; returns the format."""
    fmt = graph_format(path)
    p = Path(path)
    tmp = p.with_name(f".{p.name}.tmp-{os.getpid()}")  # written beside, then renamed: never half a file
    try:
        if fmt == "graphml":
            nx.write_graphml(_unique_keys(g), tmp, encoding="utf-8", prettyprint=True)
        elif fmt == "gexf":
            nx.write_gexf(g, tmp, encoding="utf-8", prettyprint=True)
        else:
            data = nx.node_link_data(g, edges="edges")
            tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        os.replace(tmp, p)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise OutputError(f"{path}: cannot write ({exc.strerror or exc})") from exc
    return fmt


def read_graph(path: str | Path) -> nx.MultiDiGraph:
    """Read back a graph written by ``write_graph``."""
    fmt = graph_format(path)
    if fmt == "graphml":
        return nx.read_graphml(path, force_multigraph=True)
    if fmt == "gexf":
        return nx.read_gexf(path)
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return nx.node_link_graph(data, directed=True, multigraph=True, edges="edges")
