"""The interval indexes of resolution answer exactly as the pairwise scans they replace."""

from __future__ import annotations

from dataclasses import dataclass

from hypothesis import given, settings
from hypothesis import strategies as st

from attribution.docview import DocView
from attribution.lang import load_lexicon
from attribution.resolve.article import MentionIndex, speaker_mention
from attribution.resolve.link import Ent
from attribution.resolve.mentions import DOCUMENT, NAME, NOMINAL, PRONOUN, Mention
from attribution.resolve.spans import RegionIndex, nested_flags, outermost


@dataclass
class S:
    start: int
    end: int


spans = st.lists(st.tuples(st.integers(0, 30), st.integers(0, 8)).map(lambda p: S(p[0], p[0] + p[1])), max_size=25)
regions = st.lists(st.tuples(st.integers(0, 40), st.integers(0, 15)).map(lambda p: (p[0], p[0] + p[1])), max_size=12)


@settings(max_examples=300, deadline=None)
@given(spans)
def test_nested_flags_is_the_pairwise_test(items: list[S]) -> None:
    expected = [any(o is not s and o.start <= s.start and s.end <= o.end and (o.start, o.end) != (s.start, s.end)
                    for o in items) for s in items]
    assert nested_flags(items) == expected
    assert outermost(items) == [s for s, f in zip(items, expected, strict=True) if not f]


def test_nested_flags_examples() -> None:
    phrase, inner, twin, apart = S(0, 30), S(15, 30), S(0, 30), S(40, 45)
    assert nested_flags([phrase, inner, twin, apart]) == [False, True, False, False]  # a twin does not nest


@settings(max_examples=300, deadline=None)
@given(regions, st.integers(0, 60), st.integers(0, 10), st.booleans())
def test_region_index_is_the_scan(rs: list[tuple[int, int]], start: int, width: int, keep_order: bool) -> None:
    rs = rs if keep_order else sorted(rs)
    index = RegionIndex(rs)
    end = start + width
    assert index.containing(start, end) == next((k for k, (a, b) in enumerate(rs) if a <= start and end <= b), -1)
    assert index.covers(start) == any(a <= start < b for a, b in rs)


def _mention(k: int, start: int, end: int, kind: str = NOMINAL, speaker: bool = False) -> Mention:
    return Mention(id=k, start=start, end=end, text="x" * (end - start), sent=0, head=0, kind=kind, is_speaker=speaker)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 50), st.integers(0, 12)), min_size=1, max_size=20),
       st.integers(0, 60), st.integers(0, 15))
def test_speaker_mention_among_the_near_mentions_is_the_same(pairs: list[tuple[int, int]], start: int, width: int) -> None:
    ms = [_mention(k, a, a + w) for k, (a, w) in enumerate(pairs)]
    index = MentionIndex(ms[:-1])
    index.ms.append(ms[-1])  # a mention added later, as one made from a speaker's words is
    index.added(len(ms) - 1)
    assert speaker_mention(index.near(start, start + width), start, start + width) \
        is speaker_mention(ms, start, start + width)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 40), st.sampled_from([NAME, NOMINAL, PRONOUN, DOCUMENT]), st.booleans()),
                max_size=15), st.integers(0, 45))
def test_entity_summaries_follow_its_mentions(rows: list[tuple[int, str, bool]], before: int) -> None:
    e = Ent(0)
    for k, (start, kind, speaker) in enumerate(rows):
        e.mentions.append(_mention(k, start, start + 3, kind, speaker))
        # the pairwise answers, as the linker computed them before it kept summaries
        cands = [m for m in e.mentions if m.kind not in (PRONOUN, DOCUMENT) and m.start < before] \
            or [m for m in e.mentions if m.kind not in (PRONOUN, DOCUMENT)]
        pool = [m for m in cands if m.kind == NAME] or cands
        earlier = [m for m in pool if m.start < before]
        best = (max(earlier, key=lambda m: m.start) if earlier else min(pool, key=lambda m: m.start)) if pool else None
        assert e.best_mention(before) is best
        assert e.spoke_before(before) == any(m.is_speaker and m.start < before for m in e.mentions)
        starts = [m.start for m in e.mentions if m.start < before]
        assert e.last_before(before) == (max(starts) if starts else None)


def test_named_entity_type_is_the_best_overlap_in_order() -> None:
    view = DocView("x" * 60, "fr", load_lexicon("fr"), [], [], [], False, False,
                   ents=((0, 10, "PER"), (5, 30, "ORG"), (8, 12, "LOC"), (40, 50, "LOC")))
    for start, end in ((0, 10), (6, 12), (9, 11), (20, 45), (41, 44), (51, 55), (0, 60)):
        best, size = None, 0
        for a, b, typ in view.ents:
            o = min(b, end) - max(a, start)
            if o > size and o * 2 >= end - start:
                best, size = typ, o
        assert view.ner(start, end) == best
