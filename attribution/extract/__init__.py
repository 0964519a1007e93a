"""Attribution extraction: who said what, with which cue, in a parsed article.

``extract(doc, lang)`` reads a ``stanza.Document`` (its ``text`` is the
article) and returns the attributions and the quoted terms. It works in four
steps:

1. ``quotes.find_quotes`` pairs the quote marks of the text;
2. ``docview.build_view`` makes the flat view of the words and repaired sentences
   (units) that resolution reads too;
3. the patterns registered for the language propose candidates (see
   ``patterns``): for each unit, ``cues.find_cues`` finds the cue verb groups
   and the unit rules run in priority order (inverted cue, verb with
   complement, participle or gerund, passive, prepositional (selon, d'après,
   pour, according to), comparative (comme l'a dit X), colon introduction);
   then the document rules (dash bylines);
4. ``select.settle_overlaps`` settles overlaps in one place; the selection
   rules (floating quotes, which inherit the speaker of their neighbour) read
   that first selection, overlaps are settled again with their candidates, and
   the quotes left over become terms.

Offsets are those of the text: every Span, Cue and Speaker satisfies
``text == doc.text[start:end]``. Speakers are mentions only; resolving them to
sources is ``attribution.resolve``'s job: ``extract_view`` hands it, with the
attributions, the words of each speaker mention in the same view.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..docview import DocView, Range, build_view
from ..records import Attribution, Term
from .cues import find_cues
from .patterns import Candidate, Unit, rules
from .select import settle_overlaps, terms, to_attribution

__all__ = ["Extraction", "extract", "extract_view", "view"]


@dataclass(frozen=True)
class Extraction:
    """What extraction finds in one article, and the words of each speaker for resolution."""

    attributions: tuple[Attribution, ...]
    terms: tuple[Term, ...]
    speakers: tuple[Range | None, ...]  # per attribution: the words of its speaker mention, None without one


def view(doc: Any, lang: str) -> DocView:
    """The flat view of a parsed document that the patterns read (``docview.build_view``)."""
    return build_view(doc, lang)


def candidates(v: DocView) -> list[Candidate]:
    """Every candidate of the unit rules (unit by unit) and of the document rules."""
    unit_rules = rules(v.lang, "unit")
    out: list[Candidate] = []
    for index, (lo, hi) in enumerate(v.units):
        if hi <= lo:
            continue
        unit = Unit(v, index, lo, hi, find_cues(v, lo, hi))
        for rule in unit_rules:
            out.extend(rule(unit))
    for rule in rules(v.lang, "document"):
        out.extend(rule(v))
    return out


def extract_view(v: DocView) -> Extraction:
    """The attributions and terms of the article ``v`` views, with their speakers' words."""
    found = candidates(v)
    first = settle_overlaps(v, found)
    # the selection rules read the first selection (floating quotes inherit from it); settled
    # again with their candidates, speech nested in a floating quote is let in again
    later = [c for rule in rules(v.lang, "selection") for c in rule(v, first)]
    kept = settle_overlaps(v, found + later)
    # a speaker's words are those its mention spans (a clitic "-t-il" whose hyphens the span leaves out included)
    speakers = tuple(v.words_in(c.speaker.start, c.speaker.end) if c.speaker is not None else None for c in kept)
    return Extraction(tuple(to_attribution(v, c) for c in kept), tuple(terms(v, kept)), speakers)


def extract(doc: Any, lang: str) -> tuple[list[Attribution], list[Term]]:
    """The attributions and terms of a parsed article (``doc.text`` is the article text)."""
    found = extract_view(build_view(doc, lang))
    return list(found.attributions), list(found.terms)
