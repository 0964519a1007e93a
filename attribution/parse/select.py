"""Which sentences of an article need the full parse: a cheap first pass over the tokens.

A claim needs a cue: a quotation mark, a cue verb of the language's lexicon (found by its
form, or by the stem of its lemma, since the first pass has no lemmas), a source preposition
(``selon``, ``d'après``, ``according to``) or a colon. Such a sentence and its neighbours
(the sentence before names the speaker of a pronoun, the one after may end a quote) get the
full parse; the others only what resolution reads around them.

Input: the words of a paragraph as (text, start, end) after the tokenizer alone. Output: the
rule sentences, as (first, last) word ranges, and a flag per sentence.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from ..lang import load_lexicon, norm

# Characters that open or close a quotation (the first pass cannot tell a quote from an apostrophe
# inside a word, so only a mark that is a word of its own counts).
QUOTE_MARKS = frozenset("«»‹›“”„‟\"＂")
# A sentence ends at final punctuation (closing quote marks may follow it).
_FINAL = frozenset(".!?…")
_CLOSERS = frozenset("»”\")’")
# Stems shorter than this would match too many words (``dir`` of ``dire`` is in irregular_forms).
MIN_STEM = 4
# How many sentences before and after a selected one also get the full parse.
NEIGHBOURS = 1

Word = tuple[str, int, int]  # text, start, end


@cache
def cue_words(lang: str) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(forms, stems, first words of prepositional cues) for ``lang``, all normalised."""
    lex = load_lexicon(lang)
    forms = set(lex.forms)
    stems = set()
    for lemma in [*lex.cues, *lex.reflexive, *lex.multiword]:
        for word in norm(lemma).replace("'", "' ").split():
            forms.add(word)
            # The stem reaches the inflections the lexicon does not list (regular endings); a stem
            # cut too short only selects more sentences, never fewer.
            stem = word[:-2] if word[-2:] in ("er", "ir", "re") else word.rstrip("e")
            if len(stem) >= MIN_STEM:
                stems.add(stem)
    preps = {norm(p).replace("'", "' ").split()[0] for p in lex.prepositions}
    # "pour" and "suivant" count too (pour le ministre, …): a sentence without them never gives
    # a prepositional claim.
    return frozenset(forms), frozenset(stems), frozenset(preps)


def _is_cue(low: str, forms: frozenset[str], stems: frozenset[str]) -> bool:
    if low in forms:
        return True
    return any(low[:n] in stems for n in range(MIN_STEM, len(low) + 1))


def sentences(words: Sequence[Word]) -> list[tuple[int, int]]:
    """[first, last) word ranges of the rule sentences: after final punctuation (and closing
    quotes) when the next word starts with a capital, a digit or an opening mark."""
    out = []
    first = 0
    n = len(words)
    for i, (text, _s, _e) in enumerate(words):
        if i + 1 >= n:
            break
        nxt = words[i + 1][0]
        if text in _CLOSERS and i > first and words[i - 1][0][-1:] in _FINAL:
            final = True
        else:
            final = text[-1:] in _FINAL and nxt not in _CLOSERS
        if final and (nxt[:1].isupper() or nxt[:1].isdigit() or nxt[:1] in "«“\"—–-"):
            out.append((first, i + 1))
            first = i + 1
    if first < n:
        out.append((first, n))
    return out


def needs_parse(words: Sequence[Word], lang: str) -> bool:
    """Whether one sentence may hold a claim (a quote mark, cue form, source preposition, colon)."""
    forms, stems, preps = cue_words(lang)
    lows = [norm(t) for t, _s, _e in words]
    for low in lows:
        if low in QUOTE_MARKS or low == ":" or low in preps:
            return True
        if _is_cue(low, forms, stems):
            return True
    return False


def spread(hits: Sequence[bool], reach: int = NEIGHBOURS) -> list[bool]:
    """The sentences to parse: those hit and their neighbours up to ``reach`` on each side
    (over the whole article: the speaker of a pronoun may end the previous paragraph)."""
    n = len(hits)
    return [any(hits[max(0, k - reach):min(n, k + reach + 1)]) for k in range(n)]


def select(words: Sequence[Word], lang: str) -> list[tuple[int, int, bool]]:
    """The rule sentences of ``words`` (one paragraph) as (first, last, full parse?), neighbours included."""
    sents = sentences(words)
    full = spread([needs_parse(words[a:b], lang) for a, b in sents])
    return [(a, b, f) for (a, b), f in zip(sents, full, strict=True)]
