"""From linked mentions to the article's ``Entity`` records: type, name, role, affiliation, country, anonymity."""

from __future__ import annotations

import re
import unicodedata

from ..lang import SourceLexicon, norm
from ..records import Entity, Span
from .link import Ent, _key
from .mentions import (
    DOCUMENT,
    K_GROUP,
    K_ORG,
    K_ROLE,
    LAST,
    NAME,
    NOMINAL,
    OFFICE,
    PRONOUN,
    Mention,
    fold,
)
from .spans import nested_flags

_ACRONYM = re.compile(r"^[A-ZÉÈ][A-ZÉÈ0-9&-]+$")
_DOMAIN = re.compile(r"\w\.(?:com|fr|org|net|info|io|co|be|ch|ca|uk|de|ru)$", re.IGNORECASE)


def slug(text: str) -> str:
    """An ASCII id made of the words of ``text``: ``Sabrina Singh`` -> ``sabrina-singh``."""
    nfd = unicodedata.normalize("NFKD", norm(text))
    ascii_ = "".join(c for c in nfd if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", ascii_).strip("-")[:48] or "source"


def strip_det(text: str, lex: SourceLexicon) -> str:
    """``un responsable militaire`` -> ``responsable militaire``; ``l'Ordre`` -> ``Ordre``."""
    low = norm(text)
    for d in sorted(lex.determiners, key=len, reverse=True):
        if low.startswith(d + " ") or (d.endswith("'") and low.startswith(d)):
            return text[len(d):].lstrip()
    return text


class EntityBuilder:
    def __init__(self, text: str, lex: SourceLexicon, ents: list[Ent], mentions: list[Mention]) -> None:
        self.text = text
        self.lex = lex
        self.ents = ents
        self.ms = mentions
        self.low = norm(text)
        # the mentions inside a longer one: one sorted sweep, not every pair of the article's mentions
        self._inner = {m.id for m, inner in zip(mentions, nested_flags(mentions), strict=True) if inner}

    def nested(self, m: Mention) -> bool:
        """Is m part of a longer mention (a complement such as "la direction" in "une source proche de la direction")?"""
        return m.id in self._inner

    # -- type ------------------------------------------------------------------------------------
    def name_is_org(self, m: Mention) -> str | None:
        """What a name alone says: organization or group, or None for a person's name."""
        lex = self.lex
        if m.place:
            return "organization"
        words = set(m.name_toks)
        joined = " ".join(m.name_toks)
        if words & {fold(w) for w in lex.name_group_words} or any(g in joined for g in lex.name_group_words if " " in g):
            return "group"
        if m.det is not None or (m.name_toks and m.name_toks[0] in self.lex.name_articles):
            return "organization"  # a name with an article is a newspaper, a party, a body: "Le Parisien", "La CGT"
        if m.name and _ACRONYM.match(m.name.replace(" ", "")) and len(m.name) <= 8:
            return "organization"
        if m.name and _DOMAIN.search(m.name):
            return "organization"  # a web address ("Znak.com", "Mediapart.fr") names a site, never a person
        if words & {fold(w) for w in lex.name_org_words}:
            return "organization"
        return None

    def etype(self, e: Ent) -> str:
        if e.kind in ("office", "place"):
            return "organization"
        if e.kind == "document" or e.unresolved == "document":
            # a document with no known issuer ("un communiqué commun") is issued by a body, not said by someone
            return "organization"
        if e.unresolved == "pronoun":
            return "group" if "p" in e.numbers else "person"
        if not any(m.kind == NAME for m in e.mentions) and self.anonymity(e, "") and \
                not any(m.role is not None and m.role.cls == "title" for m in e.mentions):
            return "anonymous"  # an unnamed source with an anonymity marker ("sous couvert d'anonymat")
        nominals = [m for m in e.mentions if m.kind in (NOMINAL, OFFICE)]
        names = [m for m in e.mentions if m.kind == NAME]
        group_noun = any(m.noun_kind == K_GROUP or (m.noun and m.noun in self.lex.group_org_nouns) for m in nominals)
        if names:
            if group_noun:
                return "group"
            if any(m.noun_kind == K_ROLE and m.number != "p" for m in nominals):
                return "person"
            if any(m.noun_kind == K_ORG for m in nominals):
                return "organization"
            kinds = [self.name_is_org(m) for m in names]
            if "group" in kinds:
                return "group"
            if not any(kinds):  # the words say nothing: the parser's entity type, if any, decides
                ner = [m.ner for m in names if m.ner]
                if ner and all(n == "ORG" for n in ner):  # not LOC: small models take first names for places
                    return "organization"
            if any(m.person_like_name and not self.name_is_org(m) for m in names):
                return "person"
            return next((k for k in kinds if k), "person")
        if not nominals:
            return "person"
        first = min(nominals, key=lambda m: m.start)
        if any(m.capitalised and m.noun_kind == K_ORG for m in nominals):
            return "organization"  # "la Mairie": an institution named by a common noun
        if first.noun_kind == K_ORG and not group_noun:
            return "organization"  # "les autorités locales": institutions, even in the plural
        if first.role is not None and first.role.grammatical and first.role.cls == "anonymous":
            return "anonymous"  # "des sources concordantes": unnamed informants, not a collective that acts
        if group_noun or first.number == "p":
            return "group"
        if first.role is not None:
            if first.role.cls == "anonymous":
                return "anonymous"  # an unnamed official or source stays anonymous, even when definite
            if first.det == "indef":
                return "anonymous"  # "un lycéen", "un adulte": someone unidentifiable
            return "person"  # "le préfet du département": one identified person
        return "anonymous" if first.det == "indef" else "organization"

    # -- attributes --------------------------------------------------------------------------------
    def display(self, e: Ent) -> str:
        names = [m for m in e.mentions if m.kind == NAME and m.name]
        if e.kind == "place" and names:
            # a government is called as its speakers call it ("Baghdad"), else by its capital, else its country
            best = min(names, key=lambda m: (not m.is_speaker, m.place != "capital", m.start))
            return best.name or best.text
        if names:
            best = max(names, key=lambda m: (len(m.name_toks), -m.start))
            return best.name or best.text
        if e.kind == "office" and e.head is not None:
            first_office = min((m for m in e.mentions if m.kind == OFFICE), key=lambda m: m.start, default=None)
            if first_office is not None:
                text = strip_det(first_office.text, self.lex)
                head = self.display(self.ents[e.head])
                return text if head in text else f"{text} ({head})"  # "services (Grégory Doucet)"
        real = [m for m in e.mentions if m.kind not in (PRONOUN, LAST)]
        if real:
            first = min(real, key=lambda m: (m.kind == DOCUMENT, m.start))
            return strip_det(first.text, self.lex)
        return e.mentions[0].text if e.mentions else "source"

    def role(self, e: Ent) -> str | None:
        for m in sorted(e.mentions, key=lambda m: m.start):
            if m.role is not None:
                return m.role.role
        for m in sorted(e.mentions, key=lambda m: m.start):
            if m.noun_kind == K_GROUP and m.noun:
                r = self.lex.roles.get(_key(m.noun)) or self.lex.roles.get(m.noun)
                if r is not None:
                    return r.role
        return None

    def affiliation(self, e: Ent) -> str | None:
        for m in sorted(e.mentions, key=lambda m: m.start):
            if m.kind in (NOMINAL, OFFICE) and m.complement is not None and m.comp_start is not None:
                c = self.ms[m.complement]
                if c.kind == NAME or c.noun_kind == K_ORG:
                    return strip_det(self.text[c.start:c.end], self.lex)
            owner = self.owner(m)
            if owner is not None and m.role is not None:
                return self.display(owner)  # "son porte-parole" after "le Kremlin": the Kremlin's
        return None

    def owner(self, m: Mention) -> Ent | None:
        """The entity a possessive mention belongs to ("son porte-parole"), when resolution found it."""
        k = m.extra.get("owner")
        if k is None:
            return None
        o = self.ms[int(k)]
        return self.ents[o.entity] if o.entity is not None else None

    def anonymity(self, e: Ent, etype: str) -> tuple[str, ...]:
        found: list[str] = []
        low = self.low
        for m in e.mentions:
            if m.kind in (PRONOUN, LAST) or self.nested(m):
                continue  # the words after "de la direction" in "une source proche de la direction, qui …" are not its
            stop = self.text.find(".", m.end)
            window_end = min(len(self.text), m.end + 80, stop if stop >= 0 else len(self.text))
            for marker in self.lex.anonymity_markers:
                k = low.find(marker, m.start, window_end)
                if k >= 0:
                    s = self.text[k:k + len(marker)]
                    if s not in found and not any(s in f for f in found):
                        found.append(s)
        if etype == "anonymous":
            indef = [m for m in e.mentions if m.det == "indef" and m.kind == NOMINAL]
            for m in indef[:1]:
                if m.text not in found:
                    found.insert(0, m.text)
        # a marker inside a longer one says nothing more ("source proche" in "une source proche du dossier")
        return tuple(f for f in found if not any(f != g and norm(f) in norm(g) for g in found))

    def build(self, keep: set[int]) -> tuple[list[Entity], dict[int, str], dict[int, str]]:
        """Entity records of the kept entities, in order of first mention; ids and types by entity index."""
        order = sorted(keep, key=lambda i: min(m.start for m in self.ents[i].mentions))
        ids: dict[int, str] = {}
        used: set[str] = set()
        types = {i: self.etype(self.ents[i]) for i in order}
        names = {i: self.display(self.ents[i]) for i in order}
        for i in order:
            base = slug(names[i])
            sid, n = base, 2
            while sid in used:
                sid, n = f"{base}-{n}", n + 1
            used.add(sid)
            ids[i] = sid
        out = []
        for i in order:
            e = self.ents[i]
            ms = sorted(e.mentions, key=lambda m: m.start)
            aliases: list[str] = []
            for m in ms:
                if m.kind not in (PRONOUN, LAST) and m.text not in aliases:
                    aliases.append(m.text)
            countries = [m.country for m in ms if m.country]
            countries += [c for m in ms if (o := self.owner(m)) is not None for c in sorted(o.countries)]
            head = ids.get(e.head) if e.head is not None else None
            out.append(Entity(
                id=ids[i], name=names[i], type=types[i], named=any(m.kind == NAME and m.name for m in ms),
                role=self.role(e), affiliation=self.affiliation(e),
                country=countries[0] if countries else (self.head_country(e)),
                anonymity=self.anonymity(e, types[i]), aliases=tuple(aliases),
                mentions=tuple(Span(m.start, m.end, m.text) for m in ms), head=head,
            ))
        return out, ids, types

    def head_country(self, e: Ent) -> str | None:
        if e.head is None:
            return None
        h = self.ents[e.head]
        return next((m.country for m in sorted(h.mentions, key=lambda m: m.start) if m.country), None)
