"""Helpers of the extraction tests: ``run`` (extraction over the saved parse of a text), ``only``
(the one attribution with a given content) and ``shallow_doc`` (a document built by hand)."""

from __future__ import annotations

import re

from attribution.extract import extract
from attribution.parse.base import build_document
from attribution.records import Attribution

from .parses import saved_engine


def run(text: str, lang: str = "fr"):
    """(attributions, terms) of ``text`` over its saved parse (see ``support.parses``); offsets checked."""
    attributions, terms = extract(saved_engine().parse(text, lang), lang)
    for a in attributions:
        for span in (a.content, a.cue, a.speaker):
            if span is not None:
                assert text[span.start:span.end] == span.text, span
    for t in terms:
        assert text[t.start:t.end] == t.text
    return attributions, terms


def only(attributions: list[Attribution], content: str) -> Attribution:
    """The one attribution whose content is ``content``."""
    found = [a for a in attributions if a.content.text == content]
    assert len(found) == 1, [(a.content.text, a.pattern) for a in attributions]
    return found[0]


def shallow_doc(text: str, lang: str = "fr", tags: dict[str, tuple[str, str]] | None = None,
                cuts: tuple[str, ...] = ()):
    """A hand-built document: words split on spaces and punctuation, a parser sentence per line
    and before each string of ``cuts``, UPOS/lemma from ``tags`` (word -> (upos, lemma))."""
    tags = tags or {}
    starts = {text.find(c) for c in cuts}
    sentences: list[list[dict]] = [[]]
    for m in re.finditer(r"\w+['’]?|[^\w\s]", text):
        if sentences[-1] and (m.start() in starts or "\n" in text[sentences[-1][-1]["end_char"]:m.start()]):
            sentences.append([])
        upos, lemma = tags.get(m.group(), ("", ""))
        sentences[-1].append({"id": len(sentences[-1]) + 1, "text": m.group(), "lemma": lemma or None,
                              "upos": upos or None, "start_char": m.start(), "end_char": m.end()})
    return build_document(text, [s for s in sentences if s], lang)
