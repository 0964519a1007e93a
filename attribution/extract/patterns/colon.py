"""Colon introductions, the last of the unit rules: X : «…» with no cue verb.

"Le ministre : «…»", "La réaction du maire : «…»", "Le capitaine a été clair : «…»", and the
quote after a cue's colon ("demanda à ses soldats : «…»"). A colon is the weakest sign of
speech, so every other pattern goes first. Its document rule, the bylines «…» – X, is in
``bylines``.
"""

from __future__ import annotations

from collections.abc import Iterator

from ...quotes import QuoteSpan
from ..cues import CueGroup
from ..mentions import Range, mention, np_left
from ..spans import clause_end, is_quote_open
from ..words import is_det, is_verb
from .candidates import Candidate, Unit, content_candidate, group_cue, make_speaker
from .registry import pattern
from .roles import cue_stops, is_incise, left_start, main_subject, speaker_of
from .sources import source_like, speaker_source_like

# the name of this pattern, which the bylines' document rule (a variant) carries too
COLON_INTRO = "colon_intro"


def _comment_owner(u: Unit, r: Range) -> Range | None:
    """The possessor of a noun of comment before a colon ("La réaction du maire", "Commentaire
    de X"): the one whose words follow. None if the phrase is no such noun + de + source."""
    v = u.v
    toks = v.toks
    s, e = r
    m = s
    while m < e and is_det(v, toks[m]):
        m += 1
    if m + 1 >= e or toks[m].low not in v.lex.word_set("comment_nouns"):
        return None
    m += 1
    while m < e and toks[m].upos == "ADJ":
        m += 1  # "Le premier commentaire du maire"
    if m + 2 < e and "VerbForm=Part" in toks[m].feats and toks[m + 1].low in v.lex.word_set("agent_prepositions"):
        m += 1  # "Un constat partagé par le président : «…»": the agent speaks
    elif m >= e or toks[m].low not in v.language.of_words:
        return None
    owner = np_left(v, e, m + 1)  # the owner is a noun phrase running up to the colon
    if owner is None or owner[1] != e or owner[0] > m + 2:
        return None
    return owner


def _full_sentence(u: Unit, q: QuoteSpan) -> bool:
    """Whether a quote is a whole sentence: it ends with . ! ? …, or it opens with a capital
    and only final punctuation follows it in its sentence."""
    if q.text[-1:] in ".!?…":
        return True
    v = u.v
    end = v.toks[u.hi - 1].end
    return q.text[:1].isupper() and not v.text[q.close_end:end].strip(" .!?…\u00a0\u202f")


def _introduces(u: Unit, g: CueGroup, colon: int) -> bool:
    """Whether only objects and adjuncts stand between a cue and a colon (no que-clause, no other
    verb, no quote): "demanda un jour à ses soldats :", "a ajouté, devant le conseil :"."""
    v = u.v
    if g.participle or g.passive or g.entry.requires == "incise" or g.last >= colon or colon - g.last > 12 \
            or is_incise(u, g):
        return False
    for m in range(g.last + 1, colon):
        t = v.toks[m]
        if t.mark or t.low in v.lex.word_set("complementizers") or t.low in v.lex.word_set("relative_pronouns") \
                or is_verb(t) or t.text in (".", ";", "!", "?"):
            return False
    return True


@pattern(COLON_INTRO, priority=7)
def colon_intro(u: Unit) -> Iterator[Candidate]:
    """X : «…» (no verb) and «…» – X bylines: a direct quote whose source is the phrase
    before the colon or after the dash. After a cue («confiant que … : «…»»), the quote
    takes that cue's speaker."""
    v = u.v
    toks = v.toks
    for k in range(u.lo, u.hi - 1):
        t = toks[k]
        if t.text != ":" or t.quote >= 0:
            continue
        q = is_quote_open(v, k + 1) if toks[k + 1].mark else None
        a = left_start(u, k)
        r = np_left(v, k, a)
        owner = _comment_owner(u, (a, k)) if a < k else None
        if q is None:
            # "Commentaire du président : il n'accepte pas « … »": a clause with a quote after the colon
            if owner is not None:
                end = clause_end(v, k + 1, u.hi, cue_stops(u, k + 1))
                if any(toks[m].mark for m in range(k + 1, end)):
                    c = content_candidate(u, COLON_INTRO, k + 1, end, None, make_speaker(v, mention(v, owner)))
                    if c is not None:
                        yield c
            continue
        speaker = None
        if owner is not None:
            speaker = make_speaker(v, mention(v, owner))  # "Le bilan de l'entraîneur : «…»": the possessor speaks
        elif r is not None and r[0] == a and source_like(u, r):
            speaker = make_speaker(v, mention(v, r))  # "Le ministre : «…»" (not "Le programme : «…»")
        else:
            before = [g for g in u.cues if g.head < k and v.toks[g.head].quote == t.quote]
            if before:
                # "confiant qu'il était « … » : «…»", "dubbed the conflict: "…"": the cue's speaker goes on
                speaker = speaker_of(u, before[-1])
                if _introduces(u, before[-1], k):
                    # "demanda un jour à ses soldats : «…»": the verb itself introduces the quote
                    g = before[-1]
                    if speaker is not None:
                        yield Candidate(COLON_INTRO, "direct", q.start, q.end, group_cue(v, g), speaker,
                                        u.index, g.head, False)
                    continue
            elif _full_sentence(u, q) and len(q.text.split()) >= 3:
                # "Le capitaine a été clair : « On doit gagner. »": a sentence quoted after a
                # clause goes to that clause's subject, when it can be a source
                subj = main_subject(u, k)
                if subj is not None and speaker_source_like(u, subj):
                    speaker = subj
        if speaker is None:
            continue
        yield Candidate(COLON_INTRO, "direct", q.start, q.end, None, speaker, u.index, -1, False)
