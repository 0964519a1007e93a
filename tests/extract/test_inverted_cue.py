"""Pattern ``inverted_cue``: content first, then the cue and its subject (attribution.extract.patterns)."""

from __future__ import annotations

from support.extraction import only, run


def test_quote_then_inverted_verb_and_named_subject_in_apposition():
    atts, _ = run("« Nous ne céderons pas », a martelé la maire de Lille, Claire Dumont.")
    a = only(atts, "Nous ne céderons pas")
    assert (a.type, a.pattern, a.cue.text, a.speaker.text) == ("direct", "inverted_cue", "a martelé", "Claire Dumont")
    assert (a.cue.lemma, a.cue.stance) == ("marteler", "emphasis")


def test_inverted_subject_clitic_is_the_speaker_mention():
    atts, _ = run("« Le chantier reprendra lundi », précise-t-elle.")
    a = only(atts, "Le chantier reprendra lundi")
    assert (a.cue.text, a.speaker.text) == ("précise-t-elle", "elle")


def test_clause_before_an_inverted_cue_is_indirect_content():
    atts, _ = run("La hausse des prix sera limitée à 2 %, ont affirmé jeudi les représentants du syndicat.")
    a = only(atts, "La hausse des prix sera limitée à 2 %")
    assert (a.type, a.cue.text, a.speaker.text) == ("indirect", "ont affirmé", "les représentants du syndicat")


def test_incise_inside_a_quote_splits_it_in_two():
    atts, _ = run("« Les délais seront tenus, assure le directeur du port. Aucun retard n'est prévu. »")
    first = only(atts, "Les délais seront tenus")
    second = only(atts, "Aucun retard n'est prévu")
    assert first.speaker.text == second.speaker.text == "le directeur du port"
    assert first.type == second.type == "direct"


def test_any_verb_with_an_inverted_clitic_after_a_quote_is_a_cue():
    atts, _ = run("« On verra bien », sourit-il.")
    a = only(atts, "On verra bien")
    assert (a.cue.lemma, a.speaker.text) == ("sourire", "il")


def test_an_ordinary_subject_before_the_verb_is_not_an_incise():
    atts, _ = run("Le secrétaire général, qui se trouvait à Genève, a appelé les deux camps à « cesser le feu ».")
    assert all(a.pattern != "inverted_cue" for a in atts)
