"""The one text normaliser and the one word rule of the project.

Every stage that compares strings or counts words uses these functions, so that
"the same name", "the same quote" and "a word" mean one thing everywhere:

- :func:`norm`: lower case, one apostrophe glyph, plain spaces (the key of every
  lexicon lookup);
- :func:`fold`: ``norm`` without accents (``État`` = ``Etat``);
- :func:`name_key`: a name as an identity key: folded, punctuation dropped,
  leading determiners dropped (``l’Élysée`` = ``Elysee``);
- :func:`content_key`: a quote's content as compared: folded, punctuation and
  quote marks dropped;
- **words**: maximal runs of letters and digits (regex ``[^\\W_]+``) of the
  article text: apostrophes, hyphens and other punctuation split words, so
  ``l’attaque`` is two words and ``porte-parole`` two. :func:`count_words` is the
  figure stored in ``ArticleResult.words`` and shown by every view.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Protocol

WORD_PATTERN = re.compile(r"[^\W_]+")

_PLAIN = str.maketrans({"’": "'", "ʼ": "'", "`": "'", "\u00a0": " ", "\u202f": " "})

# Leading words dropped when a name becomes a key: determiners say nothing of identity.
DETERMINERS: frozenset[str] = frozenset(
    ("le", "la", "les", "l", "un", "une", "des", "du", "de", "d", "the", "a", "an"))


def norm(word: str) -> str:
    """Lower case, one apostrophe glyph, plain spaces: the key every lexicon lookup of both stages uses."""
    return word.lower().translate(_PLAIN)


def fold(text: str) -> str:
    """``norm`` without accents: how names are compared (``État`` = ``Etat``)."""
    nfd = unicodedata.normalize("NFD", norm(text))
    return "".join(c for c in nfd if unicodedata.category(c) != "Mn")


def words(text: str) -> list[str]:
    """The words of ``text`` (see the module docstring), as written."""
    return WORD_PATTERN.findall(text)


def name_key(name: str) -> str:
    """A name as a key: folded, punctuation dropped, leading determiners dropped."""
    ws = WORD_PATTERN.findall(fold(name))
    while len(ws) > 1 and ws[0] in DETERMINERS:
        ws = ws[1:]
    return " ".join(ws)


def content_key(text: str) -> str:
    """Content as compared: folded (case, accents), quote marks and punctuation dropped."""
    return " ".join(WORD_PATTERN.findall(fold(text)))


def count_words(text: str) -> int:
    """How many words ``text`` has: the one word count of every view."""
    return sum(1 for _ in WORD_PATTERN.finditer(text))


def word_starts(text: str) -> list[int]:
    """Start offsets of the words of ``text``, in order."""
    return [m.start() for m in WORD_PATTERN.finditer(text)]


class Stretch(Protocol):
    """Anything with start and end offsets (a ``records.Span``)."""

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


def merge_spans(spans: Iterable[Stretch]) -> list[tuple[int, int]]:
    """The union of spans as sorted, disjoint (start, end) intervals."""
    merged: list[list[int]] = []
    for s in sorted((x.start, x.end) for x in spans if x.end > x.start):
        if merged and s[0] <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], s[1])
        else:
            merged.append([s[0], s[1]])
    return [(a, b) for a, b in merged]


def covered_words(starts: Sequence[int], spans: Iterable[Stretch]) -> int:
    """How many of the words (by start offset, sorted) begin inside the union of ``spans``.

    Overlapping spans never count a word twice.
    """
    return sum(bisect.bisect_left(starts, b) - bisect.bisect_left(starts, a)
               for a, b in merge_spans(spans))


__all__ = ["DETERMINERS", "WORD_PATTERN", "content_key", "count_words", "covered_words", "fold",
           "merge_spans", "name_key", "norm", "Stretch", "word_starts", "words"]
