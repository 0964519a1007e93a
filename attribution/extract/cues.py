"""Cue verbs and their verb groups.

A word is a cue when its lemma (from the parser, else from its inflected form)
is in the language's cue lexicon and it is used as a verb. Its verb group is
what the gold writes as the cue: the auxiliaries, negation, reflexive pronoun
and inserted adverbs or incises before it (``avait, dans un communiqué,
déclaré``, ``n'a confirmé``, ``s'affirment``), the inverted subject clitic
(``a-t-il précisé``, ``déclare-t-elle``) and ``en``/``tout en`` before a gerund.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..docview import DocView, Tok
from ..lang import CueEntry
from .words import (
    glued_clitic,
    incise_before,
    is_adverb,
    is_comma,
    is_det,
    is_inverted_clitic,
    is_punct,
)

_NOT_VERB_POS = frozenset({"NOUN", "PROPN", "ADJ", "DET", "ADP", "PRON", "NUM", "PUNCT", "CCONJ",
                           "SCONJ", "SYM", "X", "INTJ"})


@dataclass(frozen=True)
class CueGroup:
    """A cue verb in context: its head word, the span of its verb group and how it is used."""

    head: int
    first: int  # first word of the verb group
    last: int  # last word of the group (head, or the inverted clitic after it)
    entry: CueEntry
    clitic: int = -1  # the inverted subject clitic (-il), if any
    participle: bool = False  # present participle or gerund without auxiliary
    passive: bool = False
    reflexive: bool = False

    def text_span(self, v: DocView) -> tuple[int, int]:
        return v.toks[self.first].start, v.toks[self.last].end


def _is_aux(v: DocView, t: Tok) -> bool:
    lang = v.language
    if not lang.aux_forms_need_tag:
        return t.low in lang.aux_forms
    return t.low in lang.aux_forms and (t.upos in ("AUX", "VERB", "") or t.lemma in lang.aux_lemmas)


def _group_left(v: DocView, h: int, lo: int) -> tuple[int, bool, bool, int]:
    """(first word, has an auxiliary, reflexive, index of the auxiliary) of the group ending at ``h``."""
    toks = v.toks
    lex = v.lex
    first = h
    aux = -1
    reflexive = False
    j = h - 1
    pending = h  # words skipped that join the group only if an auxiliary lies further left
    for _ in range(12):
        if j < lo:
            break
        t = toks[j]
        if _is_aux(v, t) and (aux < 0 or j == first - 1):
            aux = j if aux < 0 else aux  # the nearest auxiliary tells a passive ("a été annoncé")
            first = j
            pending = j
            j -= 1
            continue
        if t.low in lex.word_set("negation"):
            first = j if aux >= 0 or j == h - 1 else first
            pending = j
            j -= 1
            continue
        if t.low in lex.word_set("reflexive"):
            reflexive = True
            first = j
            break
        if glued_clitic(v, j):
            j -= 1
            continue
        if aux >= 0:
            break  # words before the auxiliary are not part of the group
        if is_adverb(v, t) and not t.cap:
            j -= 1
            continue
        k = incise_before(v, j, lo)
        if k <= j:
            j = k - 1
            continue
        if is_comma(t):
            # "avait, dans un communiqué, déclaré": a comma-delimited insert before the participle
            m = j - 1
            while m >= lo and m > j - 8 and not is_comma(toks[m]) and not toks[m].mark:
                m -= 1
            if m >= lo and is_comma(toks[m]) and m - 1 >= lo and _is_aux(v, toks[m - 1]):
                j = m - 1
                continue
        break
    del pending
    if aux >= 0 and toks[aux].low in v.language.perfect_participle_aux:
        return first, False, reflexive, aux
    if aux < 0:
        first = h
        # "s'affirment": a reflexive clitic right before the bare verb
        if h - 1 >= lo and toks[h - 1].low in lex.word_set("reflexive"):
            reflexive = True
            first = h - 1
        elif h - 2 >= lo and toks[h - 1].low in lex.word_set("negation") and toks[h - 2].low in lex.word_set("reflexive"):
            reflexive = True
            first = h - 2
    return first, aux >= 0, reflexive, aux


def _verbish(v: DocView, h: int, has_aux: bool, clitic: int, lo: int) -> bool:
    """Whether a word whose form or lemma is a cue verb is used as a verb here."""
    t = v.toks[h]
    if t.upos in ("VERB", "AUX") or has_aux or clitic >= 0:
        return True
    prev = v.toks[h - 1] if h - 1 >= lo else None
    if not t.upos:
        # no parse: a word after a determiner or a preposition, or opening a sentence, is a noun
        if prev is None or t.cap:
            return False
        if is_det(v, prev) or prev.low in v.lex.word_set("stop_words"):
            return False
        lemma = v.lex.forms.get(t.low, t.low)
        if t.low != lemma or t.low.endswith("ing"):
            return True  # said, told, adds, adding: an inflected form
        # a base form ("say", "post", "state") is a verb only after a subject pronoun, an
        # auxiliary, an adverb or a plural noun ("reports suggest"), never in "blog post"
        return (prev.low in v.lex.word_set("subject_pronouns") or prev.low in v.lex.word_set("auxiliaries")
                or prev.low in v.lex.word_set("incise_words")
                or (prev.low.endswith("s") and not prev.low.endswith("ss") and prev.text[:1].isalpha()))
    if t.upos in _NOT_VERB_POS:
        if v.language.participle_tagged_adjective and t.low.endswith(v.language.present_participle_suffixes) \
                and (prev is None or not is_det(v, prev)):
            return True  # "arguant" tagged as an adjective: the -ant form of a cue verb is its participle
        nxt = v.toks[h + 1] if h + 1 < len(v.toks) else None
        if prev is not None and prev.low in v.lex.word_set("coordinators") and nxt is not None and (
                nxt.mark or nxt.low in v.lex.word_set("complementizers") or is_det(v, nxt)) and not (
                h - 2 >= lo and is_det(v, v.toks[h - 2])):
            return True  # "et dénonce « … »": a verb coordinated with the one before
        if prev is not None and (prev.low in v.lex.word_set("subject_pronouns")
                                 or prev.low in v.lex.word_set("reflexive")
                                 or prev.low in v.lex.word_set("negation")):
            return True  # "il souligne" mis-tagged as a noun
        nxt = v.toks[h + 1] if h + 1 < len(v.toks) else None
        if prev is not None and prev.upos == "NOUN" and h - 2 == lo and is_det(v, v.toks[h - 2]) and nxt is not None \
                and (nxt.upos == "ADP" or nxt.mark or nxt.low in v.lex.word_set("complementizers")):
            return True  # "Le procureur insiste sur …" tagged as an adjective: the subject opens the sentence
        if prev is not None and (is_det(v, prev) or prev.upos in ("ADP", "ADJ")):
            return False
        if prev is not None and is_comma(prev) and h - 2 >= lo and v.toks[h - 2].mark:
            return True  # «…», témoigne X: right after a quote and a comma, a cue form is the verb
        # "argue, quant à lui, que": a complementizer after adverbs or a short insert
        k = h + 1
        hi = min(len(v.toks), h + 9)
        while k < hi and (is_comma(v.toks[k]) or is_adverb(v, v.toks[k]) or v.toks[k].upos == "ADP"
                          or v.toks[k].low in v.lex.word_set("stressed_pronouns")):
            k += 1
        return k < hi and v.toks[k].low in v.lex.word_set("complementizers")
    return False


def _participle(v: DocView, t: Tok) -> bool:
    """A present participle or gerund: by its form (-ant, -ing), which a small parser's
    features contradict too often ("conclut" tagged as a participle)."""
    if v.language.present_participle_suffixes:
        return t.low.endswith(v.language.present_participle_suffixes)
    return "VerbForm=Ger" in t.feats or ("VerbForm=Part" in t.feats and "Tense=Pres" in t.feats)


def _infinitive(v: DocView, t: Tok) -> bool:
    if "VerbForm=Inf" in t.feats:
        return True
    ends = v.language.infinitive_suffixes
    return bool(ends) and t.low == t.lemma and t.low.endswith(ends) and not t.feats


def _past_participle(v: DocView, t: Tok) -> bool:
    """A bare past participle: the features say so and (French) the form can be one (a small
    parser tags "ajoute" as a participle; its form says it is not)."""
    if v.language.past_participle_suffixes:
        return t.low.endswith(v.language.past_participle_suffixes) and ("VerbForm=Part" in t.feats or not t.feats)
    return "VerbForm=Part" in t.feats and "Tense=Pres" not in t.feats


def _multiword(v: DocView, h: int, hi: int) -> tuple[CueEntry, int] | None:
    """A multiword cue starting at ``h`` (a fait savoir, mettre en garde): its entry and last word."""
    toks = v.toks
    entries = v.lex.multiword.get(toks[h].lemma) or v.lex.multiword.get(v.lex.forms.get(toks[h].low, ""), ())
    for entry in entries:
        rest = entry.words[1:]
        k = h + 1
        ok = True
        for w in rest:
            while k < hi and toks[k].low in v.language.multiword_cue_clitics:
                k += 1  # "lui a fait savoir", "l'a fait savoir"
            if k >= hi or (toks[k].lemma != w and toks[k].low != w):
                ok = False
                break
            k += 1
        if ok:
            return entry, k - 1
    return None


def _open_incise(v: DocView, i: int, lo: int, hi: int) -> CueGroup | None:
    """Any verb with an inverted subject clitic right after a quote or a comma is a cue:
    «…», sourit-elle / «…», s'amuse-t-il. (Not faut-il, doit-on, peut-être: modal questions.)"""
    toks = v.toks
    t = toks[i]
    if not v.language.inverted_incises:
        return None
    if i + 1 < hi and not glued_clitic(v, i + 1):
        return _noun_incise(v, i, lo, hi)
    if i + 1 >= hi or not glued_clitic(v, i + 1) or t.lemma in v.language.not_incise_lemmas \
            or is_inverted_clitic(v, t):  # "a-t-il": the "-t" is no verb
        return None
    if not (t.upos in ("VERB", "") or t.low.endswith(v.language.inverted_verb_endings)):
        return None
    first, _, reflexive, _ = _group_left(v, i, lo)
    prev = first - 1
    if prev < lo or not (is_comma(toks[prev]) or (toks[prev].mark and toks[prev].quote >= 0
                                                   and v.quotes[toks[prev].quote].close_end == toks[prev].end)):
        return None
    last = i + 1
    clitic = i + 1
    if toks[i + 1].low == "-t" and i + 2 < hi and glued_clitic(v, i + 2):
        last = clitic = i + 2
    lemma = t.lemma if t.lemma and t.lemma != t.low or t.upos else t.low
    entry = CueEntry(("se " if reflexive else "") + lemma, "neutral", "incise")
    return CueGroup(i, first, last, entry, clitic, False, False, reflexive)


def _noun_incise(v: DocView, i: int, lo: int, hi: int) -> CueGroup | None:
    """«…», sourit la gérante: a finite verb right after a quote and a comma, whose inverted
    subject (a determiner or a name, no verb) ends the sentence, is an incise cue."""
    toks = v.toks
    t = toks[i]
    if t.upos != "VERB" or "VerbForm=Fin" not in t.feats or t.lemma in v.language.not_incise_lemmas or not _after_quote(v, i, lo):
        return None
    n = toks[i + 1]
    if not (is_det(v, n) or n.upos == "PROPN"):
        return None
    for k in range(i + 1, min(hi, i + 10)):
        if toks[k].text in (".", "!", "?", "…") or k == hi - 1:
            break  # the subject runs to the end of the sentence
        if toks[k].upos in ("VERB", "AUX") or toks[k].mark or toks[k].low in v.lex.word_set("complementizers"):
            return None
    else:
        return None
    return CueGroup(i, i, i, CueEntry(t.lemma or t.low, "neutral", "incise"), -1, False, False, False)


def _after_quote(v: DocView, first: int, lo: int) -> bool:
    """Whether a verb group at ``first`` follows a closing quote mark and a comma (an incise)."""
    toks = v.toks
    p = first - 1
    if p >= lo and is_comma(toks[p]):
        p -= 1
    return p >= lo and p < first - 1 and toks[p].mark and toks[p].quote >= 0 \
        and v.quotes[toks[p].quote].close_end == toks[p].end


def _catenative(v: DocView, first: int, lo: int) -> int:
    """Start of the verb group that carries an infinitive cue (n'a cessé de répéter, veut dire), else -1."""
    toks = v.toks
    j = first - 1
    while j >= lo and j >= first - 2 and toks[j].low in v.lex.word_set("object_clitics"):
        j -= 1  # "devait le conclure", "veut lui dire": the object clitic sits before the infinitive
    if j >= lo and toks[j].low in v.language.infinitive_markers:
        j -= 1
    while j >= lo and is_adverb(v, toks[j]) and not toks[j].cap:
        j -= 1
    if j < lo:
        return -1
    t = toks[j]
    lemma = t.lemma if t.upos in ("VERB", "AUX") else v.lex.forms.get(t.low, t.lemma)
    if lemma not in v.lex.word_set("catenative_verbs") or not (t.upos in ("VERB", "AUX") or not t.upos):
        return -1
    if lemma == "avoir" and toks[first - 1].low not in ("à",):
        return -1  # "a à dire" only, not the auxiliary
    start, _, _, _ = _group_left(v, j, lo)
    return start


def find_cues(v: DocView, lo: int, hi: int) -> list[CueGroup]:
    """Every cue verb group among words [lo, hi) (one unit), in text order."""
    toks = v.toks
    lex = v.lex
    lang = v.language
    out: list[CueGroup] = []
    i = lo
    while i < hi:
        t = toks[i]
        if is_punct(t) or t.mark or len(t.low) < 2:
            i += 1
            continue
        multi = _multiword(v, i, hi) if (t.lemma in lex.multiword or lex.forms.get(t.low) in lex.multiword) else None
        lemma = None if multi else lex.cue_lemma(t.text, t.lemma if t.upos in ("VERB", "AUX", "") else None)
        if lemma is None and multi is None:
            g = _open_incise(v, i, lo, hi)
            if g is not None:
                out.append(g)
                i = g.last + 1
                continue
            i += 1
            continue
        first, has_aux, reflexive, aux = _group_left(v, i, lo)
        last = multi[1] if multi else i
        head = i
        clitic = -1
        for k in range(first, last + 1):
            if glued_clitic(v, k) and toks[k].low not in ("-t",):
                clitic = k
        m = last + 1
        while m < hi and glued_clitic(v, m) and m <= last + 2:  # a spaced hyphen opens an aside
            if toks[m].low != "-t":
                clitic = m
            last = m
            m += 1
        if not _verbish(v, head, has_aux, clitic, lo):
            i += 1
            continue
        if multi:
            entry: CueEntry | None = multi[0]
        else:
            assert lemma is not None
            entry = lex.cue(lemma, reflexive)
            if reflexive and entry is not None and entry.lemma == lemma and lemma in lex.reflexive:
                entry = lex.reflexive[lemma]
            if reflexive and entry is not None and not (entry.lemma.startswith(("se ", "s'"))):
                entry = None  # "se rappeler" (remember) is not "rappeler" (recall): reflexive needs its own entry
        if entry is None:
            i += 1
            continue
        participle = False
        passive = False
        if has_aux:
            aux_t = toks[aux]
            passive = (aux_t.low in lang.passive_aux_forms or aux_t.lemma in lang.passive_aux_lemmas) and not reflexive
            if aux_t.low in lang.progressive_aux_forms and toks[head].low.endswith(lang.present_participle_suffixes):
                passive = False  # "is saying": progressive, not passive
        else:
            if _participle(v, toks[head]):
                participle = True
                for word in lang.gerund_prefix:  # gerund "en réaffirmant", "tout en soulignant"
                    if first - 1 < lo or toks[first - 1].low != word:
                        break
                    first -= 1
            elif _infinitive(v, toks[head]):
                lead = _catenative(v, first, lo)
                if lead < 0:
                    i = last + 1
                    continue  # an infinitive reports nothing by itself…
                first = lead  # …unless a verb like cesser de, vouloir carries it: "n'a cessé de répéter"
            elif _past_participle(v, toks[head]) and not reflexive and lang.bare_participle_not_cue and clitic < 0 \
                    and not _after_quote(v, first, lo):
                # (but "dit-elle" has a clitic subject and "«…», écrit le journal" stands in an incise)
                i = last + 1
                continue  # a bare past participle ("le projet annoncé") reports nothing
            elif toks[head].low.endswith(lang.adjectival_participle_suffixes) and head - 1 >= lo \
                    and toks[head - 1].low in lang.articles:
                i = last + 1
                continue
        out.append(CueGroup(head, first, last, entry, clitic, participle, passive, reflexive))
        i = last + 1
    return out


