"""Cases of the annotation guideline: interrupted quotes and incises, lost opening marks, naming
verbs, selon with a non-source, colon introductions after an object, duplicates, speaker spans."""

from __future__ import annotations

from support.extraction import only, run

# ---------------------------------------------------------------- interrupted quotes and incises

def test_guillemets_interrupted_by_a_pluperfect_incise_give_two_quotes():
    atts, _ = run("« Nous ne partirons pas », avait-il dit, « tant que le contrat ne sera pas signé ».")
    a = only(atts, "Nous ne partirons pas")
    b = only(atts, "tant que le contrat ne sera pas signé")
    assert a.type == b.type == "direct"
    assert (a.cue.text, a.speaker.text) == (b.cue.text, b.speaker.text) == ("avait-il dit", "il")


def test_straight_quotes_interrupted_by_an_incise_give_two_quotes():
    atts, _ = run('"Le projet avance bien", poursuit-il, "mais il reste beaucoup à faire".')
    a = only(atts, "Le projet avance bien")
    b = only(atts, "mais il reste beaucoup à faire")
    assert a.cue.text == b.cue.text == "poursuit-il"


def test_incise_after_an_adjunct_reports_the_clause_after_it():
    atts, _ = run("En 2004, a-t-il indiqué, nous avons fermé trois usines dans la région.")
    assert len(atts) == 1
    a = only(atts, "nous avons fermé trois usines dans la région")
    assert (a.type, a.cue.text, a.speaker.text) == ("indirect", "a-t-il indiqué", "il")


def test_incise_with_a_named_subject_after_an_adjunct():
    atts, _ = run("Depuis janvier, précise le maire, la commune n'a reçu aucune aide.")
    a = only(atts, "la commune n'a reçu aucune aide")
    assert (a.cue.text, a.speaker.text) == ("précise", "le maire")


def test_incise_between_two_clauses_reports_both():
    atts, _ = run("La situation est grave, a-t-elle expliqué, les élus doivent agir vite.")
    only(atts, "La situation est grave")
    only(atts, "les élus doivent agir vite")


def test_incise_cutting_a_subject_from_its_verb_keeps_the_whole_clause():
    text = "La réforme, estime le syndicat, n'apportera rien aux salariés."
    atts, _ = run(text)
    a = only(atts, text[:-1])
    assert (a.pattern, a.cue.text, a.speaker.text) == ("inverted_cue", "estime", "le syndicat")


# ---------------------------------------------------------------- lost opening mark

def test_lost_straight_opening_mark_before_an_inverted_cue():
    atts, _ = run('Les conditions du syndicat ont été acceptées ", a assuré l\'un d\'eux.')
    a = only(atts, "Les conditions du syndicat ont été acceptées")
    assert (a.type, a.cue.text, a.speaker.text) == ("direct", "a assuré", "l'un d'eux")


def test_lost_guillemet_opening_before_an_inverted_cue():
    atts, _ = run("Nous ne laisserons pas tomber ce pays », a déclaré le ministre.")
    a = only(atts, "Nous ne laisserons pas tomber ce pays")
    assert (a.type, a.speaker.text) == ("direct", "le ministre")


# ---------------------------------------------------------------- naming verbs

def test_what_someone_calls_a_quoted_word_is_a_term():
    atts, terms = run("Il dénonce ce qu'il appelle « une mafia » au sein du conseil.")
    assert all(a.cue.lemma != "appeler" for a in atts)
    assert "une mafia" in [t.text for t in terms] or any("« une mafia »" in a.content.text for a in atts)


def test_called_with_an_elided_article_is_no_speech():
    atts, _ = run("Elle regrette ce qu'il appelait l'« instantanéité » des réseaux.")
    assert all(a.cue.lemma != "appeler" for a in atts)


def test_speaking_of_a_quoted_phrase_is_a_term():
    atts, terms = run('Le ministre a répondu en parlant de "dette publique" à plusieurs reprises.')
    assert atts == []
    assert [t.text for t in terms] == ["dette publique"]


def test_calling_for_something_quoted_is_still_speech():
    atts, _ = run("Le syndicat appelle à « une mobilisation massive » des salariés.")
    assert any(a.cue.lemma == "appeler" and "une mobilisation massive" in a.content.text for a in atts)


def test_speaking_of_a_described_thing_keeps_the_quoted_words():
    atts, _ = run("Le ministre a parlé d'une « situation très grave » dans la région.")
    assert any(a.cue.text == "a parlé" for a in atts)


# ---------------------------------------------------------------- selon

def test_selon_ones_abilities_is_not_a_source():
    atts, _ = run("Chacun travaille selon les Facultés qui lui sont propres.")
    assert atts == []
    atts, _ = run("Chacun contribue selon ses Moyens.")
    assert atts == []


def test_selon_a_charter_is_a_document_source():
    atts, _ = run("Selon la charte du parti, les adhérents doivent voter chaque année.")
    a = only(atts, "les adhérents doivent voter chaque année")
    assert a.cue.text == "Selon"


def test_selon_nous_inside_a_quote_is_not_its_cue():
    atts, _ = run("« Le gouvernement ment. Selon nous, la réforme est injuste », a-t-elle dit.")
    a = only(atts, "Le gouvernement ment. Selon nous, la réforme est injuste")
    assert a.cue.text == "a-t-elle dit"
    assert all(x.cue is None or x.cue.lemma != "selon" for x in atts)


# ---------------------------------------------------------------- colon introductions

def test_colon_after_a_verb_with_an_adjunct_and_an_indirect_object():
    atts, _ = run("Le général demanda un jour à ses soldats : « Qui veut partir ? »")
    a = only(atts, "Qui veut partir ?")
    assert (a.type, a.cue.text, a.speaker.text) == ("direct", "demanda", "Le général")


def test_colon_after_a_verb_and_the_person_told():
    atts, _ = run("Le maire a déclaré aux journalistes : « Nous n'avons plus d'argent. »")
    assert len(atts) == 1
    a = only(atts, "Nous n'avons plus d'argent.")
    assert (a.cue.text, a.speaker.text) == ("a déclaré", "Le maire")


def test_colon_after_a_verb_and_its_object():
    atts, terms = run("Le ministre a ainsi expliqué sa position : « Nous ne reculerons pas. »")
    a = only(atts, "Nous ne reculerons pas.")
    assert (a.type, a.speaker.text) == ("direct", "Le ministre")
    assert terms == []


def test_colon_after_a_que_clause_takes_the_speaker():
    atts, _ = run("Le maire reconnaît que la situation est difficile : « Nous n'avons plus d'argent. »")
    only(atts, "la situation est difficile")
    a = only(atts, "Nous n'avons plus d'argent.")
    assert (a.type, a.speaker.text) == ("direct", "Le maire")


def test_after_a_colon_the_quote_alone_is_the_content():
    atts, _ = run("Le maire a déclaré : « Nous partirons », avant de quitter la salle.")
    a = only(atts, "Nous partirons")
    assert (a.type, a.cue.text) == ("direct", "a déclaré")


# ---------------------------------------------------------------- duplicates

def test_a_quote_introduced_by_a_verb_and_a_colon_is_emitted_once():
    for text in ("Le maire a ajouté, devant le conseil : « Nous n'avons plus d'argent. »",
                 "Elle a confié à l'AFP : « Je ne regrette rien. »"):
        atts, _ = run(text)
        assert len(atts) == 1, [(a.content.text, a.pattern) for a in atts]


# ---------------------------------------------------------------- speaker spans

def test_speaker_keeps_a_bare_a_complement_of_its_noun():
    atts, _ = run("« La cour rendra son arrêt lundi », a déclaré un Président à mortier.")
    assert only(atts, "La cour rendra son arrêt lundi").speaker.text == "un Président à mortier"
    atts, _ = run("Un Président à mortier a déclaré que la cour rendrait son arrêt lundi.")
    assert only(atts, "la cour rendrait son arrêt lundi").speaker.text == "Un Président à mortier"


def test_selon_source_with_a_bare_a_complement_is_not_content():
    atts, _ = run("La cour rendra son arrêt lundi, selon un Président à mortier.")
    a = only(atts, "La cour rendra son arrêt lundi")
    assert a.speaker.text == "un Président à mortier"


def test_a_dative_with_an_article_is_not_part_of_the_speaker():
    atts, _ = run("« Nous partirons », a confié le maire à la presse locale.")
    assert only(atts, "Nous partirons").speaker.text == "le maire"


# ---------------------------------------------------------------- gerunds after a relative clause

def test_gerund_after_a_relative_clause_belongs_to_the_main_subject():
    atts, _ = run("Dans ce livre, il répond aux critiques de Monet, qui reprochent à l'artiste ses séries, "
                  "en faisant remarquer : « Et voilà, le mot est lâché ! »")
    a = only(atts, "Et voilà, le mot est lâché !")
    assert (a.cue.text, a.speaker.text) == ("en faisant remarquer", "il")


def test_selon_the_police_forces_at_the_end_of_a_clause_is_left_out_of_the_content():
    atts, _ = run("La manifestation a réuni 3 000 personnes selon les forces de l'ordre.")
    a = only(atts, "La manifestation a réuni 3 000 personnes")
    assert (a.cue.text, a.speaker.text) == ("selon", "les forces de l'ordre")
