"""Prepositional cues: selon X, d'après X, pour X, according to X.

CONTENT, selon X / Selon X, CONTENT / selon X «…» / Pour X, «…» / selon ce qu'a confié X /
pour qui …. They come after the cue verbs: a verb's own source is surer than a preposition
that is mostly a plain one ("selon les plans", "pour la première fois").
"""

from __future__ import annotations

from collections.abc import Iterator

from ...records import Cue
from ..mentions import antecedent, mention, np_right, subject_left, subject_right
from ..spans import clause_end, is_quote_open
from ..words import is_adverb, is_comma, is_name, is_noun, is_punct, is_time, is_verb
from .candidates import (
    Candidate,
    Unit,
    closing_mark_before,
    content_candidate,
    make_cue,
    make_speaker,
)
from .registry import pattern
from .roles import cue_stops, left_start
from .sources import apposition_end, prep_at, source_like, source_np

# Pronouns of the speaker and his audience: "selon nous" inside a quote is the quote's own speaker.


@pattern("according_to", priority=5)
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
        p = prep_at(u, k)
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
                c = content_candidate(u, "according_to", nxt + 1, end, cue, make_speaker(v, mention(v, ante)), k)
                if c is not None:
                    yield c
            k = nxt + 1
            continue
        r = np_right(v, nxt, u.hi)
        if r is None or (t.quote >= 0 and toks[nxt].low in v.language.first_second_stressed):
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
        strict = v.language.strict_according_to or lemma == "pour" or not (at_start or after_comma)
        if (toks[head].low in lex.word_set("not_sources") and not wording) or (lemma == "pour" and not at_start) or (
                not source_like(u, r) and strict):
            k += 1
            continue
        r_named, phrase_end = apposition_end(u, r)
        speaker = make_speaker(v, mention(v, source_np(u, r_named)))
        after = phrase_end
        if after < u.hi and is_comma(toks[after]):
            after += 1
        # selon X «…» / Selon X, «…»: a quote right after
        if after < u.hi and toks[after].mark and is_quote_open(v, after) is not None:
            end = clause_end(v, after, u.hi, cue_stops(u, after))
            c = content_candidate(u, "according_to", after, end, cue, speaker, k)
            if c is not None:
                if not at_start and c.type != "direct":
                    q = is_quote_open(v, after)
                    if q is not None:
                        c = Candidate("according_to", "direct", q.start, q.end, cue, speaker, u.index, k)
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
            c = content_candidate(u, "according_to", start, end, cue, speaker, k)
        else:
            before = k - 1
            if before < u.lo or not (is_comma(toks[before]) or closing_mark_before(v, before)
                                     or toks[before].low in ("«", "»")):
                # "according to X" in mid-clause: the whole clause is the content
                a = left_start(u, k)
                end = clause_end(v, k, u.hi, cue_stops(u, phrase_end))
                if phrase_end >= u.hi or (toks[phrase_end].text in (".", "!", "?", ";", "…") and not toks[phrase_end].mark):
                    end = k  # "… 3 000 personnes selon la police.": the source phrase ends the clause, without it
                c = content_candidate(u, "according_to", a, end, cue, speaker, k)
            else:
                a = left_start(u, before)
                tail = phrase_end
                if a >= before and _cue_ends_at(u, before - 1):
                    k = phrase_end  # "«…», auraient dit, selon le site, des agents": a source of the incise
                    continue
                if tail < u.hi and v.language.source_phrase_modifiers and (toks[tail].upos == "ADJ" or (
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
                    c = content_candidate(u, "according_to", a, end, cue, speaker, k)
                else:
                    c = content_candidate(u, "according_to", a, before, cue, speaker, k)
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
    if t.low in v.lex.word_set("complementizers") or t.low in v.language.predicate_openers:
        return True
    if is_comma(t):
        # "Un protocole qui, selon Brisard, rappelle": after "qui," the predicate follows
        if j - 1 >= u.lo and toks[j - 1].low in v.language.relative_words:
            return True
        return all(is_punct(toks[m]) or is_adverb(v, toks[m]) or is_time(v, toks[m])
                   for m in range(u.lo, j))
    return all(is_punct(toks[m]) and not toks[m].mark for m in range(u.lo, k))


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
        c = content_candidate(u, "according_to", left_start(u, before), before, cue, speaker, g.head)
        if c is not None:
            yield c
