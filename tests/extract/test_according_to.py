"""Pattern ``according_to``: selon X, d'après X, pour X, according to X."""

from __future__ import annotations

from support.extraction import only, run


def test_selon_at_the_start():
    atts, _ = run("Selon la préfecture, trois personnes ont été interpellées dans la nuit.")
    a = only(atts, "trois personnes ont été interpellées dans la nuit")
    assert (a.pattern, a.cue.text, a.cue.lemma, a.speaker.text) == ("according_to", "Selon", "selon", "la préfecture")


def test_d_apres_at_the_end():
    atts, _ = run("Le bilan s'alourdit, d'après les pompiers.")
    a = only(atts, "Le bilan s'alourdit")
    assert (a.cue.text, a.speaker.text) == ("d'après", "les pompiers")


def test_pour_with_a_named_source_and_a_quote():
    atts, _ = run("Pour l'économiste Anne Leroy, « la croissance restera faible cette année ».")
    a = only(atts, "la croissance restera faible cette année")
    assert (a.type, a.cue.text, a.speaker.text) == ("direct", "Pour", "Anne Leroy")


def test_selon_in_the_middle_takes_the_whole_clause():
    atts, _ = run("Les travaux dureront deux ans, selon elle, et coûteront cher.")
    a = only(atts, "Les travaux dureront deux ans, selon elle, et coûteront cher")
    assert a.speaker.text == "elle"


def test_pour_and_selon_that_name_no_source():
    for text in ("Pour la première fois, le club a gagné à l'extérieur.",
                 "La loi a été adoptée selon la procédure accélérée.",
                 "Les prix varient, selon les régions, de 10 à 20 %."):
        atts, _ = run(text)
        assert atts == [], text


def test_the_issuer_of_a_document_is_the_speaker():
    atts, _ = run("L'usine fermera en juin, selon un communiqué de la direction.")
    assert only(atts, "L'usine fermera en juin").speaker.text == "la direction"


def test_selon_ce_qu_a_confie_a_source():
    atts, _ = run("Le suspect a été relâché, selon ce qu'a confié une source policière.")
    a = only(atts, "Le suspect a été relâché")
    assert (a.cue.text, a.speaker.text) == ("selon ce qu'a confié", "une source policière")
