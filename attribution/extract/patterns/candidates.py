"""The candidate machinery every pattern shares: the Candidate record, the Unit a unit rule
reads, the index of accepted candidates, and the builders of Speaker, Cue and candidate records.

A candidate's priority is not stored: it is its pattern's, read from the registry by name.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from ...docview import DocView, Tok
from ...lang import CueEntry
from ...records import Cue, Speaker
from ..cues import CueGroup
from ..mentions import Range
from ..spans import chars, classify, trim
from ..words import incise_at, is_adverb, is_time, is_verb
from .registry import priority


@dataclass
class Candidate:
    """An attribution proposed by a pattern, before overlaps are settled."""

    pattern: str  # the registered pattern's name
    type: str
    start: int
    end: int
    cue: Cue | None
    speaker: Speaker | None
    unit: int
    cue_word: int = -1  # the cue's head word, or -1
    inside_quote: bool = False  # the cue stands inside quote marks (nested reported speech)

    @property
    def priority(self) -> int:
        """The rank of the candidate's pattern (lower first), from the registry."""
        return priority(self.pattern)


@dataclass
class Unit:
    """One unit (words [lo, hi) of the view) and what every pattern needs about it.

    The dictionaries keep what ``roles`` and ``complements`` found about each cue (by its head
    word), once: the unit rules share them, run in the registry's order."""

    v: DocView
    index: int
    lo: int
    hi: int
    cues: list[CueGroup]
    speakers: dict[int, Speaker | None] = field(default_factory=dict)  # cue head -> speaker found
    speech: dict[int, bool] = field(default_factory=dict)  # cue head -> reports speech here
    complements: dict[int, tuple[str, int] | None] = field(default_factory=dict)  # cue head -> complement
    modes: dict[int, str] = field(default_factory=dict)  # cue head -> incise mode ("" if none)
    firsts: list[int] = field(init=False)  # first word of each cue group, for bisection

    def __post_init__(self) -> None:
        self.firsts = [g.first for g in self.cues]


def make_speaker(v: DocView, r: Range | None) -> Speaker | None:
    """A Speaker record for words [s, e), trimmed; inverted clitics lose their hyphens."""
    if r is None:
        return None
    s, e = r
    toks = v.toks
    a, b = toks[s].start, toks[e - 1].end
    if e - s == 1 and toks[s].text.startswith("-"):
        a = toks[s].start + toks[s].text.rfind("-") + 1
    a, b = trim(v.text, a, b)
    if b <= a:
        return None
    return Speaker(a, b, v.text[a:b])


def make_cue(v: DocView, a: int, b: int, entry: CueEntry | None, lemma: str | None = None,
             stance: str | None = None) -> Cue:
    """A Cue record for words a to b (inclusive), lemma and stance from ``entry`` else as given."""
    s, e = v.toks[a].start, v.toks[b].end
    return Cue(s, e, v.text[s:e], entry.lemma if entry else lemma, entry.stance if entry else stance)


def group_cue(v: DocView, g: CueGroup) -> Cue:
    """The Cue record of a cue verb group, its first word to its last ("déclare-t-il": the
    gold keeps an inverted clitic in the cue, and the group ends with it)."""
    return make_cue(v, g.first, g.last, g.entry)


def closing_mark_before(v: DocView, k: int) -> bool:
    """Whether word ``k`` is the closing mark of a quote."""
    t = v.toks[k]
    return t.mark and t.quote >= 0 and v.quotes[t.quote].close_end == t.end


def verb_or_quote(v: DocView, a: int, b: int) -> bool:
    """Whether words [a, b) hold a verb or a quote: a clause, not a noun phrase."""
    toks = v.toks
    for k in range(a, b):
        t = toks[k]
        if t.mark or t.quote >= 0 or is_verb(t):
            return True
        if not v.has_pos and verb_form_without_pos(v, t):
            return True
    return False


def verb_form_without_pos(v: DocView, t: Tok) -> bool:
    """Without a parse, a word that is likely a verb: an auxiliary, a cue form, a past tense in -ed."""
    low = t.low
    return (low in v.lex.word_set("auxiliaries") or low in v.lex.forms
            or (len(low) > 4 and low.endswith("ed") and not t.cap))


def skip_adjuncts(v: DocView, k: int, hi: int) -> int:
    """Skip adverbs, time words and lexicon incises after a verb."""
    toks = v.toks
    while k < hi:
        t = toks[k]
        e = incise_at(v, k, hi)
        if e > k:
            k = e
            continue
        if (is_adverb(v, t) and not t.cap and t.low not in v.lex.word_set("wh_words")) or is_time(v, t) or t.low in ("pas", "not"):
            k += 1
            continue
        break
    return k


def finite(t: Tok) -> bool:
    """A finite verb (not an infinitive or a participle)."""
    return is_verb(t) and "VerbForm=Fin" in t.feats


def content_candidate(u: Unit, pattern: str, a: int, b: int, cue: Cue | None,
              speaker: Speaker | None, cue_word: int = -1) -> Candidate | None:
    """A candidate for content words [a, b), typed by its quotes; None if empty."""
    v = u.v
    if b <= a:
        return None
    s, e = chars(v, a, b)
    typ, s, e = classify(v, s, e)
    if e <= s or not any(ch.isalnum() for ch in v.text[s:e]):
        return None  # a stray mark or comma is no content
    inside = cue_word >= 0 and v.toks[cue_word].quote >= 0
    return Candidate(pattern, typ, s, e, cue, speaker, u.index, cue_word, inside)


_BLOCK = 512  # characters per bucket of the overlap index


class CandidateIndex:
    """Accepted candidates, indexed by character blocks and by cue word (no quadratic scans)."""

    def __init__(self, items: Iterable[Candidate] = ()) -> None:
        self.items: list[Candidate] = []
        self.blocks: dict[int, list[Candidate]] = {}
        self.by_cue: dict[int, list[Candidate]] = {}
        for c in items:
            self.add(c)

    def add(self, c: Candidate) -> None:
        self.items.append(c)
        for b in range(c.start // _BLOCK, max(c.start, c.end - 1) // _BLOCK + 1):
            self.blocks.setdefault(b, []).append(c)
        if c.cue_word >= 0:
            self.by_cue.setdefault(c.cue_word, []).append(c)

    def near(self, start: int, end: int) -> list[Candidate]:
        """The candidates sharing a block with characters [start, end), each once."""
        seen: dict[int, Candidate] = {}
        for b in range(start // _BLOCK, max(start, end - 1) // _BLOCK + 1):
            for k in self.blocks.get(b, ()):
                seen[id(k)] = k
        return list(seen.values())
