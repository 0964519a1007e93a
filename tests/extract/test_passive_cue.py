"""Pattern ``passive_cue``: a été annoncé par X."""

from __future__ import annotations

from support.extraction import only, run


def test_passive_with_an_agent_and_a_que_clause():
    atts, _ = run("Il a été annoncé par le ministère que les écoles rouvriraient lundi.")
    a = only(atts, "les écoles rouvriraient lundi")
    assert (a.pattern, a.cue.text, a.speaker.text) == ("passive_cue", "a été annoncé", "le ministère")


def test_passive_subject_is_the_content():
    atts, _ = run("La fermeture de l'usine a été confirmée par la direction.")
    a = only(atts, "La fermeture de l'usine")
    assert (a.cue.lemma, a.speaker.text) == ("confirmer", "la direction")


def test_agentless_passive_reports_no_source():
    atts, _ = run("La fermeture de l'usine a été confirmée hier.")
    assert atts == []


def test_passive_of_a_verb_that_needs_a_clause():
    atts, _ = run("La sécurité est assurée par des bénévoles.")
    assert atts == []  # assurer = ensure here, not a statement
