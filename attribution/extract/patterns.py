"""The extraction patterns. Each is a generator over one unit (a repaired sentence):
``pattern(unit) -> Iterator[Candidate]``; ``extract`` runs them in ``PATTERNS`` order
and ``select.resolve`` settles their overlaps.

Priority (lower first) and why:

1. ``inverted_cue``   «…», a-t-il dit / «…», souligne le communiqué — the incise is unambiguous;
2. ``verb_complement`` X a indiqué que… / X a confirmé l'attaque / X : «…» after a cue;
3. ``participle_cue``  espérant…, tout en ajoutant que…, y affirmant «…»;
4. ``passive_cue``     a été annoncé par X;
5. ``according_to``    selon X, d'après X, pour X, according to X;
6. ``comparative_cue`` …, comme l'a confirmé X;
7. ``colon_intro``     X : «…» and «…» – X (no verb);
8. ``floating_quote``  a quote standing alone next to an attributed one (run on the whole article).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from ..docview import DocView, Tok
from ..lexicon import CueEntry
from ..records import Cue, Speaker
from .cues import CueGroup
from .mentions import (
    Range,
    antecedent,
    mention,
    np_left,
    np_right,
    pronoun_at,
    pure_name,
    subject_left,
    subject_right,
)
from .spans import _base_quote, chars, classify, clause_end, comma_before, is_quote_open, trim
from .words import (
    incise_at,
    is_adj,
    is_adverb,
    is_comma,
    is_det,
    is_name,
    is_noun,
    is_punct,
    is_time,
    is_verb,
)


@dataclass
class Candidate:
    """An attribution proposed by a pattern, before overlaps are settled."""

    pattern: str
    priority: int
    type: str
    start: int
    end: int
    cue: Cue | None
    speaker: Speaker | None
    unit: int
    cue_word: int = -1  # the cue's head word, or -1
    inside_quote: bool = False  # the cue stands inside quote marks (nested reported speech)


@dataclass
class Unit:
    """One unit and what every pattern needs about it."""

    v: DocView
    index: int
    lo: int
    hi: int
    cues: list[CueGroup]
    prior: list[Candidate] = field(default_factory=list)  # accepted candidates of earlier units
    speakers: dict[int, Speaker | None] = field(default_factory=dict)  # cue head -> speaker found
    live: dict[int, bool] = field(default_factory=dict)  # cue head -> reports speech here
    complements: dict[int, tuple[str, int] | None] = field(default_factory=dict)
    firsts: list[int] = field(default_factory=list)  # first word of each cue group, for bisection

    def __post_init__(self) -> None:
        self.firsts = [g.first for g in self.cues]
    modes: dict[int, str] = field(default_factory=dict)


# ---------------------------------------------------------------- shared helpers

def make_speaker(v: DocView, r: Range | None) -> Speaker | None:
    """A Speaker record for words [s, e), trimmed; inverted clitics lose their hyphens."""
    if r is None:
        return None
    s, e = r
    toks = v.toks
    a, b = toks[s].start, toks[e - 1].end
    if e - s == 1 and toks[s].text.startswith("-"):
        a += len(toks[s].text) - len(toks[s].text.lstrip("-t").lstrip("-"))
        a = toks[s].start + toks[s].text.rfind("-") + 1
    a, b = trim(v.text, a, b)
    if b <= a:
        return None
    return Speaker(a, b, v.text[a:b])


def make_cue(v: DocView, a: int, b: int, entry: CueEntry | None, lemma: str | None = None,
             stance: str | None = None) -> Cue:
    s, e = v.toks[a].start, v.toks[b].end
    return Cue(s, e, v.text[s:e], entry.lemma if entry else lemma, entry.stance if entry else stance)


def group_cue(v: DocView, g: CueGroup) -> Cue:
    last = g.last
    if g.clitic == g.last and g.clitic > g.head:
        last = g.last  # "déclare-t-il": the gold keeps the clitic in the cue
    return make_cue(v, g.first, last, g.entry)


def closing_mark_before(v: DocView, k: int) -> bool:
    t = v.toks[k]
    return t.mark and t.quote >= 0 and v.quotes[t.quote].close_end == t.end


def _verb_or_quote(v: DocView, a: int, b: int) -> bool:
    """Whether words [a, b) hold a verb or a quote: a clause, not a noun phrase."""
    toks = v.toks
    for k in range(a, b):
        t = toks[k]
        if t.mark or t.quote >= 0 or is_verb(t):
            return True
        if not v.has_pos and _verb_form_without_pos(v, t):
            return True
    return False


def _verb_form_without_pos(v: DocView, t) -> bool:
    """Without a parse, a word that is likely a verb: an auxiliary, a cue form, a past tense in -ed."""
    low = t.low
    return (low in v.lex.word_set("auxiliaries") or low in v.lex.forms
            or (len(low) > 4 and low.endswith("ed") and not t.cap))


# Subjects that are no source of their own: the speaker telling his story (on, je, nous)
_NARRATOR = frozenset({"on", "je", "j'", "nous"})


def _narrated(u: Unit, g: CueGroup) -> bool:
    """Whether a cue's subject is the narrating speaker himself (on, je, nous)."""
    sp = speaker_of(u, g)
    return sp is not None and sp.text.lower().replace("’", "'") in _NARRATOR


def left_start(u: Unit, end: int) -> int:
    """Where left content begins: the unit start, or after earlier attribution material."""
    v = u.v
    a = u.lo
    # the nearest earlier cue that reports speech ends the material before ours
    for i in range(bisect.bisect_left(u.firsts, end) - 1, -1, -1):
        g = u.cues[i]
        if g.last >= end or v.toks[g.head].quote >= 0 or not live(u, g):
            continue
        if _narrated(u, g):
            continue  # "On s'était dit : «…», a expliqué V.": the speaker's own account, part of the content
        sp = speaker_of(u, g)
        edge = g.last + 1
        if sp is not None and sp.end > v.toks[g.last].end:
            edge = min(end, v.word_at(sp.end))
        a = max(a, edge)
        break
    # "Ce dernier n'était pas au courant : «…», déclare-t-il": the colon introduces the content
    for k in range(end - 1, a, -1):
        t = v.toks[k]
        if t.text == ":" and t.quote == v.toks[a].quote and k + 1 < end and v.toks[k + 1].mark:
            if any(a <= g.head < k and v.toks[g.head].quote < 0 and _narrated(u, g) for g in u.cues):
                break  # "On s'était dit : «…», a expliqué V.": the inner speech is part of the content
            a = k + 1
            break
    k = a
    while k < end and is_punct(v.toks[k]) and not v.toks[k].mark:
        k += 1
    return k


def _skip_adjuncts(v: DocView, k: int, hi: int) -> int:
    """Skip adverbs, time words and lexicon incises after a verb."""
    toks = v.toks
    while k < hi:
        t = toks[k]
        e = incise_at(v, k, hi)
        if e > k:
            k = e
            continue
        if (is_adverb(v, t) and not t.cap and t.low not in v.lex.word_set("wh_words")) or is_time(v, t) or t.low in ("pas", "not"):
            k += 1
            continue
        break
    return k


# French verbs whose direct object is the person told, before the que-clause
_PREVENIR = frozenset({"prévenir", "avertir", "informer", "assurer", "persuader", "convaincre", "rassurer"})
_TELL = frozenset({"tell", "inform", "ask", "warn", "remind", "assure", "brief", "promise", "advise", "notify"})


def right_complement(u: Unit, g: CueGroup) -> tuple[str, int] | None:
    """The complement after a cue: (kind, first word). Kinds: que, colon, quote, de, inf, wh, object, adj."""
    if g.head not in u.complements:
        u.complements[g.head] = _right_complement(u, g)
    return u.complements[g.head]


def _right_complement(u: Unit, g: CueGroup) -> tuple[str, int] | None:
    v = u.v
    toks = v.toks
    lex = v.lex
    hi = u.hi
    k = g.last + 1
    for _ in range(6):
        k = _skip_adjuncts(v, k, hi)
        if k >= hi:
            return None
        t = toks[k]
        m = _dash_aside_end(v, k, hi)
        if m > k:
            k = m  # "répond -il faut le souligner- que …": the aside is no complement
            continue
        if is_comma(t):
            # a comma-delimited insert: ", à Reuters,", ", depuis la Corrèze où il se trouvait,"
            m = k + 1
            while m < hi and m - k < 14 and not is_comma(toks[m]) and not toks[m].mark \
                    and toks[m].text not in (".", ";", ":", "!", "?"):
                m += 1
            if m < hi and is_comma(toks[m]) and m > k + 1 and _insert_chunk(v, k + 1, m):
                k = m + 1
                continue
            break
        if t.low in ("à", "au", "aux") and k + 1 < hi:
            r = np_right(v, k + 1, hi)
            if r is not None and r[1] < hi and (toks[r[1]].low in lex.word_set("complementizers")
                                                or toks[r[1]].text == ":"):
                k = r[1]  # "a expliqué au journal que …" / "a déclaré aux journalistes : «…»": the person told
                continue
        if t.low in ("à", "au", "aux", "to", "sur") and k + 2 < hi and (toks[k + 1].mark or toks[k + 2].mark):
            return "de", k + 1  # "en a appelé à des « initiatives … »", "insiste sur « … »": the quote is the content
        if v.lang == "en" and t.low == "to" and k + 1 < hi:
            return "inf", k + 1  # "admitted to being a part of the effort"
        if _is_preposition(v, t) and k + 1 < hi:
            # "a confié en milieu d'après-midi … que", "said in a statement that": skip the phrase
            r = np_right(v, k + 1, hi)
            if r is not None and r[1] < hi:
                k = r[1]
                continue
        break
    if k >= hi:
        return None
    if v.lang == "en" and g.entry.lemma in _TELL:
        k = _skip_addressee(u, k)
        if k >= hi:
            return None
    if v.lang == "fr" and g.entry.lemma in _PREVENIR:
        r = np_right(v, k, hi)
        if r is not None and r[1] < hi and toks[r[1]].low in lex.word_set("complementizers"):
            k = r[1]  # "prévenait sa famille qu'il …": the person told comes before que
    t = toks[k]
    if t.low in lex.word_set("complementizers"):
        return ("que", k + 1) if k + 1 < hi else None
    if t.text == ":":
        return ("colon", k + 1) if k + 1 < hi else None
    if t.mark and is_quote_open(v, k) is not None:
        return "quote", k
    if t.low in ("de", "d'", "of") and k + 1 < hi:
        n = toks[k + 1]
        if n.mark or "VerbForm=Inf" in n.feats or (n.low in ("ne", "n'") and k + 2 < hi):
            return "de", k + 1
        if is_det(v, n) and k + 2 < hi and toks[k + 2].mark and is_quote_open(v, k + 2) is not None:
            return "de", k + 1  # "a parlé d'une « situation grave »": the quoted words are the content
        if v.lang == "en" and t.low == "of" and n.mark:
            return "de", k + 1
        if g.entry.lemma in ("arguer", "accuser", "qualifier", "faire état"):
            return "de", k + 1  # "arguant de sa souveraineté", "font état de violences": the object comes after de
        return None
    if "VerbForm=Inf" in t.feats:
        return "inf", k
    if t.low in lex.word_set("wh_words"):
        return "wh", k
    if v.lang == "en" and t.low == "to" and k + 1 < hi:
        return "inf", k
    if (g.reflexive or g.entry.lemma in lex.word_set("attributive_cues")) and is_adj(v, t):
        return "adj", k  # "qu'il juge néfastes", "Il se dit attaché à…"
    if v.lang == "en" and _that_less_clause(v, k, hi):
        return "que", k  # "He estimated this would take 24 hours": a clause without "that"
    if is_det(v, t) or is_noun(v, t) or is_name(v, t) or (t.low in lex.word_set("subject_pronouns") and v.lang == "en"):
        c = _colon_after_object(v, k, hi)
        if c is not None:
            return "colon", c  # "a expliqué sa position aux élus : «…»": the quote is the content
        return "object", k
    if (g.reflexive or g.entry.lemma in lex.word_set("attributive_cues")) and t.upos in ("ADJ", "VERB") and not t.mark:
        return "adj", k  # "Il se dit attaché à l'environnement"
    return None


def _colon_after_object(v: DocView, k: int, hi: int) -> int | None:
    """The word after a colon that follows an object noun phrase at ``k`` (and an optional
    à-phrase) and opens a quote, else None."""
    toks = v.toks
    r = np_right(v, k, hi)
    if r is None:
        return None
    m = r[1]
    if m < hi and toks[m].low in ("à", "au", "aux"):
        r2 = np_right(v, m + 1, hi)
        if r2 is None:
            return None
        m = r2[1]
    if m + 1 < hi and toks[m].text == ":" and toks[m + 1].mark and is_quote_open(v, m + 1) is not None:
        return m + 1
    return None


_DASHES = ("-", "–", "—")


def _dash_aside_end(v: DocView, k: int, hi: int) -> int:
    """The word after a dash aside opening at word ``k`` (a dash after a space, closed by a
    dash within a dozen words), else ``k``."""
    toks = v.toks
    t = toks[k]
    if not t.text.startswith(_DASHES) or (k > 0 and toks[k - 1].end == t.start):
        return k  # a glued hyphen is a clitic or a compound, not an aside
    for m in range(k + 1, min(hi, k + 14)):
        x = toks[m].text
        if x in _DASHES or (len(x) > 1 and x.endswith(_DASHES)):
            return m + 1
        if x in (".", ";", "!", "?") or toks[m].mark:
            break
    return k


def _that_less_clause(v: DocView, k: int, hi: int) -> bool:
    """English: a clause starts at word ``k`` (a subject, then a verb within a few words)."""
    toks = v.toks
    if toks[k].low in ("that", "to") or toks[k].mark or is_punct(toks[k]) or not (
            is_det(v, toks[k]) or is_noun(v, toks[k]) or toks[k].low in v.lex.word_set("subject_pronouns")):
        return False
    for m in range(k + 1, min(hi, k + 8)):
        t = toks[m]
        if is_punct(t) or t.low in v.lex.word_set("stop_words") and t.low not in ("not",):
            return False
        if t.low in v.lex.word_set("auxiliaries"):
            return True  # "this would take": an auxiliary is never a noun
        if is_det(v, toks[m - 1]) or toks[m - 1].low in ("'s", "’s"):
            continue  # "the post by an unknown author": a word after a determiner is a noun
        if is_verb(t) or (not v.has_pos and _verb_form_without_pos(v, t)) or (
                not v.has_pos and t.low.endswith("s") and m == k + 1 and toks[k].low in v.lex.word_set("subject_pronouns")):
            return True
    return False


def _is_preposition(v: DocView, t) -> bool:
    """A preposition that opens an adjunct (not de, which opens a complement)."""
    if t.mark or t.low in ("de", "d'", "of", "du", "des", "that", "que", "qu'") or t.low in v.lex.word_set("determiners"):
        return False  # (a parser may tag the article "l'" as a preposition)
    return t.upos == "ADP" or (not v.has_pos and t.low in v.lex.word_set("stop_words")
                               and t.low not in v.lex.word_set("wh_words"))


def _insert_chunk(v: DocView, a: int, b: int) -> bool:
    """Whether words [a, b) between commas are an insert (adjunct), not a complement."""
    t = v.toks[a]
    return (t.upos == "ADP" or incise_at(v, a, b) == b or is_adverb(v, t) or is_time(v, t)
            or (not v.has_pos and t.low in v.lex.word_set("stop_words")))


def _skip_addressee(u: Unit, k: int) -> int:
    """After tell/ask/warn: skip the person told (him, CBC News, state media, government officials)."""
    v = u.v
    toks = v.toks
    hi = u.hi
    for m in range(k, min(hi, k + 7)):
        if toks[m].low == "that":
            return m
        if is_punct(toks[m]) or toks[m].low in v.lex.word_set("wh_words"):
            break
    if k < hi and toks[k].low in ("him", "her", "them", "us", "me", "you", "reporters", "journalists"):
        return k + 1
    m = k
    while m < hi and toks[m].cap and not toks[m].mark:
        m += 1
    if m > k:
        return m
    # up to three lower-case words before a comma, a period, a wh-word or "that"
    for n in (1, 2, 3):
        if k + n <= hi and (k + n == hi or is_punct(toks[k + n]) or toks[k + n].low in v.lex.word_set("wh_words")
                            or toks[k + n].low in ("that", "on", "in", "at")):
            return k + n
    return k


def _requires_ok(g: CueGroup, kind: str, has_quote: bool) -> bool:
    req = g.entry.requires
    if req == "any":
        return True
    if req == "incise":
        return False
    return kind in ("que", "colon", "quote", "wh") or has_quote


def live(u: Unit, g: CueGroup) -> bool:
    """Whether a cue reports speech here: an incise, or a complement its lexicon entry accepts."""
    if g.head in u.live:
        return u.live[g.head]
    u.live[g.head] = False  # guard: finding the incise asks about the cues before
    # the complement is judged without the other cues' stops, so that liveness never
    # recurses from cue to cue (a paragraph of a thousand cues stays linear)
    ok = any(True for _ in (passive_cue_of(u, g, stops=False) if g.passive
                            else _right_candidates(u, g, "", 0, None, stops=False)))
    if not ok and not g.participle:
        ok = is_incise(u, g)
    u.live[g.head] = ok
    return ok


def cue_stops(u: Unit, start: int, skip: CueGroup | None = None, comparative: bool = True) -> set[int]:
    """Word indices where content starting at ``start`` must end: before another cue's material.

    For each later cue outside quotes, the last comma or coordinator between the content
    start and that cue's left edge (its subject, else its verb group); a later cue with
    no comma before it is reported speech nested in this content and does not stop it."""
    v = u.v
    stops: set[int] = set()
    if start >= u.hi:
        return stops  # content starting at the unit's end ("… selon le maire"): nothing to stop
    base_quote = _base_quote(v, start) if start < len(v.toks) else -1
    limit = clause_end(v, start, u.hi, set())  # no stop lies beyond the clause
    first = bisect.bisect_right(u.firsts, start)
    for g in u.cues[first:]:
        if g.first >= limit:
            break
        if g is skip or v.toks[g.head].quote != base_quote or not live(u, g):
            continue
        if not comparative and _comparative_before(u, g) >= 0:
            continue
        if g.participle and v.toks[g.first].low in ("en", "tout", "by"):
            stops.add(g.first)  # "le plan marocain en soulignant qu'…": a gerund starts an adjunct
            continue
        c = comma_before(v, start, g.first + 1)  # the comma nearest before the verb group
        edge = g.first
        if not g.participle:
            r = subject_left(v, g.first, start)
            if r is not None and r[0] < g.first:
                edge = r[0]
                c0 = comma_before(v, start, r[0] + 1)  # "…, et le préfet a ajouté": before the subject
                if c0 >= 0 and (c < 0 or r[0] > c):
                    c = c0
        else:
            r = np_left(v, g.first, start)  # ", dans un communiqué prudent assurant que"
            if r is not None:
                edge = r[0]
        # only a comma right before the cue's material ends the content; one far before it
        # ("que face à la corruption, il est temps de lutter contre ce qu'il appelle …") does not
        if c >= 0 and edge - c > 3:
            c = -1
        if c < 0:
            # "… despite Znak.com claiming …": a subordinator before the next cue's subject
            edge = g.first
            if not g.participle:
                r = subject_left(v, g.first, start)
                edge = r[0] if r is not None else edge
            else:
                r = np_left(v, g.first, start)
                edge = r[0] if r is not None else edge
            for m in range(edge - 1, max(start, edge - 4), -1):
                if v.toks[m].low in v.lex.word_set("clause_breakers"):
                    c = m
                    break
        if c >= 0:
            stops.add(c)
    # prepositional cues and comparative incises after a comma
    toks = v.toks
    for k in range(start + 1, min(u.hi - 1, limit + 1)):
        t = toks[k]
        if is_comma(t) and t.quote == base_quote:
            n = toks[k + 1]
            if n.low in v.lex.prepositions and n.low != "pour" or (n.low in ("d'", "according") and k + 2 < u.hi
                                                                 and toks[k + 2].low in ("après", "to")):
                stops.add(k)
            if comparative and n.low in ("comme", "as") and k + 2 < u.hi and toks[k + 2].low in ("l'", "le", "il", "elle"):
                stops.add(k)
            if v.lang == "fr" and n.low.endswith("ant") and is_verb(n) and n.low not in ("maintenant", "cependant", "pendant"):
                stops.add(k)  # ", prenant pour exemples …": a participial clause ends the content (not "en …ant")
        if t.low in ("et", "and", "mais", "but") and k + 1 < u.hi and toks[k + 1].low in v.lex.word_set("complementizers"):
            stops.add(k)
    return stops


def content_ranges(u: Unit, start: int, stops: set[int], split: bool = True) -> list[tuple[int, int]]:
    """Word ranges of right content from ``start``; coordinated que-clauses give one range each
    (with ``split``, for a complement that is itself a que-clause)."""
    v = u.v
    toks = v.toks
    end = clause_end(v, start, u.hi, stops)
    if split and v.lang == "fr":
        end = _juxtaposed(u, start, end)
    out = [(start, end)]
    if not split:
        return out
    # "que A et que B": the second clause is a second attribution
    if end < u.hi and toks[end].low in ("et", "and", "mais", "but", ",") and end + 1 < u.hi:
        k = end + 1
        if toks[k].low in ("et", "and", "mais", "but"):
            k += 1
        if k < u.hi and toks[k].low in v.lex.word_set("complementizers") and k + 1 < u.hi:
            out.extend(content_ranges(u, k + 1, stops))
    return out


def _coordinated(u: Unit, ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Coordinated que-clauses ("a rappelé que A et qu'B") are one statement, one range; they stay
    apart only where one of them is a whole quotation ("que « A » et que B"), a direct quote of its own."""
    if len(ranges) < 2 or any(classify(u.v, *chars(u.v, a, b))[0] == "direct" for a, b in ranges):
        return ranges
    return [(ranges[0][0], ranges[-1][1])]


def _finite(t: Tok) -> bool:
    return is_verb(t) and "VerbForm=Fin" in t.feats


def _juxtaposed(u: Unit, start: int, end: int) -> int:
    """Cut que-content before ", la situation reste …": after a comma outside quotes, a noun
    phrase with its own finite verb, once the content already has one, is the narrator's next clause."""
    v = u.v
    toks = v.toks
    seen_verb = False
    for k in range(start, end - 2):
        t = toks[k]
        if t.quote >= 0:
            continue
        if _finite(t):
            seen_verb = True
        if not (seen_verb and is_comma(t) and is_det(v, toks[k + 1])):
            continue
        r = np_right(v, k + 1, end)
        if r is None or r[1] >= end:
            continue
        n = r[1]
        while n < end and (is_adverb(v, toks[n]) or toks[n].low in v.lex.word_set("negation")):
            n += 1
        if n < end and _finite(toks[n]) and toks[n].quote < 0:
            return k
    return end


def _object_end(u: Unit, start: int, end: int) -> int:
    """Cut an object complement before a coordinated predicate ("la décision et s'est engagé")."""
    v = u.v
    toks = v.toks
    for k in range(start + 1, end - 1):
        t = toks[k]
        if t.low in ("et", "and", "mais", "but") and t.quote < 0:
            n = toks[k + 1]
            if is_verb(n) or n.low in v.lex.word_set("reflexive") or n.low in v.lex.word_set("negation") \
                    or n.low in ("a", "ont", "has", "have", "was"):
                return k
    return end


def candidate(u: Unit, pattern: str, priority: int, a: int, b: int, cue: Cue | None,
              speaker: Speaker | None, cue_word: int = -1) -> Candidate | None:
    """A candidate for content words [a, b), typed by its quotes; None if empty."""
    v = u.v
    if b <= a:
        return None
    s, e = chars(v, a, b)
    typ, s, e = classify(v, s, e)
    if e <= s or not any(ch.isalnum() for ch in v.text[s:e]):
        return None  # a stray mark or comma is no content
    inside = cue_word >= 0 and v.toks[cue_word].quote >= 0
    return Candidate(pattern, priority, typ, s, e, cue, speaker, u.index, cue_word, inside)


def main_subject(u: Unit, before: int) -> Speaker | None:
    """The subject of the clause a participle or coordinated verb hangs on (words before ``before``)."""
    v = u.v
    toks = v.toks
    # the speaker of the nearest earlier cue in this unit
    for i in range(bisect.bisect_left(u.firsts, before) - 1, -1, -1):
        g = u.cues[i]
        if g.head < before and toks[g.head].quote == toks[before].quote and live(u, g):
            if _in_relative(u, g):
                continue  # "…, qui reprochent …, en faisant remarquer": a relative clause is no main clause
            sp = speaker_of(u, g)
            if sp is not None:
                return sp
    # else the parser's subject of the verb the participle hangs on
    if v.has_deps and 0 <= before < len(toks):
        h = toks[before].head if toks[before].low not in ("en", "tout") else -1
        if h < 0:
            for m in range(before, min(u.hi, before + 3)):
                if toks[m].low.endswith(("ant", "ing")):
                    h = toks[m].head
                    break
        for m in range(before, min(u.hi, before + 3)):
            if toks[m].low.endswith(("ant", "ing")):
                r = dep_subject(u, m)  # the parser may hang the subject on the participle itself
                if r is not None:
                    return make_speaker(v, mention(v, r))
        if before - 1 >= u.lo and is_comma(toks[before - 1]):
            h = _out_of_relative(u, h)  # ", en faisant remarquer" after a relative clause closed by a comma
        r = dep_subject(u, h)
        if r is not None:
            return make_speaker(v, mention(v, r))
    # else the subject of the nearest finite verb before, outside quotes
    for k in range(before - 1, u.lo - 1, -1):
        t = toks[k]
        if t.quote >= 0 or not is_verb(t):
            continue
        if "VerbForm=Part" in t.feats and "Tense=Pres" in t.feats:
            continue
        j = k
        while j - 1 >= u.lo and (is_verb(toks[j - 1]) or is_adverb(v, toks[j - 1])
                                 or toks[j - 1].low in v.lex.word_set("object_clitics")
                                 or toks[j - 1].low in v.lex.word_set("negation")):
            j -= 1
        r = subject_left(v, j, u.lo)
        if r is not None:
            return make_speaker(v, mention(v, r))
    return None


def _out_of_relative(u: Unit, h: int) -> int:
    """The parser's head for a gerund, lifted out of a relative clause it was hung on
    ("il répond aux élus, qui reprochent …, en faisant remarquer": il remarque, not the élus)."""
    toks = u.v.toks
    for _ in range(4):
        if not u.lo <= h < u.hi:
            break
        t = toks[h]
        up = t.head
        if not u.lo <= up < u.hi:
            break
        if t.deprel.startswith("acl") or (t.deprel.startswith(("advcl", "xcomp")) and toks[up].deprel.startswith("acl")):
            h = up if t.deprel.startswith("acl") else toks[up].head
            while u.lo <= h < u.hi and not is_verb(toks[h]) and u.lo <= toks[h].head < u.hi and toks[h].head != h:
                h = toks[h].head  # from the noun the relative clause modifies up to its verb
            continue
        break
    return h


def _in_relative(u: Unit, g: CueGroup) -> bool:
    """Whether a cue's verb heads a relative clause (qui reprochent, ce qu'il appelait, que X dit)."""
    v = u.v
    toks = v.toks
    rel = v.lex.word_set("relative_pronouns") | v.lex.word_set("complementizers")
    j = g.first - 1
    if j >= u.lo and toks[j].low in ("qui", "who", "which"):
        return True
    r = subject_left(v, g.first, u.lo) if j >= u.lo else None
    return r is not None and r[0] - 1 >= u.lo and toks[r[0] - 1].low in rel and r[1] - r[0] <= 3


def dep_subject(u: Unit, h: int) -> Range | None:
    """The noun phrase of the parser's nominal subject of word ``h`` (before it, in the unit)."""
    v = u.v
    toks = v.toks
    if h < u.lo or h >= u.hi:
        return None
    for k in range(h - 1, u.lo - 1, -1):
        t = toks[k]
        if t.head == h and t.deprel.startswith("nsubj") and t.quote < 0:
            if t.low in ("qui", "who"):
                return antecedent(v, k, u.lo)
            r = np_left(v, k + 1, u.lo)
            if r is None:
                return (k, k + 1) if pronoun_at(v, k, k + 1) == k + 1 else None
            r2 = np_right(v, r[0], h)
            return r2 if r2 is not None and r2[1] > r[1] else r
    return None


# ---------------------------------------------------------------- orientation

def _left_subject(u: Unit, g: CueGroup) -> Range | None:
    return subject_left(u.v, g.first, u.lo)


def incise_mode(u: Unit, g: CueGroup) -> str:
    """How a cue stands after its content, or "" if it does not: "clitic" («…», a-t-il dit),
    "inverted" (…, a indiqué X / “…,” said X), "preposed" (“…,” X said / …, officials told Y)."""
    if g.head not in u.modes:
        u.modes[g.head] = ""  # guard against recursion through left_start
        u.modes[g.head] = _incise_mode(u, g)
    return u.modes[g.head]


def _incise_mode(u: Unit, g: CueGroup) -> str:
    v = u.v
    toks = v.toks
    if g.participle or g.passive:
        return ""
    prev = g.first - 1
    rc = right_complement(u, g)
    clause_kinds = ("que", "colon", "quote", "de", "inf", "wh")
    if g.clitic >= 0:
        return "clitic" if prev >= u.lo and (rc is None or rc[0] not in ("que", "colon")) else ""
    if prev < u.lo:
        return ""
    after_content = closing_mark_before(v, prev) or (
        v.lang != "en" and (is_comma(toks[prev]) or toks[prev].text in ("—", "–")))
    if after_content:
        # English inverts only after a quote: “…,” said the post; a comma alone does not do
        if rc is not None and rc[0] in clause_kinds:
            return ""
        a = left_start(u, prev)
        if not _verb_or_quote(v, a, prev) and not _adjunct_then_clause(u, g, a, prev) \
                and not (prev - a <= 6 and _cuts_a_clause(u, g)):
            return ""
        if not closing_mark_before(v, prev) and not (prev - 1 >= u.lo and closing_mark_before(v, prev - 1)) \
                and _left_subject(u, g) is not None and not _cuts_a_clause(u, g):
            return ""  # "Le secrétaire général, qui se trouve à Madrid, a appelé X": a subject before
        return "inverted" if subject_right(v, g.last + 1, u.hi) is not None else ""
    # subject before the verb, content before the subject: “…,” Baird said. / «…», Hamon a confié.
    r = _left_subject(u, g)
    if r is None or r[0] - 1 < u.lo:
        return ""
    before = r[0] - 1
    if not (is_comma(toks[before]) or closing_mark_before(v, before)):
        return ""
    if v.lang == "fr" and not (closing_mark_before(v, before) or (
            before - 1 >= u.lo and closing_mark_before(v, before - 1))):
        return ""  # French puts the subject after an incise verb, except right after a quote
    if rc is not None and rc[0] != "object":
        return ""
    # the cue ends its clause: only a few adjunct words, and no quote, until the punctuation
    k = g.last + 1
    while k < u.hi and not is_punct(toks[k]):
        if toks[k].mark or k - g.last > 6:
            return ""
        k += 1
    if rc is not None and rc[0] == "object" and not (v.lang == "en" and g.entry.lemma in _TELL):
        return ""
    a = left_start(u, before)
    return "preposed" if _verb_or_quote(v, a, before) else ""


def is_incise(u: Unit, g: CueGroup) -> bool:
    """Whether a cue stands after its content (see ``incise_mode``)."""
    return incise_mode(u, g) != ""


def speaker_of(u: Unit, g: CueGroup) -> Speaker | None:
    """The speaker mention of a cue, found once per cue and kept in ``u.speakers``."""
    if g.head in u.speakers:
        return u.speakers[g.head]
    u.speakers[g.head] = None  # guard: finding it may ask about the other cues
    v = u.v
    toks = v.toks
    mode = incise_mode(u, g)
    sp: Speaker | None = None
    if mode == "clitic":
        sp = make_speaker(v, (g.clitic, g.clitic + 1))
    elif mode == "inverted":
        r = subject_right(v, g.last + 1, u.hi)
        sp = make_speaker(v, mention(v, r)) if r is not None else None
    elif mode == "preposed":
        r = _left_subject(u, g)
        sp = make_speaker(v, mention(v, r)) if r is not None else None
    elif g.participle:
        j = g.first - 1
        if j >= u.lo and toks[g.first].low not in ("en", "tout") and (
                is_noun(v, toks[j]) or is_name(v, toks[j]) or toks[j].upos == "ADJ"):
            r = np_left(v, g.first, u.lo)  # "Baghdad espérant", "un communiqué prudent assurant"
            if r is not None:
                sp = make_speaker(v, mention(v, r))
        if sp is None:
            sp = main_subject(u, g.first)
    elif g.passive:
        k = _skip_adjuncts(v, g.last + 1, u.hi)
        if k < u.hi and toks[k].low in v.lex.word_set("agent_prepositions"):
            r = np_right(v, k + 1, u.hi)
            sp = make_speaker(v, mention(v, r)) if r is not None else None
    else:
        sp = _speaker_of_verb(u, g)
    u.speakers[g.head] = sp
    return sp


# ---------------------------------------------------------------- patterns

def inverted_cue(u: Unit) -> Iterator[Candidate]:
    """«…», souligne le communiqué / «…», a-t-il dit / …, ont indiqué samedi les services du PM.

    Content is everything before the comma back to the unit start (or to the end of an
    earlier attribution): one quote gives a direct attribution, a clause with quotes a
    mixed one. A cue inside a quote («A, dit-il, B») splits it into two direct quotes."""
    v = u.v
    toks = v.toks
    for g in u.cues:
        mode = incise_mode(u, g)
        if not mode:
            continue
        speaker = speaker_of(u, g)
        cue = group_cue(v, g)
        prev = g.first - 1
        left_end = prev
        sp_range = _left_subject(u, g) if mode == "preposed" else None
        if sp_range is not None:  # subject before the verb: the content ends before it
            left_end = sp_range[0] - 1
            while left_end > u.lo and not (is_comma(toks[left_end]) or closing_mark_before(v, left_end)):
                left_end -= 1
        q = v.quote_of(g.head)
        if q is not None and toks[prev].quote >= 0 and v.quotes[toks[prev].quote] is q:
            # an incise inside the marks: «A, confiait Hamon en 2010. B»
            yield from _split_quote(u, g, q, prev, speaker, cue)
            continue
        a = left_start(u, left_end)
        b = left_end + 1 if closing_mark_before(v, left_end) else left_end  # keep the closing mark
        c = candidate(u, "inverted_cue", 1, a, b, cue, speaker, g.head)
        if c is None:
            continue
        early = _reopened_head(v, a, c)
        if early is not None:
            yield early  # the paragraphs before the reopening « are the same speaker's words
        # what follows the incise: «A», dit-il, «B» gives a second quote; "Le programme, dit la
        # délégation, ne suffit pas" is one clause cut by the incise
        k = _incise_end(u, g, mode)
        if k + 1 < u.hi and is_comma(toks[k]) and not is_punct(toks[k + 1]) or (
                k + 1 < u.hi and is_comma(toks[k]) and toks[k + 1].mark):
            q2 = is_quote_open(v, k + 1) if toks[k + 1].mark else None
            if c.type == "direct" and q2 is not None:
                yield c
                yield Candidate("inverted_cue", 1, "direct", q2.start, q2.end, cue, speaker, u.index, g.head, False)
                continue
            if c.type != "direct" and q2 is None and toks[k + 1].low not in v.lex.word_set("relative_pronouns") \
                    and not any(live(u, h) for h in u.cues[bisect.bisect_right(u.firsts, k):]):
                end = clause_end(v, k + 1, u.hi, cue_stops(u, k + 1, skip=g))
                if _opens_clause(u, k + 1, end):
                    # "En 2004, a-t-il indiqué, nous avons …": the clause after the incise is the
                    # content (contiguous, without the cue); a clause before it is a second one
                    after = candidate(u, "inverted_cue", 1, k + 1, end, cue, speaker, g.head)
                    if after is not None:
                        if any(_finite(toks[m]) for m in range(a, prev)):
                            yield c
                        yield after
                        continue
                whole = candidate(u, "inverted_cue", 1, a, end, cue, speaker, g.head)
                if whole is not None:
                    yield whole
                    continue
        yield c


def _opens_clause(u: Unit, k: int, end: int) -> bool:
    """Whether words [k, end) start with a subject of their own and its finite verb
    ("nous avons fermé", "les usines ont fermé"), not the rest of a clause ("ne suffit pas")."""
    v = u.v
    toks = v.toks
    if k >= end:
        return False
    if toks[k].low in v.lex.word_set("subject_pronouns") and toks[k].low != "on":
        n = k + 1
    else:
        r = np_right(v, k, end) if is_det(v, toks[k]) or is_name(v, toks[k]) else None
        if r is None:
            return False
        n = r[1]
    while n < end and (is_adverb(v, toks[n]) or toks[n].low in v.lex.word_set("negation")
                       or toks[n].low in v.lex.word_set("reflexive")):
        n += 1
    return n < end and _finite(toks[n]) and toks[n].quote < 0


def _cuts_a_clause(u: Unit, g: CueGroup) -> bool:
    """"Le programme, dit la délégation, ne suffit pas": an incise with its own inverted subject
    between a subject and the rest of its clause (a finite verb right after the comma)."""
    v = u.v
    toks = v.toks
    if v.lang != "fr" or subject_right(v, g.last + 1, u.hi) is None:
        return False
    k = _incise_end(u, g, "inverted")
    if not (k + 1 < u.hi and is_comma(toks[k])):
        return False
    n = k + 1
    while n < u.hi and (is_adverb(v, toks[n]) or toks[n].low in v.lex.word_set("negation")
                        or toks[n].low in v.lex.word_set("reflexive")):
        n += 1
    return n < u.hi and _finite(toks[n]) and toks[n].quote < 0


def _adjunct_then_clause(u: Unit, g: CueGroup, a: int, prev: int) -> bool:
    """"Depuis janvier, précise le maire, la commune n'a reçu …": a short verbless adjunct
    before the incise and a clause of its own after it (the reported words go on there)."""
    v = u.v
    if v.lang != "fr" or prev - a > 6 or not is_comma(v.toks[prev]) or subject_right(v, g.last + 1, u.hi) is None:
        return False
    k = _incise_end(u, g, "inverted")
    return k + 1 < u.hi and is_comma(v.toks[k]) and _opens_clause(u, k + 1, u.hi)


def _reopened_head(v: DocView, a: int, c: Candidate) -> Candidate | None:
    """For direct content that starts at a reopening mark of a quote running over paragraphs
    («A¶«B», dit-il), the part of that quote before the paragraph break, as a direct candidate."""
    if c.type != "direct" or a >= len(v.toks):
        return None
    q = v.quote_of(a)
    if q is None or q.kind != "reopened" or q.start >= v.toks[a].start:
        return None
    cut = v.text.rfind("\n", q.start, v.toks[a].start)
    if cut < 0:
        return None
    s, e = trim(v.text, q.start, cut)
    s = v.text.rfind("«", q.start, e) + 1 if "«" in v.text[q.start:e] else s  # the last reopening
    s, e = trim(v.text, s, e)
    if e <= s:
        return None
    return Candidate("inverted_cue", 1, "direct", s, e, c.cue, c.speaker, c.unit, c.cue_word, False)


def _incise_end(u: Unit, g: CueGroup, mode: str) -> int:
    """The word after an incise's verb and subject (and the adjuncts after them)."""
    v = u.v
    k = g.last + 1
    if mode == "inverted":
        r = subject_right(v, g.last + 1, u.hi)
        if r is not None:
            k = r[1]
    while k < u.hi and not is_punct(v.toks[k]) and k - g.last < 8:
        k += 1
    return k


def _split_quote(u: Unit, g: CueGroup, q, comma: int, speaker: Speaker | None, cue: Cue) -> Iterator[Candidate]:
    v = u.v
    toks = v.toks
    s1, e1 = trim(v.text, q.start, toks[comma].start)
    if e1 > s1:
        yield Candidate("inverted_cue", 1, "direct", s1, e1, cue, speaker, u.index, g.head, False)
    # the second part starts after the incise's end (its speaker and adjuncts, up to , or .)
    k = g.last + 1
    while k < len(toks) and toks[k].start < q.end and toks[k].text not in (",", ".", ";", "!", "?"):
        k += 1
    if k < len(toks) and toks[k].start < q.end:
        s2, e2 = trim(v.text, toks[k].end, q.end)
        if e2 > s2:
            yield Candidate("inverted_cue", 1, "direct", s2, e2, cue, speaker, u.index, g.head, False)


def _speaker_of_verb(u: Unit, g: CueGroup) -> Speaker | None:
    v = u.v
    toks = v.toks
    if g.clitic >= 0:
        return make_speaker(v, (g.clitic, g.clitic + 1))
    j = g.first - 1
    while j >= u.lo and (is_adverb(v, toks[j]) and not toks[j].cap):
        j -= 1
    if j >= u.lo and toks[j].low in ("et", "and", "mais", "but", "puis"):
        return main_subject(u, j)  # a coordinated verb shares the subject of the first
    r = subject_left(v, g.first, u.lo)
    if r is None and v.has_deps:
        r = dep_subject(u, g.head)  # "Éric Ciotti, député LR …, a demandé": the parser's subject
    if r is not None:
        if r[1] - r[0] == 1 and toks[r[0]].low in ("qui", "who"):
            r = antecedent(v, r[0], u.lo)
        return make_speaker(v, mention(v, r) if r else None)
    return None


def _right_candidates(u: Unit, g: CueGroup, pattern: str, priority: int,
                      speaker: Speaker | None, stops: bool = True) -> Iterator[Candidate]:
    v = u.v
    rc = right_complement(u, g)
    if rc is None:
        return
    kind, start = rc
    stop_at = cue_stops(u, start, skip=g) if stops else set()
    lead = np_left(v, g.first, u.lo) if g.participle else None
    if g.participle and (all(is_punct(v.toks[m]) or v.toks[m].low in ("en", "tout") for m in range(u.lo, g.head))
                         or (lead is not None and lead[0] == u.lo)):  # "Paris espérant …, les discussions ont repris"
        # "Tout en estimant que A, il a rappelé B": the main clause after the comma is not content
        for m in range(start + 1, u.hi - 1):
            t = v.toks[m]
            if not is_comma(t) or t.quote >= 0:
                continue
            if v.toks[m + 1].low in v.lex.word_set("subject_pronouns"):
                stop_at.add(m)
                break
            r = np_right(v, m + 1, u.hi)  # ", les discussions ont repris": a subject and its verb
            if r is not None and r[1] < u.hi and is_verb(v.toks[r[1]]) and "VerbForm=Part" not in v.toks[r[1]].feats:
                stop_at.add(m)
                break
    if _names_a_quote(u, g, kind, start):
        return  # "ce qu'il appelle « une mafia »", "en parlant de « dette »": the words are named, not said
    cue = group_cue(v, g)
    q = is_quote_open(v, start) if kind == "colon" and v.toks[start].mark else None
    if q is not None and v.toks[g.head].quote < 0 and _requires_ok(g, kind, True):
        # "a déclaré : « A », avant de partir": after a colon the quote alone is the content
        yield Candidate(pattern, priority, "direct", q.start, q.end, cue, speaker, u.index, g.head, False)
        return
    for a, b in _coordinated(u, content_ranges(u, start, stop_at, split=kind == "que")):
        if kind in ("object", "adj"):
            b = _object_end(u, a, b)
        c = candidate(u, pattern, priority, a, b, cue, speaker, g.head)
        if c is None:
            continue
        if not _requires_ok(g, kind, c.type != "indirect" and not _only_named_quotes(u, a, b)):
            continue
        if kind in ("object", "adj", "inf", "de") and speaker is not None \
                and g.entry.lemma in v.lex.word_set("polysemous_cues") and not _speaker_source_like(u, speaker):
            continue  # "La colonisation explique cette structure": a thing explains, a source says
        yield c


def _names_a_quote(u: Unit, g: CueGroup, kind: str, start: int) -> bool:
    """Whether a naming verb's complement is a short quote it names: appeler « X » / l'« X »
    (not appeler à « … »), parler de « X » (not parler d'une « … », which reports words)."""
    v = u.v
    toks = v.toks
    if g.entry.lemma not in v.lex.word_set("naming_cues") or start >= u.hi:
        return False
    k = start
    if kind == "object" and is_det(v, toks[k]) and k + 1 < u.hi:
        k += 1  # l'« instantanéité »
    elif kind == "de" and (g.entry.lemma in v.lex.word_set("calling_cues") or toks[k - 1].low not in ("de", "d'", "d’")):
        return False  # "appeler à « … »" calls for something
    elif kind not in ("quote", "object", "de"):
        return False
    q = is_quote_open(v, k) if toks[k].mark else None
    return q is not None and len(q.text.split()) <= 4


def _only_named_quotes(u: Unit, a: int, b: int) -> bool:
    """Whether every quote in words [a, b) follows a naming word (une exposition intitulée « … »):
    such a quote is a title, not quoted speech, so it does not make a verb like proposer speak."""
    v = u.v
    toks = v.toks
    naming = v.lex.word_set("naming_words")
    seen = False
    for k in range(a, b):
        t = toks[k]
        if t.mark and is_quote_open(v, k) is not None:
            seen = True
            if k - 1 < a or toks[k - 1].low not in naming:
                return False
    return seen


def verb_complement(u: Unit) -> Iterator[Candidate]:
    """X a indiqué que… / X a confirmé l'attaque / Elle appelle «…» / X a expliqué avoir été…"""
    for g in u.cues:
        if g.participle or g.passive or is_incise(u, g):
            continue
        speaker = speaker_of(u, g)
        if speaker is None:
            continue
        yield from _right_candidates(u, g, "verb_complement", 2, speaker)


def participle_cue(u: Unit) -> Iterator[Candidate]:
    """Baghdad espérant une «réduction…» / …, ajoutant que… / un communiqué assurant que…

    The speaker is the noun phrase the participle follows directly, else the subject
    of the clause it hangs on."""
    for g in u.cues:
        if not g.participle:
            continue
        speaker = speaker_of(u, g)
        if speaker is None:
            continue
        yield from _right_candidates(u, g, "participle_cue", 3, speaker)


def passive_cue(u: Unit) -> Iterator[Candidate]:
    """Il a été annoncé par le ministère que… / he was told by X of "…": the agent speaks."""
    for g in u.cues:
        if g.passive:
            yield from passive_cue_of(u, g)


def passive_cue_of(u: Unit, g: CueGroup, stops: bool = True) -> Iterator[Candidate]:
    """The candidate of one passive cue: content after it (que, of «…») or its subject; an
    agentless passive reports no source and gives nothing."""
    v = u.v
    toks = v.toks
    lex = v.lex
    k = _skip_adjuncts(v, g.last + 1, u.hi)
    if k >= u.hi or toks[k].low not in lex.word_set("agent_prepositions"):
        return
    r = np_right(v, k + 1, u.hi)
    if r is None:
        return
    speaker = speaker_of(u, g)
    cue = group_cue(v, g)
    m = _skip_adjuncts(v, r[1], u.hi)
    if m < u.hi and (toks[m].low in lex.word_set("complementizers") or toks[m].low in ("of", "de", "d'")
                     or toks[m].text == ":"):
        start = m + 1
        end = clause_end(v, start, u.hi, cue_stops(u, start, skip=g) if stops else set())
        c = candidate(u, "passive_cue", 4, start, end, cue, speaker, g.head)
        kind = "que"
    else:
        subj = subject_left(v, g.first, u.lo)
        if subj is None:
            return
        c = candidate(u, "passive_cue", 4, subj[0], subj[1], cue, speaker, g.head)
        kind = "object"  # "la collecte est assurée par X": the subject is what was reported
    if c is not None and _requires_ok(g, kind, c.type != "indirect"):
        yield c


def _prep_at(u: Unit, k: int) -> tuple[int, str] | None:
    """(last word, lemma) of a prepositional cue at word ``k``: selon, d'après, pour, according to."""
    v = u.v
    toks = v.toks
    t = toks[k]
    if t.low in ("d'", "d") and k + 1 < u.hi and toks[k + 1].low == "après":
        return k + 1, "d'après"
    if t.low == "d'après":
        return k, "d'après"
    if t.low == "according" and k + 1 < u.hi and toks[k + 1].low == "to":
        return k + 1, "according to"
    if t.low in v.lex.prepositions and " " not in t.low and t.low != "d'après":
        return k, t.low
    return None


_DOC_OF = frozenset({"de", "du", "des", "d'", "of"})


def _source_np(u: Unit, r: Range) -> Range:
    """The source a noun phrase names: the issuer of a document (un communiqué de son bureau -> son bureau)."""
    v = u.v
    toks = v.toks
    s, e = r
    docs = v.lex.word_set("document_nouns")
    for k in range(s, min(e, s + 3)):
        if toks[k].low in docs and k + 1 < e and toks[k + 1].low in _DOC_OF:
            sub = np_right(v, k + 2 if toks[k + 1].low in ("de", "d'", "of") else k + 1, e)
            if toks[k + 1].low in ("du", "des"):
                sub = (k + 2, e) if k + 2 < e else None
            if sub is not None and _source_like(u, sub):  # "les chroniques de l'époque": no issuer named
                return sub
    return r


def _apposition_end(u: Unit, r: Range) -> tuple[Range, int]:
    """(mention, end of the phrase with its apposition): "Alain de Tonquédec, vice-président de …,"."""
    v = u.v
    toks = v.toks
    s, e = r
    if pronoun_at(v, s, e) == e:
        return r, e  # "C'est, selon moi, le meilleur": a pronoun takes no apposition
    if e + 1 < u.hi and is_comma(toks[e]):
        r2 = np_right(v, e + 1, u.hi)
        # an apposition is closed by a comma (or is a name): "Selon X, vice-président de Y, «…»"
        if r2 is not None and r2[1] < u.hi and (is_comma(toks[r2[1]]) or (pure_name(v, r2) and (
                toks[r2[1]].mark or toks[r2[1]].text in ".;"))):
            nxt = r2[1] + 1 if is_comma(toks[r2[1]]) else r2[1]
            if pure_name(v, r2) and not pure_name(v, r):
                return r2, nxt
            # an apposition only if what follows the second comma is not its verb
            if (pure_name(v, r) or not pure_name(v, r2)) and nxt < u.hi and not is_verb(toks[nxt]):
                return r, nxt
    return r, e


# Pronouns of the speaker and his audience: "selon nous" inside a quote is the quote's own speaker.
_FIRST_SECOND = frozenset({"moi", "nous", "toi", "vous"})


def according_to(u: Unit) -> Iterator[Candidate]:
    """CONTENT, selon X / Selon X, CONTENT / selon X «…» / Pour X, «…» / according to X.

    ``pour X`` counts only at the start of a clause and when X looks like a source
    (a name, a pronoun, or a noun of the lexicon's source nouns), since ``pour``
    is mostly a plain preposition."""
    v = u.v
    toks = v.toks
    lex = v.lex
    k = u.lo
    while k < u.hi:
        t = toks[k]
        p = _prep_at(u, k)
        if p is None or (t.quote >= 0 and v.quotes[t.quote].open_start < t.start and not t.mark):
            k += 1
            continue
        last, lemma = p
        stance = lex.prepositions.get(lemma, "neutral")
        cue = make_cue(v, k, last, None, lemma, stance)
        nxt = last + 1
        # "selon ce qu'a confié X": the verb's subject is the source
        if nxt + 1 < u.hi and toks[nxt].low == "ce" and toks[nxt + 1].low in lex.word_set("complementizers"):
            yield from _selon_relative(u, k, nxt + 2, lemma, stance)
            k = nxt + 2
            continue
        # "pour qui sa fille a été manipulée": the antecedent is the source
        # ("pour lequel" is mostly benefactive: "le couple, pour lequel il a fait figure de mentor")
        if nxt < u.hi and toks[nxt].low in ("qui", "whom"):
            ante = antecedent(v, k, u.lo)
            if ante is not None:
                end = clause_end(v, nxt + 1, u.hi, cue_stops(u, nxt + 1))
                c = candidate(u, "according_to", 5, nxt + 1, end, cue, make_speaker(v, mention(v, ante)), k)
                if c is not None:
                    yield c
            k = nxt + 1
            continue
        r = np_right(v, nxt, u.hi)
        if r is None or (t.quote >= 0 and toks[nxt].low in _FIRST_SECOND):
            k += 1  # "« Selon nous, … »": the quoted speaker's own view, not a source of the quote
            continue
        at_start = _clause_start(u, k)
        # "selon les plans de l'architecte", "pour la première fois": not a source. After a
        # comma or at the start of a clause any noun phrase but "selon les cas" may be one; in
        # mid-clause it must look like a source (a name, a pronoun, a noun of people or documents)
        after_comma = k - 1 >= u.lo and (is_comma(toks[k - 1]) or toks[k - 1].text in ("(", "–", "—"))
        head = next((m for m in range(r[0], r[1]) if is_noun(v, toks[m]) or is_name(v, toks[m])), r[0])
        wording = toks[head].low in lex.word_set("wording_nouns")  # "selon les termes de l'accord"
        # French: whatever its place, the object must be a possible source ("selon les époques",
        # "selon la bactérie" are not); other languages keep the looser rule at a clause start
        strict = v.lang == "fr" or lemma == "pour" or not (at_start or after_comma)
        if (toks[head].low in lex.word_set("not_sources") and not wording) or (lemma == "pour" and not at_start) or (
                not _source_like(u, r) and strict):
            k += 1
            continue
        r_named, phrase_end = _apposition_end(u, r)
        speaker = make_speaker(v, mention(v, _source_np(u, r_named)))
        after = phrase_end
        if after < u.hi and is_comma(toks[after]):
            after += 1
        # selon X «…» / Selon X, «…»: a quote right after
        if after < u.hi and toks[after].mark and is_quote_open(v, after) is not None:
            end = clause_end(v, after, u.hi, cue_stops(u, after))
            c = candidate(u, "according_to", 5, after, end, cue, speaker, k)
            if c is not None:
                if not at_start and c.type != "direct":
                    q = is_quote_open(v, after)
                    if q is not None:
                        c = Candidate("according_to", 5, "direct", q.start, q.end, cue, speaker, u.index, k)
                yield c
            k = phrase_end
            continue
        if at_start:
            start = after
            if not (phrase_end < u.hi and is_comma(toks[phrase_end])):
                # "according to an Internet posting made just over 24 hours ago, the …": the
                # source phrase runs to its comma
                for m in range(phrase_end, min(u.hi, phrase_end + 10)):
                    if toks[m].mark or (is_verb(toks[m]) and "VerbForm=Fin" in toks[m].feats):
                        break
                    if is_comma(toks[m]):
                        start = m + 1
                        break
            if start >= u.hi:
                k = phrase_end  # "Selon le maire." with nothing after: no content
                continue
            # "Selon X, A, comme l'a confirmé Y, B": selon X covers the whole sentence
            end = clause_end(v, start, u.hi, cue_stops(u, start, comparative=False))
            c = candidate(u, "according_to", 5, start, end, cue, speaker, k)
        else:
            before = k - 1
            if before < u.lo or not (is_comma(toks[before]) or closing_mark_before(v, before)
                                     or toks[before].low in ("«", "»")):
                # "according to X" in mid-clause: the whole clause is the content
                a = left_start(u, k)
                end = clause_end(v, k, u.hi, cue_stops(u, phrase_end))
                if phrase_end >= u.hi or (toks[phrase_end].text in (".", "!", "?", ";", "…") and not toks[phrase_end].mark):
                    end = k  # "… 3 000 personnes selon la police.": the source phrase ends the clause, without it
                c = candidate(u, "according_to", 5, a, end, cue, speaker, k)
            else:
                a = left_start(u, before)
                tail = phrase_end
                if a >= before and _cue_ends_at(u, before - 1):
                    k = phrase_end  # "«…», auraient dit, selon le site, des agents": a source of the incise
                    continue
                if tail < u.hi and v.lang == "fr" and (toks[tail].upos == "ADJ" or (
                        is_verb(toks[tail]) and "VerbForm=Part" in toks[tail].feats)):
                    # "selon les termes de l'accord signé jeudi.": a modifier of the source phrase
                    while tail < u.hi and not is_punct(toks[tail]) and not toks[tail].mark:
                        tail += 1
                # ", selon X, B" or ", according to X recovered …": the clause goes on after the
                # source phrase, so the whole clause is the content
                rest_is_content = tail < u.hi and (
                    (is_comma(toks[tail]) and tail + 1 < u.hi
                     and toks[tail + 1].low not in lex.word_set("relative_pronouns")
                     and not is_punct(toks[tail + 1]))
                    or not is_punct(toks[tail]))
                if rest_is_content:
                    nxt_word = tail + 1 if is_comma(toks[tail]) else tail
                    end = clause_end(v, nxt_word, u.hi, cue_stops(u, nxt_word))
                    c = candidate(u, "according_to", 5, a, end, cue, speaker, k)
                else:
                    c = candidate(u, "according_to", 5, a, before, cue, speaker, k)
        if c is not None:
            yield c
        k = phrase_end


def _cue_ends_at(u: Unit, k: int) -> bool:
    """Whether a cue verb group of the unit ends at word ``k``."""
    return any(g.last == k for g in u.cues)


def _clause_start(u: Unit, k: int) -> bool:
    """Whether word ``k`` opens its clause: unit start, or after a comma/que/that/qui, or a connective."""
    v = u.v
    toks = v.toks
    j = k - 1
    if j < u.lo:
        return True
    t = toks[j]
    if t.low in v.lex.word_set("complementizers") or t.low in ("that", "qui", "who"):
        return True
    if is_comma(t):
        # "Un protocole qui, selon Brisard, rappelle": after "qui," the predicate follows
        if j - 1 >= u.lo and toks[j - 1].low in ("qui", "who", "that", "que", "qu'"):
            return True
        return all(is_punct(toks[m]) or is_adverb(v, toks[m]) or is_time(v, toks[m])
                   for m in range(u.lo, j))
    return all(is_punct(toks[m]) and not toks[m].mark for m in range(u.lo, k))


def _speaker_source_like(u: Unit, sp: Speaker) -> bool:
    """Whether a speaker mention can be a source (for verbs that also describe things)."""
    v = u.v
    k = v.word_at(sp.start)
    if k >= len(v.toks):
        return True
    e = k
    while e < len(v.toks) and v.toks[e].end <= sp.end:
        e += 1
    if e <= k:
        return True
    t = v.toks[k]
    if t.low in ("ce", "cette") and (e - k == 1 or v.toks[k + 1].low.startswith("derni")):
        return True  # "ce dernier", "cette dernière": a person
    if t.low in v.lex.word_set("subject_pronouns"):
        return True
    return _source_like(u, (k, e))  # "Ce match rappelle la finale de 1998": a thing recalls, no one says


def _source_like(u: Unit, r: Range) -> bool:
    """Whether a phrase after selon/pour/according to names a source: a pronoun, a name, or a
    noun of people, institutions or documents before any complement (not "selon les plans")."""
    v = u.v
    toks = v.toks
    s, e = r
    if pronoun_at(v, s, e) == e:
        return toks[s].low in v.lex.word_set("stressed_pronouns") or toks[s].low in v.lex.word_set("subject_pronouns")
    nouns = v.lex.word_set("source_nouns") | v.lex.word_set("document_nouns")
    for m in range(s, e):
        t = toks[m]
        if t.low in v.lex.word_set("np_prepositions") and m > s:
            break
        if is_name(v, t) or t.low in nouns or _agent_noun(t):
            return True
        if t.low in v.lex.word_set("wording_nouns") and m + 2 < e and toks[m + 1].low in _DOC_OF:
            return _source_like(u, (m + 2, e))  # "les termes de l'accord": the accord is the source
        if v.lang == "fr" and (is_noun(v, t) or is_name(v, t)) and not is_det(v, t):
            return False  # French heads come first: "les critères ACUITY" is about criteria
    return False


# French suffixes of nouns of agents (people who may speak): procureur, syndicaliste, politologue
_AGENT_SUFFIXES = ("iste", "istes", "logue", "logues", "trice", "trices", "icien", "iciens", "icienne", "iciennes")


def _agent_noun(t: Tok) -> bool:
    """A French noun of an agent: -iste, -logue, -trice, -icien, or a masculine/plural -eur
    (le directeur, les chercheurs; not la valeur, la hauteur)."""
    if t.upos not in ("NOUN", "") or t.cap:
        return False
    low = t.low
    if low.endswith(_AGENT_SUFFIXES):
        return True
    return low.endswith("eurs") or (low.endswith("eur") and "Gender=Masc" in t.feats)


def _selon_relative(u: Unit, k: int, m: int, lemma: str, stance: str) -> Iterator[Candidate]:
    """selon ce qu'a confié une source judiciaire: content before, source = the verb's subject."""
    v = u.v
    toks = v.toks
    g = next((g for g in u.cues if g.first >= m and g.first <= m + 3), None)
    if g is None:
        return
    r = subject_right(v, g.last + 1, u.hi)
    if r is None:
        r = subject_left(v, g.first, m)
    speaker = make_speaker(v, mention(v, r)) if r is not None else None
    u.speakers[g.head] = speaker
    s, e = toks[k].start, toks[g.last].end
    cue = Cue(s, e, v.text[s:e], lemma, stance)
    before = k - 1
    if before >= u.lo and (is_comma(toks[before]) or closing_mark_before(v, before)):
        c = candidate(u, "according_to", 5, left_start(u, before), before, cue, speaker, g.head)
        if c is not None:
            yield c


def _comparative_before(u: Unit, g: CueGroup) -> int:
    """The word ``comme``/``as`` that introduces a cue (comme l'a confirmé X), else -1."""
    toks = u.v.toks
    j = g.first - 1
    while j >= u.lo and toks[j].low in ("l'", "le", "it"):
        j -= 1
    if j - 1 >= u.lo and j == g.first - 1 and toks[j].low in ("que", "qu'") and toks[j - 1].low == "ce":
        return j - 1  # "…, ce que soulignent le maire et son adjoint": the clause before is what they say
    if j < u.lo or toks[j].low not in ("comme", "as"):
        return -1
    if j == g.first - 1 and not (j == u.lo and u.v.lang == "fr"):
        return -1  # "comme dit" in mid-clause is mostly "as in"; at the sentence start it is a source
    return j


def comparative_cue(u: Unit) -> Iterator[Candidate]:
    """…, comme l'a confirmé le procureur: the clause before is what X confirmed."""
    v = u.v
    toks = v.toks
    for g in u.cues:
        j = _comparative_before(u, g)
        if j < 0:
            continue
        r = subject_right(v, g.last + 1, u.hi) or subject_left(v, g.first, j + 1)
        if r is None:
            continue
        if j == u.lo and r[1] < u.hi and is_comma(toks[r[1]]):
            # "Comme devait le conclure X, « … »": at the sentence start the content follows
            speaker = make_speaker(v, mention(v, r))
            u.speakers[g.head] = speaker
            end = clause_end(v, r[1] + 1, u.hi, cue_stops(u, r[1] + 1, skip=g))
            c = candidate(u, "comparative_cue", 6, r[1] + 1, end, group_cue(v, g), speaker, g.head)
            if c is not None:
                yield c
            continue
        if j - 1 < u.lo or not is_comma(toks[j - 1]):
            continue
        speaker = make_speaker(v, mention(v, r))
        u.speakers[g.head] = speaker
        a = left_start(u, j - 1)
        # skip a leading "Selon X," phrase: it belongs to another source
        p = _prep_at(u, a) if a < u.hi else None
        if p is not None:
            r2 = np_right(v, p[0] + 1, u.hi)
            if r2 is not None:
                _, a2 = _apposition_end(u, r2)
                if a2 < j and is_comma(toks[a2]):
                    a = a2 + 1
                elif a2 < j:
                    a = a2
        c = candidate(u, "comparative_cue", 6, a, j - 1, group_cue(v, g), speaker, g.head)
        if c is not None:
            yield c


def _comment_owner(u: Unit, r: Range) -> Range | None:
    """The possessor of a noun of comment before a colon ("La réaction du maire", "Commentaire
    de X"): the one whose words follow. None if the phrase is no such noun + de + source."""
    v = u.v
    toks = v.toks
    s, e = r
    m = s
    while m < e and is_det(v, toks[m]):
        m += 1
    if m + 1 >= e or toks[m].low not in v.lex.word_set("comment_nouns"):
        return None
    m += 1
    while m < e and toks[m].upos == "ADJ":
        m += 1  # "Le premier commentaire du maire"
    if m + 2 < e and "VerbForm=Part" in toks[m].feats and toks[m + 1].low in v.lex.word_set("agent_prepositions"):
        m += 1  # "Un constat partagé par le président : «…»": the agent speaks
    elif m >= e or toks[m].low not in _DOC_OF:
        return None
    owner = np_left(v, e, m + 1)  # the owner is a noun phrase running up to the colon
    if owner is None or owner[1] != e or owner[0] > m + 2:
        return None
    return owner


def _full_sentence(u: Unit, q) -> bool:
    """Whether a quote is a whole sentence: it ends with . ! ? …, or it opens with a capital
    and only final punctuation follows it in its sentence."""
    if q.text[-1:] in ".!?…":
        return True
    v = u.v
    end = v.toks[u.hi - 1].end
    return q.text[:1].isupper() and not v.text[q.close_end:end].strip(" .!?…\u00a0\u202f")


def _introduces(u: Unit, g: CueGroup, colon: int) -> bool:
    """Whether only objects and adjuncts stand between a cue and a colon (no que-clause, no other
    verb, no quote): "demanda un jour à ses soldats :", "a ajouté, devant le conseil :"."""
    v = u.v
    if g.participle or g.passive or g.entry.requires == "incise" or g.last >= colon or colon - g.last > 12 \
            or is_incise(u, g):
        return False
    for m in range(g.last + 1, colon):
        t = v.toks[m]
        if t.mark or t.low in v.lex.word_set("complementizers") or t.low in v.lex.word_set("relative_pronouns") \
                or is_verb(t) or t.text in (".", ";", "!", "?"):
            return False
    return True


def colon_intro(u: Unit) -> Iterator[Candidate]:
    """X : «…» (no verb) and «…» – X bylines: a direct quote whose source is the phrase
    before the colon or after the dash. After a cue («confiant que … : «…»»), the quote
    takes that cue's speaker."""
    v = u.v
    toks = v.toks
    for k in range(u.lo, u.hi - 1):
        t = toks[k]
        if t.text != ":" or t.quote >= 0:
            continue
        q = is_quote_open(v, k + 1) if toks[k + 1].mark else None
        a = left_start(u, k)
        r = np_left(v, k, a)
        owner = _comment_owner(u, (a, k)) if a < k else None
        if q is None:
            # "Commentaire du président : il n'accepte pas « … »": a clause with a quote after the colon
            if owner is not None:
                end = clause_end(v, k + 1, u.hi, cue_stops(u, k + 1))
                if any(toks[m].mark for m in range(k + 1, end)):
                    c = candidate(u, "colon_intro", 7, k + 1, end, None, make_speaker(v, mention(v, owner)))
                    if c is not None:
                        yield c
            continue
        speaker = None
        if owner is not None:
            speaker = make_speaker(v, mention(v, owner))  # "Le bilan de l'entraîneur : «…»": the possessor speaks
        elif r is not None and r[0] == a and _source_like(u, r):
            speaker = make_speaker(v, mention(v, r))  # "Le ministre : «…»" (not "Le programme : «…»")
        else:
            before = [g for g in u.cues if g.head < k and v.toks[g.head].quote == t.quote]
            if before:
                # "confiant qu'il était « … » : «…»", "dubbed the conflict: "…"": the cue's speaker goes on
                speaker = speaker_of(u, before[-1])
                if _introduces(u, before[-1], k):
                    # "demanda un jour à ses soldats : «…»": the verb itself introduces the quote
                    g = before[-1]
                    if speaker is not None:
                        yield Candidate("colon_intro", 7, "direct", q.start, q.end, group_cue(v, g), speaker,
                                        u.index, g.head, False)
                    continue
            elif _full_sentence(u, q) and len(q.text.split()) >= 3:
                # "Le capitaine a été clair : « On doit gagner. »": a sentence quoted after a
                # clause goes to that clause's subject, when it can be a source
                subj = main_subject(u, k)
                if subj is not None and _speaker_source_like(u, subj):
                    speaker = subj
        if speaker is None:
            continue
        yield Candidate("colon_intro", 7, "direct", q.start, q.end, None, speaker, u.index, -1, False)


_BYLINE = re.compile(r"[ \t\u00a0]*(?:[-–—―][ \t\u00a0]*)?([A-Z][\w.'’-]*(?:[ \t\u00a0]+[\w.'’-]+){0,5})[ \t\u00a0]*(?:,|\n|$)")


def dash_byline(v: DocView) -> Iterator[Candidate]:
    """«…» – Matthew Ingram / "…" Anonymous blogger, "title": a quote opening its paragraph,
    then only a short capitalised phrase on its line (with or without a dash): that phrase
    is the source. The quote must read as speech (it ends with . ! ? …), which keeps
    titles of sources ("Sensitive document found" — CBC.ca) out."""
    text = v.text
    for q in v.quotes:
        if q.depth or q.text[-1:] not in ".!?…":
            continue
        line_start = text.rfind("\n", 0, q.open_start) + 1
        if text[line_start:q.open_start].strip():
            continue
        m = _BYLINE.match(text, q.close_end)
        if m is None:
            continue
        words = m.group(1).split()
        if any(w.lower() in v.lex.forms for w in words[1:]):
            continue  # '"…" Baird said': a cue verb, the other patterns' business
        s, e = m.span(1)
        s, e = trim(text, s, e)
        unit = min(v.word_at(q.open_start), len(v.toks) - 1)
        yield Candidate("colon_intro", 7, "direct", q.start, q.end, None, Speaker(s, e, text[s:e]),
                        v.toks[unit].unit if v.toks else 0, -1, False)


UNIT_PATTERNS = (inverted_cue, verb_complement, participle_cue, passive_cue, according_to,
                 comparative_cue, colon_intro)
DOC_PATTERNS = (dash_byline,)
