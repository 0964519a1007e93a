"""Pattern ``comparative_cue``: …, comme l'a confirmé X."""

from __future__ import annotations

from support.extraction import only, run


def test_comme_l_a_confirme():
    atts, _ = run("Le préfet a tranché hier, comme l'a confirmé son cabinet, en faveur du projet.")
    a = only(atts, "Le préfet a tranché hier")
    assert (a.pattern, a.cue.text, a.speaker.text) == ("comparative_cue", "a confirmé", "son cabinet")


def test_comme_l_indique_at_the_end():
    atts, _ = run("La grève continue, comme l'indique la direction.")
    assert only(atts, "La grève continue").speaker.text == "la direction"


def test_selon_before_a_comparative_keeps_the_whole_sentence():
    text = "Selon Le Monde, deux ministres démissionneront, comme l'a confirmé l'Élysée, avant l'été."
    atts, _ = run(text)
    assert only(atts, "deux ministres démissionneront").speaker.text == "l'Élysée"
    whole = only(atts, "deux ministres démissionneront, comme l'a confirmé l'Élysée, avant l'été")
    assert whole.speaker.text == "Le Monde"
