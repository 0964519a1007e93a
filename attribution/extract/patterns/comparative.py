"""Comparative cues: …, comme l'a confirmé le procureur / ce que soulignent X /
as X said. The clause before ``comme`` is what X said; after another source's leading
"Selon X," phrase, since that phrase belongs to the other source.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..mentions import mention, np_right, subject_left, subject_right
from ..spans import clause_end
from ..words import is_comma
from .candidates import Candidate, Unit, content_candidate, group_cue, make_speaker
from .registry import pattern
from .roles import comparative_before, cue_stops, left_start
from .sources import apposition_end, prep_at


@pattern("comparative_cue", priority=6)
def comparative_cue(u: Unit) -> Iterator[Candidate]:
    """…, comme l'a confirmé le procureur: the clause before is what X confirmed."""
    v = u.v
    toks = v.toks
    for g in u.cues:
        j = comparative_before(u, g)
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
            c = content_candidate(u, "comparative_cue", r[1] + 1, end, group_cue(v, g), speaker, g.head)
            if c is not None:
                yield c
            continue
        if j - 1 < u.lo or not is_comma(toks[j - 1]):
            continue
        speaker = make_speaker(v, mention(v, r))
        u.speakers[g.head] = speaker
        a = left_start(u, j - 1)
        # skip a leading "Selon X," phrase: it belongs to another source
        p = prep_at(u, a) if a < u.hi else None
        if p is not None:
            r2 = np_right(v, p[0] + 1, u.hi)
            if r2 is not None:
                _, a2 = apposition_end(u, r2)
                if a2 < j and is_comma(toks[a2]):
                    a = a2 + 1
                elif a2 < j:
                    a = a2
        c = content_candidate(u, "comparative_cue", a, j - 1, group_cue(v, g), speaker, g.head)
        if c is not None:
            yield c
