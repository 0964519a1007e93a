"""Which renditions are the same claim: by string and by content words.

Two renditions of one claim in two outlets are either the same string, trimmed
or lightly edited (:func:`similarity`, a character measure), or a reworded,
reordered or partial version of one statement (:func:`word_overlap`, over
content-word stems). :func:`match_score` takes the better of the two, and
lowers the bar when the credited source or the cue agree (supporting
evidence); :func:`decide` turns a score into *same*, *near miss* (listed for
review) or *different*.

Measured on ``tests/fixtures/renditions/pairs.jsonl`` by ``bench/renditions_eval.py``
(figures in the README's Compare section and pinned in ``tests/compare/``).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

from rapidfuzz import fuzz

from ..lang import STOPWORDS, SUPPORTED
from ..text import WORD_PATTERN, content_key, fold

# Similarity (0-100) from which two contents are the same quote *as strings*. Measured
# with the rules below: on the two-outlet fixture, renditions of one quote, trimmed or
# reworded, score 91.7-100 and different quotes of the story at most 61; over the
# pairs of different quotes within each dev-set article (shared/eval, fr and en),
# which share a story's vocabulary, the highest is 78 (leaving aside a quote nested
# inside another). 85 keeps a margin on both sides.
THRESHOLD = 85.0
# Both contents must have this many words and characters before partial or
# token-set matching counts: a short fragment ("la coalition en Irak") is found
# inside any long quote of the story, so short contents must match as a whole.
MIN_PARTIAL_WORDS = 5
MIN_PARTIAL_CHARS = 25
# The token-set ratio is 100 whenever one content's words are a subset of the
# other's, in any order: it counts only when the shorter has at least this share
# of the longer's words (a reworded quote, not a handful of words of a long one).
TOKEN_SET_MIN_SHARE = 0.5
# Two contents are compared only when they share uncommon words (see candidate_pairs);
# a word is common when more than max(COMMON_MIN, n / COMMON_DIV) of the n contents hold it.
COMMON_MIN = 50
COMMON_DIV = 50

# -- meaning: content-word stems --------------------------------------------------------------
# A stem is a folded word cut to STEM_CHARS letters: a crude, language-blind stemmer that
# joins "négociations"/"négocier", "parrainé"/"parraine", "withdrawal"/"withdraw". On the
# renditions pair set, 5 letters gave the best F1 among 4-7 (4 joins too many unrelated words).
STEM_CHARS = 5
# Words of under three letters carry no content, numbers excepted ("3", "20").
MIN_WORD = 3
# Function words, reporting auxiliaries and pronouns of both languages: shared by any two
# sentences of a story, they would make every pair look alike.
_EXTRA_STOP = """
    il elle ils elles on nous vous je tu me te lui leur leurs notre nos votre vos ce cet cette ces
    avait avaient ete etait etaient sera serait seront aurait ont sont est fait plus moins tres
    tout tous toute toutes dont ainsi comme sans sous depuis avant encore deja
    we our you your i my me us them those these what do does did can could should may might must
    shall into out over more most very all any some such then them him its it's just other
"""
STOP: frozenset[str] = frozenset(
    fold(w) for w in frozenset(_EXTRA_STOP.split()).union(*(STOPWORDS[c] for c in SUPPORTED)))

# Word-overlap score (0-100, the mean of the overlap coefficient and the Dice coefficient
# of the two stem sets) from which two renditions are the same claim on words alone. On the
# pair set (translated pairs left out) hard negatives, other claims of the same story, reach
# 67-73 when they repeat its vocabulary, while reworded renditions spread from 15 to 90: no
# bar separates them (35: P 0.83 R 0.80; 50: P 0.90 R 0.61; 55: P 0.88 R 0.54; 60: P 0.93
# R 0.49). 55 because on the six-story outlet fixture 50 makes 5 false groups and 55 makes 3.
WORD_THRESHOLD = 55.0
# When both the credited source and the cue lemma agree, a slightly lower word score
# suffices. Only both together: one speaker with one verb ("said") makes several claims
# of a story, so either alone is no evidence.
EVIDENCE_THRESHOLD = 50.0
# The word measure needs this many stems on each side: a fragment ("cette décision")
# is inside any long claim of the story, so short contents must match as strings.
MIN_STEMS = 4
# A score this close under the bar is a near miss: listed for review, never joined.
NEAR_MISS_MARGIN = 10.0


# Content as compared: the one normaliser's key (folded, quote marks and punctuation dropped).
normalise_content = content_key


def _long_enough(text: str) -> bool:
    return len(text) >= MIN_PARTIAL_CHARS and text.count(" ") + 1 >= MIN_PARTIAL_WORDS


def content_words(text: str) -> frozenset[str]:
    """The words of a normalised content that can make it a candidate (three letters or more)."""
    return frozenset(w for w in text.split() if len(w) >= 3)


def stems(text: str, lemmas: Sequence[str] = ()) -> frozenset[str]:
    """The content-word stems of ``text`` (any case, marks), plus those of ``lemmas`` when known."""
    out = set()
    for w in [*WORD_PATTERN.findall(fold(text)), *(fold(x) for x in lemmas)]:
        if w.isdigit():
            out.add(w)
        elif len(w) >= MIN_WORD and w not in STOP:
            out.add(w[:STEM_CHARS])
    return frozenset(out)


def similarity(a: str, b: str) -> float:
    """How alike two normalised contents are as strings, 0-100.

    The whole-string ratio; when both are long enough (the length guard above),
    the best of it and the partial ratio (a trimmed quote inside a longer one),
    and, for contents of comparable length, the token-set ratio (the same words,
    some added or reordered).
    """
    score = fuzz.ratio(a, b)
    if _long_enough(a) and _long_enough(b):
        score = max(score, fuzz.partial_ratio(a, b))
        na, nb = a.count(" ") + 1, b.count(" ") + 1
        if min(na, nb) >= TOKEN_SET_MIN_SHARE * max(na, nb):
            score = max(score, fuzz.token_set_ratio(a, b))
    return float(score)


def word_overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """How much two stem sets share, 0-100: the mean of overlap (a part of the other) and Dice."""
    if not a or not b:
        return 0.0
    shared = len(a & b)
    return 100.0 * (shared / min(len(a), len(b)) + 2 * shared / (len(a) + len(b))) / 2


def match_score(text_a: str, text_b: str, stems_a: frozenset[str], stems_b: frozenset[str],
                *, same_source: bool = False, same_cue: bool = False) -> tuple[float, float]:
    """(score, bar): the better of the string and the word measure, and the bar it must reach.

    The string measure is held to :data:`THRESHOLD`; the word measure to
    :data:`WORD_THRESHOLD`, or :data:`EVIDENCE_THRESHOLD` when the source and the cue
    both agree. The score is reported on the
    word scale when the word measure decides, so that ``score >= bar`` is the decision.
    """
    string = similarity(text_a, text_b)
    if string >= THRESHOLD:
        return string, THRESHOLD
    bar = EVIDENCE_THRESHOLD if same_source and same_cue else WORD_THRESHOLD
    if min(len(stems_a), len(stems_b)) < MIN_STEMS:
        return string, THRESHOLD
    return word_overlap(stems_a, stems_b), bar


SAME, NEAR, DIFFERENT = "same", "near", "different"


def decide(score: float, bar: float) -> str:
    """``same`` at or above the bar, ``near`` within :data:`NEAR_MISS_MARGIN` under it, else ``different``."""
    if score >= bar:
        return SAME
    return NEAR if score >= bar - NEAR_MISS_MARGIN else DIFFERENT


def candidate_pairs(texts: Sequence[str], articles: Sequence[str],
                    stem_sets: Sequence[frozenset[str]] | None = None) -> set[tuple[int, int]]:
    """Pairs (i, j), i < j, of different articles sharing uncommon words or stems.

    Two contents are candidates when they share two uncommon words (three letters
    or more; one, for a content that has only one; a content with none, such as
    "oui", matches nothing) or, given ``stem_sets``, two uncommon stems (reworded
    renditions keep few exact words). An index of such words keeps the work
    near-linear instead of comparing every pair.
    """
    keys = [set(content_words(t)) for t in texts]
    if stem_sets is not None:
        for k, s in zip(keys, stem_sets, strict=True):
            k.update(f"\0{x}" for x in s)  # stems in their own namespace
    postings: dict[str, list[int]] = defaultdict(list)
    for i, ws in enumerate(keys):
        for w in ws:
            postings[w].append(i)
    common = max(COMMON_MIN, len(texts) // COMMON_DIV)
    uncommon = [frozenset(w for w in ws if len(postings[w]) <= common) for ws in keys]
    shared: Counter[tuple[int, int]] = Counter()
    for ids in postings.values():
        if len(ids) > common:
            continue
        for x, i in enumerate(ids):
            for j in ids[x + 1:]:
                if articles[i] != articles[j]:
                    shared[i, j] += 1
    return {(i, j) for (i, j), n in shared.items()
            if n >= min(2, len(uncommon[i]), len(uncommon[j]))}


def same_claim(a: str, b: str) -> tuple[str, float, float]:
    """Decide on two rendition texts alone (no source, no cue): (decision, score, bar)."""
    score, bar = match_score(normalise_content(a), normalise_content(b), stems(a), stems(b))
    return decide(score, bar), score, bar
