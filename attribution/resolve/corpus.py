"""The same source across a corpus: one ``corpus_id`` per real-world source, and the reasons why.

Merging is conservative; two entities of different articles become one source only
when one of these holds (the reason is kept with the merge):

- ``name``: the same name, articles and accents aside (``Sabrina Singh``; ``La CGT`` = ``la CGT``);
- ``surname``: a bare surname and the only full name of the corpus that ends with it (``Singh``);
- ``government``: a capital or a country acting, read as the same government (``Washington``, ``les Etats-Unis``);
- ``role``: an unnamed office holder with the same role and the same country or named affiliation
  (``le Premier ministre irakien``), joined to the only named person who holds it, if any;
- ``office``: the offices (``son bureau``, ``les services de …``) of merged heads.

Anonymous sources and unnamed groups are never merged: two "responsables" are not one.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from typing import Any

from ..lang import DEFAULT, SUPPORTED
from ..records import ArticleResult, Entity
from .entities import slug
from .lexicon import SourceLexicon, load_sources, norm
from .mentions import fold

# a name's leading articles, in every language: names are compared across articles and languages
_ARTICLES = frozenset().union(*(load_sources(code).name_leading_articles for code in SUPPORTED))


@dataclass(frozen=True)
class EntityRef:
    """One entity of one article, by ids (the two sides of a :class:`CorpusMerge`)."""

    article: str  # the article's id
    entity: str  # the entity's article-local id
    name: str

    def to_dict(self) -> dict[str, Any]:
        return {"article": self.article, "entity": self.entity, "name": self.name}


@dataclass(frozen=True)
class CorpusMerge:
    """Two entities of different articles taken for the same source, and why."""

    corpus_id: str
    left: EntityRef
    right: EntityRef
    reason: str  # name | surname | government | role | office
    detail: str  # the evidence, in words

    def to_dict(self) -> dict[str, Any]:
        return {"corpus_id": self.corpus_id, "left": self.left.to_dict(), "right": self.right.to_dict(),
                "reason": self.reason, "detail": self.detail}


def _lex(lang: str | None) -> SourceLexicon | None:
    try:
        return load_sources(lang or DEFAULT)
    except Exception:  # an article in a language without a sources lexicon is simply not linked by role
        return None


def _words(name: str) -> tuple[str, ...]:
    ws = [w for w in fold(name).replace("'", "' ").split() if w]
    while ws and ws[0] in _ARTICLES:
        ws = ws[1:]
    return tuple(w.strip(".,;:()«»\"") for w in ws)


def _titles(lex: SourceLexicon | None) -> set[str]:
    if lex is None:
        return set()
    return {r.role for r in lex.roles.values() if r.cls == "title"}


class _Union:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, x: int) -> int:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: int, b: int) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        self.parent[max(ra, rb)] = min(ra, rb)
        return True


def _plan(results: list[ArticleResult]) -> tuple[list[tuple[int, Entity]], _Union, list[tuple[int, int, str, str]]]:
    """Every entity of the corpus, their union, and the merges made (index, index, reason, detail)."""
    items: list[tuple[int, Entity]] = [(k, e) for k, r in enumerate(results) for e in r.entities]
    uf = _Union(len(items))
    edges: list[tuple[int, int, str, str]] = []
    lexes = [_lex(r.article.lang) for r in results]

    def join(a: int, b: int, reason: str, detail: str) -> None:
        if items[a][0] != items[b][0] and uf.union(a, b):  # only across articles: within one, resolution decided
            edges.append((a, b, reason, detail))

    def first_of(groups: dict[Any, list[int]], reason: str, detail: Any) -> None:
        for key, members in groups.items():
            for other in members[1:]:
                join(members[0], other, reason, detail(key))

    # names
    by_name: dict[tuple[str, str], list[int]] = defaultdict(list)
    full_names: dict[str, list[int]] = defaultdict(list)  # surname -> full-name persons
    for i, (k, e) in enumerate(items):
        if not e.named or e.head is not None:
            continue
        ws = _words(e.name)
        lex = lexes[k]
        if lex is not None and " ".join(ws) in {fold(c) for c in list(lex.capitals) + list(lex.countries)} \
                and e.type == "organization":
            continue  # governments are joined by country below
        kind = "person" if e.type == "person" else "body"
        by_name[(kind, " ".join(ws))].append(i)
        if kind == "person" and len(ws) >= 2:
            full_names[ws[-1]].append(i)
    first_of(by_name, "name", lambda key: f"same name: {key[1]}")
    # surnames: a bare surname joins the one full name that ends with it
    for (kind, name), members in by_name.items():
        parts = name.split()
        if kind != "person" or len(parts) != 1:
            continue
        owners = {uf.find(j) for j in full_names.get(parts[0], [])}
        if len(owners) == 1:
            target = full_names[parts[0]][0]
            for i in members:
                join(target, i, "surname", f"'{items[i][1].name}' is the surname of the only "
                                           f"'{items[target][1].name}' of the corpus")
    # governments: a capital or a country acting
    by_gov: dict[str, list[int]] = defaultdict(list)
    for i, (k, e) in enumerate(items):
        lex = lexes[k]
        if lex is None or e.type != "organization" or not e.country:
            continue
        low = norm(e.name)
        if low in lex.capitals or low in lex.countries:
            by_gov[e.country].append(i)
    first_of(by_gov, "government", lambda c: f"capital or country acting for the government of {c}")
    # roles: unnamed office holders with the same role and country or named affiliation
    by_role: dict[tuple[str, str, str], list[int]] = defaultdict(list)
    for i, (k, e) in enumerate(items):
        if e.type != "person" or not e.role or e.role not in _titles(lexes[k]):
            continue
        aff = fold(e.affiliation) if e.affiliation and e.affiliation[:1].isupper() else ""
        if not (e.country or aff):
            continue  # "le ministre" alone names no one across articles
        by_role[(e.role, e.country or "", aff)].append(i)
    for key, members in by_role.items():
        named = {uf.find(j) for j in members if items[j][1].named}
        detail = f"same role: {key[0]}" + (f" ({key[1]})" if key[1] else "") + (f", {key[2]}" if key[2] else "")
        if len(named) > 1:
            continue  # two different named holders: the role does not tell which
        anchor = next((j for j in members if items[j][1].named), members[0])
        for j in members:
            if j != anchor:
                join(anchor, j, "role", detail)
    # offices of merged heads
    index = {(items[i][0], items[i][1].id): i for i in range(len(items))}
    by_head: dict[int, list[int]] = defaultdict(list)
    for i, (k, e) in enumerate(items):
        if e.head is not None and (k, e.head) in index:
            by_head[uf.find(index[(k, e.head)])].append(i)
    first_of(by_head, "office", lambda h: f"office of the same source ({items[h][1].name})")
    return items, uf, edges


def _corpus_ids(items: list[tuple[int, Entity]], uf: _Union) -> dict[int, str]:
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(items)):
        groups[uf.find(i)].append(i)
    ids: dict[int, str] = {}
    used: set[str] = set()
    for root in sorted(groups):
        members = groups[root]
        best = max(members, key=lambda i: (items[i][1].named, len(items[i][1].name.split()), -i))
        base = slug(items[best][1].name)
        cid, n = base, 2
        while cid in used:
            cid, n = f"{base}-{n}", n + 1
        used.add(cid)
        for i in members:
            ids[i] = cid
    return ids


def link_corpus(results: list[ArticleResult]) -> list[ArticleResult]:
    """The results with ``Entity.corpus_id`` set: the same source in different articles gets one id."""
    results = list(results)
    items, uf, _edges = _plan(results)
    ids = _corpus_ids(items, uf)
    per_article: dict[int, list[Entity]] = defaultdict(list)
    for i, (k, e) in enumerate(items):
        per_article[k].append(replace(e, corpus_id=ids[i]))
    return [replace(r, entities=tuple(per_article.get(k, ()))) for k, r in enumerate(results)]


def corpus_merges(results: list[ArticleResult]) -> list[CorpusMerge]:
    """Every cross-article merge that ``link_corpus`` makes, with its reason, for review."""
    results = list(results)
    items, uf, edges = _plan(results)
    ids = _corpus_ids(items, uf)

    def ref(i: int) -> EntityRef:
        k, e = items[i]
        return EntityRef(results[k].article.id, e.id, e.name)
    return [CorpusMerge(ids[a], ref(a), ref(b), reason, detail) for a, b, reason, detail in edges]
