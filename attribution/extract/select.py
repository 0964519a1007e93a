"""Settling overlaps between candidates, the attribution records, and the quoted terms left over.

``settle_overlaps`` is the one place where candidates compete: by priority (their
pattern's, from the registry), a candidate is dropped when an accepted one has the
same cue word, or nearly the same content (80% of each other's characters). Reported
speech nested inside a direct quote is kept only when its speaker is a third party
("Il nous avait raconté qu'…" inside someone's quote), since a quoted speaker's "je
dis que" is the same statement again.
"""

from __future__ import annotations

import bisect
import itertools

from ..docview import DocView
from ..records import Attribution, Cue, Span, Speaker, Term
from .patterns.candidates import Candidate, CandidateIndex

# Subjects that are the quoted speaker himself or his audience.


def _overlap_both(a: Candidate, b: Candidate, ratio: float) -> bool:
    """Whether ``a`` and ``b`` overlap on at least ``ratio`` of each one's characters."""
    ov = min(a.end, b.end) - max(a.start, b.start)
    if ov <= 0:
        return False
    return ov >= ratio * (a.end - a.start) and ov >= ratio * (b.end - b.start)


def settle_overlaps(v: DocView, candidates: list[Candidate]) -> list[Candidate]:
    """The candidates kept, in text order."""
    kept = CandidateIndex()
    # speech nested in a quote counts only where the quote itself is reported speech
    # (not in a title: "Anon declares war on Church of Scientology")
    order = sorted(candidates, key=lambda c: (c.inside_quote, c.priority, c.start, -c.end))
    for c in order:
        if c.inside_quote:
            q = v.quote_of(c.cue_word) if c.cue_word >= 0 else None
            if q is None or not any(k.start <= q.start < k.end or q.start <= k.start < q.end
                                    for k in kept.near(q.start, q.end) if not k.inside_quote):
                continue
        if c.inside_quote and (c.speaker is None or c.speaker.text.lower().replace("’", "'") in v.language.self_pronouns):
            continue  # "je l'ai dit" inside a quote: the quote already reports it
        if c.speaker is not None and c.speaker.text.lower() == "on" and not c.inside_quote:
            continue  # "On note que…": the journalist's generic "on", not a source
        if c.speaker is not None and c.speaker.text.lower().replace("’", "'") in v.lex.word_set("demonstratives"):
            continue  # "Cela explique la position…": a demonstrative is a cause, not a source
        if c.speaker is None and c.cue is not None:
            continue  # a cue without any source is narration ("il a été annoncé")
        clash = False
        for k in kept.by_cue.get(c.cue_word, ()) if c.cue_word >= 0 else ():
            if _overlap_both(c, k, 0.01) or k.pattern != c.pattern:
                clash = True  # one cue word, one reading
                break
        if not clash:
            for k in kept.near(c.start, c.end):
                if (c.start, c.end) == (k.start, k.end):
                    clash = True  # the same content found by two patterns (colon and verb): emitted once
                    break
                if _restated(v, c, k):
                    clash = True  # "a déclaré qu'il espérait que …": one statement, reported once
                    break
                if (c.cue is not None and k.start <= c.cue.start < k.end) or (
                        k.cue is not None and c.start <= k.cue.start < c.end):
                    if k.start <= c.start and c.end <= k.end or c.start <= k.start and k.end <= c.end:
                        continue  # speech reported inside other reported speech: both stand
                    clash = True  # a cue inside the other content, but the contents cross: the first one wins
                    break
                if _overlap_both(c, k, 0.8):
                    clash = True  # nearly the same content (80% of each other's characters)
                    break
        if not clash:
            kept.add(c)
    return sorted(kept.items, key=lambda c: (c.start, c.end))


# Third-person subject pronouns: in "X a dit qu'il espérait que", the pronoun is mostly X.


def _restated(v: DocView, c: Candidate, k: Candidate) -> bool:
    """Whether ``c`` is the outer speaker's own attitude opening ``k``'s indirect content
    (a pronoun subject and its cue within the first words of the content)."""
    if c.cue is None or c.speaker is None or k.type == "direct" or k.cue is None:
        return False
    if c.speaker.text.lower() not in v.language.third_person_pronouns or not (k.start <= c.speaker.start < k.end):
        return False
    return len(v.text[k.start:c.speaker.start].split()) == 0 and c.cue.start - c.speaker.end <= 12


def to_attribution(v: DocView, c: Candidate) -> Attribution:
    """The Attribution record of a kept candidate, with the parser's sentence of its cue (or content)."""
    text = v.text
    span = Span(c.start, c.end, text[c.start:c.end])
    cue = c.cue
    if cue is not None:
        cue = Cue(cue.start, cue.end, text[cue.start:cue.end], cue.lemma, cue.stance)
    sp = c.speaker
    if sp is not None:
        sp = Speaker(sp.start, sp.end, text[sp.start:sp.end])
    if c.cue_word >= 0:
        k = c.cue_word
    else:
        k = max(0, bisect.bisect_right(v.starts, c.start) - 1) if v.toks else -1
    sentence = v.toks[k].sent if k >= 0 else -1  # the parser's sentence holding the cue (or content)
    return Attribution(type=c.type, content=span, cue=cue, speaker=sp, pattern=c.pattern, sentence=sentence)


def terms(v: DocView, kept: list[Candidate]) -> list[Term]:
    """Quotes outside every attribution: names, titles, terms and scare quotes."""
    out = []
    spans = sorted((c.start, c.end) for c in kept)
    starts = [s for s, _ in spans]
    reach = list(itertools.accumulate((e for _, e in spans), max))  # furthest end among the first k
    for q in v.quotes:
        if q.end <= q.start:
            continue
        k = bisect.bisect_left(starts, q.close_end)
        if k and reach[k - 1] > q.open_start:
            continue  # some attribution starting before the quote ends reaches into it
        words = q.text.split()
        if len(words) > 12:
            continue  # a long unattributed quote is not a term
        out.append(Term(q.start, q.end, q.text, _term_reason(q.text, words)))
    return out


def _term_reason(text: str, words: list[str]) -> str:
    """name (capitalised words), title (a capitalised phrase of several words with a verb-less
    headline look), scare (one or two lower-case words), else term."""
    caps = sum(1 for w in words if w[:1].isupper())
    if words and caps == len(words) or (words and words[0][:1].isupper() and len(words) <= 5 and caps >= 2):
        return "name"
    if words and words[0][:1].isupper() and len(words) > 3:
        return "title"
    if len(words) <= 2:
        return "scare"
    return "term"
