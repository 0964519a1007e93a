"""What follows a cue verb: its complement (que-clause, colon, quote, de, infinitive, object …),
the word ranges of its content, and the candidates a cue gives from them.

Nothing here asks about the other cues of the unit: where content must stop before another
cue's material is given by the caller (``Stops``), so that ``roles`` can ask whether a cue
reports speech at all (with no stops) without recursing from cue to cue.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from ...docview import DocView, Tok
from ...records import Speaker
from ..cues import CueGroup
from ..mentions import np_left, np_right, subject_left
from ..spans import chars, classify, clause_end, is_quote_open
from ..words import (
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
from .candidates import (
    Candidate,
    Unit,
    content_candidate,
    finite,
    group_cue,
    skip_adjuncts,
    verb_form_without_pos,
)
from .sources import speaker_source_like

Stops = Callable[[int], set[int]]  # first content word -> words where that content must end


def no_stops(start: int) -> set[int]:
    """Content that nothing but its clause's end stops (to ask whether a cue has content at all)."""
    return set()


# French verbs whose direct object is the person told, before the que-clause

# English verbs whose object is the person told, before the that-clause ("told reporters that")


def right_complement(u: Unit, g: CueGroup) -> tuple[str, int] | None:
    """The complement after a cue: (kind, first word). Kinds: que, colon, quote, de, inf, wh, object, adj."""
    if g.head not in u.complements:
        u.complements[g.head] = _right_complement(u, g)
    return u.complements[g.head]


def _right_complement(u: Unit, g: CueGroup) -> tuple[str, int] | None:
    v = u.v
    toks = v.toks
    lex = v.lex
    lang = v.language
    hi = u.hi
    k = g.last + 1
    for _ in range(6):
        k = skip_adjuncts(v, k, hi)
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
        if t.low in lang.dative_prepositions and k + 1 < hi:
            r = np_right(v, k + 1, hi)
            if r is not None and r[1] < hi and (toks[r[1]].low in lex.word_set("complementizers")
                                                or toks[r[1]].text == ":"):
                k = r[1]  # "a expliqué au journal que …" / "a déclaré aux journalistes : «…»": the person told
                continue
        if t.low in lang.quote_prepositions and k + 2 < hi and (toks[k + 1].mark or toks[k + 2].mark):
            return "de", k + 1  # "en a appelé à des « initiatives … »", "insiste sur « … »": the quote is the content
        if t.low in lang.infinitive_particles and k + 1 < hi:
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
    if g.entry.lemma in lang.addressee_cues:
        k = _skip_addressee(u, k)
        if k >= hi:
            return None
    if g.entry.lemma in lang.addressee_before_que_cues:
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
    if t.low in lang.genitive_prepositions and k + 1 < hi:
        n = toks[k + 1]
        if n.mark or "VerbForm=Inf" in n.feats or (n.low in ("ne", "n'") and k + 2 < hi):
            return "de", k + 1
        if is_det(v, n) and k + 2 < hi and toks[k + 2].mark and is_quote_open(v, k + 2) is not None:
            return "de", k + 1  # "a parlé d'une « situation grave »": the quoted words are the content
        if g.entry.lemma in lang.de_object_cues:
            return "de", k + 1  # "arguant de sa souveraineté", "font état de violences": the object comes after de
        return None
    if "VerbForm=Inf" in t.feats:
        return "inf", k
    if t.low in lex.word_set("wh_words"):
        return "wh", k
    if t.low in lang.infinitive_particles and k + 1 < hi:
        return "inf", k
    if (g.reflexive or g.entry.lemma in lex.word_set("attributive_cues")) and is_adj(v, t):
        return "adj", k  # "qu'il juge néfastes", "Il se dit attaché à…"
    if lang.clause_without_complementizer and _that_less_clause(v, k, hi):
        return "que", k  # "He estimated this would take 24 hours": a clause without "that"
    if is_det(v, t) or is_noun(v, t) or is_name(v, t) or (t.low in lex.word_set("subject_pronouns") and lang.pronoun_starts_object):
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
    if m < hi and toks[m].low in v.language.dative_prepositions:
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
        if is_det(v, toks[m - 1]) or toks[m - 1].low in v.language.possessive_clitics:
            continue  # "the post by an unknown author": a word after a determiner is a noun
        if is_verb(t) or (not v.has_pos and verb_form_without_pos(v, t)) or (
                not v.has_pos and t.low.endswith("s") and m == k + 1 and toks[k].low in v.lex.word_set("subject_pronouns")):
            return True
    return False


def _is_preposition(v: DocView, t: Tok) -> bool:
    """A preposition that opens an adjunct (not de, which opens a complement)."""
    if t.mark or t.low in v.language.complement_prepositions or t.low in v.lex.word_set("determiners"):
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
    if k < hi and toks[k].low in v.language.addressee_words:
        return k + 1
    m = k
    while m < hi and toks[m].cap and not toks[m].mark:
        m += 1
    if m > k:
        return m
    # up to three lower-case words before a comma, a period, a wh-word or "that"
    for n in (1, 2, 3):
        if k + n <= hi and (k + n == hi or is_punct(toks[k + n]) or toks[k + n].low in v.lex.word_set("wh_words")
                            or toks[k + n].low in v.language.addressee_end_words):
            return k + n
    return k


def requires_ok(g: CueGroup, kind: str, has_quote: bool) -> bool:
    req = g.entry.requires
    if req == "any":
        return True
    if req == "incise":
        return False
    return kind in ("que", "colon", "quote", "wh") or has_quote


def content_ranges(u: Unit, start: int, stops: set[int], split: bool = True) -> list[tuple[int, int]]:
    """Word ranges of right content from ``start``; coordinated que-clauses give one range each
    (with ``split``, for a complement that is itself a que-clause)."""
    v = u.v
    toks = v.toks
    end = clause_end(v, start, u.hi, stops)
    if split and v.language.juxtaposed_clauses:
        end = _juxtaposed(u, start, end)
    out = [(start, end)]
    if not split:
        return out
    # "que A et que B": the second clause is a second attribution
    coordinators = v.language.clause_coordinators
    if end < u.hi and (toks[end].low in coordinators or toks[end].low == ",") and end + 1 < u.hi:
        k = end + 1
        if toks[k].low in coordinators:
            k += 1
        if k < u.hi and toks[k].low in v.lex.word_set("complementizers") and k + 1 < u.hi:
            out.extend(content_ranges(u, k + 1, stops))
    return out


def coordinated(u: Unit, ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Coordinated que-clauses ("a rappelé que A et qu'B") are one statement, one range; they stay
    apart only where one of them is a whole quotation ("que « A » et que B"), a direct quote of its own."""
    if len(ranges) < 2 or any(classify(u.v, *chars(u.v, a, b))[0] == "direct" for a, b in ranges):
        return ranges
    return [(ranges[0][0], ranges[-1][1])]


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
        if finite(t):
            seen_verb = True
        if not (seen_verb and is_comma(t) and is_det(v, toks[k + 1])):
            continue
        r = np_right(v, k + 1, end)
        if r is None or r[1] >= end:
            continue
        n = r[1]
        while n < end and (is_adverb(v, toks[n]) or toks[n].low in v.lex.word_set("negation")):
            n += 1
        if n < end and finite(toks[n]) and toks[n].quote < 0:
            return k
    return end


def object_end(u: Unit, start: int, end: int) -> int:
    """Cut an object complement before a coordinated predicate ("la décision et s'est engagé")."""
    v = u.v
    toks = v.toks
    for k in range(start + 1, end - 1):
        t = toks[k]
        if t.low in v.language.clause_coordinators and t.quote < 0:
            n = toks[k + 1]
            if is_verb(n) or n.low in v.lex.word_set("reflexive") or n.low in v.lex.word_set("negation") \
                    or n.low in v.language.auxiliary_starts:
                return k
    return end


def complement_candidates(u: Unit, g: CueGroup, pattern: str, speaker: Speaker | None,
                          stops: Stops) -> Iterator[Candidate]:
    """The candidates of a cue's right complement: the quote after a colon, else each content
    range the cue's lexicon entry accepts."""
    v = u.v
    rc = right_complement(u, g)
    if rc is None:
        return
    kind, start = rc
    stop_at = stops(start)
    lead = np_left(v, g.first, u.lo) if g.participle else None
    if g.participle and (all(is_punct(v.toks[m]) or v.toks[m].low in v.language.gerund_prefix for m in range(u.lo, g.head))
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
    if q is not None and v.toks[g.head].quote < 0 and requires_ok(g, kind, True):
        # "a déclaré : « A », avant de partir": after a colon the quote alone is the content
        yield Candidate(pattern, "direct", q.start, q.end, cue, speaker, u.index, g.head, False)
        return
    for a, b in coordinated(u, content_ranges(u, start, stop_at, split=kind == "que")):
        if kind in ("object", "adj"):
            b = object_end(u, a, b)
        c = content_candidate(u, pattern, a, b, cue, speaker, g.head)
        if c is None:
            continue
        if not requires_ok(g, kind, c.type != "indirect" and not _only_named_quotes(u, a, b)):
            continue
        if kind in ("object", "adj", "inf", "de") and speaker is not None \
                and g.entry.lemma in v.lex.word_set("polysemous_cues") and not speaker_source_like(u, speaker):
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
    elif kind == "de" and (g.entry.lemma in v.lex.word_set("calling_cues") or toks[k - 1].low not in v.language.de_words):
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


def passive_candidates(u: Unit, g: CueGroup, pattern: str, speaker: Speaker | None,
                       stops: Stops) -> Iterator[Candidate]:
    """The candidate of one passive cue: content after it (que, of «…») or its subject; an
    agentless passive reports no source and gives nothing."""
    v = u.v
    toks = v.toks
    lex = v.lex
    k = skip_adjuncts(v, g.last + 1, u.hi)
    if k >= u.hi or toks[k].low not in lex.word_set("agent_prepositions"):
        return
    r = np_right(v, k + 1, u.hi)
    if r is None:
        return
    cue = group_cue(v, g)
    m = skip_adjuncts(v, r[1], u.hi)
    if m < u.hi and (toks[m].low in lex.word_set("complementizers") or toks[m].low in v.language.genitive_prepositions
                     or toks[m].text == ":"):
        start = m + 1
        end = clause_end(v, start, u.hi, stops(start))
        c = content_candidate(u, pattern, start, end, cue, speaker, g.head)
        kind = "que"
    else:
        subj = subject_left(v, g.first, u.lo)
        if subj is None:
            return
        c = content_candidate(u, pattern, subj[0], subj[1], cue, speaker, g.head)
        kind = "object"  # "la collecte est assurée par X": the subject is what was reported
    if c is not None and requires_ok(g, kind, c.type != "indirect"):
        yield c
