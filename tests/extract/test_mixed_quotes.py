"""The mixed-quote rule (``spans.classify``): reported content with quoted fragments is mixed,
content that is one quote (prepositions and determiners aside) is direct."""

from __future__ import annotations

from support.extraction import only, run

from attribution.extract import view
from attribution.extract.spans import classify


def test_fragment_inside_reported_content_is_mixed_with_its_marks():
    atts, _ = run("Le président a évoqué un « tournant historique » pour le pays.")
    a = only(atts, "un « tournant historique » pour le pays")
    assert a.type == "mixed"


def test_preposition_and_determiner_before_one_quote_leave_it_direct():
    atts, _ = run("Elle en a appelé à des « efforts partagés par tous ».")
    a = only(atts, "efforts partagés par tous")
    assert a.type == "direct"


def test_two_quotes_joined_by_et_are_mixed():
    atts, _ = run("Il a dénoncé « une faute » et « un mensonge ».")
    assert only(atts, "« une faute » et « un mensonge »").type == "mixed"


def test_classify_on_a_handmade_view():
    from support.extraction import shallow_doc

    text = "que « tout va bien » , dit-il"
    v = view(shallow_doc(text), "fr")
    s = text.index("«")
    assert classify(v, 0, text.index(",")) == ("direct", s + 2, text.index(" »"))
    assert classify(v, s, len(text))[0] == "mixed"
    assert classify(v, text.index("dit"), len(text))[0] == "indirect"
