"""Outlets side by side: their sourcing figures, the sources they share, and how each ran a claim.

A small package, one stage a module: :mod:`.matching` (which renditions are one
claim, by string and by content words), :mod:`.rendition` (the record),
:mod:`.differences` (credit, office vs head, cue, marks, words, cut; word diffs),
:mod:`.core` (grouping outlets, the :class:`Comparison`) and :mod:`.output`.
"""

from .core import (
    DIFF_FIELDS,
    GROUPINGS,
    UNKNOWN,
    Comparison,
    NearMiss,
    OutletSummary,
    PairOverlap,
    QuoteGroup,
    SourceRow,
    Summary,
    _renditions,
    compare_outlets,
    domain_of,
    group_names,
    match_quotes,
)
from .differences import KIND_LABELS, KINDS, Difference, word_diff
from .matching import (
    THRESHOLD,
    candidate_pairs,
    content_words,
    normalise_content,
    same_claim,
    similarity,
    stems,
)
from .output import FORMATS, output, tables
from .rendition import Rendition

__all__ = [
    "DIFF_FIELDS", "FORMATS", "GROUPINGS", "KINDS", "KIND_LABELS", "THRESHOLD", "UNKNOWN",
    "Comparison", "Difference", "NearMiss", "OutletSummary", "PairOverlap", "QuoteGroup",
    "Rendition", "SourceRow", "Summary", "_renditions", "candidate_pairs", "compare_outlets",
    "content_words", "domain_of", "group_names", "match_quotes", "normalise_content", "output",
    "same_claim", "similarity", "stems", "tables", "word_diff",
]
