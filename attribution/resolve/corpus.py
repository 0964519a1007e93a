"""The same source across a corpus: one ``corpus_id`` per real-world source, and the reasons why.

Merging is conservative; two entities of different articles become one source only
when one of these holds (the reason is kept with the merge):

- ``name``: the same name, articles, accents, apostrophe glyphs and titles aside (``Sabrina Singh``;
  ``La CGT`` = ``la CGT``; ``Ivey's`` = ``Ivey’s``; ``U.S. Secretary of State Rex Tillerson`` = ``Rex Tillerson``);
- ``spelling``: the same name transliterated differently (``Mohamed Chia al-Soudani`` = ``Mohammed Shia al-Sudani``,
  ``Poutine`` = ``Putin``), by the sound-class keys of :mod:`attribution.resolve.names`;
- ``surname`` / ``partial name``: a name without (some of) its given names and the only fuller name of the corpus
  it fits (``Singh``; ``Chia al-Soudani``); ``Biden`` joins nothing when ``Joe`` and ``Hunter Biden`` both occur;
- ``modifier``: a body and the same body with modifiers, same head, no country conflict
  (``coalition internationale`` = ``coalition internationale antiterroriste``);
- ``acronym``: an acronym and the only body whose initials it is (``EI`` = ``Etat islamique``);
- ``government``: a capital or a country acting, read as the same government (``Washington``, ``les Etats-Unis``);
- ``role``: an unnamed office holder with the same role and the same country or named affiliation
  (``le Premier ministre irakien``), joined to the only named person who holds it, if any;
- ``office``: the offices (``son bureau``, ``les services de …``) of merged heads.

Anonymous sources and unnamed groups are never merged: two "responsables" are not one. Two entities
with different countries are never joined by name (``le Premier ministre irakien`` / ``israélien``),
and an office is never joined to its head by name: it follows its head (``office``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache
from typing import Any

from ..lang import DEFAULT, SUPPORTED, SourceLexicon, load_sources, norm
from ..records import ArticleResult, Entity
from .entities import slug
from .mentions import fold
from .names import Parsed, Verdict, initials, is_acronym, parse, same_source, whole_key

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
    reason: str  # name | spelling | surname | partial name | modifier | acronym | government | role | office
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

    # names: persons by their name keys, bodies by their words (attribution.resolve.names)
    _link_names(items, lexes, uf, join)
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


@cache
def _places(lang: str) -> frozenset[str]:
    """Capitals and countries of a language, folded: read once, not once per entity."""
    lex = load_sources(lang)
    return frozenset(fold(c) for c in list(lex.capitals) + list(lex.countries))


def _entity_countries(e: Entity, p: Parsed) -> frozenset[str]:
    return p.countries | ({e.country} if e.country else set())


def _link_names(items: list[tuple[int, Entity]], lexes: list[SourceLexicon | None], uf: _Union,
                join: Callable[[int, int, str, str], None]) -> None:
    """Join persons and bodies whose names name one source (``names.same_source``).

    1. Entities named in full the same way (``names.whole_key``: the same name, titles, glyphs, nicknames or
       transliteration aside; the same description) are one source, unless their countries differ; one with no
       country joins them only when the key is used for a single country.
    2. A shorter name (a bare surname, a name short of a given name, a body without its modifiers) joins the
       longer ones it fits only when they are one source already, or, for bodies, when none of them conflict:
       ``Biden`` joins neither ``Joe Biden`` nor ``Hunter Biden`` when both occur.
    Step 2 compares one representative per source and way of naming, not every pair of entities, so that a
    corpus of thousands of articles links in about linear time.
    """
    parsed: dict[int, Parsed] = {}
    for i, (k, e) in enumerate(items):
        if e.head is not None or e.type not in ("person", "organization"):
            continue  # offices follow their heads; anonymous sources and groups are never joined by name
        lex = lexes[k]
        if lex is not None and e.type == "organization" and " ".join(_words(e.name)) in _places(lex.lang):
            continue  # governments are joined by country below
        p = parse(e.name)
        if e.type == "person" and not (e.named and p.kind == "name"):
            continue  # an unnamed person is linked by role below
        if e.type == "organization" and p.kind == "description" and not e.named and len(p.words) < 2:
            continue  # an unnamed body of one word ("le ministère") names no one
        parsed[i] = p
    countries = {i: _entity_countries(items[i][1], p) for i, p in parsed.items()}
    held: dict[int, frozenset[str]] = dict(countries)  # the countries of each cluster, by its root

    def clash(a: int, b: int) -> bool:
        """Would joining a's and b's clusters put two countries in one source?"""
        ca, cb = held.get(uf.find(a), frozenset()), held.get(uf.find(b), frozenset())
        return bool(ca and cb and not ca & cb)

    def link(b: int, a: int, v: Verdict) -> None:
        if not v.same or clash(a, b):
            return  # "ministère de la Défense" (no country) joined the Iraqi one: the Israeli one stays apart
        both = held.get(uf.find(a), frozenset()) | held.get(uf.find(b), frozenset())
        join(b, a, v.reason, v.detail)
        if uf.find(a) == uf.find(b):  # joined (not two entities of one article)
            held[uf.find(a)] = both

    def verdict(a: int, b: int) -> Verdict:
        return same_source(parsed[a], parsed[b], items[a][1].type)

    # 1. the same name in full
    by_key: dict[tuple[str, str], dict[frozenset[str], list[int]]] = defaultdict(lambda: defaultdict(list))
    for i, p in parsed.items():
        # a name in full is one source whatever type an article gave it ("Tedros Adhanom Ghebreyesus" was typed an
        # organization after "WHO Director-General"); a description is read with its type
        by_key[("" if p.kind == "name" else items[i][1].type, whole_key(p))][countries[i]].append(i)
    reps: list[int] = []  # one entity per source and way of naming
    for variants in by_key.values():
        placed = [c for c in variants if c]
        for members in variants.values():
            for m in members[1:]:
                link(members[0], m, verdict(members[0], m))
            reps.append(members[0])
        if frozenset() in variants and len(placed) == 1:
            a, b = variants[frozenset()][0], variants[placed[0]][0]
            link(b, a, verdict(b, a))  # no country here, one country there: the same source
    # 2. shorter names, most specific first: "Chia al-Soudani" before "Soudani"
    buckets: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i in reps:
        p = parsed[i]
        if p.kind == "name":
            buckets[("surname", p.surname)].append(i)  # persons, and persons typed bodies by one article
        if items[i][1].type == "organization":
            buckets[("head", p.head)].append(i)  # bodies: "Amnesty" / "Amnesty International"

    def specificity(i: int) -> int:
        return len(parsed[i].given) + len(parsed[i].words)

    for group in buckets.values():
        for a in sorted(group, key=lambda i: (-specificity(i), i)):
            wider = [(b, v) for b in group if specificity(b) > specificity(a) and (v := verdict(a, b)).same]
            if not wider:
                continue
            roots = {uf.find(b) for b, _ in wider}
            is_body = items[a][1].type == "organization"
            if len(roots) == 1 or is_body and not any(clash(b, c) for b, _ in wider for c, _ in wider):
                for b, v in wider:
                    link(b, a, v)
    # acronyms: "EI" and the one body whose initials it is
    by_initials: dict[str, set[int]] = defaultdict(set)
    acronyms = [(i, p) for i, p in parsed.items() if items[i][1].type == "organization" and is_acronym(p)]
    for i, p in parsed.items():
        if items[i][1].type == "organization" and (ini := initials(p)) is not None:
            by_initials[ini].add(i)
    for a, pa in acronyms:
        targets = by_initials.get("".join(c for c in fold(pa.name) if c.isalpha()), set())
        if len({uf.find(b) for b in targets}) == 1:
            b = min(targets)
            link(b, a, Verdict(True, "acronym", f"'{pa.text}' is the initials of '{items[b][1].name}'"))


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
