"""Phrases that name a source: the prepositional cues (selon, d'après, pour, according to), the
noun phrase after them and its apposition, and whether a phrase can be a source at all.

Shared by the prepositional, comparative and colon patterns and by the content of cue verbs
(a thing explains, a source says).
"""

from __future__ import annotations

from ...docview import DocView, Tok
from ...records import Speaker
from ..mentions import Range, np_right, pronoun_at, pure_name
from ..words import is_comma, is_det, is_name, is_noun, is_verb
from .candidates import Unit


def prep_at(u: Unit, k: int) -> tuple[int, str] | None:
    """(last word, lemma) of a prepositional cue at word ``k``: selon, d'après, pour, according to."""
    v = u.v
    toks = v.toks
    t = toks[k]
    if t.low in ("d'", "d") and k + 1 < u.hi and toks[k + 1].low == "après":
        return k + 1, "d'après"
    if t.low == "d'après":
        return k, "d'après"
    if t.low == "according" and k + 1 < u.hi and toks[k + 1].low == "to":
        return k + 1, "according to"
    if t.low in v.lex.prepositions and " " not in t.low and t.low != "d'après":
        return k, t.low
    return None


# The words that join a document or a comment to its issuer: "un communiqué de son bureau"


def source_np(u: Unit, r: Range) -> Range:
    """The source a noun phrase names: the issuer of a document (un communiqué de son bureau -> son bureau)."""
    v = u.v
    toks = v.toks
    s, e = r
    docs = v.lex.word_set("document_nouns")
    for k in range(s, min(e, s + 3)):
        if toks[k].low in docs and k + 1 < e and toks[k + 1].low in v.language.of_words:
            sub = np_right(v, k + 2 if toks[k + 1].low in v.language.genitive_prepositions else k + 1, e)
            if toks[k + 1].low in ("du", "des"):
                sub = (k + 2, e) if k + 2 < e else None
            if sub is not None and source_like(u, sub):  # "les chroniques de l'époque": no issuer named
                return sub
    return r


def apposition_end(u: Unit, r: Range) -> tuple[Range, int]:
    """(mention, end of the phrase with its apposition): "Alain de Tonquédec, vice-président de …,"."""
    v = u.v
    toks = v.toks
    s, e = r
    if pronoun_at(v, s, e) == e:
        return r, e  # "C'est, selon moi, le meilleur": a pronoun takes no apposition
    if e + 1 < u.hi and is_comma(toks[e]):
        r2 = np_right(v, e + 1, u.hi)
        # an apposition is closed by a comma (or is a name): "Selon X, vice-président de Y, «…»"
        if r2 is not None and r2[1] < u.hi and (is_comma(toks[r2[1]]) or (pure_name(v, r2) and (
                toks[r2[1]].mark or toks[r2[1]].text in ".;"))):
            nxt = r2[1] + 1 if is_comma(toks[r2[1]]) else r2[1]
            if pure_name(v, r2) and not pure_name(v, r):
                return r2, nxt
            # an apposition only if what follows the second comma is not its verb
            if (pure_name(v, r) or not pure_name(v, r2)) and nxt < u.hi and not is_verb(toks[nxt]):
                return r, nxt
    return r, e


def speaker_source_like(u: Unit, sp: Speaker) -> bool:
    """Whether a speaker mention can be a source (for verbs that also describe things)."""
    v = u.v
    k = v.word_at(sp.start)
    if k >= len(v.toks):
        return True
    e = k
    while e < len(v.toks) and v.toks[e].end <= sp.end:
        e += 1
    if e <= k:
        return True
    t = v.toks[k]
    if t.low in ("ce", "cette") and (e - k == 1 or v.toks[k + 1].low.startswith("derni")):
        return True  # "ce dernier", "cette dernière": a person
    if t.low in v.lex.word_set("subject_pronouns"):
        return True
    return source_like(u, (k, e))  # "Ce match rappelle la finale de 1998": a thing recalls, no one says


def source_like(u: Unit, r: Range) -> bool:
    """Whether a phrase after selon/pour/according to names a source: a pronoun, a name, or a
    noun of people, institutions or documents before any complement (not "selon les plans")."""
    v = u.v
    toks = v.toks
    s, e = r
    if pronoun_at(v, s, e) == e:
        return toks[s].low in v.lex.word_set("stressed_pronouns") or toks[s].low in v.lex.word_set("subject_pronouns")
    nouns = v.lex.word_set("source_nouns") | v.lex.word_set("document_nouns")
    for m in range(s, e):
        t = toks[m]
        if t.low in v.lex.word_set("np_prepositions") and m > s:
            break
        if is_name(v, t) or t.low in nouns or _agent_noun(v, t):
            return True
        if t.low in v.lex.word_set("wording_nouns") and m + 2 < e and toks[m + 1].low in v.language.of_words:
            return source_like(u, (m + 2, e))  # "les termes de l'accord": the accord is the source
        if v.language.head_first_nouns and (is_noun(v, t) or is_name(v, t)) and not is_det(v, t):
            return False  # French heads come first: "les critères ACUITY" is about criteria
    return False


def _agent_noun(v: DocView, t: Tok) -> bool:
    """A noun of an agent by its ending (the language's agent suffixes: -iste, -logue, or a
    masculine or plural -eur: le directeur, les chercheurs; not la valeur, la hauteur)."""
    if t.upos not in ("NOUN", "") or t.cap:
        return False
    low = t.low
    lang = v.language
    if low.endswith(lang.agent_suffixes) or low.endswith(lang.agent_plural_suffixes):
        return True
    return low.endswith(lang.agent_masculine_suffixes) and "Gender=Masc" in t.feats
