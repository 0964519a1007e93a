"""The role of each cue in its unit, found once per cue and kept in the Unit: whether it reports
speech here (``reports_speech``), whether it stands after its content and how (``incise_mode``),
who speaks (``speaker_of``), whether "comme" introduces it (``comparative_before``), where left
content starts (``left_start``) and where right content must stop before another cue's material
(``cue_stops``).

These questions ask each other about the other cues of the unit (a cue's content ends where the
next speaking cue's subject starts; a cue is an incise if the words before it are a clause …),
so they live together; each answer is kept in the Unit with a guard against recursion, and the
question whether a cue reports speech is answered without any stops, so that it never recurses
from cue to cue.
"""

from __future__ import annotations

import bisect

from ...records import Speaker
from ..cues import CueGroup
from ..mentions import (
    Range,
    antecedent,
    mention,
    np_left,
    np_right,
    pronoun_at,
    subject_left,
    subject_right,
)
from ..spans import _base_quote, clause_end, comma_before
from ..words import is_adverb, is_comma, is_det, is_name, is_noun, is_punct, is_verb
from .candidates import (
    Unit,
    closing_mark_before,
    finite,
    make_speaker,
    skip_adjuncts,
    verb_or_quote,
)
from .complements import (
    complement_candidates,
    no_stops,
    passive_candidates,
    right_complement,
)

# The name a probe's candidates carry: they are counted (does the cue have content?), never kept
_PROBE = ""


def _narrated(u: Unit, g: CueGroup) -> bool:
    """Whether a cue's subject is the narrating speaker himself (on, je, nous)."""
    sp = speaker_of(u, g)
    return sp is not None and sp.text.lower().replace("’", "'") in u.v.language.narrator_pronouns


def left_start(u: Unit, end: int) -> int:
    """Where left content begins: the unit start, or after earlier attribution material."""
    v = u.v
    a = u.lo
    # the nearest earlier cue that reports speech ends the material before ours
    for i in range(bisect.bisect_left(u.firsts, end) - 1, -1, -1):
        g = u.cues[i]
        if g.last >= end or v.toks[g.head].quote >= 0 or not reports_speech(u, g):
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


def reports_speech(u: Unit, g: CueGroup) -> bool:
    """Whether a cue reports speech here: an incise, or a complement its lexicon entry accepts."""
    if g.head in u.speech:
        return u.speech[g.head]
    u.speech[g.head] = False  # guard: finding the incise asks about the cues before
    # the complement is judged without the other cues' stops, so that this question never
    # recurses from cue to cue (a paragraph of a thousand cues stays linear)
    probe = passive_candidates if g.passive else complement_candidates
    ok = any(True for _ in probe(u, g, _PROBE, None, no_stops))
    if not ok and not g.participle:
        ok = is_incise(u, g)
    u.speech[g.head] = ok
    return ok


def comparative_before(u: Unit, g: CueGroup) -> int:
    """The word ``comme``/``as`` that introduces a cue (comme l'a confirmé X), else -1."""
    toks = u.v.toks
    j = g.first - 1
    while j >= u.lo and toks[j].low in u.v.language.as_cue_objects:
        j -= 1
    if j - 1 >= u.lo and j == g.first - 1 and toks[j].low in ("que", "qu'") and toks[j - 1].low == "ce":
        return j - 1  # "…, ce que soulignent le maire et son adjoint": the clause before is what they say
    if j < u.lo or toks[j].low not in u.v.language.as_words:
        return -1
    if j == g.first - 1 and not (j == u.lo and u.v.language.as_cue_at_sentence_start):
        return -1  # "comme dit" in mid-clause is mostly "as in"; at the sentence start it is a source
    return j


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
        if g is skip or v.toks[g.head].quote != base_quote or not reports_speech(u, g):
            continue
        if not comparative and comparative_before(u, g) >= 0:
            continue
        if g.participle and v.toks[g.first].low in v.language.gerund_markers:
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
            if comparative and n.low in v.language.as_words and k + 2 < u.hi \
                    and toks[k + 2].low in v.language.as_clause_subjects:
                stops.add(k)
            if v.language.participle_ends_content and n.low.endswith(v.language.present_participle_suffixes) \
                    and is_verb(n) and n.low not in v.language.not_participles:
                stops.add(k)  # ", prenant pour exemples …": a participial clause ends the content (not "en …ant")
        if t.low in v.language.clause_coordinators and k + 1 < u.hi and toks[k + 1].low in v.lex.word_set("complementizers"):
            stops.add(k)
    return stops


def main_subject(u: Unit, before: int) -> Speaker | None:
    """The subject of the clause a participle or coordinated verb hangs on (words before ``before``)."""
    v = u.v
    toks = v.toks
    # the speaker of the nearest earlier cue in this unit
    for i in range(bisect.bisect_left(u.firsts, before) - 1, -1, -1):
        g = u.cues[i]
        if g.head < before and toks[g.head].quote == toks[before].quote and reports_speech(u, g):
            if _in_relative(u, g):
                continue  # "…, qui reprochent …, en faisant remarquer": a relative clause is no main clause
            sp = speaker_of(u, g)
            if sp is not None:
                return sp
    # else the parser's subject of the verb the participle hangs on
    if v.has_deps and 0 <= before < len(toks):
        h = toks[before].head if toks[before].low not in v.language.gerund_prefix else -1
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
    if j >= u.lo and toks[j].low in v.language.subject_relatives:
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


def left_subject(u: Unit, g: CueGroup) -> Range | None:
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
        v.language.inverts_after_comma and (is_comma(toks[prev]) or toks[prev].text in ("—", "–")))
    if after_content:
        # English inverts only after a quote: “…,” said the post; a comma alone does not do
        if rc is not None and rc[0] in clause_kinds:
            return ""
        a = left_start(u, prev)
        if not verb_or_quote(v, a, prev) and not _adjunct_then_clause(u, g, a, prev) \
                and not (prev - a <= 6 and _cuts_a_clause(u, g)):
            return ""
        if not closing_mark_before(v, prev) and not (prev - 1 >= u.lo and closing_mark_before(v, prev - 1)) \
                and left_subject(u, g) is not None and not _cuts_a_clause(u, g):
            return ""  # "Le secrétaire général, qui se trouve à Madrid, a appelé X": a subject before
        return "inverted" if subject_right(v, g.last + 1, u.hi) is not None else ""
    # subject before the verb, content before the subject: “…,” Baird said. / «…», Hamon a confié.
    r = left_subject(u, g)
    if r is None or r[0] - 1 < u.lo:
        return ""
    before = r[0] - 1
    if not (is_comma(toks[before]) or closing_mark_before(v, before)):
        return ""
    if v.language.subject_after_incise_verb and not (closing_mark_before(v, before) or (
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
    if rc is not None and rc[0] == "object" and g.entry.lemma not in v.language.addressee_cues:
        return ""
    a = left_start(u, before)
    return "preposed" if verb_or_quote(v, a, before) else ""


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
        r = left_subject(u, g)
        sp = make_speaker(v, mention(v, r)) if r is not None else None
    elif g.participle:
        j = g.first - 1
        if j >= u.lo and toks[g.first].low not in v.language.gerund_prefix and (
                is_noun(v, toks[j]) or is_name(v, toks[j]) or toks[j].upos == "ADJ"):
            r = np_left(v, g.first, u.lo)  # "Baghdad espérant", "un communiqué prudent assurant"
            if r is not None:
                sp = make_speaker(v, mention(v, r))
        if sp is None:
            sp = main_subject(u, g.first)
    elif g.passive:
        k = skip_adjuncts(v, g.last + 1, u.hi)
        if k < u.hi and toks[k].low in v.lex.word_set("agent_prepositions"):
            r = np_right(v, k + 1, u.hi)
            sp = make_speaker(v, mention(v, r)) if r is not None else None
    else:
        sp = _speaker_of_verb(u, g)
    u.speakers[g.head] = sp
    return sp


def _speaker_of_verb(u: Unit, g: CueGroup) -> Speaker | None:
    v = u.v
    toks = v.toks
    if g.clitic >= 0:
        return make_speaker(v, (g.clitic, g.clitic + 1))
    j = g.first - 1
    while j >= u.lo and (is_adverb(v, toks[j]) and not toks[j].cap):
        j -= 1
    if j >= u.lo and toks[j].low in v.language.sequence_coordinators:
        return main_subject(u, j)  # a coordinated verb shares the subject of the first
    r = subject_left(v, g.first, u.lo)
    if r is None and v.has_deps:
        r = dep_subject(u, g.head)  # "Éric Ciotti, député LR …, a demandé": the parser's subject
    if r is not None:
        if r[1] - r[0] == 1 and toks[r[0]].low in ("qui", "who"):
            r = antecedent(v, r[0], u.lo)
        return make_speaker(v, mention(v, r) if r else None)
    return None


def opens_clause(u: Unit, k: int, end: int) -> bool:
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
    return n < end and finite(toks[n]) and toks[n].quote < 0


def _cuts_a_clause(u: Unit, g: CueGroup) -> bool:
    """"Le programme, dit la délégation, ne suffit pas": an incise with its own inverted subject
    between a subject and the rest of its clause (a finite verb right after the comma)."""
    v = u.v
    toks = v.toks
    if not v.language.incise_inside_clause or subject_right(v, g.last + 1, u.hi) is None:
        return False
    k = incise_end(u, g, "inverted")
    if not (k + 1 < u.hi and is_comma(toks[k])):
        return False
    n = k + 1
    while n < u.hi and (is_adverb(v, toks[n]) or toks[n].low in v.lex.word_set("negation")
                        or toks[n].low in v.lex.word_set("reflexive")):
        n += 1
    return n < u.hi and finite(toks[n]) and toks[n].quote < 0


def _adjunct_then_clause(u: Unit, g: CueGroup, a: int, prev: int) -> bool:
    """"Depuis janvier, précise le maire, la commune n'a reçu …": a short verbless adjunct
    before the incise and a clause of its own after it (the reported words go on there)."""
    v = u.v
    if not v.language.incise_inside_clause or prev - a > 6 or not is_comma(v.toks[prev]) or subject_right(v, g.last + 1, u.hi) is None:
        return False
    k = incise_end(u, g, "inverted")
    return k + 1 < u.hi and is_comma(v.toks[k]) and opens_clause(u, k + 1, u.hi)


def incise_end(u: Unit, g: CueGroup, mode: str) -> int:
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
