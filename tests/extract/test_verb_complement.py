"""Pattern ``verb_complement``: a cue verb and its complement (que-clause, object, infinitive, quote)."""

from __future__ import annotations

from support.extraction import only, run


def test_que_clause_with_the_subject_before():
    atts, _ = run("Le ministre de la Santé a annoncé mardi que les hôpitaux recevraient de nouveaux moyens.")
    a = only(atts, "les hôpitaux recevraient de nouveaux moyens")
    assert (a.type, a.pattern, a.cue.text, a.speaker.text) == (
        "indirect", "verb_complement", "a annoncé", "Le ministre de la Santé")


def test_name_in_apposition_is_preferred():
    atts, _ = run("Le porte-parole du gouvernement, Paul Martin, a assuré que la réforme serait votée avant l'été.")
    assert only(atts, "la réforme serait votée avant l'été").speaker.text == "Paul Martin"


def test_coordinated_que_clauses_are_one_statement():
    # the gold convention: "a estimé que A et que B" is one attribution covering both complements
    atts, _ = run("Le juge a estimé que les preuves étaient insuffisantes et que l'enquête devait être rouverte.")
    a = only(atts, "les preuves étaient insuffisantes et que l'enquête devait être rouverte")
    assert (a.speaker.text, a.cue.text, len(atts)) == ("Le juge", "a estimé", 1)


def test_coordinated_que_clause_after_a_whole_quotation_is_a_second_attribution():
    atts, _ = run("Le juge a ajouté que « les preuves sont insuffisantes » et que l'enquête devait être rouverte.")
    assert only(atts, "les preuves sont insuffisantes").type == "direct"
    assert only(atts, "l'enquête devait être rouverte").cue.text == "a ajouté"


def test_direct_object_of_a_denial():
    atts, _ = run("La société a démenti toute fermeture du site.")
    a = only(atts, "toute fermeture du site")
    assert (a.type, a.cue.stance, a.speaker.text) == ("indirect", "denial", "La société")


def test_reflexive_cue_with_an_adjective():
    atts, _ = run("Le syndicat s'est dit « très inquiet » pour l'avenir des salariés.")
    a = only(atts, "« très inquiet » pour l'avenir des salariés")
    assert (a.type, a.cue.text, a.cue.lemma) == ("mixed", "s'est dit", "se dire")


def test_directive_without_a_clause_or_quote_is_not_speech():
    atts, _ = run("La préfecture a demandé le report du match.")
    assert atts == []


def test_a_thing_that_explains_is_no_source():
    atts, _ = run("La sécheresse explique la hausse des prix.")
    assert atts == []


def test_relative_subject_points_to_its_antecedent():
    atts, _ = run("Il a rencontré la directrice, qui a expliqué que le budget serait réduit.")
    assert only(atts, "le budget serait réduit").speaker.text == "la directrice"
