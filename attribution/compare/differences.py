"""What changed between outlets' renditions of one claim, by kind, and a word-level diff.

Kinds, most telling first (:data:`KINDS`):

- ``credit``: another real-world source (a different canonical source key, the
  names not being variants of one another);
- ``office_vs_head``: a body (office, government, agency) vs the person at its head,
  or the same head reached through its office in one outlet only;
- ``cue``: another reporting verb (lemma), with each cue's stance class;
- ``marks``: quotation marks added or removed (direct or mixed vs indirect);
- ``words``: other words (a word-level diff, see :func:`word_diff`);
- ``cut``: one rendition keeps only part of the other's words.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import Any

from ..credit import Source
from ..text import name_key
from .matching import normalise_content, stems
from .rendition import Rendition

KINDS = ("credit", "office_vs_head", "cue", "marks", "words", "cut")
KIND_LABELS = {
    "credit": "Credit changed", "office_vs_head": "Office vs head", "cue": "Cue changed",
    "marks": "Quotation marks added or removed", "words": "Words changed", "cut": "Claim cut",
}
# A rendition is a cut of another when it has at most this share of the other's stems
# and nearly all of its own stems are in the other (a trimmed quotation, not a rewording).
CUT_MAX_SHARE = 0.75
CUT_MIN_INSIDE = 0.8
# Tokens of the word diff: words (with their apostrophes and hyphens) or single other
# characters, spaces kept, so that joining the segments gives back the text.
_TOKEN = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*|\s+|.", re.S)


@dataclass(frozen=True)
class Difference:
    """One kind of difference between two outlets' renditions of a claim."""

    kind: str
    a: int  # index of a rendition in its group
    b: int
    before: str  # what ``a`` has (a source's name, a cue and its stance, ...)
    after: str  # what ``b`` has

    def to_dict(self, renditions: Sequence[Rendition]) -> dict[str, Any]:
        return {"kind": self.kind, "between": [renditions[self.a].outlet, renditions[self.b].outlet],
                "a": self.a, "b": self.b, "before": self.before, "after": self.after}


def naming_variant(x: Source, y: Source) -> bool:
    """Whether two credited names are one name written two ways (the words of one inside
    the other's: "Tedros" and "Tedros Adhanom Ghebreyesus"). Names are otherwise left to the
    sources layer (corpus ids); this only keeps a shortened name from reading as a new source."""
    wx, wy = set(name_key(x.name).split()), set(name_key(y.name).split())
    return bool(wx and wy) and (wx <= wy or wy <= wx)


def office_vs_head(x: Rendition, y: Rendition) -> bool:
    """Whether ``x`` and ``y`` credit a body and the person at its head (or the head via its office)."""
    if x.source is None or y.source is None:
        return False
    # an office shown as a source of its own (attribution.credit) names its head
    if x.source.head == y.source.key or y.source.head == x.source.key:
        return True
    if x.source.key == y.source.key:  # the same head, reached through an office in one of them
        wx, wy = x.written or x.source, y.written or y.source
        return wx.key != wy.key
    kinds = {x.source.type, y.source.type}
    if kinds != {"person", "organization"}:
        return False
    person, body = (x, y) if x.source.type == "person" else (y, x)
    assert person.source is not None and body.source is not None
    # The body's name shares a word with the person's role, affiliation or country
    # ("bureau du Premier ministre" / role "Premier ministre"; "WHO" / affiliation "WHO").
    return bool(stems(body.source.name) & stems(person.about))


def _cue(r: Rendition) -> str:
    return f"{r.cue} ({r.stance or 'no stance'})" if r.cue else "no cue"


def _cut(sx: frozenset[str], sy: frozenset[str]) -> bool:
    return (bool(sx) and len(sx) <= CUT_MAX_SHARE * len(sy)
            and len(sx & sy) >= CUT_MIN_INSIDE * len(sx))


def compare_pair(x: Rendition, y: Rendition, i: int, j: int) -> list[Difference]:
    """The differences between renditions ``i`` (``x``) and ``j`` (``y``) of one claim."""
    out = []
    if x.source is not None and y.source is not None:
        if office_vs_head(x, y):
            out.append(Difference("office_vs_head", i, j, (x.written or x.source).name,
                                  (y.written or y.source).name))
        elif x.source.key != y.source.key and not naming_variant(x.source, y.source):
            out.append(Difference("credit", i, j, x.source.name, y.source.name))
    if x.cue_key and y.cue_key and x.cue_key != y.cue_key:
        out.append(Difference("cue", i, j, _cue(x), _cue(y)))
    if x.marked != y.marked:
        out.append(Difference("marks", i, j, x.type, y.type))
    if normalise_content(x.content) != normalise_content(y.content):
        sx, sy = stems(x.content), stems(y.content)
        if _cut(sx, sy):
            out.append(Difference("cut", j, i, y.content, x.content))
        elif _cut(sy, sx):
            out.append(Difference("cut", i, j, x.content, y.content))
        else:
            out.append(Difference("words", i, j, x.content, y.content))
    return out


def differences(renditions: Sequence[Rendition]) -> tuple[Difference, ...]:
    """Every difference between renditions of different outlets, in :data:`KINDS` order."""
    out = [d for (i, x), (j, y) in combinations(enumerate(renditions), 2) if x.outlet != y.outlet
           for d in compare_pair(x, y, i, j)]
    return tuple(sorted(out, key=lambda d: (KINDS.index(d.kind), d.a, d.b)))


def _words(text: str) -> list[tuple[str, str]]:
    """(key, text) per word, the text carrying the spaces and marks that follow the word
    (a leading run of marks is a token of its own, keyed ""); joined, the texts give ``text``."""
    out: list[tuple[str, str]] = []
    for tok in _TOKEN.findall(text):
        key = normalise_content(tok)
        if key or not out:
            out.append((key, tok))
        else:
            out[-1] = (out[-1][0], out[-1][1] + tok)
    return out


def word_diff(before: str, after: str) -> list[tuple[str, str]]:
    """``after`` against ``before``, word by word: segments ``("=", text)``, ``("-", removed)``,
    ``("+", added)``; case, accents, punctuation and quotation marks do not count as changes
    (equal words are shown as ``after`` writes them)."""
    wa, wb = _words(before), _words(after)
    out: list[tuple[str, str]] = []

    def add(op: str, text: str) -> None:
        if text:
            # a change right after a word that lost its trailing space keeps one before it
            if out and op != "=" and not out[-1][1][-1:].isspace() and not text[:1].isspace():
                text = " " + text
            if out and out[-1][0] == op:
                out[-1] = (op, out[-1][1] + text)
            else:
                out.append((op, text))

    matcher = difflib.SequenceMatcher(None, [k for k, _ in wa], [k for k, _ in wb], autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            add("=", "".join(t for _, t in wb[j1:j2]))
        else:
            add("-", "".join(t for _, t in wa[i1:i2]))
            add("+", "".join(t for _, t in wb[j1:j2]))
    return out
