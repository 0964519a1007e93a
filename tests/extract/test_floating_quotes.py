"""Pattern ``floating_quote``: a quote standing alone next to an attributed one inherits its speaker."""

from __future__ import annotations

from support.extraction import only, run


def test_quote_after_an_attributed_quote():
    atts, _ = run("« Nous sommes prêts », a déclaré la présidente de la région. « Les moyens seront là. »")
    a = only(atts, "Les moyens seront là.")
    assert (a.pattern, a.type, a.cue, a.speaker.text) == ("floating_quote", "direct", None,
                                                          "la présidente de la région")


def test_quote_before_an_attributed_quote_in_its_paragraph():
    atts, _ = run("« Tout a brûlé en une heure. » « Il ne reste rien », ont raconté des voisins.")
    assert only(atts, "Tout a brûlé en une heure.").speaker.text == "des voisins"


def test_lone_quote_with_no_attributed_neighbour_stays_unattributed():
    atts, terms = run("Le village était calme.\n\n« Personne ne s'y attendait. »")
    assert atts == []
    assert [t.text for t in terms] == ["Personne ne s'y attendait."]


def test_short_fragment_does_not_float():
    atts, _ = run("« Nous partirons demain », a dit le guide. « Bravo ».")
    assert [a.content.text for a in atts] == ["Nous partirons demain"]
