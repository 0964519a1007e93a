"""Cutting long texts: pieces cover the text exactly, stay under the size, meet at paragraphs."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from attribution.parse.chunks import chunk_spans, paragraph_spans

TEXTS = st.text(alphabet=st.sampled_from(list("ab .\n«»")), max_size=400)


@given(TEXTS, st.integers(min_value=1, max_value=60))
def test_pieces_cover_the_text_in_order(text: str, size: int) -> None:
    spans = chunk_spans(text, size)
    assert "".join(text[s:e] for s, e in spans) == text
    assert all(0 < e - s <= size for s, e in spans)
    assert all(a[1] == b[0] for a, b in zip(spans, spans[1:], strict=False))


def test_pieces_meet_at_paragraphs_then_sentences_then_spaces() -> None:
    para = "Une phrase assez longue. Une autre phrase ici."
    text = "\n\n".join([para] * 4)
    spans = chunk_spans(text, 100)
    assert all(text[e - 2:e] == "\n\n" for _, e in spans[:-1])
    long_line = "Une phrase. " * 20
    assert all(long_line[s:e].endswith(". ") for s, e in chunk_spans(long_line, 50)[:-1])
    words = "mot " * 100  # no punctuation: cut after a space
    assert all(words[s:e].endswith(" ") for s, e in chunk_spans(words, 30)[:-1])
    assert chunk_spans("x" * 25, 10) == [(0, 10), (10, 20), (20, 25)]
    assert chunk_spans("", 10) == []


@given(TEXTS, st.integers(min_value=1, max_value=60))
def test_paragraphs_cover_the_text_in_order(text: str, size: int) -> None:
    spans = paragraph_spans(text, size)
    assert "".join(text[s:e] for s, e in spans) == text
    assert all(0 < e - s <= size for s, e in spans)


def test_paragraphs_end_at_newlines_but_not_inside_wrapped_sentences() -> None:
    text = "Un titre sans point\n\nPremier paragraphe.\n« Deuxième », dit-il,\nen riant.\nFin"
    pieces = [text[s:e] for s, e in paragraph_spans(text, 1000)]
    assert pieces == ["Un titre sans point\n\n", "Premier paragraphe.\n",
                      "« Deuxième », dit-il,\nen riant.\n", "Fin"]
