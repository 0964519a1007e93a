"""Pattern ``colon_intro``: X : «…» with no verb, «…» – X bylines, and a cue's colon."""

from __future__ import annotations

from support.extraction import only, run


def test_bare_noun_phrase_and_colon():
    atts, _ = run("L'entraîneur : « Nous avons manqué de réalisme. »")
    a = only(atts, "Nous avons manqué de réalisme.")
    assert (a.type, a.pattern, a.cue, a.speaker.text) == ("direct", "colon_intro", None, "L'entraîneur")


def test_clause_and_colon_goes_to_its_subject_when_it_can_speak():
    atts, _ = run("Le capitaine a été clair : « On doit gagner dimanche. »")
    assert only(atts, "On doit gagner dimanche.").speaker.text == "Le capitaine"
    atts, terms = run("Le stade était plein : « Incroyable ambiance ! »")
    assert atts == [] and [t.text for t in terms] == ["Incroyable ambiance !"]


def test_cue_verb_with_a_colon_keeps_its_cue():
    atts, _ = run("La ministre a répondu : « Le texte sera amendé. »")
    a = only(atts, "Le texte sera amendé.")
    assert (a.cue.text, a.speaker.text) == ("a répondu", "La ministre")


def test_dash_byline_after_a_quoted_sentence():
    atts, _ = run('"It was chaos." - John Smith', lang="en")
    a = only(atts, "It was chaos.")
    assert (a.pattern, a.speaker.text, a.cue) == ("colon_intro", "John Smith", None)


def test_title_with_a_dash_and_an_outlet_is_not_speech():
    atts, terms = run('"Floods hit the north" — The Daily Post, May 2, 2020', lang="en")
    assert atts == [] and [t.text for t in terms] == ["Floods hit the north"]
