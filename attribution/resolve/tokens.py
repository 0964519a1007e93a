"""A flat, parser-neutral view of a stanza Document: one record per syntactic word.

Resolution reads words, not tokens; but words of a multi-word token (``du`` ->
``de le``) have no offsets of their own, quote marks stick to words (``»Suite``)
and inverted subjects stick to verbs (``a-t-il``). This view gives every word
offsets into the text, a text without the glued quote marks, and splits the
inverted clitic pronouns out, so that the rules can rely on them.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from .lexicon import norm

QUOTE_CHARS = "«»“”„‟‹›\"‘"
# an inverted subject glued to its verb: "a-t-il", "déclare-t-elle", "conclut-il", "-il"
_INVERTED = re.compile(r"^(?P<verb>.*?)-(?:t-)?(?P<pron>il|elle|ils|elles|on|he|she)$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Tok:
    """One syntactic word with offsets; ``head`` is a global index, -1 for a root."""

    i: int
    sent: int
    text: str
    low: str
    lemma: str
    upos: str
    gender: str | None  # "m" | "f"
    number: str | None  # "s" | "p"
    head: int
    deprel: str
    start: int
    end: int

    @property
    def is_cap(self) -> bool:
        return bool(self.text) and self.text[0].isupper()

    @property
    def is_subject(self) -> bool:
        return self.deprel.startswith("nsubj") or self.deprel.startswith("expl:subj")


@dataclass(frozen=True)
class TokView:
    text: str
    toks: tuple[Tok, ...]
    sent_bounds: tuple[tuple[int, int], ...]  # [first, last+1) token indices per sentence
    ents: tuple[tuple[int, int, str], ...] = ()  # named entities of the parse: start, end, type (PER, ORG, LOC …)

    @cached_property
    def starts(self) -> list[int]:
        """The start offset of every word, for bisection (words are in text order)."""
        return [t.start for t in self.toks]

    @cached_property
    def _ent_index(self) -> tuple[list[int], list[int], int]:
        """The entities' starts sorted, their positions in that order, and the longest entity's length."""
        order = sorted((a, k) for k, (a, _b, _t) in enumerate(self.ents))
        longest = max((b - a for a, b, _t in self.ents), default=0)
        return [a for a, _ in order], [k for _, k in order], longest

    def ner(self, start: int, end: int) -> str | None:
        """The type of the named entity that best covers start..end, if the parse has one."""
        best, size = None, 0
        # only entities that overlap start..end can count: those starting within the longest entity's length
        # before it (found by bisection, then taken in their own order: the first best one wins, as in a scan)
        starts, order, longest = self._ent_index
        near = sorted(order[bisect_left(starts, start - longest):bisect_left(starts, end)])
        for a, b, typ in (self.ents[k] for k in near):
            o = min(b, end) - max(a, start)
            if o > size and o * 2 >= end - start:
                best, size = typ, o
        return best

    def sentence(self, s: int) -> tuple[Tok, ...]:
        a, b = self.sent_bounds[s]
        return self.toks[a:b]

    def depth(self, i: int) -> int:
        """Distance of word ``i`` to the root of its sentence (0 for the root)."""
        d = 0
        seen = set()
        while self.toks[i].head >= 0 and i not in seen and d < 50:
            seen.add(i)
            i = self.toks[i].head
            d += 1
        return d


def _gender(feats: str | None) -> str | None:
    if not feats:
        return None
    return "m" if "Gender=Masc" in feats else "f" if "Gender=Fem" in feats else None


def _number(feats: str | None) -> str | None:
    if not feats:
        return None
    return "s" if "Number=Sing" in feats else "p" if "Number=Plur" in feats else None


def _strip_quotes(text: str, start: int) -> tuple[str, int, int]:
    """The text of a word without quote marks glued to either side, and its new offsets."""
    a, b = 0, len(text)
    while a < b and text[a] in QUOTE_CHARS:
        a += 1
    while b > a and text[b - 1] in QUOTE_CHARS:
        b -= 1
    if a == b:  # a bare quote mark stays what it is
        return text, start, start + len(text)
    return text[a:b], start + a, start + b


def build_view(doc: Any) -> TokView:
    """The word view of a stanza Document (tokenised, tagged and parsed)."""
    toks: list[Tok] = []
    bounds: list[tuple[int, int]] = []
    text: str = doc.text or ""
    for s_idx, sent in enumerate(doc.sentences):
        first = len(toks)
        # (word, start, end, cleaned text, cleaned start, cleaned end, inverted-subject match)
        items: list[tuple[Any, int, int, str, int, int, re.Match[str] | None]] = []
        for token in sent.tokens:
            t_start = token.start_char if token.start_char is not None else 0
            t_end = token.end_char if token.end_char is not None else t_start
            words = token.words
            for w in words:
                if len(words) == 1:
                    ws, we = t_start, t_end
                elif w.start_char is not None and w.end_char is not None:
                    ws, we = w.start_char, w.end_char
                else:  # a word of a contraction shares the token's offsets
                    ws, we = t_start, t_end
                wtext = text[ws:we] if we > ws else (w.text or "")
                clean, cs, ce = _strip_quotes(wtext, ws)
                m = _INVERTED.match(clean) if "-" in clean else None
                items.append((w, ws, we, clean, cs, ce, m))
        # global index of each word id (a split "a-t-il" keeps its id on the verb part)
        local: dict[int, int] = {}
        k = first
        for w, *_rest, m in items:
            local[int(w.id)] = k
            k += 2 if (m and m.group("verb")) else 1
        for w, _ws, _we, clean, cs, ce, m in items:
            feats = w.feats
            head = local.get(int(w.head), -1) if w.head else -1
            lemma = norm(w.lemma or clean)
            if m:
                pron, verb = m.group("pron"), m.group("verb")
                if verb:  # keep the verb as its own word
                    upos = "VERB" if w.upos in ("NOUN", "X", "PROPN") else (w.upos or "VERB")
                    toks.append(Tok(len(toks), s_idx, verb, norm(verb), lemma, upos, None, None,
                                    head, w.deprel or "", cs, cs + len(verb)))
                lp = norm(pron)
                toks.append(Tok(len(toks), s_idx, pron, lp, lp, "PRON",
                                "f" if lp.startswith("elle") or lp == "she" else "m",
                                "p" if lp.endswith("s") else "s",
                                len(toks) - 1 if verb else head, "nsubj", ce - len(pron), ce))
                continue
            toks.append(Tok(len(toks), s_idx, clean, norm(clean), lemma, w.upos or "X", _gender(feats), _number(feats),
                            head, w.deprel or "", cs, ce))
        bounds.append((first, len(toks)))
    try:
        ents = tuple((e.start_char, e.end_char, str(e.type)) for e in doc.ents if e.start_char is not None)
    except (AttributeError, TypeError):  # a parse without entities
        ents = ()
    return _resegment(text, toks, ents)


_FINAL = (".", "!", "?", "…", ":", ";", "»", "”", '"', ")")


def _resegment(text: str, toks: list[Tok], ents: tuple[tuple[int, int, str], ...]) -> TokView:
    """Sentences as resolution needs them: a line break always ends one (the small parsers run paragraphs
    together); a parser boundary with no final punctuation and no line break is undone ("Bruno | Le Roux")."""
    out: list[Tok] = []
    bounds: list[tuple[int, int]] = []
    sent = -1
    first = 0
    for k, t in enumerate(toks):
        if k == 0:
            new = True
        else:
            prev = toks[k - 1]
            gap = text[prev.end:t.start]
            if "\n" in gap:
                new = True
            elif t.sent != prev.sent:
                new = prev.text.endswith(_FINAL) or prev.upos == "PUNCT"
            else:
                new = False
        if new:
            if k > 0:
                bounds.append((first, k))
            first = k
            sent += 1
        out.append(Tok(t.i, sent, t.text, t.low, t.lemma, t.upos, t.gender, t.number, t.head, t.deprel, t.start, t.end)
                   if t.sent != sent else t)
    if toks:
        bounds.append((first, len(toks)))
    return TokView(text, tuple(out), tuple(bounds), ents)
