"""Pattern ``participle_cue``: present participles and gerunds (espérant, ajoutant que, tout en …)."""

from __future__ import annotations

from support.extraction import only, run


def test_participle_after_a_comma_takes_the_main_subject():
    atts, _ = run("Le maire a inauguré le pont, rappelant que les travaux avaient duré six ans.")
    a = only(atts, "les travaux avaient duré six ans")
    assert (a.pattern, a.cue.text, a.speaker.text) == ("participle_cue", "rappelant", "Le maire")


def test_participle_right_after_a_noun_phrase_takes_it():
    atts, _ = run("La fédération a publié un communiqué affirmant que la compétition reprendrait en mars.")
    assert only(atts, "la compétition reprendrait en mars").speaker.text == "un communiqué"


def test_gerund_with_tout_en():
    atts, _ = run("Le patron a salué les équipes, tout en reconnaissant que l'année avait été difficile.")
    a = only(atts, "l'année avait été difficile")
    assert (a.cue.text, a.cue.stance, a.speaker.text) == ("tout en reconnaissant", "concession", "Le patron")


def test_absolute_participle_clause_stops_before_the_main_clause():
    atts, _ = run("Paris espérant une « désescalade rapide » entre les deux pays, les discussions ont repris.")
    a = only(atts, "une « désescalade rapide » entre les deux pays")
    assert (a.type, a.speaker.text) == ("mixed", "Paris")
