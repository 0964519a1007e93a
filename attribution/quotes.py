"""Quote marks: find every quoted stretch of an article from its text alone (no parse).

``find_quotes(text)`` pairs « » ‹ › “ ” „ ‟ ‘ ’ and straight " and ' marks and
returns one :class:`QuoteSpan` per quote, sorted by position, outer quotes first.

How a mark is read:

* its *direction* comes from its neighbours first (a mark after a space and
  before a letter opens, a mark after a letter and before a space or a
  punctuation closes) and from its glyph only when the neighbours say nothing
  (« followed by a space), so reversed marks (``ministre.»Suite à … coalition»,``)
  and German ``»…«`` pair as well as French ones;
* an apostrophe between letters, or after an elided French word (``qu'``,
  ``d'``), is never a quote mark;
* marks of one family pair with a stack, so nested quotes of the same family
  (``« … « … » … »``) work; a quote of another family opened inside one
  ends (``unclosed``) when that one closes, so quotes nest or are disjoint
  and never cross (``« a “ b » c ”``);
* at a line break, a quote still open goes on when the next paragraph reopens
  it (the French and English convention for a quote over several
  paragraphs) or when the next line closes it (hard-wrapped text); else it
  is closed at the end of its paragraph (``kind="unclosed"``);
* a closing guillemet or curly quote with nothing to close is read as an
  opener where its context allows, else the quote is taken to start at the
  beginning of the paragraph or after the previous quote (``kind="unopened"``).

Every step is linear in the length of the text: stacks are bounded and
recovered quotes never overlap each other, so thousands of unbalanced marks
cost no more than thousands of balanced ones.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .lang import union_words

# Families of marks: (opening glyphs, closing glyphs). A straight mark is both.
_FAMILY_OF: dict[str, str] = {
    "«": "guillemet", "»": "guillemet",
    "‹": "single_guillemet", "›": "single_guillemet",
    "“": "curly", "”": "curly", "„": "curly", "‟": "curly",
    "‘": "curly_single", "’": "curly_single", "‚": "curly_single", "‛": "curly_single",
    '"': "straight", "＂": "straight",
    "'": "straight_single",
}
# The direction a glyph has when its neighbours do not tell: +1 opens, -1 closes, 0 unknown.
_GLYPH_DIRECTION: dict[str, int] = {
    "«": 1, "»": -1, "‹": 1, "›": -1, "“": 1, "”": -1, "„": 1, "‟": 1,
    "‘": 1, "’": -1, "‚": 1, "‛": 1, '"': 0, "＂": 0, "'": 0,
}
# Families whose marks double as apostrophes: never recovered when unbalanced.
_APOSTROPHE_FAMILIES = frozenset({"curly_single", "straight_single"})
# Families where an unmatched mark is worth recovering (the glyph says it is a quote).
_RECOVERABLE = frozenset({"guillemet", "single_guillemet", "curly", "straight"})

_MARK_RE = re.compile("[«»‹›“”„‟‘’‚‛\"＂']")
_NEWLINES_RE = re.compile(r"\n[ \t\r\f\v\u00a0\u202f\n]*")
# Spaces str.isspace() misses (zero-width space); every other Unicode space is caught by isspace().
_SPACE = frozenset(" \t\r\n\f\v\u00a0\u202f\u2009\u2007\u200b\u3000")
# Punctuation a quote opens after (besides spaces): brackets, dashes, slashes, colons.
_OPEN_CONTEXT = frozenset("([{—–-/:;")
# Punctuation a quote closes before.
_CLOSE_CONTEXT = frozenset(".,;:!?…)]}—–-/")
_SENTENCE_END = frozenset(".!?…")
# Elided words (l'État, jusqu'ici), in every language: the apostrophe after them is part of the word.
_ELIDED = union_words("quote_elisions")
# No real text nests quotes of one family deeper than this; a deeper stack is noise.
_MAX_DEPTH = 4


@dataclass(frozen=True, order=True)
class QuoteSpan:
    """One quote: ``text == article[start:end]`` is what stands inside the marks, spaces trimmed.

    ``open_start``/``close_end`` bound the quote marks included (equal to
    ``start``/``end`` on a side whose mark is missing). ``kind`` is ``paired``,
    ``reopened`` (runs over several paragraphs), ``unclosed`` or ``unopened``
    (recovered); ``depth`` is 0 for an outermost quote.
    """

    start: int
    end: int
    text: str
    open_start: int
    close_end: int
    marks: str
    kind: str = "paired"
    depth: int = 0

    def __len__(self) -> int:
        return self.end - self.start

    @property
    def recovered(self) -> bool:
        return self.kind in ("unclosed", "unopened")

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text,
                "open_start": self.open_start, "close_end": self.close_end,
                "marks": self.marks, "kind": self.kind, "depth": self.depth}


@dataclass
class _Open:
    pos: int
    glyph: str
    reopened: bool = False


def _is_space(c: str) -> bool:
    """Any Unicode space (U+2002-U+200A, U+2028, U+0085, U+205F …) or a zero-width space."""
    return c.isspace() or c in _SPACE


def _is_word(c: str) -> bool:
    return c.isalnum()


def _direction(text: str, i: int, prev_role: int) -> int:
    """+1 if the mark at ``i`` opens, -1 if it closes, 0 if its neighbours do not tell.

    ``prev_role`` is the role of a mark just before (so ``»»`` reads close, open).
    """
    p = text[i - 1] if i > 0 else "\n"
    n = text[i + 1] if i + 1 < len(text) else "\n"
    # An elision apostrophe before a mark leaves it free to open (l'« Obamacare », qu' « aucun »).
    p_boundary = (_is_space(p) or p in _OPEN_CONTEXT or p in "'’"
                  or (p in _FAMILY_OF and prev_role > 0))
    n_is_mark = n in _FAMILY_OF
    n_boundary = _is_space(n) or n in _CLOSE_CONTEXT or n_is_mark
    if p in _FAMILY_OF and prev_role < 0 and p not in "'’":
        # After a closing mark, a mark followed by text opens the next quote (»»La, ”“The).
        return 1 if not n_boundary else -1
    if p_boundary and not n_boundary:
        return 1
    if not p_boundary and n_boundary:
        return -1
    if p_boundary and n_boundary:
        if n in _CLOSE_CONTEXT and n not in "-—–":
            return -1  # spaced French closing mark before punctuation: « … »,
        if n_is_mark:
            return 1 if _GLYPH_DIRECTION[n] > 0 and _is_space(p) else 0
        return 0  # spaces on both sides: « coup de filet » reads by its glyph
    # Glued on both sides: after a sentence end and before a word it opens (ministre.»Suite);
    # after a word and before a word it is the glyph's own direction.
    if p in _SENTENCE_END and _is_word(n):
        return 1
    return 0  # spaces on both sides: « coup de filet » reads by its glyph


def _is_apostrophe(text: str, i: int) -> bool:
    """Whether a ' or ’ at ``i`` is an apostrophe (l'acte, don't, qu' «, rock 'n' roll) and not a quote."""
    p = text[i - 1] if i > 0 else " "
    n = text[i + 1] if i + 1 < len(text) else " "
    if _is_word(p) and _is_word(n):
        return True  # inside a word: l'Irak, don't, aujourd'hui
    if _is_word(p):
        j = i - 1
        while j >= 0 and i - j <= 7 and text[j].isalpha():
            j -= 1
        if text[j + 1:i].lower() in _ELIDED:
            return True  # qu' « aucun », d' « héroïque »: an elision before a space
    return p.isdigit() or (n.isdigit() and (_is_space(p) or i == 0))  # 5'11, the '90s


def _paragraph_breaks(text: str) -> list[tuple[int, int, bool]]:
    """(start, end, blank) of every run of line breaks; ``blank`` when it holds an empty line."""
    return [(m.start(), m.end(), m.group().count("\n") > 1) for m in _NEWLINES_RE.finditer(text)]


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and _is_space(text[start]):
        start += 1
    while end > start and _is_space(text[end - 1]):
        end -= 1
    return start, end


def find_quotes(text: str) -> list[QuoteSpan]:
    """Every quote of ``text``, sorted by start (outer before inner). Never raises on odd marks."""
    marks: list[tuple[int, str]] = []
    for m in _MARK_RE.finditer(text):
        i = m.start()
        c = text[i]
        if c in "'’" and _is_apostrophe(text, i):
            continue
        marks.append((i, c))
    if not marks:
        return []
    breaks = _paragraph_breaks(text)
    found: list[tuple[int, int, int, int, str, str]] = []  # start, end, open_start, close_end, marks, kind
    stacks: dict[str, list[_Open]] = {}
    last_end_in_par = 0  # end of the last quote found in the current paragraph (for unopened recovery)
    par_start = 0
    b = 0  # index of the next paragraph break
    prev_pos, prev_role = -2, 0

    def emit(o: _Open, close_pos: int | None, close_glyph: str, kind: str) -> None:
        nonlocal last_end_in_par
        o_end = o.pos + 1
        c_start = close_pos if close_pos is not None else _trimmed(text, o_end, par_end())[1]
        s, e = _trimmed(text, o_end, c_start)
        if e <= s:
            return
        close_end = close_pos + 1 if close_pos is not None else e
        if o.reopened and kind == "paired":
            kind = "reopened"
        found.append((s, e, o.pos, close_end, o.glyph + close_glyph, kind))
        last_end_in_par = max(last_end_in_par, close_end)

    def close_inner(family: str, after: int, at: int) -> None:
        """Close, as unclosed at ``at``, every quote of another family opened after ``after``."""
        for fam, st in stacks.items():
            if fam == family:
                continue
            while st and st[-1].pos > after:
                o = st.pop()
                if fam in _APOSTROPHE_FAMILIES:
                    continue  # an unmatched single mark is likelier an apostrophe: dropped
                s, e = _trimmed(text, o.pos + 1, at)
                if e > s:
                    found.append((s, e, o.pos, e, o.glyph, "unclosed"))

    def recover(ends_at: int, keep: set[str]) -> None:
        """Close every open quote not in a ``keep`` family, each one ending at the next opener still open."""
        opens = sorted((o.pos, fam, o) for fam, st in stacks.items() for o in st)
        for i, (pos, fam, o) in enumerate(opens):
            if fam in keep:
                continue
            if fam not in _APOSTROPHE_FAMILIES:
                # a recovered quote stops at the next opener of any family, so it never takes in its marks
                end = opens[i + 1][0] if i + 1 < len(opens) else ends_at
                s, e = _trimmed(text, pos + 1, end)
                if e > s:
                    found.append((s, e, pos, e, o.glyph, "unclosed"))
        for fam, st in stacks.items():
            if fam not in keep:
                st.clear()

    def par_end() -> int:
        return breaks[b][0] if b < len(breaks) else len(text)

    def next_mark_of(family: str, k: int, limit: int) -> tuple[int, int] | None:
        """The first mark of ``family`` from index ``k`` of ``marks`` before ``limit``, with its direction."""
        role = 0
        for kk in range(k, len(marks)):
            pos, glyph = marks[kk]
            if pos >= limit:
                return None
            d = _direction(text, pos, role) or _GLYPH_DIRECTION[glyph]
            role = d
            if _FAMILY_OF[glyph] == family:
                return pos, d
        return None

    def flush_paragraph(k: int) -> None:
        """At a line break: carry open quotes over, or close them where the paragraph ends."""
        nonlocal last_end_in_par, par_start
        br_start, br_end, blank = breaks[b]
        nxt_break = breaks[b + 1][0] if b + 1 < len(breaks) else len(text)
        keep: set[str] = set()
        for family, stack in stacks.items():
            if not stack:
                continue
            nxt = next_mark_of(family, k, nxt_break)
            if nxt is not None and nxt[0] == br_end and nxt[1] >= 0 and family not in _APOSTROPHE_FAMILIES:
                # The next paragraph opens with the same mark: the quote runs on (it is reopened).
                stack[-1].reopened = True
                skip.add(br_end)
                keep.add(family)
                continue
            if nxt is not None and not blank and nxt[1] < 0:
                keep.add(family)
                continue  # hard-wrapped line: the quote closes on the next line
        # Recover the other open quotes to the end of the paragraph (each one up to the next opener).
        recover(br_start, keep)
        last_end_in_par = br_end
        par_start = br_end

    skip: set[int] = set()
    for k, (pos, glyph) in enumerate(marks):
        while b < len(breaks) and breaks[b][0] < pos:
            flush_paragraph(k)
            b += 1
        if pos in skip:
            prev_pos, prev_role = pos, 1
            continue
        family = _FAMILY_OF[glyph]
        stack = stacks.setdefault(family, [])
        role = _direction(text, pos, prev_role if prev_pos == pos - 1 else 0)
        if role == 0:
            role = _GLYPH_DIRECTION[glyph]
        if role == 0:  # a straight mark with spaces on both sides: toggle
            role = -1 if stack else 1
        if role > 0 and family in ("straight",) and stack and not _is_space(text[pos - 1:pos]):
            role = -1  # a straight mark glued to a word closes the open one
        if role < 0 and not stack:
            if family in _APOSTROPHE_FAMILIES:
                prev_pos, prev_role = pos, 0
                continue  # a lone closing single mark is an apostrophe (the students' books)
            n = text[pos + 1] if pos + 1 < len(text) else "\n"
            p = text[pos - 1] if pos > 0 else "\n"
            if n in _FAMILY_OF and _FAMILY_OF[n] == family:
                prev_pos, prev_role = pos, -1
                continue  # "».»»La": a stray closing mark before the mark that opens
            if (_is_space(p) or p in _SENTENCE_END or p in _FAMILY_OF or pos == par_start) and n not in ".,;:!?":
                role = 1  # nothing to close: a reversed mark opening a quote (» Suite à …)
            elif family in _RECOVERABLE and (family != "straight" or (
                    not p.isdigit() and (p.isalpha() or p in _SENTENCE_END) and (_is_space(n) or n in ",;.!?")
                    or _is_space(p) and n in ",;.!?")):
                # (a lone straight mark closes a quote opened at the paragraph start, 'école", a dit X',
                # but not after a digit: 12" is an inch; 'acceptées ", a dit X': a space-padded mark
                # right before a comma can only close)
                s0 = max(par_start, last_end_in_par)
                # it starts after any opener still open, so it nests in that quote instead of crossing it
                s0 = max([s0] + [o.pos + 1 for st in stacks.values() for o in st])
                s, e = _trimmed(text, s0, pos)
                if e > s:
                    found.append((s, e, s, pos + 1, glyph, "unopened"))
                    last_end_in_par = pos + 1
                prev_pos, prev_role = pos, -1
                continue
            else:
                prev_pos, prev_role = pos, 0
                continue
        if role > 0:
            if family == "straight" and stack:
                # A second opening straight mark: the first one was never closed; end it here.
                o = stack.pop()
                close_inner(family, o.pos, pos)  # quotes opened inside it end with it
                s, e = _trimmed(text, o.pos + 1, pos)
                if e > s:
                    found.append((s, e, o.pos, e, o.glyph, "unclosed"))
            stack.append(_Open(pos, glyph))
            if len(stack) > _MAX_DEPTH:
                del stack[0]  # a flood of openers: keep the innermost, likeliest to be closed
        else:
            o = stack.pop()
            close_inner(family, o.pos, pos)  # « a “ b » c ”: the “ opened inside « ends at its », never crosses it
            emit(o, pos, glyph, "paired")
        prev_pos, prev_role = pos, role
    while b < len(breaks):
        flush_paragraph(len(marks))
        b += 1
    # End of text: recover what is still open, as at a paragraph end.
    recover(len(text), set())
    return _with_depths(text, found)


def _with_depths(text: str, found: list[tuple[int, int, int, int, str, str]]) -> list[QuoteSpan]:
    """Sort outer quotes first and give each its nesting depth (one sweep with a stack of ends)."""
    found.sort(key=lambda f: (f[2], -f[3]))
    out: list[QuoteSpan] = []
    ends: list[int] = []
    for s, e, os_, ce, mk, kind in found:
        while ends and ends[-1] <= os_:
            ends.pop()
        out.append(QuoteSpan(s, e, text[s:e], os_, ce, mk, kind, len(ends)))
        ends.append(ce)
    return out


def quote_at(quotes: list[QuoteSpan], pos: int) -> QuoteSpan | None:
    """The innermost quote whose marks enclose character ``pos``, if any (quotes as returned above)."""
    best = None
    for q in quotes:
        if q.open_start > pos:
            break
        if q.open_start <= pos < q.close_end:
            best = q
    return best
