"""Word classes the patterns test, from the parse where there is one and from the lexicon's
closed classes and capitalisation where the parse is wrong or missing (English may come
with tokens only, and a small parser mis-tags quote marks, elided articles and names)."""

from __future__ import annotations

from ..docview import DocView, Tok

_PUNCT_CHARS = frozenset(".,;:!?…()[]{}-–—/«»‹›“”„‟‘’‚‛\"'*•·")
_NOUNISH = frozenset({"NOUN", "PROPN", "NUM", "X", "SYM"})


def is_punct(t: Tok) -> bool:
    return t.upos == "PUNCT" or t.mark or all(c in _PUNCT_CHARS for c in t.text)


def is_comma(t: Tok) -> bool:
    return t.text == ","


def is_det(v: DocView, t: Tok) -> bool:
    if t.mark:
        return False
    return t.low in v.lex.word_set("determiners") or (t.upos == "DET" and t.low not in ("«", "»"))


def is_noun(v: DocView, t: Tok) -> bool:
    """A noun, a name or a number (by UPOS; without a parse, any word outside the closed classes)."""
    if t.mark or is_punct(t):
        return False
    if t.low in v.language.elided_determiners:
        return False
    if t.upos:
        if t.upos in _NOUNISH:
            return True
        # a small parser tags capitalised words inside names as ADJ/ADV/VERB/PRON: trust the capital
        return t.cap and t.upos in ("ADJ", "ADV", "VERB", "INTJ", "PRON", "AUX") and not is_function(v, t)
    return t.text[:1].isalnum() and not is_function(v, t)


def is_adj(v: DocView, t: Tok) -> bool:
    return t.upos == "ADJ" and not t.mark and t.low not in v.lex.word_set("determiners")


def is_name(v: DocView, t: Tok) -> bool:
    """A word of a proper name: capitalised and not a closed-class word."""
    if not t.cap or t.mark or is_punct(t) or is_function(v, t):
        return False
    return t.upos in ("PROPN", "NOUN", "ADJ", "X", "", "VERB", "ADV", "NUM", "INTJ", "PRON", "AUX")


def is_function(v: DocView, t: Tok) -> bool:
    """A closed-class word (determiner, pronoun, preposition, conjunction, auxiliary)."""
    lex = v.lex
    low = t.low
    return (low in lex.word_set("determiners") or low in lex.word_set("subject_pronouns")
            or low in lex.word_set("relative_pronouns") or low in lex.word_set("coordinators")
            or low in lex.word_set("stop_words") or low in lex.word_set("auxiliaries")
            or low in lex.word_set("object_clitics"))


def is_verb(t: Tok) -> bool:
    return t.upos in ("VERB", "AUX")


def is_pronoun_subject(v: DocView, t: Tok) -> bool:
    return t.low in v.lex.word_set("subject_pronouns")


def is_inverted_clitic(v: DocView, t: Tok) -> bool:
    return t.low in v.language.inverted_clitics


def glued_clitic(v: DocView, k: int) -> bool:
    """An inverted clitic at word ``k`` hyphen-glued to the word before (dit-il, a-t-il): a
    hyphen after a space opens a dash aside ("répond -il faut le dire- que"), not an inversion."""
    toks = v.toks
    return is_inverted_clitic(v, toks[k]) and k > 0 and toks[k - 1].end == toks[k].start


def is_time(v: DocView, t: Tok) -> bool:
    return t.low in v.lex.word_set("time_words")


def is_adverb(v: DocView, t: Tok) -> bool:
    """An adverb, or a one-word incise of the lexicon (encore, d'ailleurs, also)."""
    if t.mark:
        return False
    return t.upos == "ADV" or t.low in v.lex.word_set("incise_words")


def _lows(v: DocView, i: int, limit: int, n: int = 5) -> list[str]:
    return [t.low for t in v.toks[i:min(limit, i + n)]]


def incise_at(v: DocView, i: int, limit: int) -> int:
    """End (exclusive) of a lexicon incise phrase starting at word ``i`` (pour sa part, quant à lui), else ``i``."""
    if i >= limit:
        return i
    return i + v.lex.phrase_at("incises", _lows(v, i, limit))


def incise_before(v: DocView, j: int, lo: int) -> int:
    """Start of a lexicon incise phrase ending at word ``j`` (inclusive), else ``j + 1``."""
    for n in (5, 4, 3, 2, 1):
        s = j - n + 1
        if s >= lo and v.lex.phrase_at("incises", _lows(v, s, j + 1)) == n:
            return s
    return j + 1
