"""Rules that generalise beyond the development set, one test per error category found on
blind-annotated articles: colon introductions, selon with a non-source, dash asides, clause
boundaries, periphrastic cues, nested speech, names of things, unpaired straight quotes.
The sentences are written for these tests (news-like), parsed by the offline spaCy engine."""

from __future__ import annotations

from support.extraction import only, run

from attribution.quotes import find_quotes


def _contents(atts):
    return sorted(a.content.text for a in atts)


# 1. colon introductions without a speech verb

def test_noun_of_comment_colon_quote_goes_to_its_possessor():
    atts, _ = run("La réaction de la maire de Nancy : « Je suis soulagée. »")
    a = only(atts, "Je suis soulagée.")
    assert (a.pattern, a.cue, a.speaker.text) == ("colon_intro", None, "la maire de Nancy")


def test_noun_of_comment_shared_by_an_agent_before_a_colon():
    atts, _ = run("Un constat partagé par le président du club : « Nous devons progresser en défense. »")
    assert only(atts, "Nous devons progresser en défense.").speaker.text == "le président du club"


def test_noun_of_comment_colon_clause_with_a_quote_is_mixed_content():
    atts, _ = run("Commentaire de la directrice : elle refuse de « céder au chantage ».")
    a = only(atts, "elle refuse de « céder au chantage »")
    assert (a.type, a.speaker.text) == ("mixed", "la directrice")


def test_colon_after_a_clause_without_cue_and_a_full_quoted_sentence():
    atts, _ = run("Le maire a hésité, puis il a refusé et a étudié d'autres solutions : "
                  "« Nous ne pouvons pas financer ce projet seuls ».")
    assert only(atts, "Nous ne pouvons pas financer ce projet seuls").speaker.text == "Le maire"


def test_a_thing_before_a_colon_is_no_source():
    atts, terms = run("Le programme de la soirée : « Concert et feu d'artifice ».")
    assert atts == [] and [t.text for t in terms] == ["Concert et feu d'artifice"]


# 2. selon must introduce a possible source

def test_selon_with_a_time_or_thing_noun_is_not_a_source():
    for text in ("Selon les époques, le lac attire des milliers de visiteurs.",
                 "La durée du traitement varie selon la bactérie en cause.",
                 "Selon la couleur du ciel, les marins décidaient de sortir."):
        atts, _ = run(text)
        assert atts == [], text


def test_selon_with_an_agent_noun_or_a_legal_text_is_a_source():
    atts, _ = run("Selon le chercheur, le glacier aura disparu en 2050.")
    assert only(atts, "le glacier aura disparu en 2050").speaker.text == "le chercheur"
    atts, _ = run("La prime sera versée en mars, selon les termes de l'accord signé jeudi.")
    assert only(atts, "La prime sera versée en mars").cue.text == "selon"


def test_selon_inside_an_incise_is_not_content_of_its_own():
    atts, _ = run("« Ils ont tiré sans sommation », auraient dit, selon le site, des agents de la police municipale.")
    a = only(atts, "Ils ont tiré sans sommation")
    assert a.cue.text == "auraient dit"
    assert all("selon le site" not in b.content.text for b in atts)


# 3. a dash aside is not an inverted clitic

def test_spaced_hyphen_opens_an_aside_not_an_inversion():
    atts, _ = run("Le ministre répond -il faut le rappeler- que la réforme est nécessaire.")
    a = only(atts, "la réforme est nécessaire")
    assert (a.cue.text, a.speaker.text) == ("répond", "Le ministre")
    atts, _ = run("Marie Dupont explique - et c'est important - que les délais seront tenus.")
    assert only(atts, "les délais seront tenus").speaker.text == "Marie Dupont"


def test_glued_clitic_after_a_participle_form_is_an_inversion():
    atts, _ = run("« Nous irons jusqu'au bout », dit-elle.")
    a = only(atts, "Nous irons jusqu'au bout")
    assert (a.cue.text, a.speaker.text) == ("dit-elle", "elle")
    atts, _ = run("« Nous irons jusqu'au bout », a-t-il déclaré.")
    assert only(atts, "Nous irons jusqu'au bout").cue.text == "a-t-il déclaré"


# 4. content stops at clause boundaries

def test_alors_que_and_tandis_que_end_the_content():
    atts, _ = run("Le ministre a réaffirmé le « soutien total » de la France alors que des témoins "
                  "sur place font état de violences.")
    assert only(atts, "le « soutien total » de la France").type == "mixed"
    a = only(atts, "violences")  # the second source, "faire état de", its subject before a short PP
    assert (a.cue.text, a.speaker.text) == ("font état", "des témoins")
    atts, _ = run("Le préfet a affirmé que la situation était sous contrôle tandis que les pompiers "
                  "luttaient encore contre les flammes.")
    only(atts, "la situation était sous contrôle")


def test_a_juxtaposed_clause_with_its_own_subject_ends_the_content():
    atts, _ = run("Le maire estime que les travaux sont indispensables, la situation du pont reste "
                  "pourtant préoccupante.")
    assert _contents(atts) == ["les travaux sont indispensables"]


def test_a_comma_inside_the_reported_clause_does_not_end_it():
    atts, _ = run("Le maire estime que, la semaine prochaine, les travaux reprendront.")
    assert _contents(atts) == ["la semaine prochaine, les travaux reprendront"]


# 5. periphrastic and less common cues

def test_periphrastic_cues():
    atts, _ = run("La présidente de la région a émis l'espoir que les travaux reprennent avant l'été.")
    assert only(atts, "les travaux reprennent avant l'été").cue.text == "a émis l'espoir"
    atts, _ = run("Le maire a émis l'espoir de voir les travaux aboutir avant l'hiver.")
    assert only(atts, "voir les travaux aboutir avant l'hiver").speaker.text == "Le maire"
    atts, _ = run("L'article 4 du règlement dispose que les élus doivent déclarer leurs revenus.")
    assert only(atts, "les élus doivent déclarer leurs revenus").cue.text == "dispose"
    atts, _ = run("Le préfet a parlé d'une « situation très préoccupante » sur les routes.")
    assert any("situation très préoccupante" in a.content.text and a.cue.text == "a parlé" for a in atts)
    atts, _ = run("Le procureur insiste sur « la gravité des faits » reprochés au suspect.")
    assert any("la gravité des faits" in a.content.text and a.cue.text == "insiste" for a in atts)


def test_person_told_before_the_que_clause():
    atts, _ = run("Le jeune homme prévenait sa mère qu'il rentrerait tard ce soir-là.")
    a = only(atts, "il rentrerait tard ce soir-là")
    assert (a.cue.text, a.speaker.text) == ("prévenait", "Le jeune homme")


def test_object_cue_after_an_adverbial_peu_apres():
    atts, _ = run("L'entreprise a annoncé peu après la suppression de deux cents postes en Lorraine.")
    assert only(atts, "la suppression de deux cents postes en Lorraine").cue.text == "a annoncé"


def test_relative_and_sentence_initial_comparative_cues():
    atts, _ = run("Il faut revoir tout le dispositif, ce que soulignent le maire et son adjoint.")
    a = only(atts, "Il faut revoir tout le dispositif")
    assert (a.cue.text, a.speaker.text) == ("soulignent", "le maire")
    atts, _ = run("Comme devait le conclure le président du tribunal, « la loi est la même pour tous ».")
    a = only(atts, "la loi est la même pour tous")
    assert (a.type, a.speaker.text) == ("direct", "le président du tribunal")
    atts, _ = run("Ils ont fait ce que dit le règlement.")
    assert atts == []


def test_inverted_participle_form_after_a_long_quote():
    atts, _ = run("« La crise politique s'aggrave dans le pays et rien ne semble pouvoir l'arrêter », "
                  "écrit lundi le quotidien Le Monde.")
    a = only(atts, "La crise politique s'aggrave dans le pays et rien ne semble pouvoir l'arrêter")
    assert (a.cue.text, a.speaker.text) == ("écrit", "le quotidien Le Monde")
    atts, _ = run("Le projet écrit par le maire a été rejeté.")
    assert atts == []


# 6. nested speech and the gold conventions

def test_inner_speech_before_a_colon_belongs_to_the_outer_quote():
    atts, _ = run("On s'était dit : « Il faut partir avant la nuit », a expliqué Véronique.")
    a = only(atts, "On s'était dit : « Il faut partir avant la nuit »")
    assert (a.type, a.speaker.text) == ("mixed", "Véronique")
    assert len(atts) == 1


def test_the_speakers_own_attitude_is_not_a_second_attribution():
    atts, _ = run("Le ministre a déclaré qu'il espérait que la paix reviendrait vite.")
    assert _contents(atts) == ["il espérait que la paix reviendrait vite"]
    # a third party inside the content still stands
    atts, _ = run("Le ministre a déclaré que le préfet avait affirmé que la paix reviendrait vite.")
    assert len(atts) == 2


# 7. a quoted name is not speech

def test_a_title_after_intitule_does_not_make_proposer_speak():
    atts, terms = run("La ville propose cet été une exposition intitulée « Images du ciel » au musée.")
    assert atts == [] and [t.text for t in terms] == ["Images du ciel"]
    atts, _ = run("Le maire propose « une baisse des impôts locaux » aux habitants.")
    assert len(atts) == 1


# 8. unpaired and reopened quotes

def test_straight_quote_closing_without_opener_is_recovered():
    text = "Le maire s'est exprimé devant la presse.\n\nNous allons reconstruire l'école\", a déclaré le maire."
    assert [(q.kind, q.text) for q in find_quotes(text)] == [("unopened", "Nous allons reconstruire l'école")]
    atts, _ = run(text)
    a = only(atts, "Nous allons reconstruire l'école")
    assert (a.type, a.speaker.text) == ("direct", "le maire")
    assert find_quotes('Un écran de 12" suffit.') == []


def test_quote_reopened_in_the_next_paragraph_gives_direct_parts():
    text = ("Le maire était ému. « Nous allons reconstruire l'école et rouvrir la cantine.\n\n"
            "« Les travaux commenceront en mai et dureront un an », a-t-il ajouté.")
    atts, _ = run(text)
    assert only(atts, "Les travaux commenceront en mai et dureront un an").type == "direct"
    assert only(atts, "Nous allons reconstruire l'école et rouvrir la cantine").speaker.text == "il"


def test_selon_keeps_the_usual_sources_of_news():
    for text, speaker in (("Selon les premiers éléments de l'enquête, le conducteur roulait trop vite.",
                           "les premiers éléments de l'enquête"),
                          ("Selon nos informations, le club va changer d'entraîneur.", "nos informations"),
                          ("Selon un proche du dossier, la décision sera rendue lundi.", "un proche du dossier"),
                          ("Selon les organisateurs, dix mille personnes ont défilé.", "les organisateurs"),
                          ("Selon Moscou, les négociations avancent.", "Moscou"),
                          ("Pour ce syndiqué FO, « la direction n'a rien compris ».", "ce syndiqué FO")):
        atts, _ = run(text)
        assert [a.speaker.text for a in atts] == [speaker], text
    atts, _ = run("Les prix varient selon la taille des appartements.")
    assert atts == []


def test_any_verb_in_an_incise_with_an_inverted_subject_is_a_cue():
    atts, _ = run("« On ne s'attendait pas à une telle affluence », sourit la gérante.")
    a = only(atts, "On ne s'attendait pas à une telle affluence")
    assert (a.cue.text, a.speaker.text) == ("sourit", "la gérante")
    atts, _ = run("« Wanted », sort en salle mercredi.")
    assert atts == []


def test_the_person_told_after_au_is_skipped_before_que():
    atts, _ = run("Il a expliqué au journal que la situation était « sous contrôle » et qu'aucune évacuation "
                  "n'était prévue.")
    a = only(atts, "la situation était « sous contrôle » et qu'aucune évacuation n'était prévue")
    assert (a.type, a.cue.text) == ("mixed", "a expliqué")


def test_rappeler_with_an_object_needs_a_source_subject():
    atts, _ = run("Le maire rappelle les trois priorités de son mandat : l'emploi, le logement et la sécurité.")
    a = only(atts, "les trois priorités de son mandat : l'emploi, le logement et la sécurité")
    assert (a.cue.text, a.speaker.text) == ("rappelle", "Le maire")
    for text in ("Ce match rappelle la finale de 1998.", "Cette affaire rappelle le scandale de 2005."):
        atts, _ = run(text)
        assert atts == [], text
