"""Speaker mentions: the noun phrase of the source nearest to a cue.

The gold takes "a name when the mention has one, else the shortest noun phrase,
else a pronoun" and never a bare determiner or a relative clause. So a mention
here is a noun phrase built over the words (determiner, adjectives, nouns,
names, ``de``-complements), cut before any relative clause, verb or other
preposition, and then narrowed to the name it carries: a trailing name after a
title (``le maire Gaël Perdriau``) or a name in apposition
(``la porte-parole …, Sabrina Singh``).
"""

from __future__ import annotations

from ..docview import DocView, Range
from .words import (
    incise_at,
    incise_before,
    is_adj,
    is_adverb,
    is_comma,
    is_det,
    is_name,
    is_noun,
    is_pronoun_subject,
    is_punct,
    is_time,
)

# Words a mention may not be: they head no noun phrase of a source.


def _np_word(v: DocView, i: int) -> bool:
    t = v.toks[i]
    return is_det(v, t) or is_noun(v, t) or is_adj(v, t) or is_name(v, t)


def _hyphen(v: DocView, i: int) -> bool:
    return v.toks[i].text in ("-", "'", "’")


def pronoun_at(v: DocView, i: int, limit: int) -> int:
    """End of a pronoun mention at ``i`` (il, elle, lui, ce dernier), else ``i``."""
    toks = v.toks
    t = toks[i]
    lex = v.lex
    lang = v.language
    if i + 1 < limit and t.low in lang.anaphor_determiners and toks[i + 1].low in lang.anaphor_nouns:
        return i + 2  # "Ce dernier n'était pas au courant": an anaphoric noun phrase
    if t.low in lex.word_set("subject_pronouns") or t.low in lex.word_set("stressed_pronouns"):
        return i + 1
    # "l'un d'eux", "l'une d'entre elles": a partitive pronoun is one mention
    if t.low in lang.partitive_articles and i + 3 < limit and toks[i + 1].low in lang.partitive_ones \
            and toks[i + 2].low in lang.de_words:
        k = i + 3
        if toks[k].low == "entre" and k + 1 < limit:
            k += 1
        if toks[k].low in lang.partitive_pronouns:
            return k + 1
    return i


def np_right(v: DocView, i: int, limit: int) -> Range | None:
    """The noun phrase starting at word ``i`` (not beyond ``limit``), or None."""
    toks = v.toks
    if i >= limit:
        return None
    end = pronoun_at(v, i, limit)
    if end > i:
        return (i, end)
    j = i
    t = toks[i]
    # "ajoute encore de la Morlais": a name with its particle
    if t.low in ("de", "d'") and i + 1 < limit:
        k = i + 1
        if k < limit and toks[k].low in ("la", "l'") :
            k += 1
        if k < limit and is_name(v, toks[k]):
            j = k
        else:
            return None
    elif not _np_word(v, i):
        return None
    last_content = -1
    while j < limit:
        t = toks[j]
        if t.mark or (is_punct(t) and not _hyphen(v, j)):
            if t.text == "(" and j + 2 < limit and toks[j + 2].text == ")" and toks[j + 1].text.isupper():
                last_content = j + 2  # an acronym in brackets: the Federal Security Service (FSB)
                j += 3
                continue
            break
        if t.low in v.lex.word_set("relative_pronouns") or t.low in v.lex.word_set("coordinators"):
            break
        if _hyphen(v, j):
            if j + 1 < limit and is_name(v, toks[j + 1]):
                j += 1
                continue
            break
        if t.low == "à" and j > i and last_content == j - 1 and j + 1 < limit and is_noun(v, toks[j + 1]) \
                and not toks[j + 1].cap and not toks[j + 1].mark:
            last_content = j + 1  # a bare à-noun complement is part of the noun (un président à mortier)
            j += 2
            continue
        if t.low in v.lex.word_set("np_prepositions"):
            # a de-complement goes on only into another noun phrase word
            if j + 1 < limit and _np_word(v, j + 1) and not toks[j + 1].mark:
                j += 1
                continue
            break
        if not v.has_pos and j > i and _verbish_no_pos(v, t) and not (
                is_det(v, toks[j - 1]) or toks[j - 1].low in v.language.possessive_clitics):
            break  # "according to the emergencies ministry recovered …" (but "the post by …")
        if t.low in v.language.possessive_clitics and j > i:
            j += 1  # "Chelyabinsk's governor"
            continue
        if is_noun(v, t) or is_name(v, t):
            last_content = j
            j += 1
            continue
        if is_det(v, t) and t.cap and j > i and (is_name(v, toks[j - 1]) or is_noun(v, toks[j - 1])) \
                and j + 1 < limit and is_name(v, toks[j + 1]):
            j += 1  # a particle inside a name (Bruno Le Roux) or a title's article (le quotidien Le Monde)
            continue
        if is_adj(v, t) or (is_det(v, t) and (j == i or toks[j - 1].low in v.lex.word_set("np_prepositions"))):
            if is_adj(v, t):
                last_content = j
            j += 1
            continue
        break
    if last_content < i:
        return None
    if toks[i].low in v.language.not_heads and last_content == i:
        return None
    return (i, last_content + 1)


def np_left(v: DocView, e: int, lo: int) -> Range | None:
    """The noun phrase ending just before word ``e`` (not before ``lo``), or None."""
    toks = v.toks
    if e <= lo:
        return None
    last = e - 1
    t = toks[last]
    if pronoun_at(v, last, e) == e and not is_det(v, t):
        if last - 1 >= lo and toks[last - 1].low in ("ce", "cette") and t.low in ("dernier", "dernière"):
            return (last - 1, e)
        return (last, e)
    if last - 1 >= lo and toks[last - 1].low in ("ce", "cette") and t.low in ("dernier", "dernière"):
        return (last - 1, e)
    if not (is_noun(v, t) or is_name(v, t) or is_adj(v, t) or t.text == ")"):
        return None
    j = last
    start = e
    while j >= lo:
        t = toks[j]
        if t.text == ")" and j - 2 >= lo and toks[j - 2].text == "(":
            j -= 3
            continue
        if t.mark and t.quote >= 0:
            q = v.quotes[t.quote]
            k = j - 1
            while k >= lo and toks[k].start >= q.open_start:
                k -= 1
            if q.close_end == t.end and len(q.text.split()) <= 4 and k >= lo and is_det(v, toks[k]):
                j = k  # a quoted name inside the phrase: The "History" section of the site
                continue
            break
        if t.mark or (is_punct(t) and not _hyphen(v, j)):
            break
        if t.low in v.language.possessive_clitics and j - 1 >= lo:
            j -= 1  # "Chelyabinsk's governor"
            continue
        if not v.has_pos and j < last and _verbish_no_pos(v, t):
            break
        if _hyphen(v, j):
            if j - 1 >= lo and is_name(v, toks[j - 1]):
                j -= 1
                continue
            break
        if t.low in v.lex.word_set("np_prepositions"):
            if j - 1 >= lo and (is_noun(v, toks[j - 1]) or is_adj(v, toks[j - 1]) or is_name(v, toks[j - 1])):
                j -= 1
                continue
            break
        if t.low == "à" and j + 1 < e and j - 1 >= lo and is_noun(v, toks[j + 1]) and not toks[j + 1].cap \
                and (is_noun(v, toks[j - 1]) or is_name(v, toks[j - 1])):
            j -= 1  # a bare à-noun complement is part of the noun (un président à mortier)
            continue
        if t.low in ("and", "et", "&") and j + 1 < e and j - 1 >= lo and is_name(v, toks[j + 1]) \
                and is_name(v, toks[j - 1]) and t.low != "et":
            j -= 1  # a name with "and" inside: The Globe and Mail
            continue
        if is_det(v, t) and t.cap and j + 1 < e and is_name(v, toks[j + 1]) and j - 1 >= lo \
                and is_name(v, toks[j - 1]):
            j -= 1  # a particle inside a name: Bruno Le Roux, Jean De La Fontaine
            continue
        if is_det(v, t):
            start = j
            # a determiner begins the phrase, unless a de-complement or coordination goes on
            if j - 1 >= lo and toks[j - 1].low in v.lex.word_set("np_prepositions"):
                j -= 1
                continue
            if j - 1 >= lo and toks[j - 1].low in ("and", "et") and j - 2 >= lo and (
                    is_noun(v, toks[j - 2]) or toks[j - 2].text == ")"):
                j -= 2  # "The Investigative Committee and the Federal Security Service said"
                continue
            break
        if is_noun(v, t) or is_name(v, t) or is_adj(v, t):
            start = j
            j -= 1
            continue
        break
    if start >= e:
        return None
    # never begin with a preposition ("aux réalisateurs du film, qui ont souligné")
    while start < e and (toks[start].low in v.lex.word_set("np_prepositions") or toks[start].low in ("au", "aux")):
        start += 1
    if start >= e or not any(is_noun(v, toks[k]) or is_name(v, toks[k]) for k in range(start, e)):
        return None
    return (start, e)


def _verbish_no_pos(v: DocView, t) -> bool:
    """Without a parse: a word that is likely a verb (auxiliary, cue form, lower-case -ed)."""
    low = t.low
    if t.cap or low.endswith("ing"):
        return False  # an -ing word is often a noun in a phrase: an Internet posting
    return (low in v.lex.word_set("auxiliaries") or low in v.lex.forms
            or (len(low) > 4 and low.endswith("ed")))


def pure_name(v: DocView, r: Range) -> bool:
    """Whether the phrase is only a name (Sabrina Singh, de la Morlais), no title or determiner."""
    s, e = r
    toks = v.toks
    names = 0
    for k in range(s, e):
        t = toks[k]
        if is_name(v, t):
            names += 1
        elif t.low in v.language.name_joiners:
            continue
        else:
            return False
    return names > 0


def name_of(v: DocView, r: Range) -> Range:
    """The name a phrase carries: a trailing name after a title (le maire Gaël Perdriau -> Gaël Perdriau)."""
    s, e = r
    toks = v.toks
    k = e
    while k > s and (is_name(v, toks[k - 1]) or (_hyphen(v, k - 1) and k - 2 >= s and is_name(v, toks[k - 2]))):
        k -= 1
    if k >= e or k == s:
        return r
    before = toks[k - 1]
    if before.low in v.lex.word_set("np_prepositions") or is_det(v, before):
        return r  # "la procureure de Grasse", "Le Syctom": no name of its own
    if not any(is_noun(v, toks[m]) and not is_name(v, toks[m]) for m in range(s, k)):
        return r
    if e - k == 1 and toks[k].text.isupper():
        return r  # "le candidat PS": an acronym, not a person's name
    return (k, e)


def _chunk_before(v: DocView, comma: int, lo: int) -> Range | None:
    """The words between the comma before ``comma`` (or ``lo``) and ``comma``."""
    level = v.toks[comma].quote
    j = comma - 1
    while j >= lo and not (is_comma(v.toks[j]) and v.toks[j].quote == level):
        j -= 1
    return (j + 1, comma) if j + 1 < comma else None


def _is_incise_chunk(v: DocView, r: Range) -> bool:
    """A comma-delimited chunk that is not the subject: an adverbial, a participle, a preposition,
    or a relative clause ("Trump, qui souhaite …, argue que": the subject is before it)."""
    s, e = r
    t = v.toks[s]
    if t.low in v.lex.word_set("relative_pronouns"):
        return True
    if incise_at(v, s, e) == e:
        return True
    if is_adverb(v, t) or is_time(v, t):
        return True
    if t.upos == "ADP" and t.low not in ("de", "d'"):
        return True
    return t.low in v.lex.word_set("stop_words") and t.low not in ("de", "d'")


def subject_left(v: DocView, g0: int, lo: int) -> Range | None:
    """The subject mention before a verb group starting at ``g0``: skips clitics, adverbs and
    comma-delimited incises; prefers a name in apposition; follows ``qui`` to its antecedent."""
    toks = v.toks
    lex = v.lex
    j = g0 - 1
    skip_words = lex.word_set("object_clitics") | lex.word_set("negation") | lex.word_set("reflexive")
    for _ in range(8):
        if j < lo:
            return None
        t = toks[j]
        if t.low in skip_words and (not is_pronoun_subject(v, t) or (
                j - 1 >= lo and (is_pronoun_subject(v, toks[j - 1]) or is_noun(v, toks[j - 1])))):
            j -= 1  # "Il nous avait raconté": nous is the object, il the subject
            continue
        if is_adverb(v, t) and not t.cap:
            j -= 1
            continue
        k = incise_before(v, j, lo)
        if k <= j:
            j = k - 1
            continue
        break
    if j < lo:
        return None
    t = toks[j]
    if t.low in v.language.subject_relatives:
        return antecedent(v, j, lo)
    if is_comma(t):
        # "X, Sabrina Singh, avait indiqué", "Le Syctom, quant à lui, n'a confirmé"
        for _ in range(3):
            chunk = _chunk_before(v, j, lo)
            if chunk is None:
                return None
            if _is_incise_chunk(v, chunk):
                j = chunk[0] - 1
                if j < lo or not is_comma(toks[j]):
                    return np_left(v, chunk[0], lo) if j >= lo else None
                continue
            r = np_left(v, j, lo)
            if r is None or r[0] != chunk[0]:
                return None  # the words before the comma are a clause, not the subject
            # an apposition pair "head, apposition,": the head is the subject, unless the
            # apposition is the name ("la porte-parole …, Sabrina Singh, a indiqué")
            if chunk[0] - 1 >= lo and is_comma(toks[chunk[0] - 1]):
                r0 = np_left(v, chunk[0] - 1, lo)
                if r0 is not None and not pure_name(v, r) and (
                        r0[0] == lo or is_punct(toks[r0[0] - 1]) or toks[r0[0] - 1].low in v.lex.word_set("coordinators")):
                    return r0
            return r
        return None
    r = np_left(v, j + 1, lo)
    if r is None:
        return None
    p = r[0] - 1
    if p >= lo and toks[p].upos == "ADP" and toks[p].low not in v.lex.word_set("np_prepositions"):
        # "des témoins sur place font état": a noun phrase opening its clause, then a short
        # prepositional phrase; the noun phrase is the subject
        r0 = np_left(v, p, lo)
        if r0 is not None and r0[1] == p:
            a = r0[0] - 1 if r0[0] - 1 >= lo and is_det(v, toks[r0[0] - 1]) else r0[0]
            if is_det(v, toks[a]) and (a == lo or toks[a - 1].low in v.lex.word_set("complementizers")
                                       or is_comma(toks[a - 1])):
                return (a, r0[1])
        return None  # "en Italie explique": the object of a preposition is no subject
    # "la porte-parole adjointe du ministère …, Sabrina Singh avait": a name right after a comma
    return r


def antecedent(v: DocView, rel: int, lo: int) -> Range | None:
    """The noun phrase a relative pronoun at ``rel`` stands for (``Spicer, qui ajoute``)."""
    j = rel
    if j - 1 >= lo and is_comma(v.toks[j - 1]):
        j -= 1
    r = np_left(v, j, lo)
    if r is not None and j < rel and pure_name(v, r) is False and r[0] - 1 >= lo and is_comma(v.toks[r[0] - 1]):
        r0 = np_left(v, r[0] - 1, lo)
        if r0 is not None and pure_name(v, r0):
            return r0
    return r


def subject_right(v: DocView, k: int, hi: int) -> Range | None:
    """The inverted subject after a verb group ending before ``k``: skips adverbs, time words,
    incises and comma-delimited prepositional phrases; prefers a name in apposition."""
    toks = v.toks
    for _ in range(10):
        if k >= hi:
            return None
        t = toks[k]
        e = incise_at(v, k, hi)
        if e > k:
            k = e
            continue
        if is_comma(t):
            # ", à Reuters," : skip a comma-delimited prepositional phrase
            m = k + 1
            while m < hi and not is_comma(toks[m]) and not is_punct(toks[m]):
                m += 1
            if m < hi and is_comma(toks[m]) and m > k + 1 and _is_incise_chunk(v, (k + 1, m)):
                k = m + 1
                continue
            k += 1
            continue
        if (is_adverb(v, t) and not t.cap) or is_time(v, t):
            k += 1
            continue
        if t.upos == "ADP" and t.low in ("à", "to") and k + 1 < hi:
            # "a confié à l'AFP le directeur": skip a short dative before the subject
            r = np_right(v, k + 1, hi)
            if r is not None and r[1] < hi and np_right(v, r[1], hi) is not None:
                k = r[1]
                continue
        break
    r = np_right(v, k, hi)
    if r is None:
        return None
    e = r[1]
    if pure_name(v, r):
        return r
    if e + 1 < hi and is_comma(toks[e]):
        r2 = np_right(v, e + 1, hi)
        if r2 is not None and pure_name(v, r2):
            return r2
    return r


def mention(v: DocView, r: Range) -> Range:
    """The mention reported for a phrase: its name where it has one."""
    return name_of(v, r)


