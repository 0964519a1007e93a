"""Mentions of possible sources: names, role and organisation nouns, offices, documents, pronouns.

``find_mentions`` yields one ``Mention`` per noun phrase that can stand for a
source, with what the words say about it (determiner, role, country, gender,
number, the ``de X`` complement). It reads the word view only: every decision
is local to a sentence; linking mentions into entities is ``link.py``'s job.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from ..docview import DocView, Tok, clitic_pronoun
from ..lang import Role, SourceLexicon, fold, norm
from .spans import RegionIndex

# kinds of mention
NAME, NOMINAL, PRONOUN, LAST, OFFICE, DOCUMENT = "name", "nominal", "pronoun", "last", "office", "document"
# kinds of nominal head
K_ROLE, K_ORG, K_GROUP, K_OFFICE, K_DOC, K_PLACE = "role", "org", "group", "office", "doc", "place"

_NOT_NAME_POS = {"DET", "ADP", "PRON", "CCONJ", "SCONJ", "AUX", "PUNCT", "NUM", "SYM", "ADV", "INTJ", "PART"}
_NOMINAL_POS = {"NOUN", "PROPN", "ADJ", "X"}
_ACRONYM = re.compile(r"^[A-ZÉÈ][A-ZÉÈ0-9&-]{1,}$")
def cap_word(lex: SourceLexicon, t: Tok) -> bool:
    """Does word t look like a word of a name (capitalised, or "al-Soudani": a glued particle)?"""
    return t.cap or bool(lex.glued_particle.match(t.text))


def human_noun(lex: SourceLexicon, lemma: str) -> bool:
    """Does a common noun unknown to the lexicon read as a person's role or profession (``l'entraîneur``)?
    By its ending (the language's agent endings), for a noun the extractor says speaks."""
    w = lemma.lower().rstrip("s")
    return len(w) > 4 and w.isalpha() and w.endswith(lex.agent_endings)


@dataclass
class Mention:
    """A noun phrase that can stand for a source. Mutable while linking; never leaves the package."""

    id: int
    start: int
    end: int
    text: str
    sent: int
    head: int  # index of the head word
    kind: str  # name | nominal | pronoun | last | office | document
    det: str | None = None  # def | indef | dem | poss | None
    poss_number: str | None = None  # number of the possessor, for son/sa/ses/leur
    noun: str | None = None  # lexicon key of the head noun
    noun_kind: str | None = None  # role | org | group | office | doc | place
    role: Role | None = None
    name: str | None = None  # the name as written, without title or determiner
    name_toks: tuple[str, ...] = ()  # folded name words, particles included
    title: str | None = None
    place: str | None = None  # capital | country | institution
    country: str | None = None
    mods: frozenset[str] = frozenset()  # folded content words of modifiers and complements
    gender: str | None = None
    number: str | None = None
    capitalised: bool = False  # a capitalised common noun: the name of an institution (la Mairie)
    complement: int | None = None  # id of the mention of the first "de X" complement
    comp_start: int | None = None  # where the "de X" complement starts (for the affiliation)
    intro: str | None = None  # preposition just before the mention (selon, dans, par ...)
    ner: str | None = None  # the parser's entity type for a name (PER, ORG, LOC, MISC), when it has one
    in_quote: bool = False
    quote_region: int = -1
    is_subject: bool = False
    is_speaker: bool = False
    # filled by linking
    entity: int | None = None
    antecedent: int | None = None  # mention id this one was resolved through
    unit: int | None = None  # appositive unit id
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def person_like_name(self) -> bool:
        """A name without article or organisation word: likely a person's name."""
        return self.kind == NAME and self.det is None and self.place is None


def quote_regions(text: str, marks: str, extra: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Stretches of text inside quote marks, as pairs of offsets, plus the given spans.

    « » and “ ” nest; a closing mark without an opening one is ignored (broken
    marks as in the seed); straight double quotes toggle.
    """
    regions: list[tuple[int, int]] = []
    stack: list[int] = []
    straight: int | None = None
    openers, closers = "«“„‹", "»”‟›"
    for i, c in enumerate(text):
        if c in openers and c in marks:
            stack.append(i)
        elif c in closers and c in marks and stack:
            a = stack.pop()
            if not stack:
                regions.append((a + 1, i))
        elif c == '"' and c in marks:
            if straight is None:
                straight = i
            else:
                regions.append((straight + 1, i))
                straight = None
        elif c == "\n" and text[i - 1 : i] == "\n":  # a blank line closes what was left open
            stack.clear()
            straight = None
    regions.extend(extra)
    regions.sort()
    return regions


class _Scanner:
    """Finds the mentions of one document."""

    def __init__(self, view: DocView, lex: SourceLexicon, regions: list[tuple[int, int]]) -> None:
        self.v = view
        self.lex = lex
        self.regions = regions
        self.region_index = RegionIndex(regions)
        self.mentions: list[Mention] = []
        self.by_head: dict[int, Mention] = {}

    # -- helpers ---------------------------------------------------------------------------
    def slice_key(self, a: int, b: int) -> str:
        """Normalised text of words a..b-1, whitespace collapsed (``chef de l'état``)."""
        t = self.v.toks
        return " ".join(norm(self.v.text[t[a].start:t[b - 1].end]).split())

    def region_of(self, start: int, end: int) -> int:
        """The first quote region holding start..end, or -1 (by bisection: an article has thousands)."""
        return self.region_index.containing(start, end)

    def phrase_at(self, i: int, end: int) -> tuple[int, str, str] | None:
        """The longest lexicon phrase starting at word i: (end index, key, kind)."""
        toks = self.v.toks
        lex = self.lex
        first = toks[i].low
        longest = min(lex.max_phrase, end - i) if (first in lex.first_words or toks[i].lemma in lex.first_words) else 1
        for n in range(longest, 0, -1):
            j = i + n
            keys = [self.slice_key(i, j)]
            if n == 1:
                keys.append(toks[i].lemma)
            else:  # plural forms of multiword keys: "hauts gradés" -> "haut gradé"
                keys.append(" ".join(w[:-1] if w.endswith(("s", "x")) and len(w) > 3 else w
                                     for w in keys[0].split()))
            for key in keys:
                kind = lex.phrases.get(key)
                if kind is not None:
                    return j, key, kind
        return None

    def is_det(self, t: Tok) -> str | None:
        lex = self.lex
        if t.low in lex.possessive:
            return "poss"
        if t.low in lex.demonstrative:
            return "dem"
        if t.low in lex.definite or t.low in lex.contracted_definite:
            return "def"
        if t.low in lex.indefinite:
            return "indef"
        return None

    def prev_word(self, i: int, first: int) -> Tok | None:
        return self.v.toks[i - 1] if i - 1 >= first else None

    def is_quote_tok(self, t: Tok) -> bool:
        return all(c in self.lex.quote_marks or c in "«»“”" for c in t.text)

    def name_start_ok(self, t: Tok, first: int) -> bool:
        """Can word t begin a name? Capitalised, not a function word; at sentence start only if tagged PROPN."""
        if not t.cap or t.pos in _NOT_NAME_POS or t.low in self.lex.stop_names:
            return False
        if t.low in self.lex.determiners or t.low in self.lex.complement_preps or t.low.endswith("'"):
            return False  # an elided article tagged as a name ("L’Irak")
        if t.pos == "VERB" and not _ACRONYM.match(t.text):
            return False
        initial = t.i == first or self.is_quote_tok(self.v.toks[t.i - 1]) or self.v.toks[t.i - 1].text in ("(", "-", "–", ":")
        if initial:  # a capital at the start of a sentence proves nothing
            key = t.low
            return t.pos == "PROPN" or key in self.lex.capitals or key in self.lex.countries or bool(_ACRONYM.match(t.text))
        return True

    # -- noun phrase extent --------------------------------------------------------------------
    def left_edge(self, i: int, first: int) -> tuple[int, str | None, Tok | None, bool]:
        """Where the noun phrase of head i starts, its determiner kind and word, and whether it's inside the span."""
        toks = self.v.toks
        k = i - 1
        while k >= first:
            t = toks[k]
            d = self.is_det(t)
            if d:
                contracted = t.low in self.lex.contracted_definite or (k > first and toks[k - 1].start == t.start)
                if contracted:
                    return k + 1, d, t, False
                return k, d, t, True
            if t.pos in ("ADJ", "NUM") and not t.cap or t.low in self.lex.rank_adjectives:
                k -= 1
                continue
            if t.pos == "X" and (t.low.isalpha() and not t.cap or self.lex.demonym(t.text) is not None
                                  or t.low in self.lex.countries):
                k -= 1  # no tagger (a blank pipeline): "a senior US official" has its modifiers before the noun
                continue
            break
        return k + 1, None, None, False

    def right_edge(self, j: int, last: int, depth: int = 0) -> tuple[int, int | None]:
        """End (exclusive) of the noun phrase whose head phrase ends at j, and the start of its first complement."""
        toks = self.v.toks
        lex = self.lex
        k = j
        comp_start: int | None = None
        n_comp = 0
        while k < last:
            t = toks[k]
            if k == j and depth == 0 and _ACRONYM.match(t.text) and len(t.text) <= 5 \
                    and (k + 1 == last or toks[k + 1].low in lex.complement_preps or toks[k + 1].pos == "PUNCT"):
                k += 1  # a party or a union after a role: "député LR des Alpes-Maritimes", "élu PS,"
                continue
            if t.pos == "ADJ" and not t.cap and t.low not in lex.determiners and not t.low.endswith("'"):
                if k + 1 < last and toks[k + 1].low in lex.clause_openers and toks[k + 1].pos == "SCONJ":
                    break  # "une source affirme que": a verb tagged as an adjective
                if k + 1 < last and toks[k + 1].low in lex.que_words:
                    break
                participle = t.low.endswith(lex.participle_endings) \
                    and lex.demonym(t.text) is None
                if participle and k + 1 < last and (toks[k + 1].pos == "ADP" and toks[k + 1].low not in
                                                    lex.complement_preps or toks[k + 1].pos == "NUM"):
                    break  # a participle opening its own phrase: "la coalition assemblée en 2014 par …"
                k += 1
                continue
            if t.low in lex.complement_preps and n_comp < 3 and depth < 3:
                m = k + 1
                while m < last and (self.is_det(toks[m]) or toks[m].start == t.start) and m - k < 3:
                    m += 1  # "de la", "du" split in two words, "des"
                if m < last and (toks[m].pos in ("NOUN", "PROPN", "X") or toks[m].cap
                                 or toks[m].pos == "ADJ" and m + 1 < last and toks[m + 1].pos == "NOUN"):
                    if comp_start is None:
                        comp_start = k
                    ph = self.phrase_at(m, last)
                    if ph is not None:  # "du Premier ministre": a lexicon phrase, taken whole
                        m = ph[0]
                    elif cap_word(self.lex, toks[m]):  # a name: take it whole
                        m = self.name_end(m, last)
                    else:
                        m += 1
                    k, _ = self.right_edge(m, last, depth + 1)
                    n_comp += 1
                    continue
            break
        return k, comp_start

    def name_end(self, i: int, last: int) -> int:
        """End (exclusive) of the name that starts at word i."""
        toks = self.v.toks
        lex = self.lex
        k = i + 1
        orgish = self.orgish(i, last)
        while k < last:
            t = toks[k]
            if cap_word(self.lex, t) and t.pos not in ("VERB", "AUX", "PUNCT", "PRON", "SCONJ", "CCONJ") \
                    and t.low not in lex.stop_names and not self.is_quote_tok(t):
                if toks[k - 1].pos == "NOUN" and t.pos == "PROPN" and k + 1 < last and toks[k + 1].pos == "PROPN" \
                        and toks[k - 1].low not in lex.titles:
                    break  # "ministre de l'Intérieur Jean Dupuis": a person's name after a capitalised noun
                k += 1
                continue
            if t.text in ("-", "–") and k + 1 < last and toks[k + 1].cap and toks[k].end == toks[k + 1].start:
                k += 2
                continue
            # particles: "Thomas de la Morlais", "Albrecht von Boeselager", "Ordre de Malte"
            m = k
            while m < last and (toks[m].low in lex.name_particles or toks[m].text in ("-", "–")) and m - k < 4:
                m += 1
            if m > k and m < last and cap_word(self.lex, toks[m]) and not self.is_quote_tok(toks[m]) \
                    and toks[m].low not in lex.stop_names and toks[m].pos not in ("VERB", "AUX"):
                k = m + 1
                continue
            # "Etat islamique", "Résistance islamique en Irak": lowercase adjectives inside organisation names
            if orgish and t.pos == "ADJ" and not t.cap and lex.demonym(t.text) is None \
                    and (i <= t.head < k or t.deprel.startswith("amod")):
                k += 1
                if k + 1 < last and toks[k].low in lex.org_name_links and toks[k + 1].cap:
                    k += 2
                continue
            break
        return k

    def orgish(self, i: int, last: int) -> bool:
        """Does the name starting at word i begin with an organisation or group word ("Etat islamique")?"""
        lex = self.lex
        toks = self.v.toks
        words = lex.name_org_words | lex.name_group_words
        one = fold(toks[i].text)
        two = f"{one} {fold(toks[i + 1].text)}" if i + 1 < last else one
        return one in words or two in words or toks[i].low in words

    # -- mention makers ----------------------------------------------------------------------
    def add(self, m: Mention) -> Mention:
        m.id = len(self.mentions)
        m.quote_region = self.region_of(m.start, m.end)
        if m.quote_region >= 0 and m.kind == NAME:
            a, b = self.regions[m.quote_region]
            if self.v.text[a:b].strip() == (m.name or m.text):
                m.quote_region = -1  # a name in quote marks ("la «Résistance islamique en Irak»") is no quote
        m.in_quote = m.quote_region >= 0
        self.mentions.append(m)
        self.by_head[m.head] = m
        return m

    def mods_of(self, a: int, b: int, skip: set[int]) -> tuple[frozenset[str], str | None]:
        """Folded content words of words a..b-1 except ``skip``, and the first demonym's country."""
        toks = self.v.toks
        words: set[str] = set()
        country: str | None = None
        for k in range(a, b):
            if k in skip:
                continue
            t = toks[k]
            if t.pos in ("NOUN", "PROPN", "ADJ", "X", "NUM") and t.low not in self.lex.determiners:
                c = self.lex.demonym(t.text)
                if c:
                    country = country or c
                    continue
                if t.low in self.lex.capitals or t.low in self.lex.countries:
                    country = country or self.lex.capitals.get(t.low) or self.lex.countries.get(t.low)
                words.add(fold(t.lemma if t.pos != "PROPN" else t.text))
        return frozenset(words), country

    def nominal(self, i: int, j: int, key: str, kind: str, first: int, last: int) -> Mention:
        """A mention headed by the lexicon phrase at words i..j-1."""
        toks = self.v.toks
        lex = self.lex
        a, det, det_tok, det_inside = self.left_edge(i, first)
        b, comp = self.right_edge(j, last)
        head = toks[i] if j - i == 1 else toks[j - 1] if toks[j - 1].pos == "NOUN" and kind != K_ROLE else toks[i]
        mods, country = self.mods_of(a, comp if comp is not None else b, set(range(i, j)))
        cmods, ccountry = self.mods_of(comp, b, set()) if comp is not None else (frozenset(), None)
        start = toks[a].start if det_inside or a == i else toks[a].start
        role = lex.roles.get(key) if kind == K_ROLE else None
        # the article tells the gender best ("la ministre"), then the lexicon, then the tagger
        gender = {"la": "f", "une": "f", "cette": "f", "le": "m", "un": "m", "ce": "m", "cet": "m"}.get(
            det_tok.low if det_tok is not None else "") or (role.gender if role else None) or head.gender
        if role is not None and role.grammatical:
            gender = None  # "une connaissance, Mohammed": the noun's gender says nothing of the person
        number = head.number
        if det_tok is not None and det_tok.low in self.lex.plural_determiners:
            number = "p"
        if number is None and head.low.endswith(("s", "x")) and not key.endswith(("s", "x")):
            number = "p"  # a plural form of a singular key
        mention_kind = {K_OFFICE: OFFICE, K_DOC: DOCUMENT}.get(kind, NOMINAL)
        if kind == K_PLACE:
            mention_kind = NAME
        capitalised = toks[i].cap and toks[i].i != first and kind in (K_ORG, K_GROUP, K_OFFICE)
        m = Mention(
            id=-1, start=start, end=toks[b - 1].end, text="", sent=toks[i].seg, head=head.i, kind=mention_kind,
            det=det, poss_number=lex.possessive.get(det_tok.low) if det == "poss" and det_tok else None,
            noun=key, noun_kind=kind, role=role, mods=mods | cmods, country=country or ccountry,
            gender=gender, number=number, capitalised=capitalised,
            comp_start=toks[comp].start if comp is not None else None,
            is_subject=any(toks[k].is_subject for k in range(i, j)),
        )
        if kind == K_PLACE:
            m.place = "capital" if key in lex.capitals else "country" if key in lex.countries else "institution"
            m.country = lex.capitals.get(key) or lex.countries.get(key) or lex.institutions.get(key)
            m.name = self.v.text[toks[i].start:toks[j - 1].end]
            m.name_toks = tuple(fold(toks[k].text) for k in range(i, j))
            m.number = "p" if key.endswith("s") and m.det == "def" and number == "p" else "s"
        m.text = self.v.text[m.start:m.end]
        return m

    def name_mention(self, i: int, e: int, first: int) -> Mention:
        toks = self.v.toks
        lex = self.lex
        title = None
        n0 = i
        while n0 < e - 1 and toks[n0].low in lex.titles:
            title = toks[n0].low
            n0 += 1
        det = None
        start = toks[i].start
        p = toks[i - 1] if i - 1 >= first else None
        pp = toks[i - 2] if i - 2 >= first else None
        if p is not None and p.low in self.lex.name_particle_articles and pp is not None and pp.low in self.lex.name_particle_preps \
                and (i - 3 < first or toks[i - 3].pos not in ("NOUN", "ADJ", "PROPN", "NUM")):
            # "de la Morlais" after a verb: a particle of the name, not "de" + article
            start = pp.start
            name_from = pp.i
            name = self.v.text[toks[name_from].start:toks[e - 1].end]
            return self._name(i, e, start, None, name, title, (fold(pp.text), fold(p.text)))
        if p is not None and p.low in lex.definite and p.end <= toks[i].start:
            contracted = p.i > first and toks[p.i - 1].start == p.start
            det = "def"
            if not contracted:
                start = p.start
        elif p is not None and self.is_quote_tok(p) and p.i - 1 >= first and toks[p.i - 1].low in lex.definite:
            det = "def"  # la «Résistance islamique en Irak»
        elif p is not None and p.low in lex.contracted_definite:
            det = "def"
        name = self.v.text[toks[n0].start:toks[e - 1].end]
        return self._name(n0, e, start, det, name, title, ())

    def _name(self, n0: int, e: int, start: int, det: str | None, name: str, title: str | None,
              prefix: tuple[str, ...]) -> Mention:
        toks = self.v.toks
        lex = self.lex
        i = n0
        gender = lex.titles.get(title) if title else None
        m = Mention(
            id=-1, start=start, end=toks[e - 1].end, text=self.v.text[start:toks[e - 1].end], sent=toks[i].seg,
            head=self.name_head(n0, e), kind=NAME, det=det, name=name,
            name_toks=prefix + tuple(fold(toks[k].text) for k in range(n0, e) if toks[k].text not in ("-", "–")),
            title=title, gender=gender, number="s",
            is_subject=any(toks[k].is_subject for k in range(i, e)),
        )
        m.ner = self.v.ner(toks[n0].start, toks[e - 1].end)
        low = norm(name)
        for table, place in ((lex.capitals, "capital"), (lex.countries, "country"), (lex.institutions, "institution")):
            if low in table:
                m.place, m.country = place, table[low]
        if det == "def" and low in lex.countries and toks[i - 1].low == "les":
            m.number = "p"
        return m

    def name_head(self, a: int, b: int) -> int:
        """The word of a..b-1 whose head lies outside: the syntactic head of the name."""
        toks = self.v.toks
        for k in range(a, b):
            if not (a <= toks[k].head < b):
                return k
        return a

    def pronoun(self, t: Tok, first: int, last: int) -> Mention | None:
        lex = self.lex
        toks = self.v.toks
        low, start, text = t.low, t.start, t.text
        clitic = clitic_pronoun(t)
        if clitic is not None:  # "a-t-il": the mention is the pronoun, without the hyphens
            text, start = clitic
            low = norm(text)
        feats = lex.pronouns.get(low)
        if feats is None or t.pos not in ("PRON", "X", "NOUN", "PROPN", "DET"):
            return None
        p = toks[t.i - 1] if t.i - 1 >= first else None
        after_prep = p is not None and p.low in lex.pronoun_preps
        if low in lex.subject_pronouns:
            nxt = toks[t.i + 1] if t.i + 1 < last else None
            if nxt is not None and (nxt.low in lex.impersonal_next or nxt.lemma in lex.impersonal_lemmas):
                return None  # "il y a", "il faut", "il s'agit": no one is meant
            if nxt is not None and nxt.low in ("s'", "se") and t.i + 2 < last and toks[t.i + 2].lemma in lex.impersonal_lemmas:
                return None
            if t.head >= 0 and toks[t.head].lemma in lex.impersonal_lemmas:
                return None
        elif not after_prep:
            return None  # object pronouns ("il lui a dit") are not speakers and blur the chains
        return Mention(id=-1, start=start, end=t.end, text=text, sent=t.seg, head=t.i, kind=PRONOUN,
                       gender=feats.gender, number=feats.number, is_subject=t.is_subject or low in lex.subject_pronouns,
                       intro=p.low if p is not None else None)

    # -- main loop -------------------------------------------------------------------------------
    def scan(self) -> list[Mention]:
        v = self.v
        toks = v.toks
        lex = self.lex
        for s, (first, last) in enumerate(v.segments):
            i = first
            consumed: set[int] = set()
            while i < last:
                t = toks[i]
                if i in consumed:
                    i += 1
                    continue
                # "ce dernier", "cette dernière": the last person mentioned
                if i + 1 < last and f"{t.low} {toks[i + 1].low}" in lex.last_mentioned:
                    f = lex.last_mentioned[f"{t.low} {toks[i + 1].low}"]
                    self.add(Mention(id=-1, start=t.start, end=toks[i + 1].end, text=v.text[t.start:toks[i + 1].end],
                                     sent=s, head=i + 1, kind=LAST, gender=f.gender, number=f.number,
                                     is_subject=toks[i + 1].is_subject or t.is_subject))
                    i += 2
                    continue
                pm = self.pronoun(t, first, last)
                if pm is not None:
                    self.add(pm)
                    i += 1
                    continue
                prev = toks[i - 1] if i > first else None
                # role nouns that are also participles ("député", "élu") get tagged as verbs after a comma
                verb_role = t.pos == "VERB" and (prev is None or prev.text in (",", "(") or self.is_det(prev) is not None)
                ph = self.phrase_at(i, last) if (t.pos in _NOMINAL_POS or t.cap or verb_role) else None
                if ph is not None:
                    j, key, kind = ph
                    if kind == K_PLACE:
                        e = max(j, self.name_end(j - 1, last)) if toks[j - 1].cap else j
                        if e == j:
                            m = self.nominal(i, j, key, kind, first, last)
                            self.add_with_intro(m, first)
                            i = j
                            continue
                        ph = None  # a longer name that begins with a place ("Washington Post")
                    else:
                        m = self.nominal(i, j, key, kind, first, last)
                        if kind == K_DOC and self.source_document(m, i, first):
                            m.extra["cited"] = "1"
                        if self.keep_nominal(m, i, first):
                            self.add_with_intro(m, first)
                            consumed.update(k for k in range(i, j))
                            # modifiers before the complement are part of this phrase, not mentions
                            stop = m.comp_start if m.comp_start is not None else m.end
                            k = j
                            while k < last and toks[k].start < stop:
                                consumed.add(k)
                                k += 1
                        i = j
                        continue
                if self.name_start_ok(t, first) or (t.low in lex.titles and t.low.endswith(".")
                                                    and i + 1 < last and toks[i + 1].cap):
                    e = self.name_end(i, last)
                    n0 = i
                    # "l'Allemand Albrecht von Boeselager": a demonym before a name is not part of it
                    if e - i > 1 and lex.demonym(t.text) and toks[i + 1].cap:
                        n0 = i + 1
                    m = self.name_mention(n0, e, first)
                    if n0 > i:
                        m.country = lex.demonym(t.text)
                    self.add_with_intro(m, first)
                    i = e
                    continue
                i += 1
        self.attach_complements()
        return self.drop_uncited_documents()

    def drop_uncited_documents(self) -> list[Mention]:
        """Keep the documents cited as sources, and those whose issuer is named (``un communiqué du ministre``)."""
        keep = [m for m in self.mentions if m.kind != DOCUMENT or "cited" in m.extra
                or (m.complement is not None and self.mentions[m.complement].kind in (NAME, NOMINAL, OFFICE))]
        renum = {m.id: k for k, m in enumerate(keep)}
        for m in keep:
            m.id = renum[m.id]
            m.complement = renum.get(m.complement) if m.complement is not None else None
        self.mentions = keep
        return keep

    def source_document(self, m: Mention, i: int, first: int) -> bool:
        """Is a document noun cited as a source (``selon un communiqué``, ``dans un communiqué``, ``le communiqué
        souligne``), rather than something done or shown (``des messages violents``)?"""
        toks = self.v.toks
        a = next((toks[k].i for k in range(first, len(toks)) if toks[k].start >= m.start), i)  # (no copy of the rest)
        p = toks[a - 1] if a - 1 >= first else None
        if p is not None and p.low in self.lex.document_source_preps:
            return True
        if m.det == "poss":
            return True  # "leur communiqué"
        if toks[m.head].is_subject or a == first:
            return True  # the subject ("le communiqué souligne"); a sentence's first phrase is one, even untagged
        h = toks[m.head]
        # the object of a verb of publishing: "a publié un nouveau communiqué"
        return h.deprel == "obj" and h.head >= 0 and toks[h.head].lemma in self.lex.publishing_verbs

    def keep_nominal(self, m: Mention, i: int, first: int) -> bool:
        """Drop bare predicative nouns (``était responsable de``, ``en tant que trésorier``)."""
        toks = self.v.toks
        if m.det is not None or m.capitalised or m.noun_kind == K_PLACE:
            return True
        head = toks[m.head]
        # a noun with a copula is a predicate, not a mention of someone
        if any(t.head == head.i and t.deprel == "cop" for t in self.v.sentence(head.seg)):
            return False
        p = toks[i - 1] if i - 1 >= first else None
        if p is not None and p.low in self.lex.predicate_markers:
            return False
        # a bare noun after a comma or a name is an apposition ("Xavier Fortinon, vice-président du ...")
        return p is None or p.text in (",", "(", ":", "–", "-") or p.cap or p.pos == "PROPN" or m.is_speaker

    def add_with_intro(self, m: Mention, first: int) -> None:
        toks = self.v.toks
        k = next((toks[n].i for n in range(first, len(toks)) if toks[n].start >= m.start), None)  # (no copy)
        if k is not None and k - 1 >= first:
            p = toks[k - 1]
            m.intro = p.low
            if p.low in self.lex.definite and k - 2 >= first:
                m.intro = toks[k - 2].low
        self.add(m)

    def attach_complements(self) -> None:
        """Link each mention to the mention of its first ``de X`` complement."""
        ms = sorted(self.mentions, key=lambda m: (m.start, -m.end))
        starts = [m.start for m in ms]
        for m in ms:
            if m.comp_start is None:
                continue
            # the first mention, in (start, longest) order, that starts in the complement and ends within m:
            # a bisection to the complement's start, not a scan of the article's mentions
            k = bisect_left(starts, m.comp_start)
            while k < len(ms) and ms[k].start <= m.end:
                c = ms[k]
                if c is not m and c.end <= m.end:
                    m.complement = c.id
                    break
                k += 1


def find_mentions(view: DocView, lex: SourceLexicon, regions: list[tuple[int, int]]) -> list[Mention]:
    """Every mention of a possible source in the document, in text order."""
    return _Scanner(view, lex, regions).scan()
