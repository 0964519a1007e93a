"""Floating quotes, a selection rule: a quote standing alone (its whole unit) next to
an attributed quote inherits that quote's speaker.

It reads the candidates a first settling kept, so it runs after the unit and document rules;
it ranks last, since a floating quote is only a guess from its neighbour.
"""

from __future__ import annotations

from collections.abc import Iterator

from ...docview import DocView
from .candidates import Candidate, CandidateIndex
from .registry import pattern


@pattern("floating_quote", priority=8, scope="selection")
def floating_quotes(v: DocView, kept: list[Candidate]) -> Iterator[Candidate]:
    """A quote standing alone (its whole unit) next to an attributed quote inherits its speaker.

    Looked for first before it in the same paragraph, then right after it in the same
    paragraph, then at the end of the previous paragraph (a quote going on over paragraphs)."""
    toks = v.toks
    text = v.text
    index = CandidateIndex(kept)
    by_unit: dict[int, list[Candidate]] = {}
    for c in kept:
        by_unit.setdefault(c.unit, []).append(c)
    para_of = _paragraphs(v)
    for u, (lo, hi) in enumerate(v.units):
        if hi <= lo:
            continue
        s, e = toks[lo].start, toks[hi - 1].end
        qs = [q for q in v.quotes_between(s, e + 1) if q.depth == 0 and q.close_end <= e]
        if len(qs) != 1:
            continue
        q = qs[0]
        # speech nested inside the quote ("Un adulte a dit : «…»") does not attribute the quote
        if any(not (q.start < c.start and c.end < q.end) for c in by_unit.get(u, ())):
            continue  # (a part of the quote cut by its own incise does attribute it)
        # standing alone: nothing but the quote and final punctuation in the unit
        if text[s:q.open_start].strip() or text[q.close_end:e].strip(" .!?…\u00a0"):
            continue
        if any(k.start < q.end and k.end > q.start and not (q.start < k.start and k.end < q.end)
               for k in index.near(q.start, q.end)):
            continue
        if len(q.text.split()) < 3:
            continue  # one or two words are a term, not a statement
        source = _neighbour(v, u, para_of, by_unit)
        if source is None or source.speaker is None:
            continue
        yield Candidate("floating_quote", "direct", q.start, q.end, None, source.speaker, u, -1, False)


def _paragraphs(v: DocView) -> list[int]:
    """The paragraph number of each unit (a unit never crosses a line break)."""
    out = []
    par = 0
    prev_end = 0
    for lo, hi in v.units:
        if hi <= lo:
            out.append(par)
            continue
        if "\n" in v.text[prev_end:v.toks[lo].start]:
            par += 1
        out.append(par)
        prev_end = v.toks[hi - 1].end
    return out


def _neighbour(v: DocView, u: int, para_of: list[int], by_unit: dict[int, list[Candidate]]) -> Candidate | None:
    """The attributed quote whose speaker the floating quote of unit ``u`` takes, if any."""
    par = para_of[u]
    for w in range(u - 1, -1, -1):
        if para_of[w] != par:
            break
        if w in by_unit:
            cands = [c for c in by_unit[w] if c.type in ("direct", "mixed")]
            return cands[-1] if cands else None
    if u + 1 < len(v.units) and para_of[u + 1] == par and u + 1 in by_unit:
        cands = [c for c in by_unit[u + 1] if c.type == "direct"]
        return cands[0] if cands else None
    # first unit of its paragraph: the previous paragraph's last unit, if a direct quote
    if u - 1 >= 0 and para_of[u - 1] == par - 1 and u - 1 in by_unit:
        cands = [c for c in by_unit[u - 1] if c.type == "direct"]
        return cands[-1] if cands else None
    return None
