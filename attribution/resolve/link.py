"""Linking mentions into the entities of one article.

Mentions are taken in text order; each one joins an earlier entity or starts
a new one, by the first rule that applies to its kind:

- appositions (``la porte-parole …, Sabrina Singh``) form one unit, linked as a whole;
- names: same name, or the surname of an earlier full name (``Mme Singh``);
- capitals, countries and institutions used as actors are their government;
- pronouns: the nearest earlier compatible mention, subjects and speakers first;
- ``ce dernier``: the most recent compatible mention;
- offices (``les services de X``, ``son bureau``): the office of X, an entity whose head is X;
- documents (``le communiqué``, ``un communiqué de X``): the body that issued them;
- definite and demonstrative descriptions: the most recent entity described the same way;
- indefinite descriptions (``un responsable``): a new entity.

Over 600 lines on purpose: the rules are methods of one ``Linker`` that share its indexes
(entities by name, signature, sentence and word) and call each other in the order above;
splitting them across modules would spread that shared state, not simplify it.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..docview import DocView, Tok
from ..lang import SourceLexicon
from .mentions import (
    DOCUMENT,
    K_GROUP,
    K_ORG,
    K_PLACE,
    K_ROLE,
    LAST,
    NAME,
    NOMINAL,
    OFFICE,
    PRONOUN,
    Mention,
    fold,
)
from .spans import RegionIndex, outermost

MAX_BACK = 3  # sentences (with text outside quotes) searched for a pronoun's antecedent


def _key(noun: str | None) -> str:
    """A noun key without its plural mark, so that ``groupes`` and ``groupe`` compare equal."""
    k = noun or ""
    return k[:-1] if k.endswith(("s", "x")) and len(k) > 3 else k


@dataclass
class Ent:
    """An entity while it is being built."""

    idx: int
    mentions: list[Mention] = field(default_factory=list)
    names: list[tuple[str, ...]] = field(default_factory=list)
    sigs: list[tuple[str, frozenset[str], str | None]] = field(default_factory=list)
    genders: set[str] = field(default_factory=set)
    numbers: set[str] = field(default_factory=set)
    countries: set[str] = field(default_factory=set)
    head: int | None = None  # for an office: the entity it serves
    kind: str = ""  # "office" | "document" (an unresolved document) | "place" (a government) | ""
    unresolved: str | None = None  # "pronoun" | "document" when nothing was found
    # what the mentions tell, kept up to date as mentions come (an entity of a long article has thousands):
    # the rules ask it for every candidate, so it is never recomputed from all the mentions
    _seen: int = field(default=0, repr=False)
    _org: bool = field(default=False, repr=False)  # a nominal mention of an organisation or a group
    _role: bool = field(default=False, repr=False)  # a mention with a role
    _one_role: bool = field(default=False, repr=False)  # a mention with a role, not in the plural
    _person_name: bool = field(default=False, repr=False)  # a name that looks like a person's
    _first_speaker: int | None = field(default=None, repr=False)  # where its first speaking mention starts
    # mentions that name it (not pronouns nor documents), and names among them: (start, order) keys and mentions
    _starts: list[int] = field(default_factory=list, repr=False)  # where its mentions start, sorted
    _real: list[tuple[int, int]] = field(default_factory=list, repr=False)
    _real_ms: list[Mention] = field(default_factory=list, repr=False)
    _named: list[tuple[int, int]] = field(default_factory=list, repr=False)
    _named_ms: list[Mention] = field(default_factory=list, repr=False)

    def sync(self) -> None:
        """Take in the mentions added since the last call."""
        for k in range(self._seen, len(self.mentions)):
            m = self.mentions[k]
            self._org = self._org or (m.kind == NOMINAL and m.noun_kind in (K_ORG, K_GROUP))
            self._role = self._role or m.role is not None
            self._one_role = self._one_role or (m.role is not None and m.number != "p")
            self._person_name = self._person_name or m.person_like_name
            insort(self._starts, m.start)
            if m.is_speaker and (self._first_speaker is None or m.start < self._first_speaker):
                self._first_speaker = m.start
            if m.kind not in (PRONOUN, LAST, DOCUMENT):
                for keys, ms in ((self._real, self._real_ms), (self._named, self._named_ms)):
                    if ms is self._named_ms and m.kind != NAME:
                        continue
                    at = bisect_right(keys, (m.start, k))
                    keys.insert(at, (m.start, k))
                    ms.insert(at, m)
        self._seen = len(self.mentions)

    @property
    def named(self) -> bool:
        return bool(self.names)

    def has_role(self) -> bool:
        self.sync()
        return self._role

    def personish(self) -> bool:
        """A person, as far as the mentions tell."""
        if self.kind in ("office", "place"):
            return False
        self.sync()
        if self._org:
            return False
        if self._one_role:
            return True
        return self._person_name

    def last_before(self, pos: int) -> int | None:
        """Where its last mention before ``pos`` starts, if any."""
        self.sync()
        k = bisect_left(self._starts, pos)
        return self._starts[k - 1] if k else None

    def has_person_name(self) -> bool:
        """Is one of its mentions a name that looks like a person's?"""
        self.sync()
        return self._person_name

    def spoke_before(self, pos: int) -> bool:
        """Has one of its mentions before ``pos`` spoken?"""
        self.sync()
        return self._first_speaker is not None and self._first_speaker < pos

    def best_mention(self, before: int) -> Mention | None:
        """Its nearest name before ``before``, else its nearest description; failing both, its first one."""
        self.sync()
        if not self._real:
            return None
        # the first of the mentions that start last before ``before``, or the first mention of all
        if self._real[0][0] < before:  # something names it before: the nearest name, else the nearest description
            keys, ms = (self._named, self._named_ms) if self._named and self._named[0][0] < before \
                else (self._real, self._real_ms)
            last = keys[bisect_left(keys, (before, -1)) - 1][0]
            return ms[bisect_left(keys, (last, -1))]
        return (self._named_ms or self._real_ms)[0]


class Linker:
    def __init__(self, view: DocView, lex: SourceLexicon, mentions: list[Mention],
                 regions: list[tuple[int, int]], contents: dict[int, list[tuple[int, int]]] | None = None) -> None:
        self.v = view
        self.regions = regions
        self.region_index = RegionIndex(regions)
        self.contents = contents or {}  # speaker mention id -> content spans it reports
        self.lex = lex
        self.ms = mentions
        self.ents: list[Ent] = []
        self.offices: dict[int, int] = {}  # head entity -> office entity
        self.by_sig: dict[str, set[int]] = {}  # role or noun key -> entities described with it
        # entities by their names (folded words), their names' ends and beginnings, and their acronyms
        self.name_whole: dict[tuple[str, ...], set[int]] = {}
        self.name_suffix: dict[tuple[str, ...], set[int]] = {}
        self.name_prefix: dict[tuple[str, ...], set[int]] = {}
        self.name_acronym: dict[str, set[int]] = {}
        self.docs: list[Mention] = [m for m in mentions if m.kind == DOCUMENT]
        self.by_sent: dict[int, list[Mention]] = {}
        for m in mentions:
            self.by_sent.setdefault(m.sent, []).append(m)
        self.by_tok: dict[int, Mention] = {}
        for m in sorted(mentions, key=lambda m: m.end - m.start, reverse=True):
            a, b = view.words_in(m.start, m.end)
            for k in range(a, b):
                self.by_tok[k] = m  # the smallest mention covering the word wins
        self.units: dict[int, list[Mention]] = {}
        self._nominals: tuple[int, list[int], list[tuple[tuple[int, int], tuple[int, int]]]] | None = None
        self._appositions()
        self.done: set[int] = set()
        self.quoted_sents = {s for s in range(len(view.segments)) if not self._has_free_text(s)}

    # -- appositions ---------------------------------------------------------------------------
    def word_from(self, pos: int) -> Tok | None:
        """The first word that starts at or after ``pos``."""
        k = self.v.word_at(pos)
        return self.v.toks[k] if k < len(self.v.toks) else None

    def _gap(self, a: Mention, b: Mention) -> str:
        return "".join(c for c in self.v.text[a.end:b.start] if not c.isspace() and c not in "«»“”\"")

    def _followed_by_boundary(self, m: Mention) -> bool:
        """Is a mention followed by punctuation, a verb or the end of its sentence (not by more of a list)?"""
        toks = self.v.toks
        nxt = self.word_from(m.end)
        if nxt is None or nxt.seg != m.sent:
            return True
        if nxt.text in (",", ".", ")", ";", ":", "(", "»", "”", "!", "?", "–", "-") or nxt.pos in ("VERB", "AUX"):
            if nxt.text == ",":  # "X, Y et Z": a list, not an apposition
                after = self.word_from(nxt.end)
                if after is not None and after.seg == m.sent and after.cap and after.pos == "PROPN":
                    later = [t for t in toks[after.i: after.i + 6] if t.seg == m.sent]
                    if any(t.low in ("et", "ou") for t in later):
                        return False
            return True
        if nxt.pos == "X" and not nxt.cap:
            return True  # no tagger (a blank pipeline): a lowercase word after a name is most likely its verb
        return nxt.low in self.lex.after_name_words

    def _appositions(self) -> None:
        """Join a role and a name written side by side, a name and its acronym, a name and its description."""
        parent = {m.id: m.id for m in self.ms}

        def find(x: int) -> int:
            while parent[x] != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        def describes(m: Mention) -> bool:
            return m.kind == NOMINAL and m.noun_kind in (K_ROLE, K_GROUP, K_ORG)

        def same_side(a: Mention, b: Mention) -> bool:
            return a.quote_region == b.quote_region  # never across a quote mark

        def fits(role: Mention, name: Mention) -> bool:
            """A person's role goes with a person's name, not with "l'AFP" ("Interrogé par l'AFP, le ministre …")."""
            if role.noun_kind != K_ROLE:
                return True
            orgish = name.det is not None or name.ner in ("ORG", "LOC") or bool(
                name.name and name.name.replace(" ", "").isupper() and len(name.name) <= 8) or any(
                w in self.lex.name_org_words or w in self.lex.name_group_words for w in name.name_toks)
            return not orgish

        paired: set[int] = set()
        names = sorted((m for m in self.ms if m.kind == NAME and m.place is None), key=lambda m: m.start)
        names_by_sent: dict[int, list[Mention]] = {}
        for m in names:
            names_by_sent.setdefault(m.sent, []).append(m)
        for b in names:
            near = self.by_sent.get(b.sent, [])  # the mentions of its sentence, in the same order as self.ms
            # the parse says the name is in apposition to an earlier description, with words between
            # ("le secrétaire à l'Énergie, Rick Perry", "la ministre aux Armées Florence Parly"): one person
            ht = self.v.toks[b.head]
            if ht.deprel == "appos" and ht.head >= 0:
                owner = [a for a in near if a.end <= b.start and describes(a) and a.head == ht.head
                         and a.id not in paired and same_side(a, b) and fits(a, b) and a.noun_kind == K_ROLE]
                gap = self._gap(owner[0], b) if owner else ""
                # after a comma ("…, Rick Perry,") or with the role's own modifier between ("à l'Énergie Rick Perry")
                if owner and (gap.endswith(",") or "," not in gap) and self._followed_by_boundary(b):
                    parent[find(b.id)] = find(owner[0].id)
                    paired.update((owner[0].id, b.id))
                    continue
            # a description just before the name: "le maire Gaël Perdriau", "la porte-parole …, Sabrina Singh";
            # of several descriptions ending there, the outermost ("le président du Centre …", not "Centre …")
            before = [a for a in near if a.end <= b.start and describes(a)
                      and self._gap(a, b) in ("", ",") and same_side(a, b) and fits(a, b)]
            if before:
                a = min(before, key=lambda a: a.start)
                gap = self._gap(a, b)
                inner = [r for r in before if r.start > a.start and r.end == a.end and r.noun_kind == K_ROLE]
                if gap == "" and inner and a.noun_kind != K_ROLE:
                    # "les partisans du général Michel Aoun": the name is the general's, not the supporters'
                    a = min(inner, key=lambda r: r.start)
                # an organisation noun only right before its name ("le quotidien Le Parisien"), never across a comma
                if (gap == "" or a.noun_kind != K_ORG) and self._followed_by_boundary(b) and a.id not in paired:
                    parent[find(b.id)] = find(a.id)
                    paired.update((a.id, b.id))
                    continue
            if b.id in paired:
                continue
            # a description just after the name: "Enrique Peña Nieto, le président mexicain"
            after = [a for a in near if a.start >= b.end and describes(a)
                     and self._gap(b, a) == "," and a.det in ("def", None) and same_side(a, b) and fits(a, b)]
            if after:
                a = min(after, key=lambda a: (a.start, -a.end))
                nxt = self.word_from(a.end)
                # "Rodrigue, ami de Thomas Sauret avant qu'il …": a description ends the apposition unless a list goes on
                if self._followed_by_boundary(a) or (nxt is not None and nxt.low not in self.lex.list_coordinators
                                                     and not nxt.cap and a.det is None):
                    parent[find(a.id)] = find(b.id)
                    paired.update((a.id, b.id))
                    continue
            # a name and its acronym: "Etat islamique (EI)"
            acro = [a for a in names_by_sent[b.sent] if a.start > b.end and self._gap(b, a) == "("
                    and a.name and a.name.isupper()]
            if acro:
                parent[find(acro[0].id)] = find(b.id)
        # two descriptions in apposition, the second with its name ("l'ancien président libanais, le général
        # Michel Aoun"): the parse says so, and the name then names the first description too
        named_roots = {find(m.id) for m in self.ms if m.kind == NAME}
        for r in self.ms:
            ht = self.v.toks[r.head]
            if not describes(r) or ht.deprel != "appos" or find(r.id) not in named_roots:
                continue
            for a in self.by_sent.get(r.sent, []):
                if describes(a) and a.head == ht.head and a.end <= r.start \
                        and self._gap(a, r) == "," and same_side(a, r) and find(a.id) not in named_roots \
                        and a.noun_kind == r.noun_kind:
                    parent[find(a.id)] = find(r.id)
                    named_roots.add(find(r.id))
                    break
        for m in self.ms:
            root = find(m.id)
            self.units.setdefault(root, []).append(m)
            m.unit = root

    # -- helpers -------------------------------------------------------------------------------
    def _has_free_text(self, s: int) -> bool:
        """Does sentence s hold words outside quotes (where antecedents can be)?"""
        a, b = self.v.segments[s]
        spans = [m for m in self.by_sent.get(s, []) if not m.in_quote]
        return bool(spans) or any(t.pos in ("NOUN", "PROPN") and not self._in_region(t.start) for t in self.v.toks[a:b])

    def _in_region(self, pos: int) -> bool:
        return self.region_index.covers(pos)

    def new(self, kind: str = "") -> Ent:
        e = Ent(len(self.ents), kind=kind)
        self.ents.append(e)
        return e

    def add(self, e: Ent, m: Mention, antecedent: Mention | None = None) -> None:
        m.entity = e.idx
        if antecedent is not None and antecedent.id != m.id:
            m.antecedent = antecedent.id
        e.mentions.append(m)
        if m.kind == NAME and m.name_toks and m.place is None:
            e.names.append(m.name_toks)
            self.index_name(e, m.name_toks)
        if m.kind in (NOMINAL, OFFICE) and m.noun:
            e.sigs.append((m.role.role if m.role else _key(m.noun), m.mods, m.country))
            self.by_sig.setdefault(e.sigs[-1][0], set()).add(e.idx)
        if m.gender and m.kind != PRONOUN:
            e.genders.add(m.gender)
        if m.number and m.kind not in (DOCUMENT,):
            e.numbers.add(m.number)
        if m.country:
            e.countries.add(m.country)

    def ent(self, m: Mention | None) -> Ent | None:
        return self.ents[m.entity] if m is not None and m.entity is not None else None

    def compatible(self, e: Ent, gender: str | None, number: str | None) -> bool:
        if gender and e.genders and gender not in e.genders:
            return False
        return not (number and e.numbers and number not in e.numbers)

    def best_mention(self, e: Ent, before: int) -> Mention | None:
        """The mention that best names an entity: its nearest name before ``before``, else its nearest description."""
        return e.best_mention(before)  # kept up to date by the entity: no scan of all its mentions

    # -- the main loop ----------------------------------------------------------------------------
    def run(self) -> list[Ent]:
        for m in sorted(self.ms, key=lambda m: (m.start, -m.end)):
            self.process(m)
        return self.ents

    def process(self, m: Mention) -> None:
        if m.id in self.done:
            return
        unit = self.units.get(m.unit if m.unit is not None else m.id, [m])
        for u in unit:
            self.done.add(u.id)
        # complements first: an office needs the entity it serves, a document its issuer
        for u in unit:
            if u.complement is not None:
                self.process(self.ms[u.complement])
        if len(unit) > 1:
            self.link_unit(unit)
            return
        if m.kind == PRONOUN:
            self.link_pronoun(m)
        elif m.kind == LAST:
            self.link_last(m)
        elif m.kind == DOCUMENT:
            self.link_document(m)
        elif m.kind == OFFICE:
            self.link_office(m)
        elif m.kind == NAME:
            self.link_unit([m])
        else:
            self.link_nominal(m)

    # -- names and appositive units ----------------------------------------------------------------
    def link_unit(self, unit: list[Mention]) -> None:
        names = [u for u in unit if u.kind == NAME]
        roles = [u for u in unit if u.kind != NAME]
        if not names:
            first = min(unit, key=lambda u: u.start)
            self.link_nominal(first)
            e = self.ents[first.entity] if first.entity is not None else self.new()
            for u in unit:
                if u is not first:
                    self.add(e, u)
            return
        place = next((n for n in names if n.place), None)
        if place is not None and len(unit) == 1:
            self.link_place(place)
            return
        n0 = names[0]
        if len(unit) == 1 and (n0.intro in self.lex.locative_preps or n0.intro == "(" or n0.ner == "LOC") \
                and not (n0.is_subject or n0.is_speaker or n0.title):
            return  # "sur Internet", "à Clapiers", a place the parser knows: a place, not a source
        found: Ent | None = None
        for n in names:
            found = self.match_name(n)
            if found is not None:
                break
        if found is None and roles:
            found = self.match_role_only(roles)  # "le procureur …" then "Laurent de Caigny, procureur …"
        target = found if found is not None else self.new()
        for u in sorted(unit, key=lambda u: u.start):
            self.add(target, u)
            if u.det == "poss" and u.role is not None:  # "son porte-parole, Dmitri Peskov": whose spokesperson
                owner = self.resolve_like_pronoun(u, None, u.poss_number, possessive=True)
                if owner is not None and owner.entity != target.idx:
                    u.extra["owner"] = str(owner.id)

    def match_name(self, n: Mention) -> Ent | None:
        """The most recent entity with the same name, or whose full name ends with this one.

        Looked up in indexes of the names seen so far (whole, suffixes, prefixes, acronyms), not by
        comparing with every entity of the article; the most recent entity that matches wins.
        """
        toks = n.name_toks
        if not toks:
            return None
        found = set(self.name_whole.get(toks, ()))
        if n.det is None and any(w not in self.lex.name_particles for w in toks):
            found |= self.name_suffix.get(toks, set())  # "Singh" for "Sabrina Singh", "de la Morlais" for "Thomas …"
        if n.det is None:
            for k in range(1, len(toks)):  # "Fra Matthew Festing" after "Matthew Festing"
                found.update(i for i in self.name_whole.get(toks[k:], ()) if self.ents[i].has_person_name())
        if len(toks) == 1 and n.name and n.name.isupper():
            found |= self.name_acronym.get(fold(n.name), set())  # an acronym of an earlier name: "EI" for "Etat islamique"
        if n.det is not None:
            found |= self.name_prefix.get(toks, set())  # "l'Ordre" for "l'Ordre de Malte"
        best = max((i for i in found if not self.ents[i].kind), default=None)
        return self.ents[best] if best is not None else None

    def index_name(self, e: Ent, full: tuple[str, ...]) -> None:
        """Remember a name of entity e under what later names can match: itself, its ends, its acronym."""
        self.name_whole.setdefault(full, set()).add(e.idx)
        for k in range(1, len(full)):
            self.name_suffix.setdefault(full[k:], set()).add(e.idx)
            self.name_prefix.setdefault(full[:k], set()).add(e.idx)
        if len(full) > 1:
            acronym = "".join(w[:1] for w in full if w not in self.lex.name_particles)
            self.name_acronym.setdefault(acronym, set()).add(e.idx)

    def match_role_only(self, roles: list[Mention]) -> Ent | None:
        """An unnamed entity introduced by the same definite role as this named unit."""
        for r in roles:
            if r.role is None or r.det in ("indef", "poss", "dem"):
                continue
            for e in reversed(self.ents):
                if e.named or e.kind or e.unresolved:
                    continue
                if any(m.det == "indef" for m in e.mentions):
                    continue  # "un responsable" then "Jean X, responsable de …" may be two people
                if self.sig_match(e, r, strict=True):
                    return e
        return None

    def inside_nominal(self, m: Mention) -> bool:
        """Is m within another mention that is a description ("la police de Bagdad")?"""
        if self._nominals is None or self._nominals[0] != len(self.ms):
            # the descriptions sorted by start, with the two furthest ends (and whose) reached up to each:
            # a bisection then answers for any mention, instead of a scan of the article's mentions
            noms = sorted(((o.start, k) for k, o in enumerate(self.ms) if o.kind == NOMINAL))
            tops: list[tuple[tuple[int, int], tuple[int, int]]] = []
            best, second = (-1, -1), (-1, -1)  # (end, position in self.ms)
            for _, k in noms:
                cur = (self.ms[k].end, k)
                if cur > best:
                    best, second = cur, best
                elif cur > second:
                    second = cur
                tops.append((best, second))
            self._nominals = (len(self.ms), [a for a, _ in noms], tops)
        _, starts, tops = self._nominals
        hi = bisect_right(starts, m.start)
        if hi == 0:
            return False
        best, second = tops[hi - 1]
        far = second if best[1] >= 0 and self.ms[best[1]] is m else best
        return far[1] >= 0 and far[0] >= m.end

    def link_place(self, m: Mention) -> None:
        """A capital, country or institution: its government when it acts, nothing when it is a place."""
        lex = self.lex
        nested = self.inside_nominal(m)
        locative = m.intro in lex.locative_preps
        if m.place == "country":
            actor = (m.is_subject or m.is_speaker or m.intro in lex.actor_preps) and not locative
        else:
            actor = not locative and not nested
        if m.is_speaker:
            actor = True
        if not actor:
            return
        for e in self.ents:
            # the same name, or a capital and its country (one government); two institutions stay two
            if e.kind == "place" and any(x.name_toks == m.name_toks or x.country == m.country and m.place != "institution"
                                         and x.place != "institution" for x in e.mentions):
                self.add(e, m)
                return
        e = self.new("place")
        self.add(e, m)

    # -- descriptions ----------------------------------------------------------------------------
    def sig_match(self, e: Ent, m: Mention, strict: bool = False) -> bool:
        """Is entity e described the way m is (same role or noun, modifiers one within the other, same country)?"""
        key = m.role.role if m.role else _key(m.noun)
        if not key:
            return False
        if m.country and e.countries and m.country not in e.countries:
            return False
        if not self.compatible(e, m.gender, m.number):
            return False
        for k, mods, _country in e.sigs:
            if k != key:
                continue
            if m.mods <= mods or (mods <= m.mods and not strict):
                return True
        return False

    def link_nominal(self, m: Mention) -> None:
        if m.noun_kind == K_PLACE:
            self.link_place(m)
            return
        if m.det == "indef":
            self.add(self.new(), m)  # "un responsable militaire américain": someone new
            return
        if m.det == "poss":
            owner = self.resolve_like_pronoun(m, None, m.poss_number, possessive=True)
            self.add(self.new(), m)  # "sa famille", "son avocat": someone new, related to the owner
            if owner is not None:
                m.extra["owner"] = str(owner.id)
            return
        if m.det == "dem":
            near = self.demonstrative(m)
            if near is not None:
                self.add(near, m, self.best_mention(near, m.start))
                return
        if m.in_quote and not m.is_speaker and not m.capitalised:
            return  # "c'est au procureur de la République" in a quote: a role in general, not a source
        # definite or bare: the most recently mentioned entity described the same way
        for e in self.by_recency(m.start, self.by_sig.get(m.role.role if m.role else _key(m.noun), ())):
            if e.kind in ("office", "place") or e.unresolved:
                continue
            if self.sig_match(e, m):
                self.add(e, m, self.best_mention(e, m.start))
                return
        if m.role is not None and m.role.cls == "title" and m.number != "p" and not m.mods and m.det == "def":
            titled = self.bridge_title(m)
            if titled is not None:
                self.add(titled, m, self.best_mention(titled, m.start))
                return
        self.add(self.new(), m)

    def by_recency(self, before: int, among: Iterable[int] | None = None) -> list[Ent]:
        """Entities mentioned before ``before``, the most recently mentioned first (of ``among`` only, if given).

        A description can only match an entity described with the same key: the rules pass those, so that
        each description does not rank every entity of the article.
        """
        last = {}
        for i in sorted(among) if among is not None else range(len(self.ents)):
            k = self.ents[i].last_before(before)
            if k is not None:
                last[i] = k
        return [self.ents[i] for i in sorted(last, key=lambda i: last[i], reverse=True)]

    def demonstrative(self, m: Mention) -> Ent | None:
        """``ce groupe``, ``cette agence``: an entity of the last sentences, the same noun first."""
        window = [c for s in range(m.sent, max(-1, m.sent - 3), -1) for c in self.by_sent.get(s, [])
                  if c.entity is not None and c.start < m.start and c.kind not in (PRONOUN, LAST, DOCUMENT)]
        window.sort(key=lambda c: c.end, reverse=True)
        for c in window:  # "ces groupes" after "des groupes de travail", quoted or not
            e = self.ents[c.entity]  # type: ignore[index]
            if c.noun and _key(c.noun) == _key(m.noun) and self.compatible(e, None, m.number) and not e.kind:
                return e
        want_person = m.noun_kind == K_ROLE
        for c in window:
            if c.in_quote and c.quote_region != m.quote_region or c.sent < m.sent - 1:
                continue
            e = self.ents[c.entity]  # type: ignore[index]
            if e.kind or not self.compatible(e, None, m.number):
                continue  # not an office, a government or a document: "ce groupe" is what was just described
            if m.role is not None and m.role.cls == "anonymous" and (e.named or any(
                    x.role is not None and x.role.cls == "title" for x in e.mentions)):
                continue  # "cette source" is an unnamed informant: never a named or titled person just quoted
            if want_person == e.personish():
                return e
        return None

    def bridge_title(self, m: Mention) -> Ent | None:
        """``le chef du gouvernement`` right after a bare name: that person, now with a title."""
        for s in (m.sent, m.sent - 1):
            cands = [c for c in self.by_sent.get(s, []) if c.entity is not None and c.start < m.start and not c.in_quote]
            for c in sorted(cands, key=lambda c: c.start, reverse=True):
                e = self.ents[c.entity]  # type: ignore[index]
                # only a full name (first and last) is sure to be a person: "Alpes-Maritimes" is not
                full = any(len(n) >= 2 for n in e.names)
                if full and not e.has_role() and e.personish() and self.compatible(e, m.gender, m.number):
                    return e
        return None

    # -- pronouns --------------------------------------------------------------------------------
    def usable(self, c: Mention, p: Mention) -> bool:
        if c.entity is None or c.start >= p.start or c.kind == DOCUMENT or c.unit == p.unit and c.unit is not None:
            return False
        if c.in_quote and c.quote_region != p.quote_region:
            return False  # words inside someone's quote are not what the narration refers back to
        if p.kind in (PRONOUN, LAST) and c.intro not in self.lex.pronoun_preps \
                and any(a <= c.start and c.end <= b for a, b in self.contents.get(p.id, ())):
            # what a pronoun reports ("le silence … apaise, pense-t-il") never names it ("pour X, …" inside the span
            # is its source, not what it reports); a possessive may point into it ("le Premier ministre a parrainé
            # …, selon son bureau"), so only pronouns are held to this
            return False
        e = self.ents[c.entity]
        # a capital or a country is rarely what "il" means, unless it was the acting subject
        return not (e.kind == "place" and c.place in ("capital", "country") and not c.is_subject)

    def resolve_like_pronoun(self, p: Mention, gender: str | None, number: str | None,
                             possessive: bool = False) -> Mention | None:
        """The antecedent of a pronoun or possessive.

        Nearest sentence first, looking only at subjects and, for a pronoun that speaks, at sources already
        quoted (who spoke last usually speaks on: news reports quote in runs); within a sentence, speakers,
        then subjects, then people, then the nearest. When no sentence has one, the nearest compatible mention.
        """
        continuity = p.is_speaker or possessive  # a speaking pronoun, or the owner of what speaks ("leur communiqué")

        def spoke(c: Mention) -> bool:
            e = self.ents[c.entity]  # type: ignore[index]
            return continuity and e.spoke_before(p.start)

        def rank(c: Mention) -> tuple[int, int, int]:
            said = spoke(c)
            tier = 0 if said and c.is_subject else 1 if said else 2 if c.is_subject else 3
            return (tier, 0 if self.ents[c.entity].personish() else 1, -c.start)  # type: ignore[index]

        if p.kind == PRONOUN and not possessive:
            same = self.same_sentence_subject(p, gender, number)
            if same is not None:
                return same
        seen = 0
        s = p.sent
        fallback: Mention | None = None
        while s >= 0 and seen <= MAX_BACK:
            cands = [c for c in self.by_sent.get(s, []) if self.usable(c, p)
                     and self.compatible(self.ents[c.entity], gender, number)  # type: ignore[index]
                     and not (p.kind == PRONOUN and self.placeish(c))]  # "il" is never "à Nantes"
            # a candidate nested in a larger one ("Nouvelle-Calédonie" in "le commissariat de Nouvelle-Calédonie")
            # is its modifier: "il" is the spokesman, not the government of "le porte-parole du gouvernement"
            cands = outermost(cands)
            if cands:
                best = min(cands, key=rank)
                if spoke(best) or best.is_subject:
                    return best
                if fallback is None:
                    fallback = best
            if s != p.sent and s not in self.quoted_sents:
                seen += 1
            s -= 1
        return fallback

    def placeish(self, c: Mention) -> bool:
        """A place in a modifier ("en Nouvelle-Calédonie", "à Nantes"): never the antecedent of "il"."""
        return c.kind == NAME and (c.intro in self.lex.locative_preps
                                   or c.ner == "LOC" and not c.is_speaker and not c.is_subject)

    def same_sentence_subject(self, p: Mention, gender: str | None, number: str | None) -> Mention | None:
        """The subject of a clause that governs the pronoun's clause, in the pronoun's own sentence.

        A pronoun in a subordinate clause or an incise ("…, lorsqu'il a affirmé", "un projet qu'il qualifie",
        "…, a-t-il indiqué") refers to the subject of its main clause far more often than to anything in the
        sentences before; failing a parse that says which, the noun phrase that opens the sentence, before
        its first verb, is that subject.
        """
        toks = self.v.toks
        # a noun no table knows ("un protocole qui, selon X, …") is only a guess at a source: not preferred here
        cands = [c for c in self.by_sent.get(p.sent, []) if self.usable(c, p) and not self.placeish(c)
                 and "guessed" not in c.extra
                 and self.compatible(self.ents[c.entity], gender, number)]  # type: ignore[index]
        # a noun inside a larger noun phrase that agrees is a modifier, not the one who acts
        # (one sorted sweep over the candidates, not a scan of every candidate for each: long sentences)
        cands = outermost(cands)
        if not cands:
            return None
        sent = self.v.sentence(p.sent)
        # the clause heads above the pronoun's verb: its head, its head's head … up to the root
        k = toks[p.head].head
        governing: list[int] = []
        steps = 0
        while k >= 0 and steps < 8:
            k = toks[k].head
            if k >= 0:
                governing.append(k)
            steps += 1
        for g in governing:
            for t in sent:
                if t.head == g and t.is_subject and t.i < p.head:
                    c = next((c for c in cands if c.start <= t.start and t.end <= c.end), None)
                    if c is not None:
                        return c
        # the parse found no governing subject: the phrase opening the sentence, if no verb comes before it
        first_verb = next((t.start for t in sent if t.pos in ("VERB", "AUX")), None)
        # (a pronoun before any verb belongs to the first clause: nothing before it governs it)
        if first_verb is not None and first_verb < p.start:
            opening = min(cands, key=lambda c: c.start)
            before = [t for t in sent if t.start < opening.start]
            # "À Paris, …" opens with a place, not a subject; "Pour X, …" and "Selon X, …" with the one who speaks
            if opening.start < first_verb and not any(t.pos == "ADP" and t.low not in self.lex.pronoun_preps
                                                      for t in before):
                return opening
        # a pronoun in a subordinate clause or an incise ("…, lorsqu'il a affirmé", "…, qu'il qualifie") after a
        # person named in its own sentence means that person, not someone of the sentences before
        verb = toks[p.head].head
        subordinate = verb >= 0 and toks[verb].deprel.split(":")[0] in (
            "advcl", "acl", "ccomp", "xcomp", "conj", "parataxis", "obl", "nmod", "appos")
        people = [c for c in cands if self.ents[c.entity].personish()]  # type: ignore[index]
        if subordinate and people:
            return max(people, key=lambda c: c.start)
        return None

    def link_pronoun(self, p: Mention) -> None:
        c = self.resolve_like_pronoun(p, p.gender, p.number)
        if c is None:
            e = self.new()
            e.unresolved = "pronoun"
            self.add(e, p)
            if p.gender:
                e.genders.add(p.gender)
            return
        e = self.ents[c.entity]  # type: ignore[index]
        self.add(e, p, self.best_mention(e, p.start) or c)
        if p.gender and not e.genders and e.personish():
            e.genders.add(p.gender)  # "il" tells the gender of a bare name

    def link_last(self, p: Mention) -> None:
        """``ce dernier``: the most recently mentioned compatible entity, not its sentence's subject by preference."""
        for s in (p.sent, p.sent - 1, p.sent - 2):
            cands = [c for c in self.by_sent.get(s, []) if self.usable(c, p)
                     and self.compatible(self.ents[c.entity], p.gender, p.number)]  # type: ignore[index]
            if cands:
                c = max(cands, key=lambda c: c.end)
                e = self.ents[c.entity]  # type: ignore[index]
                self.add(e, p, self.best_mention(e, p.start) or c)
                return
        e = self.new()
        e.unresolved = "pronoun"
        self.add(e, p)

    # -- offices and documents ----------------------------------------------------------------------
    def owner_of(self, m: Mention) -> Mention | None:
        """Whom an office or a document belongs to: its ``de X`` complement, else its possessor."""
        if m.complement is not None:
            c = self.ms[m.complement]
            self.process(c)
            if c.entity is not None:
                return c
        if m.det == "poss":
            return self.resolve_like_pronoun(m, None, m.poss_number, possessive=True)
        return None

    def link_office(self, m: Mention) -> None:
        owner = self.owner_of(m)
        if owner is None:
            self.link_nominal(m)
            return
        head = self.ents[owner.entity]  # type: ignore[index]
        if head.kind == "office":
            self.add(head, m, owner)  # the office of an office is the office
            return
        if not head.personish():
            self.add(head, m, owner)  # "les services de la mairie" are the mairie
            return
        if head.idx not in self.offices:
            office = self.new("office")
            office.head = head.idx
            self.offices[head.idx] = office.idx
        self.add(self.ents[self.offices[head.idx]], m, self.best_mention(head, m.start) or owner)

    def verb_subject(self, m: Mention) -> Mention | None:
        """The subject of the verb a document hangs on (``X a indiqué dans un communiqué``)."""
        toks = self.v.toks
        h = toks[m.head]
        if h.is_subject:
            return None  # the document itself speaks: "souligne le communiqué"
        k = h.head
        steps = 0
        while k >= 0 and toks[k].pos not in ("VERB", "AUX") and steps < 3:
            k = toks[k].head
            steps += 1
        if k < 0 or toks[k].pos not in ("VERB", "AUX"):
            return None
        for t in self.v.sentence(toks[k].seg):
            if t.head == k and t.is_subject:
                c = self.by_tok.get(t.i)
                if c is not None and c is not m and c.kind != DOCUMENT:
                    self.process(c)
                    if c.entity is not None:
                        return c
        return None

    def link_document(self, m: Mention) -> None:
        issuer = self.owner_of(m)
        if issuer is None and m.intro not in self.lex.pronoun_preps:
            issuer = self.verb_subject(m)
        if issuer is None:
            issuer = self.previous_issuer(m)
        if issuer is None:
            e = self.new("document")
            e.unresolved = "document"
            self.add(e, m)
            return
        e = self.ents[issuer.entity]  # type: ignore[index]
        self.add(e, m, self.best_mention(e, m.start) or issuer)

    def previous_issuer(self, m: Mention) -> Mention | None:
        """An earlier document's issuer (``le communiqué``), else the latest speaker or acting body nearby."""
        earlier_docs = [d for d in self.docs if d.end <= m.start and d.entity is not None
                        and not self.ents[d.entity].unresolved and m.sent - d.sent <= 6]
        same = [d for d in earlier_docs if _key(d.noun) == _key(m.noun)]
        if m.det != "indef" and (same or earlier_docs):
            d = max(same or earlier_docs, key=lambda d: d.start)
            return self.ms[d.antecedent] if d.antecedent is not None else d
        window = (m.sent,) if m.det == "indef" or m.intro in self.lex.pronoun_preps else (m.sent, m.sent - 1)
        for s in window:
            cands = [c for c in self.by_sent.get(s, []) if self.usable(c, m) and (c.is_speaker or c.is_subject)]
            if cands:
                return max(cands, key=lambda c: (not self.ents[c.entity].personish(), c.start))  # type: ignore[index]
        return None


def link(view: DocView, lex: SourceLexicon, mentions: Iterable[Mention],
         regions: list[tuple[int, int]]) -> list[Ent]:
    """Link mentions into entities; every mention gets ``entity`` set, or none for a mere place."""
    return Linker(view, lex, list(mentions), regions).run()
