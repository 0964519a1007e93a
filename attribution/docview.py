"""The one view of a parsed article that extraction and resolution both read.

``build_view(doc, lang)`` is called once per article. Both stages read words by
index over the whole article: text, lower-cased form, lemma, UPOS, gender and
number, head and relation (global indices), character offsets, the parser's
sentence, the unit (extraction's repaired sentence), the segment (resolution's
sentence) and the innermost quote holding the word. Building it is one pass
over the words; every later test is a list lookup, which keeps extraction
far above 50,000 words a second. Word indices are shared: extraction hands
resolution the words of each speaker mention (``words_in``), not offsets to find
again.

Words: multi-word tokens are folded back into their surface word (``du``), an
elided word keeps its apostrophe (``qu'``), quote marks glued to a word are
words of their own, an inverted subject is split from its verb (``a`` ``-t-il``)
and a sentence period glued to a word is split off.

Units are the parser's sentences, repaired: a parser often cuts inside a quote
or before an incise (``» / , a indiqué …``), so sentences are merged where
no sentence-final punctuation ends the first or the second starts with a
lower-case word or a comma, and where a quote runs over the boundary; they
are always cut at a line break, since a paragraph never continues a sentence.
Segments are the parser's sentences as resolution reads them: a line break
always ends one, and a parser cut with no final punctuation is undone.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from .lang import Language, Lexicon, language, load_lexicon, norm
from .quotes import QuoteSpan, find_quotes

Range = tuple[int, int]  # [first, last) word indices of the view: what the stages hand each other
Row = tuple[str, str, str, int, int, int, str, str]  # text, lemma, upos, start, end, head, deprel, feats
QUOTE_CHARS = frozenset("«»‹›“”„‟‘’‚‛\"'＂")
_FINAL = frozenset(".!?…")


_NORMS: dict[str, str] = {}


def _norm(word: str) -> str:
    """``lang.norm`` with a cache: most words of an article recur."""
    n = _NORMS.get(word)
    if n is None:
        n = norm(word)
        if len(_NORMS) < 200_000:
            _NORMS[word] = n
    return n


def _gender(feats: str) -> str | None:
    return "m" if "Gender=Masc" in feats else "f" if "Gender=Fem" in feats else None


def _number(feats: str) -> str | None:
    return "s" if "Number=Sing" in feats else "p" if "Number=Plur" in feats else None


class Tok:
    """One syntactic word with what both stages read."""

    __slots__ = ("i", "text", "low", "lemma", "upos", "start", "end", "head", "deprel", "feats",
                 "gender", "number", "unit", "quote", "mark", "cap", "sent", "seg")

    def __init__(self, i: int, text: str, lemma: str, upos: str, start: int, end: int, head: int,
                 deprel: str, feats: str) -> None:
        self.i = i
        self.text = text
        self.low = _norm(text)
        self.lemma = _norm(lemma) if lemma else self.low
        self.upos = upos
        self.start = start
        self.end = end
        self.head = head
        self.deprel = deprel
        self.feats = feats
        self.gender = _gender(feats) if feats else None  # "m" | "f"
        self.number = _number(feats) if feats else None  # "s" | "p"
        if text[:1] == "-" and self.gender is None and upos == "PRON":
            # an inverted subject clitic split off without features: its form tells (-t-elle, -ils)
            pron = self.low[self.low.rfind("-") + 1:]
            self.gender = "f" if pron.startswith("elle") else "m"
            self.number = "p" if pron.endswith("s") else "s"
        self.unit = 0
        self.sent = 0  # index of the parser's sentence (doc.sentences) holding the word
        self.seg = 0  # index of the segment (resolution's sentence) holding the word
        self.quote = -1  # index of the innermost quote whose marks enclose this word
        self.mark = bool(text) and all(c in QUOTE_CHARS for c in text)  # a bare quote mark
        self.cap = bool(text) and text[0].isupper()

    @property
    def is_subject(self) -> bool:
        return self.deprel.startswith("nsubj") or self.deprel.startswith("expl:subj")

    @property
    def pos(self) -> str:
        """The UPOS tag, X where the parser gave none (how resolution reads an untagged word)."""
        return self.upos or "X"

    def __repr__(self) -> str:
        return f"Tok({self.i}, {self.text!r}, {self.upos}, {self.deprel}>{self.head})"


def clitic_pronoun(t: Tok) -> tuple[str, int] | None:
    """The pronoun of an inverted subject clitic (``-t-il`` -> ``il``) and where it starts, else None."""
    if not t.text.startswith("-") or len(t.text) < 2:
        return None
    k = t.text.rfind("-") + 1
    return t.text[k:], t.start + k


@dataclass
class DocView:
    """The article as both stages see it."""

    text: str
    lang: str
    lex: Lexicon
    toks: list[Tok]
    units: list[tuple[int, int]]  # [first, last) word indices of each unit
    quotes: list[QuoteSpan]
    has_pos: bool
    has_deps: bool
    starts: list[int] = field(default_factory=list)  # start offset of every word, for bisection
    quote_starts: list[int] = field(default_factory=list)  # open_start of every quote (sorted)
    segments: list[tuple[int, int]] = field(default_factory=list)  # [first, last) word indices of each segment
    ents: tuple[tuple[int, int, str], ...] = ()  # named entities of the parse: start, end, type (PER, ORG …)

    def words_in(self, start: int, end: int) -> Range:
        """The [first, last) words that overlap characters [start, end) (a bisection, not a scan)."""
        a = max(0, bisect.bisect_right(self.starts, start) - 1)
        if a < len(self.toks) and self.toks[a].end <= start:
            a += 1  # the word before ``start`` ends before it
        b = bisect.bisect_left(self.starts, end, lo=a)
        return a, max(a, b)

    @cached_property
    def language(self) -> Language:
        """The word lists and switches of the article's language, as data (``attribution/lang/<code>/``)."""
        return language(self.lang)

    def sentence(self, s: int) -> list[Tok]:
        """The words of segment ``s``."""
        a, b = self.segments[s]
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
        near = sorted(order[bisect.bisect_left(starts, start - longest):bisect.bisect_left(starts, end)])
        for a, b, typ in (self.ents[k] for k in near):
            o = min(b, end) - max(a, start)
            if o > size and o * 2 >= end - start:
                best, size = typ, o
        return best

    def quotes_between(self, a: int, b: int) -> list[QuoteSpan]:
        """The quotes whose opening mark lies in characters [a, b) (a bisection, not a scan)."""
        lo = bisect.bisect_left(self.quote_starts, a)
        hi = bisect.bisect_left(self.quote_starts, b)
        return self.quotes[lo:hi]

    def word_at(self, pos: int) -> int:
        """Index of the first word starting at or after character ``pos`` (len(toks) if none)."""
        return bisect.bisect_left(self.starts, pos)

    def unit_of(self, i: int) -> tuple[int, int]:
        return self.units[self.toks[i].unit]

    def quote_of(self, i: int) -> QuoteSpan | None:
        q = self.toks[i].quote
        return self.quotes[q] if q >= 0 else None


def _word_rows(doc: Any) -> list[list[Row]]:
    """(text, lemma, upos, start, end, head-in-sentence, deprel, feats) of every word, by sentence.

    Reads stanza's attribute dictionaries directly (its properties cost a function call
    each, the larger part of extraction time); falls back to the properties elsewhere."""
    out = []
    for sentence in doc.sentences:
        rows: list[Row] = []
        for token in sentence.tokens:
            td = token.__dict__
            if "_words" not in td:
                return _word_rows_slow(doc)
            ts, te = td.get("_start_char"), td.get("_end_char")
            for w in td["_words"]:
                wd = w.__dict__
                s = wd.get("_start_char")
                e = wd.get("_end_char")
                if s is None:
                    s = ts
                if e is None:
                    e = te
                if s is None or e is None:
                    continue
                h = wd.get("_head")
                rows.append((wd.get("_text") or "", wd.get("_lemma") or "", wd.get("_upos") or "", s, e,
                             h if h is not None else -1, wd.get("_deprel") or "", wd.get("_feats") or ""))
        out.append(rows)
    return out


def _word_rows_slow(doc: Any) -> list[list[Row]]:
    out = []
    for sentence in doc.sentences:
        rows = []
        for token in sentence.tokens:
            ts, te = token.start_char, token.end_char
            for w in token.words:
                s = w.start_char if w.start_char is not None else ts
                e = w.end_char if w.end_char is not None else te
                if s is None or e is None:
                    continue
                rows.append((w.text, w.lemma or "", w.upos or "", s, e,
                             w.head if w.head is not None else -1, w.deprel or "", w.feats or ""))
        out.append(rows)
    return out


def _merge_multiword(text: str, rows: list[Row]) -> list[Row]:
    """Fold the words of a multi-word token (stanza's "des" -> "de" "les", which share one span)
    back into the surface word the patterns read, keeping the last word's tag (DET for du, des,
    au); heads pointing into the token point to the merged word."""
    if not any(rows[k][3] == rows[k - 1][3] and rows[k][4] == rows[k - 1][4] for k in range(1, len(rows))):
        return rows
    groups: list[list[int]] = []
    for k in range(len(rows)):
        if groups and rows[k][3] == rows[groups[-1][0]][3] and rows[k][4] == rows[groups[-1][0]][4]:
            groups[-1].append(k)
        else:
            groups.append([k])
    new_id = {k + 1: g + 1 for g, members in enumerate(groups) for k in members}
    out: list[Row] = []
    for members in groups:
        first, last = rows[members[0]], rows[members[-1]]
        s, e = first[3], first[4]
        inside = {m + 1 for m in members}
        head = next((rows[m][5] for m in members if rows[m][5] not in inside), 0)
        deprel = next((rows[m][6] for m in members if rows[m][5] not in inside), first[6])
        t = text[s:e] if len(members) > 1 else first[0]
        out.append((t, last[1], last[2], s, e, new_id.get(head, 0) if head > 0 else head, deprel, last[7]))
    return out


def _glue_elisions(text: str, rows: list[Row], elided: frozenset[str]) -> list[Row]:
    """Join an elided word and its apostrophe split by the parser ("d" "'" -> "d'"), so that
    the apostrophe is never read as a quote mark; heads are renumbered."""
    drop = [k for k in range(1, len(rows))
            if rows[k][0] in ("'", "’") and rows[k - 1][0] in elided and rows[k - 1][4] == rows[k][3]]
    if not drop:
        return rows
    gone = set(drop)
    new_id: dict[int, int] = {}  # old 1-based id -> new 1-based id
    n = 0
    for k in range(len(rows)):
        if k in gone:
            new_id[k + 1] = n  # the apostrophe's dependents hang on the elided word
            continue
        n += 1
        new_id[k + 1] = n
    out: list[Row] = []
    for k, (t, lemma, upos, s, e, head, deprel, feats) in enumerate(rows):
        if k in gone:
            continue
        if k + 1 in gone:
            e = rows[k + 1][4]
            t = text[s:e]
        out.append((t, lemma, upos, s, e, new_id.get(head, 0) if head > 0 else head, deprel, feats))
    return out


_GLUED = frozenset("«»‹›“”„‟\"")


_NEVER = re.compile(r"(?!)")  # matches nothing: a language without inverted clitics


@functools.cache
def _clitic_re(clitics: tuple[str, ...]) -> re.Pattern[str]:
    """verb, optional euphonic -t, hyphenated clitic: a-t-il, déclare-t-elle, dit-on."""
    if not clitics:
        return _NEVER
    return re.compile(r"^(\w+?)(-t)?(-(?:" + "|".join(map(re.escape, clitics)) + r"))$", re.IGNORECASE)


def _renumber(pieces: list[list[Row]], new_id: dict[int, int]) -> list[Row]:
    """The rows of ``pieces`` with heads renumbered after a split: a negative head -k is the new
    id of old word k (a split-off piece hangs on its word), a positive one the old id mapped."""
    out: list[Row] = []
    for part in pieces:
        for (t, lemma, upos, s, e, head, deprel, feats) in part:
            if head < 0:
                head = new_id[-head]
            elif head > 0:
                head = new_id.get(head, 0)
            out.append((t, lemma, upos, s, e, head, deprel, feats))
    return out


def _split_final_period(rows: list[Row], abbreviations: frozenset[str]) -> list[Row]:
    """Split a sentence period glued to a word ("Irak." -> "Irak" "."), which a small tokenizer
    leaves; abbreviations (M., etc., Dr.) keep theirs."""
    if not any(len(r[0]) > 3 and r[0].endswith(".") for r in rows):
        return rows
    pieces: list[list[Row]] = []
    new_id: dict[int, int] = {}
    n = 0
    for k, (t, lemma, upos, s, e, head, deprel, feats) in enumerate(rows):
        word = t[:-1]
        if len(t) > 3 and t.endswith(".") and word.isalpha() and word.lower() not in abbreviations \
                and not word.isupper():
            new_id[k + 1] = n + 1
            pieces.append([(word, lemma.rstrip(".") or word.lower(), upos, s, e - 1, head, deprel, feats),
                           (".", ".", "PUNCT", e - 1, e, -(k + 1), "punct", "")])
            n += 2
        else:
            n += 1
            new_id[k + 1] = n
            pieces.append([(t, lemma, upos, s, e, head, deprel, feats)])
    return _renumber(pieces, new_id)


def _split_clitics(rows: list[Row], lang: Language) -> list[Row]:
    """Split an inverted verb kept whole by the tokenizer ("a-t-il", "déclare-t-elle") into the
    verb and its subject clitic, as other tokenizers do ("a" "-t-il")."""
    clitic_re = _clitic_re(lang.inverted_subject_clitics)
    if not any("-" in r[0] and clitic_re.match(r[0]) for r in rows):
        return rows
    pieces: list[list[Row]] = []
    new_id: dict[int, int] = {}
    n = 0
    for k, (t, lemma, upos, s, e, head, deprel, feats) in enumerate(rows):
        m = clitic_re.match(t) if "-" in t else None
        if m is None:
            n += 1
            new_id[k + 1] = n
            pieces.append([(t, lemma, upos, s, e, head, deprel, feats)])
            continue
        verb = m.group(1)
        cut = s + len(verb)
        vupos = "AUX" if verb.lower() in lang.clitic_split_aux else "VERB"
        vlemma = lemma if lemma and "-" not in lemma else verb.lower()
        new_id[k + 1] = n + 1
        pieces.append([(verb, vlemma, vupos, s, cut, head, deprel, feats if vupos == upos else ""),
                       (t[len(verb):], m.group(3)[1:].lower(), "PRON", cut, e, -(k + 1), "nsubj", "")])
        n += 2
    return _renumber(pieces, new_id)


def _split_glued_marks(rows: list[Row]) -> list[Row]:
    """Split quote marks glued to a word by the tokenizer ("»»La" -> "»" "»" "La", "coalition»"),
    so that every quote mark is a word of its own; the word keeps its head, the marks hang on it."""
    if not any(len(r[0]) > 1 and (r[0][0] in _GLUED or r[0][-1] in _GLUED) and not all(c in _GLUED for c in r[0])
               for r in rows):
        return rows
    pieces: list[list[Row]] = []
    new_id: dict[int, int] = {}
    n = 0
    for k, (t, lemma, upos, s, e, head, deprel, feats) in enumerate(rows):
        if len(t) > 1 and not all(c in _GLUED for c in t) and (t[0] in _GLUED or t[-1] in _GLUED):
            a = 0
            while a < len(t) and t[a] in _GLUED:
                a += 1
            b = len(t)
            while b > a and t[b - 1] in _GLUED:
                b -= 1
            word = t[a:b]
            relemma = lemma if lemma and lemma.lower().lstrip("".join(_GLUED)) == lemma.lower() else word.lower()
            part: list[Row] = []
            for m in range(a):
                part.append((t[m], t[m], "PUNCT", s + m, s + m + 1, -(k + 1), "punct", ""))
            word_index = len(part)
            part.append((word, relemma, upos if relemma == lemma else "", s + a, s + b, head, deprel,
                         feats if relemma == lemma else ""))
            for m in range(b, len(t)):
                part.append((t[m], t[m], "PUNCT", s + m, s + m + 1, -(k + 1), "punct", ""))
            new_id[k + 1] = n + word_index + 1
            n += len(part)
            pieces.append(part)
        else:
            n += 1
            new_id[k + 1] = n
            pieces.append([(t, lemma, upos, s, e, head, deprel, feats)])
    return _renumber(pieces, new_id)


def build_view(doc: Any, lang: str) -> DocView:
    """The view of a parsed article ``doc`` (a ``stanza.Document``; its ``text`` is the article)."""
    lex = load_lexicon(lang)
    data = language(lang)
    text: str = doc.text or ""
    quotes = find_quotes(text)
    toks: list[Tok] = []
    sent_bounds: list[tuple[int, int]] = []
    has_pos = has_deps = False
    for sent_index, rows in enumerate(_word_rows(doc)):
        rows = _split_final_period(_split_clitics(_split_glued_marks(
            _glue_elisions(text, _merge_multiword(text, rows), data.elided_words)), data), data.abbreviations)
        base = len(toks)
        for k, (t, lemma, upos, s, e, head, deprel, feats) in enumerate(rows):
            # stanza heads are 1-based within the sentence, 0 is the root
            g = base + head - 1 if head > 0 else -1
            if head > 0 and head - 1 >= len(rows):
                g = -1
            tok = Tok(base + k, t, lemma, upos, s, e, g, deprel, feats)
            tok.sent = sent_index
            toks.append(tok)
            has_pos = has_pos or bool(upos)
            has_deps = has_deps or bool(deprel)
        if len(toks) > base:
            sent_bounds.append((base, len(toks)))
    _mark_quotes(toks, quotes)
    units = _units(text, toks, sent_bounds, quotes)
    for u, (a, b) in enumerate(units):
        for i in range(a, b):
            toks[i].unit = u
    try:
        ents = tuple((e.start_char, e.end_char, str(e.type)) for e in doc.ents if e.start_char is not None)
    except (AttributeError, TypeError):  # a parse without entities
        ents = ()
    return DocView(text, lex.lang, lex, toks, units, quotes, has_pos, has_deps, [t.start for t in toks],
                   [q.open_start for q in quotes], _segments(text, toks), ents)


_SEG_FINAL = (".", "!", "?", "…", ":", ";", "»", "”", '"', ")")


def _segments(text: str, toks: list[Tok]) -> list[tuple[int, int]]:
    """Sentences as resolution needs them: a line break always ends one (the small parsers run paragraphs
    together); a parser boundary with no final punctuation and no line break is undone ("Bruno | Le Roux")."""
    bounds: list[tuple[int, int]] = []
    seg = -1
    first = 0
    for k, t in enumerate(toks):
        if k == 0:
            new = True
        else:
            prev = toks[k - 1]
            if "\n" in text[prev.end:t.start]:
                new = True
            elif t.sent != prev.sent:
                new = prev.text.endswith(_SEG_FINAL) or prev.upos == "PUNCT"
            else:
                new = False
        if new:
            if k > 0:
                bounds.append((first, k))
            first = k
            seg += 1
        t.seg = seg
    if toks:
        bounds.append((first, len(toks)))
    return bounds


def _mark_quotes(toks: list[Tok], quotes: list[QuoteSpan]) -> None:
    """Give each word the innermost quote enclosing it (a sweep over words and sorted quotes)."""
    if not quotes:
        return
    open_: list[int] = []  # stack of quote indices whose span is open
    q = 0
    for t in toks:
        while open_ and quotes[open_[-1]].close_end <= t.start:
            open_.pop()
        while q < len(quotes) and quotes[q].open_start <= t.start:
            if quotes[q].close_end > t.start:
                while open_ and quotes[open_[-1]].close_end <= quotes[q].open_start:
                    open_.pop()
                open_.append(q)
            q += 1
        while open_ and quotes[open_[-1]].close_end <= t.start:
            open_.pop()
        if open_:
            t.quote = open_[-1]


def _ends_sentence(toks: list[Tok], a: int, b: int) -> bool:
    """Whether words [a, b) end with sentence-final punctuation (closing marks and brackets aside)."""
    for i in range(b - 1, a - 1, -1):
        t = toks[i]
        if t.mark or t.text in (")", "]", "»", "”"):
            continue
        return t.text[-1:] in _FINAL
    return False


def _units(text: str, toks: list[Tok], sents: list[tuple[int, int]],
           quotes: list[QuoteSpan]) -> list[tuple[int, int]]:
    """Sentences repaired: merged over false cuts and quotes, cut at line breaks."""
    if not toks:
        return []
    cuts = {a for a, _ in sents}
    opens = {q.open_start for q in quotes}
    for i in range(1, len(toks)):
        # Cut at every line break between two words, whatever the parser said.
        if "\n" in text[toks[i - 1].end:toks[i].start]:
            cuts.add(i)
            continue
        # Cut after a sentence end that the parser missed: "… en Irak.»»La commission …"
        t = toks[i - 1]
        if t.text in (".", "!", "?", "…"):
            j = i
            while j < len(toks) and toks[j].mark and toks[j].start not in opens:
                j += 1
            if j < len(toks) and j > i - 1 and (toks[j].start in opens or toks[j].cap) and (
                    t.quote < 0 or quotes[t.quote].close_end <= toks[j].start):
                cuts.add(j)
    bounds = sorted(cuts | {len(toks)})
    units: list[tuple[int, int]] = []
    a = bounds[0]
    for b in bounds[1:]:
        if b >= len(toks):
            units.append((a, b))
            break
        gap = text[toks[b - 1].end:toks[b].start]
        if "\n" in gap:
            units.append((a, b))
            a = b
            continue
        first = toks[b]
        # A quote whose marks enclose the boundary keeps both sides together.
        inside_quote = first.quote >= 0 and quotes[first.quote].open_start < toks[b - 1].end
        lower_start = first.text[:1].islower() or first.text[:1] in ",;:)]-–—"
        if inside_quote or lower_start or not _ends_sentence(toks, a, b):
            continue  # a false cut: merge
        units.append((a, b))
        a = b
    if not units or units[-1][1] != len(toks):
        units.append((a, len(toks)))
    return units
