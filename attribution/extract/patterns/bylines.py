"""Dash bylines, the document rule of ``colon_intro``: «…» – Matthew Ingram / "…" Anonymous
blogger. It reads lines of the text, not units (a parser may cut a quote from its byline), and
its candidates are colon introductions: they carry that pattern's name and rank.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...docview import DocView
from ...records import Speaker
from ..spans import trim
from .candidates import Candidate
from .colon import COLON_INTRO
from .registry import variant

# after the closing mark: an optional dash, a capitalised phrase of up to six words, then , or the line's end
_BYLINE = re.compile(r"[ \t\u00a0]*(?:[-–—―][ \t\u00a0]*)?([A-Z][\w.'’-]*(?:[ \t\u00a0]+[\w.'’-]+){0,5})[ \t\u00a0]*(?:,|\n|$)")


@variant(COLON_INTRO, scope="document")
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
        yield Candidate(COLON_INTRO, "direct", q.start, q.end, None, Speaker(s, e, text[s:e]),
                        v.toks[unit].unit if v.toks else 0, -1, False)
