"""Interval helpers that keep resolution near-linear in the length of an article.

Mentions and quote regions are spans of text; the rules ask which spans lie
inside others. Asked pair by pair, that is quadratic in an article (and cubic
for the pronouns of one long sentence): these helpers answer by sorting once
and sweeping, or by bisecting sorted starts.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from typing import Protocol, TypeVar


class HasSpan(Protocol):
    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


S = TypeVar("S", bound=HasSpan)


def nested_flags(spans: Sequence[HasSpan]) -> list[bool]:
    """For each span, is it inside another span of the list with different offsets?

    The same answer as testing every pair (``o.start <= s.start and s.end <= o.end`` and a different span),
    in O(n log n): sorted by start, then longest first, a span is nested when an earlier start reaches its end,
    or when a longer span begins where it begins.
    """
    order = sorted((s.start, -s.end, k) for k, s in enumerate(spans))
    flags = [False] * len(spans)
    reach = -1  # the furthest end among spans that start strictly before the current start
    i = 0
    while i < len(order):
        start = order[i][0]
        j = i
        longest = -order[i][1]  # the group of equal starts, longest first
        while j < len(order) and order[j][0] == start:
            end = -order[j][1]
            flags[order[j][2]] = reach >= end or end < longest
            j += 1
        reach = max(reach, longest)
        i = j
    return flags


def outermost(spans: list[S]) -> list[S]:
    """The spans not nested in another span of the list, in their order."""
    flags = nested_flags(spans)
    return [s for s, f in zip(spans, flags, strict=True) if not f]


class RegionIndex:
    """Sorted regions (pairs of offsets, possibly overlapping) queried by bisection."""

    def __init__(self, regions: Sequence[tuple[int, int]]) -> None:
        self.regions = list(regions)
        self.starts = [a for a, _ in self.regions]
        # prefix maxima of the ends: the first region reaching an end is found by bisection on them
        self.reach: list[int] = []
        best = -1
        for _, b in self.regions:
            best = max(best, b)
            self.reach.append(best)
        self.sorted = all(self.starts[k] <= self.starts[k + 1] for k in range(len(self.starts) - 1))

    def containing(self, start: int, end: int) -> int:
        """The index of the first region that holds start..end, or -1 (as a scan in order would answer)."""
        if not self.sorted:
            return next((k for k, (a, b) in enumerate(self.regions) if a <= start and end <= b), -1)
        hi = bisect_right(self.starts, start)  # regions [0, hi) begin at or before start
        k = bisect_left(self.reach, end)  # the first region whose end reaches ``end``
        return k if k < hi else -1

    def covers(self, pos: int) -> bool:
        """Is pos inside a region (``a <= pos < b``)?"""
        if not self.sorted:
            return any(a <= pos < b for a, b in self.regions)
        hi = bisect_right(self.starts, pos)
        return hi > 0 and self.reach[hi - 1] > pos
