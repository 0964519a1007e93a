"""Extraction never fails and always returns spans of the text (hand-built documents, no parser)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from support.extraction import shallow_doc

from attribution.extract import extract

TAGS = {"a": ("AUX", "avoir"), "dit": ("VERB", "dire"), "selon": ("ADP", "selon"), "le": ("DET", "le"),
        "maire": ("NOUN", "maire"), "que": ("SCONJ", "que"), "Paul": ("PROPN", "Paul")}
WORDS = ["a", "dit", "selon", "le", "maire", "que", "Paul", "il", "«", "»", "“", "”", '"', "'", ",", ".",
         ":", "-t-il", "\n", "\n\n", "l'", "qu'", "(", ")", "said", "according", "to"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=60), st.sampled_from(["fr", "en"]))
def test_random_word_salad_gives_valid_spans(words, lang):
    text = " ".join(words)
    attributions, terms = extract(shallow_doc(text, lang, TAGS), lang)
    for a in attributions:
        assert a.type in ("direct", "indirect", "mixed")
        for span in (a.content, a.cue, a.speaker):
            if span is not None:
                assert 0 <= span.start < span.end <= len(text)
                assert text[span.start:span.end] == span.text
    for t in terms:
        assert text[t.start:t.end] == t.text


def test_handmade_document_without_any_tag():
    text = "« Tout ira bien », a dit le maire.\nSelon le maire, rien ne change."
    attributions, _ = extract(shallow_doc(text, "fr", TAGS), "fr")
    assert {a.content.text for a in attributions} == {"Tout ira bien", "rien ne change"}


def test_thousands_of_marks_and_cues_finish():
    text = ("« a dit le maire , " * 400 + "» " * 300 + "\n") * 3
    attributions, terms = extract(shallow_doc(text, "fr", TAGS), "fr")
    assert all(text[a.content.start:a.content.end] == a.content.text for a in attributions)
