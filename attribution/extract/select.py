"""Settling overlaps between candidates, floating quotes, and the quoted terms left over.

``resolve`` is the one place where candidates compete: by priority (the pattern
order), a candidate is dropped when an accepted one has the same cue word, or
nearly the same content (80% of each other's characters). Reported speech nested
inside a direct quote is kept only when its speaker is a third party ("Il nous
avait raconté qu'…" inside someone's quote), since a quoted speaker's "je dis
que" is the same statement again.
"""

from __future__ import annotations

import bisect
import itertools

from ..docview import DocView
from ..records import Attribution, Cue, Span, Speaker, Term
from .patterns import Candidate

# Subjects that are the quoted speaker himself or his audience.
_SELF = frozenset({"je", "j'", "nous", "on", "vous", "tu", "i", "we", "you"})


def _mutual(a: Candidate, b: Candidate, ratio: float) -> bool:
    ov = min(a.end, b.end) - max(a.start, b.start)
    if ov <= 0:
        return False
    return ov >= ratio * (a.end - a.start) and ov >= ratio * (b.end - b.start)


_BLOCK = 512  # characters per bucket of the overlap index


class _Kept:
    """Accepted candidates, indexed by character blocks and by cue word (no quadratic scans)."""

    def __init__(self) -> None:
        self.items: list[Candidate] = []
        self.blocks: dict[int, list[Candidate]] = {}
        self.by_cue: dict[int, list[Candidate]] = {}

    def add(self, c: Candidate) -> None:
        self.items.append(c)
        for b in range(c.start // _BLOCK, max(c.start, c.end - 1) // _BLOCK + 1):
            self.blocks.setdefault(b, []).append(c)
        if c.cue_word >= 0:
            self.by_cue.setdefault(c.cue_word, []).append(c)

    def near(self, start: int, end: int) -> list[Candidate]:
        seen: dict[int, Candidate] = {}
        for b in range(start // _BLOCK, max(start, end - 1) // _BLOCK + 1):
            for k in self.blocks.get(b, ()):
                seen[id(k)] = k
        return list(seen.values())


def resolve(v: DocView, candidates: list[Candidate]) -> list[Candidate]:
    """The candidates kept, in text order."""
    kept = _Kept()
    # speech nested in a quote counts only where the quote itself is reported speech
    # (not in a title: "Anon declares war on Church of Scientology")
    order = sorted(candidates, key=lambda c: (c.inside_quote, c.priority, c.start, -c.end))
    for c in order:
        if c.inside_quote:
            q = v.quote_of(c.cue_word) if c.cue_word >= 0 else None
            if q is None or not any(k.start <= q.start < k.end or q.start <= k.start < q.end
                                    for k in kept.near(q.start, q.end) if not k.inside_quote):
                continue
        if c.inside_quote and (c.speaker is None or c.speaker.text.lower().replace("’", "'") in _SELF):
            continue  # "je l'ai dit" inside a quote: the quote already reports it
        if c.speaker is not None and c.speaker.text.lower() == "on" and not c.inside_quote:
            continue  # "On note que…": the journalist's generic "on", not a source
        if c.speaker is not None and c.speaker.text.lower().replace("’", "'") in v.lex.word_set("demonstratives"):
            continue  # "Cela explique la position…": a demonstrative is a cause, not a source
        if c.speaker is None and c.cue is not None:
            continue  # a cue without any source is narration ("il a été annoncé")
        clash = False
        for k in kept.by_cue.get(c.cue_word, ()) if c.cue_word >= 0 else ():
            if _mutual(c, k, 0.01) or k.pattern != c.pattern:
                clash = True  # one cue word, one reading
                break
        if not clash:
            for k in kept.near(c.start, c.end):
                if (c.start, c.end) == (k.start, k.end):
                    clash = True  # the same content found by two patterns (colon and verb): emitted once
                    break
                if _restated(v, c, k):
                    clash = True  # "a déclaré qu'il espérait que …": one statement, reported once
                    break
                if (c.cue is not None and k.start <= c.cue.start < k.end) or (
                        k.cue is not None and c.start <= k.cue.start < c.end):
                    if k.start <= c.start and c.end <= k.end or c.start <= k.start and k.end <= c.end:
                        continue  # speech reported inside other reported speech: both stand
                    clash = True  # a cue inside the other content, but the contents cross: the first one wins
                    break
                if _mutual(c, k, 0.8):
                    clash = True
                    break
        if not clash:
            kept.add(c)
    return sorted(kept.items, key=lambda c: (c.start, c.end))


# Third-person subject pronouns: in "X a dit qu'il espérait que", the pronoun is mostly X.
_SAME = frozenset({"il", "elle", "ils", "elles", "he", "she", "they"})


def _restated(v: DocView, c: Candidate, k: Candidate) -> bool:
    """Whether ``c`` is the outer speaker's own attitude opening ``k``'s indirect content
    (a pronoun subject and its cue within the first words of the content)."""
    if c.cue is None or c.speaker is None or k.type == "direct" or k.cue is None:
        return False
    if c.speaker.text.lower() not in _SAME or not (k.start <= c.speaker.start < k.end):
        return False
    return len(v.text[k.start:c.speaker.start].split()) == 0 and c.cue.start - c.speaker.end <= 12


def floating_quotes(v: DocView, kept: list[Candidate]) -> list[Candidate]:
    """A quote standing alone (its whole unit) next to an attributed quote inherits its speaker.

    Looked for first before it in the same paragraph, then right after it in the same
    paragraph, then at the end of the previous paragraph (a quote going on over paragraphs)."""
    toks = v.toks
    text = v.text
    out: list[Candidate] = []
    index = _Kept()
    for c in kept:
        index.add(c)
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
            continue
        source = _neighbour(v, u, para_of, by_unit)
        if source is None or source.speaker is None:
            continue
        out.append(Candidate("floating_quote", 8, "direct", q.start, q.end, None, source.speaker, u, -1, False))
    return out


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


def to_attribution(v: DocView, c: Candidate) -> Attribution:
    text = v.text
    span = Span(c.start, c.end, text[c.start:c.end])
    cue = c.cue
    if cue is not None:
        cue = Cue(cue.start, cue.end, text[cue.start:cue.end], cue.lemma, cue.stance)
    sp = c.speaker
    if sp is not None:
        sp = Speaker(sp.start, sp.end, text[sp.start:sp.end])
    if c.cue_word >= 0:
        k = c.cue_word
    else:
        k = max(0, bisect.bisect_right(v.starts, c.start) - 1) if v.toks else -1
    sentence = v.toks[k].sent if k >= 0 else -1  # the parser's sentence holding the cue (or content)
    return Attribution(type=c.type, content=span, cue=cue, speaker=sp, pattern=c.pattern, sentence=sentence)


def terms(v: DocView, kept: list[Candidate]) -> list[Term]:
    """Quotes outside every attribution: names, titles, terms and scare quotes."""
    out = []
    spans = sorted((c.start, c.end) for c in kept)
    starts = [s for s, _ in spans]
    reach = list(itertools.accumulate((e for _, e in spans), max))  # furthest end among the first k
    for q in v.quotes:
        if q.end <= q.start:
            continue
        k = bisect.bisect_left(starts, q.close_end)
        if k and reach[k - 1] > q.open_start:
            continue  # some attribution starting before the quote ends reaches into it
        words = q.text.split()
        if len(words) > 12:
            continue  # a long unattributed quote is not a term
        out.append(Term(q.start, q.end, q.text, _term_reason(q.text, words)))
    return out


def _term_reason(text: str, words: list[str]) -> str:
    """name (capitalised words), title (a capitalised phrase of several words with a verb-less
    headline look), scare (one or two lower-case words), else term."""
    caps = sum(1 for w in words if w[:1].isupper())
    if words and caps == len(words) or (words and words[0][:1].isupper() and len(words) <= 5 and caps >= 2):
        return "name"
    if words and words[0][:1].isupper() and len(words) > 3:
        return "title"
    if len(words) <= 2:
        return "scare"
    return "term"
