"""French hooks: the rules of French that are code, not word lists.

``regular_forms`` derives the inflected forms of a regular cue verb (-er, -ir,
with the spelling changes of ``annoncer``, ``juger``, ``rappeler``,
``répéter``), so that a cue is found where the parser's lemma is wrong or
missing. Everything else French lives in the JSON files beside this module.
"""

from __future__ import annotations

import re


def _er_forms(lemma: str) -> list[str]:
    st = lemma[:-2]
    soft = st[:-1] + "ç" if st.endswith("c") else st + "e" if st.endswith("g") else st
    strong = st
    if lemma.endswith(("eler", "eter")) and lemma not in ("geler", "acheter", "haleter"):
        strong = st + st[-1]  # appeler -> appelle, jeter -> jette
    elif m := re.match(r"^(.*)é([^aeiouyéèê]{1,2}|gu)$", st):
        strong = m.group(1) + "è" + m.group(2)  # répéter -> répète, alléguer -> allègue
    elif m := re.match(r"^(.*)e([^aeiouyéèê])$", st):
        strong = m.group(1) + "è" + m.group(2)  # relever -> relève, mener -> mène
    return [strong + "e", strong + "es", strong + "ent", soft + "ons", st + "ez", st + "é", st + "ée",
            st + "és", st + "ées", soft + "ant", soft + "ais", soft + "ait", soft + "aient", soft + "a",
            st + "èrent", soft + "âmes", strong + "era", strong + "eront", strong + "erait",
            strong + "eraient", strong + "erai", st + "er"]


def _ir_forms(lemma: str) -> list[str]:
    st = lemma[:-2]  # second group: garantir -> garantis, garantissait
    return [st + "is", st + "it", st + "issons", st + "issez", st + "issent", st + "i", st + "ie", st + "is",
            st + "ies", st + "issant", st + "issait", st + "issaient", st + "ira", st + "iront", st + "irait",
            st + "iraient", st + "irent", lemma]


def regular_forms(verb: str, multiword: bool) -> list[str] | None:
    """The forms of a regular verb (-er; -ir too unless it heads a multiword cue), else None."""
    if verb.endswith("er"):
        return _er_forms(verb)
    if verb.endswith("ir") and not multiword:
        return _ir_forms(verb)
    return None
