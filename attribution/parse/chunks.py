"""Cutting long texts into pieces a parser can take, with exact offsets.

Parsers slow down and use memory with the length of one call (spaCy refuses texts over
``max_length``), so long texts go through in pieces: paragraphs grouped up to a size, and a
paragraph that is too long cut at a sentence end, else at a space, else anywhere.
"""

from __future__ import annotations

import re

# A paragraph break: a newline and any whitespace after it (news texts use single or double newlines).
_PARAGRAPH = re.compile(r"\n\s*")
# Where a sentence probably ends: closing punctuation (and closing quotes) followed by a space.
_SENTENCE_END = re.compile(r"[.!?…][»\"”’)\]]*\s+")
_SPACE = re.compile(r"\s+")

DEFAULT_CHUNK = 20_000


def _cut(text: str, start: int, end: int, size: int) -> list[tuple[int, int]]:
    """Pieces of ``text[start:end]`` at most ``size`` long, cut at the best place before each limit."""
    pieces = []
    while end - start > size:
        limit = start + size
        # Prefer a sentence end in the second half of the window, so pieces stay big.
        floor = start + size // 2
        cut = None
        for pattern in (_SENTENCE_END, _SPACE):
            found = [m.end() for m in pattern.finditer(text, floor, limit)]
            if found:
                cut = found[-1]
                break
        if cut is None or cut <= start:
            cut = limit  # no place to cut: a token may be split, the text survives
        pieces.append((start, cut))
        start = cut
    if end > start:
        pieces.append((start, end))
    return pieces


def chunk_spans(text: str, size: int = DEFAULT_CHUNK) -> list[tuple[int, int]]:
    """(start, end) pieces covering ``text`` in order, each at most ``size`` characters.

    Pieces meet at paragraph breaks where possible; ``"".join(text[s:e] ...) == text``.
    """
    if size <= 0:
        raise ValueError("size must be positive")
    if len(text) <= size:
        return [(0, len(text))] if text else []
    # Paragraph ends, each just after its trailing whitespace.
    bounds = [m.end() for m in _PARAGRAPH.finditer(text)]
    if not bounds or bounds[-1] != len(text):
        bounds.append(len(text))
    spans: list[tuple[int, int]] = []
    start = 0
    current = 0  # end of the paragraphs grouped so far, from ``start``
    for end in bounds:
        if end - start <= size:
            current = end
            continue
        if current > start:
            spans.append((start, current))
            start = current
        if end - start <= size:
            current = end
            continue
        spans.extend(_cut(text, start, end, size))
        start = current = end
    if current > start:
        spans.append((start, current))
    return spans


# A newline between a lowercase letter or comma and a lowercase letter continues a hard-wrapped
# sentence; any other newline (paragraph, title, list item) ends one.
_NEWLINES = re.compile(r"\n\s*")
_CONTINUES_BEFORE = re.compile(r"[a-zà-ÿ,;\-]$")
_CONTINUES_AFTER = re.compile(r"^[a-zà-ÿ]")


def paragraph_spans(text: str, size: int = DEFAULT_CHUNK) -> list[tuple[int, int]]:
    """(start, end) paragraphs covering ``text`` in order, long ones cut to at most ``size``.

    For parsers that would otherwise run a sentence across a paragraph break or a title: each
    piece is parsed alone. Whitespace after a paragraph stays with it.
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _NEWLINES.finditer(text):
        end = m.end()
        if end == len(text):
            break
        blank = m.group(0).count("\n") > 1
        if not blank and _CONTINUES_BEFORE.search(text[max(start, m.start() - 1):m.start()]) \
                and _CONTINUES_AFTER.match(text[end:end + 1]):
            continue
        if end > start:
            spans.extend((start + s, start + e) for s, e in chunk_spans(text[start:end], size))
        start = end
    if start < len(text):
        spans.extend((start + s, start + e) for s, e in chunk_spans(text[start:], size))
    return spans
