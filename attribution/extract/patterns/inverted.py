"""Inverted cues, the first pattern: the content first, then the cue and its speaker.

«…», a-t-il dit / «…», souligne le communiqué / …, ont indiqué samedi les services du PM /
“…,” Baird said. The incise is unambiguous: its content is everything before it, so it
goes first.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator

from ...docview import DocView
from ...quotes import QuoteSpan
from ...records import Cue, Speaker
from ..cues import CueGroup
from ..spans import clause_end, is_quote_open, trim
from ..words import is_comma, is_punct
from .candidates import Candidate, Unit, closing_mark_before, content_candidate, finite, group_cue
from .registry import pattern
from .roles import (
    cue_stops,
    incise_end,
    incise_mode,
    left_start,
    left_subject,
    opens_clause,
    reports_speech,
    speaker_of,
)


@pattern("inverted_cue", priority=1)
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
        sp_range = left_subject(u, g) if mode == "preposed" else None
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
        c = content_candidate(u, "inverted_cue", a, b, cue, speaker, g.head)
        if c is None:
            continue
        early = _reopened_head(v, a, c)
        if early is not None:
            yield early  # the paragraphs before the reopening « are the same speaker's words
        # what follows the incise: «A», dit-il, «B» gives a second quote; "Le programme, dit la
        # délégation, ne suffit pas" is one clause cut by the incise
        k = incise_end(u, g, mode)
        if k + 1 < u.hi and is_comma(toks[k]) and not is_punct(toks[k + 1]) or (
                k + 1 < u.hi and is_comma(toks[k]) and toks[k + 1].mark):
            q2 = is_quote_open(v, k + 1) if toks[k + 1].mark else None
            if c.type == "direct" and q2 is not None:
                yield c
                yield Candidate("inverted_cue", "direct", q2.start, q2.end, cue, speaker, u.index, g.head, False)
                continue
            if c.type != "direct" and q2 is None and toks[k + 1].low not in v.lex.word_set("relative_pronouns") \
                    and not any(reports_speech(u, h) for h in u.cues[bisect.bisect_right(u.firsts, k):]):
                end = clause_end(v, k + 1, u.hi, cue_stops(u, k + 1, skip=g))
                if opens_clause(u, k + 1, end):
                    # "En 2004, a-t-il indiqué, nous avons …": the clause after the incise is the
                    # content (contiguous, without the cue); a clause before it is a second one
                    after = content_candidate(u, "inverted_cue", k + 1, end, cue, speaker, g.head)
                    if after is not None:
                        if any(finite(toks[m]) for m in range(a, prev)):
                            yield c
                        yield after
                        continue
                whole = content_candidate(u, "inverted_cue", a, end, cue, speaker, g.head)
                if whole is not None:
                    yield whole
                    continue
        yield c


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
    return Candidate("inverted_cue", "direct", s, e, c.cue, c.speaker, c.unit, c.cue_word, False)


def _split_quote(u: Unit, g: CueGroup, q: QuoteSpan, comma: int, speaker: Speaker | None, cue: Cue) -> Iterator[Candidate]:
    v = u.v
    toks = v.toks
    s1, e1 = trim(v.text, q.start, toks[comma].start)
    if e1 > s1:
        yield Candidate("inverted_cue", "direct", s1, e1, cue, speaker, u.index, g.head, False)
    # the second part starts after the incise's end (its speaker and adjuncts, up to , or .)
    k = g.last + 1
    while k < len(toks) and toks[k].start < q.end and toks[k].text not in (",", ".", ";", "!", "?"):
        k += 1
    if k < len(toks) and toks[k].start < q.end:
        s2, e2 = trim(v.text, toks[k].end, q.end)
        if e2 > s2:
            yield Candidate("inverted_cue", "direct", s2, e2, cue, speaker, u.index, g.head, False)
