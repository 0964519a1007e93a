"""The document view (attribution.docview) that extraction and resolution read, built by hand (no parser)."""

from __future__ import annotations

from support.extraction import shallow_doc

from attribution.extract import view
from attribution.parse.base import build_document


def test_view_glues_elisions_and_splits_glued_marks():
    text = "Il parle d'«erreur» aujourd'hui."
    doc = build_document(text, [[
        {"id": 1, "text": "Il", "start_char": 0, "end_char": 2},
        {"id": 2, "text": "parle", "start_char": 3, "end_char": 8},
        {"id": 3, "text": "d", "start_char": 9, "end_char": 10},
        {"id": 4, "text": "'", "start_char": 10, "end_char": 11},
        {"id": 5, "text": "«erreur»", "start_char": 11, "end_char": 19},
        {"id": 6, "text": "aujourd'hui", "start_char": 20, "end_char": 31},
        {"id": 7, "text": ".", "start_char": 31, "end_char": 32},
    ]], "fr")
    v = view(doc, "fr")
    assert [t.text for t in v.toks] == ["Il", "parle", "d'", "«", "erreur", "»", "aujourd'hui", "."]
    assert all(v.text[t.start:t.end] == t.text for t in v.toks)
    assert [t.mark for t in v.toks].count(True) == 2


def test_view_folds_multiword_tokens_and_splits_inverted_clitics():
    text = "Des élus du parti, a-t-il dit."
    doc = build_document(text, [[
        {"id": 1, "text": "Des", "start_char": 0, "end_char": 3, "upos": "DET"},
        {"id": 2, "text": "élus", "start_char": 4, "end_char": 8, "upos": "NOUN", "head": 0},
        {"id": (3, 4), "text": "du", "start_char": 9, "end_char": 11},
        {"id": 3, "text": "de", "upos": "ADP", "head": 5},
        {"id": 4, "text": "le", "upos": "DET", "head": 5},
        {"id": 5, "text": "parti", "start_char": 12, "end_char": 17, "upos": "NOUN", "head": 2},
        {"id": 6, "text": ",", "start_char": 17, "end_char": 18, "upos": "PUNCT"},
        {"id": 7, "text": "a-t-il", "start_char": 19, "end_char": 25, "upos": "NOUN"},
        {"id": 8, "text": "dit", "start_char": 26, "end_char": 29, "upos": "VERB"},
        {"id": 9, "text": ".", "start_char": 29, "end_char": 30, "upos": "PUNCT"},
    ]], "fr")
    v = view(doc, "fr")
    assert [t.text for t in v.toks] == ["Des", "élus", "du", "parti", ",", "a", "-t-il", "dit", "."]
    du = v.toks[2]
    assert du.upos == "DET" and du.head == 3  # the folded word keeps the head of the token
    assert v.toks[5].upos == "AUX" and v.toks[6].upos == "PRON"


def test_view_units_repair_parser_sentences():
    # the "parser" cut inside a quote and before an incise: one unit; a missed cut after a
    # quote is made; a line break always cuts
    text = "« Tout va bien. Vraiment », a dit le maire. Il part.»Non», dit-elle.\nFin."
    doc = shallow_doc(text, cuts=("Vraiment", ", a dit", "Non"))
    v = view(doc, "fr")
    units = [text[v.toks[a].start:v.toks[b - 1].end] for a, b in v.units]
    assert units == ["« Tout va bien. Vraiment », a dit le maire.", "Il part.", "»Non», dit-elle.", "Fin."]
