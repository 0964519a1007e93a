"""Speaker resolution for one article: mentions -> links -> entities -> speakers filled in.

Resolution reads the article's one view (``docview``) and starts from the words of
each speaker mention that extraction found there: the mention its own scan found on
those words, else one made from them.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from ..docview import DocView, Range, build_view
from ..lang import Role, SourceLexicon, fold, load_sources, norm
from ..records import Attribution, Entity, Span, Speaker
from .entities import EntityBuilder
from .link import Linker
from .mentions import (
    DOCUMENT,
    K_DOC,
    K_ORG,
    K_ROLE,
    LAST,
    NAME,
    NOMINAL,
    PRONOUN,
    Mention,
    find_mentions,
    human_noun,
    quote_regions,
)
from .spans import RegionIndex

# "l'un des X", "une de ses X", "one of the X": a single member of a plural set


def _overlap(a0: int, a1: int, b0: int, b1: int) -> int:
    return max(0, min(a1, b1) - max(a0, b0))


def speaker_mention(mentions: list[Mention], start: int, end: int) -> Mention | None:
    """The mention a speaker span stands for: the same span, the outermost mention inside it, or the best overlap."""
    exact = [m for m in mentions if m.start == start and m.end == end]
    if exact:
        return exact[0]
    inside = [m for m in mentions if start <= m.start and m.end <= end]
    around = [m for m in mentions if m.start <= start and end <= m.end]
    if around and not any(m.start == start for m in inside):
        # the span begins inside a longer phrase ("LR des Alpes-Maritimes" of "député LR des …"): that phrase
        return min(around, key=lambda m: m.end - m.start)
    if inside:
        # the outermost, earliest mention: "la porte-parole …, Sabrina Singh" -> the role, whose unit holds the name
        outer = [m for m in inside if not any(o is not m and o.start <= m.start and m.end <= o.end for o in inside)]
        # the phrase the span begins with is its head ("Officials in Baghdad" are officials, not Baghdad);
        # an apposition's name and role are one unit anyway
        # (two mentions of the same span hide each other from ``outer``: then the earliest inside)
        return min(outer or inside, key=lambda m: m.start)
    best = max(mentions, key=lambda m: _overlap(m.start, m.end, start, end), default=None)
    if best is not None and _overlap(best.start, best.end, start, end) * 2 >= (end - start):
        return best
    return None


class MentionIndex:
    """The mentions of an article by start, to find those near a span without scanning them all."""

    def __init__(self, mentions: list[Mention]) -> None:
        self.ms = mentions
        self.keys: list[tuple[int, int]] = []  # (start, position in the list), sorted
        self.longest = 0
        for k in range(len(mentions)):
            self.added(k)

    def added(self, k: int) -> None:
        """Take in the mention at position k of the list."""
        m = self.ms[k]
        insort(self.keys, (m.start, k))
        self.longest = max(self.longest, m.end - m.start)

    def near(self, start: int, end: int) -> list[Mention]:
        """The mentions that can overlap, hold or lie in start..end, in the list's order."""
        if end <= start:
            return self.ms  # an empty span: every mention has the same (no) overlap with it
        a = bisect_left(self.keys, (start - self.longest, -1))
        b = bisect_right(self.keys, (end, len(self.ms)))
        return [self.ms[k] for k in sorted(k for _, k in self.keys[a:b])]


def words_mention(view: DocView, lex: SourceLexicon, speaker: Speaker, words: Range, idx: int) -> Mention | None:
    """A mention made from the words of a speaker that no rule found: the extractor says someone speaks there."""
    toks = view.toks[words[0]:words[1]]
    if not toks:
        return None
    start, end = speaker.start, speaker.end
    text = view.text[start:end]
    low = norm(text).strip()
    sent = toks[0].seg
    if low in lex.pronouns or low in lex.last_mentioned:
        f = lex.pronouns.get(low) or lex.last_mentioned[low]
        kind = PRONOUN if low in lex.pronouns else LAST
        return Mention(id=idx, start=start, end=end, text=text, sent=sent, head=toks[-1].i, kind=kind,
                       gender=f.gender, number=f.number, is_subject=True, is_speaker=True)
    inside = {t.i for t in toks}
    # the head: a lexicon noun, else the noun the parse says heads the span, else the first word after the article
    head = next((t for t in toks if t.lemma in lex.phrases or t.low in lex.phrases), None) \
        or next((t for t in toks if t.head not in inside and t.pos in ("NOUN", "PROPN")), None) \
        or next((t for t in toks if t.pos in ("NOUN", "PROPN")), None) \
        or next((t for t in toks if t.low not in lex.determiners), toks[-1])
    det = None
    first = toks[0]
    if first.low in lex.possessive:
        det = "poss"
    elif first.low in lex.demonstrative:
        det = "dem"
    elif first.low in lex.definite:
        det = "def"
    elif first.low in lex.indefinite:
        det = "indef"
    number = head.number
    if number is None and head.pos == "X" and head.low.endswith("s") and len(head.low) > 3:
        number = "p"  # no tagger (a blank pipeline): a final -s is the plural mark of English and French nouns
    if lex.partitive.match(low):
        det, number = "indef", "s"  # "l'un des témoins", "une de ses proches": one unnamed member of the set
    m = Mention(id=idx, start=start, end=end, text=text, sent=sent, head=head.i, kind=NOMINAL, det=det,
                gender=head.gender, number=number, is_subject=head.is_subject, is_speaker=True,
                poss_number=lex.possessive.get(first.low) if det == "poss" else None)
    key = head.lemma
    if key in lex.document_nouns or head.low in lex.document_nouns:
        m.kind, m.noun, m.noun_kind = DOCUMENT, key, K_DOC
    elif key in lex.roles:
        m.noun, m.noun_kind, m.role = key, K_ROLE, lex.roles[key]
    elif key not in lex.org_nouns and human_noun(lex, key) and not head.cap:
        # an unknown agent noun that speaks ("le sélectionneur", "une urgentiste") is a person, not a body
        m.noun, m.noun_kind, m.role = key, K_ROLE, Role(key, "generic")
    elif head.cap:
        m.kind = NAME
        named = [t for t in toks if t.cap]
        m.name = view.text[named[0].start:named[-1].end]
        m.name_toks = tuple(fold(t.text) for t in named)
        m.det = "def" if det == "def" else None
    else:
        m.noun, m.noun_kind = key, K_ORG if number != "p" else None
        m.extra["guessed"] = "1"  # no table knows the noun: a body by default, a weak antecedent
    return m


def resolve_article(doc: Any, attributions: list[Attribution], lang: str) -> tuple[list[Attribution], list[Entity]]:
    """Resolve speakers given by their offsets in a parsed article (``doc.text``): the view is built here."""
    if not getattr(doc, "sentences", None):
        return list(attributions), []
    view = build_view(doc, lang)
    return resolve_view(view, attributions, speaker_words(view, attributions))


def speaker_words(view: DocView, attributions: Sequence[Attribution]) -> list[Range | None]:
    """The words of each speaker in ``view``, for speakers known by their offsets only."""
    return [view.words_in(a.speaker.start, a.speaker.end) if a.speaker is not None else None for a in attributions]


def resolve_view(view: DocView, attributions: Sequence[Attribution],
                 speakers: Sequence[Range | None]) -> tuple[list[Attribution], list[Entity]]:
    """Fill ``speaker.resolved``, ``speaker.entity`` and ``speaker.type``; return the article's entities.

    ``speakers[k]`` is the [first, last) words of attribution k's speaker in ``view`` (extraction's mention).
    """
    attributions = list(attributions)
    if not view.toks:
        return attributions, []
    # without a dependency parse (a blank pipeline) the rules still run, on word forms and capitals alone
    lex = load_sources(view.lang)
    direct = [(a.content.start, a.content.end) for a in attributions if a.type == "direct"]
    regions = quote_regions(view.text, lex.quote_marks, direct)
    mentions = find_mentions(view, lex, regions)
    region_index = RegionIndex(regions)
    # the speakers: each one is a mention, made from its words when no rule found it
    spk: dict[int, Mention] = {}
    index = MentionIndex(mentions)  # the mentions near each speaker span, found by bisection
    for k, a in enumerate(attributions):
        words = speakers[k]
        if a.speaker is None or words is None:
            continue
        m = speaker_mention(index.near(a.speaker.start, a.speaker.end), a.speaker.start, a.speaker.end)
        if m is not None and lex.partitive.match(norm(a.speaker.text)):
            m = None  # "l'un des témoins" is one witness, not the witnesses: a mention of its own
        if m is None:
            m = words_mention(view, lex, a.speaker, words, len(mentions))
            if m is None:
                continue
            mentions.append(m)
            index.added(len(mentions) - 1)
            m.quote_region = region_index.containing(m.start, m.end)
            m.in_quote = m.quote_region >= 0
        m.is_speaker = True
        spk[k] = m
    # what each speaker mention reports: words of its own content never name who speaks
    contents: dict[int, list[tuple[int, int]]] = {}
    for k, m in spk.items():
        c = attributions[k].content
        if c.end > c.start:
            contents.setdefault(m.id, []).append((c.start, c.end))
    linker = Linker(view, lex, mentions, regions, contents)
    ents = linker.run()
    # the entities to report: every speaker's, and the heads and issuers they stand for
    keep: set[int] = set()
    for m in spk.values():
        if m.entity is None:  # a speaker that no rule kept (a place, a quoted role): it speaks all the same
            if m.place:
                linker.link_place(m)
            else:
                linker.add(linker.new(), m)
        if m.entity is not None:
            keep.add(m.entity)
    todo = list(keep)
    while todo:
        e = ents[todo.pop()]
        if e.head is not None and e.head not in keep:
            keep.add(e.head)
            todo.append(e.head)
    builder = EntityBuilder(view.text, lex, ents, mentions)
    entities, ids, types = builder.build(keep)
    out: list[Attribution] = []
    for k, a in enumerate(attributions):
        m = spk.get(k)
        if a.speaker is None or m is None or m.entity is None:
            out.append(a)
            continue
        resolved = resolved_span(linker, m, view.text)
        speaker = Speaker(a.speaker.start, a.speaker.end, a.speaker.text, resolved=resolved,
                          entity=ids.get(m.entity), type=types.get(m.entity))
        out.append(replace(a, speaker=speaker))
    return out, entities


def resolved_span(linker: Linker, m: Mention, text: str) -> Span | None:
    """What a speaker mention resolves to: its antecedent, or the name of its apposition."""
    if m.antecedent is not None:
        a = linker.ms[m.antecedent]
        return Span(a.start, a.end, text[a.start:a.end])
    if m.kind == NAME:
        return None
    unit = linker.units.get(m.unit, []) if m.unit is not None else []
    names = [u for u in unit if u.kind == NAME and u is not m]
    if names:
        n = min(names, key=lambda u: abs(u.start - m.start))
        return Span(n.start, n.end, text[n.start:n.end])
    return None

