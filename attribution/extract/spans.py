"""Content spans: where reported content ends, and whether it is direct, indirect or mixed."""

from __future__ import annotations

from ..docview import DocView
from ..quotes import QuoteSpan
from .words import is_comma

# The longest content a clause may have, in words (a quote of several sentences fits easily).
MAX_CLAUSE = 400
_TRAIL = " \t\n\u00a0\u202f,;:.–—-"
_LEAD = " \t\n\u00a0\u202f,;:–—-"
# Quote glyphs that open and close (paragraph reopening marks are not paired quotes of their own)
_OPENERS = frozenset("«“„")
_CLOSERS = frozenset("»”")


def trim(text: str, s: int, e: int) -> tuple[int, int]:
    """Drop spaces and punctuation at both ends (a final period too: the gold leaves it out)."""
    while s < e and text[s] in _LEAD:
        s += 1
    while e > s and text[e - 1] in _TRAIL:
        e -= 1
    return s, e


def classify(v: DocView, s: int, e: int) -> tuple[str, int, int]:
    """(type, start, end) of reported content in characters [s, e): the mixed-quote rule.

    ``direct`` when, leading prepositions and determiners aside, the content is
    one quote (then the span is what stands inside its marks); ``mixed`` when
    it holds a quote (the marks stay in the span); else ``indirect``. Quotes
    that enclose the whole content (reported speech nested in a quote) do not count.
    """
    text = v.text
    s, e = trim(text, s, e)
    near = v.quotes_between(s - 1, e + 1)
    inner = [q for q in near if q.close_end <= e + 1 and q.end > q.start]
    # a quote opening inside the content and running past its end still makes it mixed
    partial = [q for q in near if s <= q.open_start < e < q.close_end]
    if not inner and not partial:
        if e - s > 2 and text[s] in _OPENERS and text[e - 1] in _CLOSERS and not any(
                ch in _OPENERS or ch in _CLOSERS for ch in text[s + 1:e - 1]):
            # "« B », a-t-il ajouté" where « reopens a quote running over paragraphs: B is quoted
            a, b = trim(text, s + 1, e - 1)
            return "direct", a, b
        return "indirect", s, e
    top = [q for q in inner if not any(o is not q and o.open_start <= q.open_start and q.close_end <= o.close_end
                                       for o in inner)]
    if len(top) == 1 and not partial:
        q = top[0]
        tail = text[q.close_end:e] if q.close_end < e else ""
        if _only_function_words(v, s, q.open_start) and not tail.strip(_TRAIL + "»”\"'"):
            return "direct", q.start, q.end
    # mixed: keep the marks; take in a closing mark that the trim left out
    for q in inner:
        if e < q.close_end <= e + 2:
            e = q.close_end
    return "mixed", s, e


def _only_function_words(v: DocView, s: int, e: int) -> bool:
    """Whether characters [s, e) hold nothing but prepositions, determiners, que and spaces."""
    words = v.text[s:e].replace("’", "'").replace("'", "' ").split()
    lex = v.lex
    ok = lex.word_set("determiners") | lex.word_set("complementizers") | v.language.speaker_link_words
    return all(w.lower() in ok for w in words)


def clause_end(v: DocView, start: int, hi: int, stops: set[int], right: bool = True) -> int:
    """End (word index, exclusive) of content that starts at word ``start`` in a unit ending at ``hi``.

    It runs to the end of the sentence and stops before: a sentence-final
    punctuation or (reading rightwards) a ``;`` at the content's own quote
    level; a ``:`` that opens a quote; a closing bracket opened before the
    start; the end of the quote the content started in (nested speech); and
    every word index in ``stops`` (where another cue's material begins).
    """
    toks = v.toks
    base = _base_quote(v, start)
    bq = v.quotes[base] if base >= 0 else None
    depth = 0
    k = start
    hi = min(hi, start + MAX_CLAUSE)  # no clause is longer: text without punctuation stays linear
    while k < hi:
        t = toks[k]
        if bq is not None and t.start >= bq.end:
            return k  # leaving the quote the content started in
        if k in stops and k > start:
            return k
        if t.quote == base and not t.mark:
            if t.text in (".", "!", "?", "…") and k > start:
                return k
            if right and t.text == ";":
                return k
            if right and t.text == "," and k + 1 < hi and toks[k + 1].low in v.lex.word_set("clause_breakers"):
                return k  # ", while footage showed …": a subordinate clause of the narrator
            if right and k > start and t.low in v.lex.word_set("contrast_subordinators") and k + 1 < hi \
                    and toks[k + 1].low in v.lex.word_set("complementizers"):
                return k  # "… pour Paris alors que des témoins font état de …": a new proposition
            if t.text == ":" and k + 1 < hi and toks[k + 1].mark and k > start:
                return k
            if t.text in ("(", "["):
                depth += 1
            elif t.text in (")", "]"):
                if depth == 0:
                    return k  # "(c'est lui qui a signalé sa radicalisation)": the bracket ends it
                depth -= 1
        k += 1
    return hi


def _base_quote(v: DocView, start: int) -> int:
    """The quote the word ``start`` stands in, not counting a quote that opens at that word."""
    toks = v.toks
    q = toks[start].quote
    if q >= 0 and v.quotes[q].open_start >= toks[start].start:
        # the content begins with this quote: its level is that of the word before
        if start > 0:
            p = toks[start - 1].quote
            if p >= 0 and v.quotes[p].close_end > toks[start].start:
                return p
        return -1
    return q


def comma_before(v: DocView, start: int, k: int) -> int:
    """The last comma (outside quotes) between word ``start`` and word ``k``, or -1."""
    toks = v.toks
    for m in range(k - 1, start, -1):
        t = toks[m]
        if is_comma(t) and (t.quote < 0 or v.quotes[t.quote].close_end <= t.start):
            return m
        if t.low in v.language.clause_coordinators and m + 1 < k:
            return m
    return -1


def chars(v: DocView, a: int, b: int) -> tuple[int, int]:
    """Character span of words [a, b)."""
    if b <= a:
        return v.toks[a].start, v.toks[a].start
    return v.toks[a].start, v.toks[b - 1].end


def is_quote_open(v: DocView, k: int) -> QuoteSpan | None:
    """The quote that the mark at word ``k`` opens, if it opens one (also a mark glued to a word)."""
    t = v.toks[k]
    for q in v.quotes_between(t.start, t.start + 1):
        if q.open_start != q.start or len(t.text) > 1:
            return q
    return None


