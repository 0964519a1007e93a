"""Each resolution rule on sentences written for it (not from the dev set), over their saved parses
(tests/fixtures/parses, made by the offline spaCy engine).

The speaker mentions are given (what the extractor would find); the tests check what
resolution makes of them: the entity, what a pronoun or a document resolves to, the type.
"""

from __future__ import annotations

import re

import pytest
from support.parses import saved_engine

from attribution.records import Attribution, Entity, Span, Speaker
from attribution.resolve import resolve


@pytest.fixture(scope="module")
def engine():
    return saved_engine()  # the saved parses of tests/fixtures/parses: the rules, not the model


class Resolved:
    """The speakers of one text after resolution, looked up by their text."""

    def __init__(self, engine, text: str, speakers: list[str], lang: str = "fr") -> None:
        attrs = []
        for s in speakers:
            s, _, nth = s.partition("@")
            starts = [m.start() for m in re.finditer(r"(?<!\w)" + re.escape(s) + r"(?!\w)", text)]
            k = starts[int(nth) - 1 if nth else 0]
            attrs.append(Attribution("indirect", Span(k, k, ""), None, Speaker(k, k + len(s), s)))
        self.attributions, entities = resolve(engine.parse(text, lang), attrs, lang)
        self.entities: dict[str, Entity] = {e.id: e for e in entities}
        self.speakers = [a.speaker for a in self.attributions]

    def __getitem__(self, k: int) -> Speaker:
        sp = self.speakers[k]
        assert sp is not None
        return sp

    def entity(self, k: int) -> Entity:
        eid = self[k].entity
        assert eid is not None, self[k]
        return self.entities[eid]

    def resolved(self, k: int) -> str | None:
        r = self[k].resolved
        return r.text if r else None


def test_role_and_name_apposition_then_surname_title_and_role(engine) -> None:
    r = Resolved(engine, "La porte-parole du ministère, Anne Martin, a déclaré que tout allait bien. "
                         "Mme Martin a précisé que l'enquête continuait. La porte-parole a conclu : « Rien n'est exclu ».",
                 ["Anne Martin", "Mme Martin", "La porte-parole@2"])
    assert r[0].entity == r[1].entity == r[2].entity
    e = r.entity(0)
    assert e.type == "person" and e.named and e.name == "Anne Martin" and e.role == "spokesperson"
    assert "Martin" in (r.resolved(2) or "")  # the role resolves to the name


def test_pronoun_after_quote_takes_the_compatible_speaker(engine) -> None:
    r = Resolved(engine, "La porte-parole du ministère, Anne Martin, a déclaré que tout allait bien. "
                         "Le ministre de l'Intérieur Jean Dupuis a refusé de commenter. "
                         "« Nous restons prudents », a-t-elle ajouté.",
                 ["Anne Martin", "Jean Dupuis", "elle"])
    assert r[2].entity == r[0].entity != r[1].entity  # "elle": not the minister, a man
    assert r.resolved(2) == "Anne Martin"
    assert r.entity(1).role == "minister"


def test_selon_lui_and_plural_pronoun_and_their_statement(engine) -> None:
    r = Resolved(engine, "Le président du Sénat, Gérard Larcher, a reçu les syndicats. Selon lui, « la situation est grave ». "
                         "Les syndicats ont quitté la réunion. Ils ont dénoncé « un simulacre ». "
                         "Leur communiqué parle de « mépris ».",
                 ["lui", "Ils", "Leur communiqué"])
    assert r.resolved(0) == "Gérard Larcher" and r[0].type == "person"
    assert r[1].entity == r[2].entity and r[1].type == "group"
    assert "syndicats" in (r.resolved(2) or "")


def test_capital_acting_is_its_government_and_a_place_is_not(engine) -> None:
    r = Resolved(engine, "Moscou a démenti toute implication. Le président russe était en visite à Moscou jeudi. "
                         "Washington a répondu dans un communiqué que les preuves étaient claires. "
                         "Le communiqué ajoute que des sanctions sont possibles.",
                 ["Moscou", "Washington", "Le communiqué"])
    moscow = r.entity(0)
    assert moscow.type == "organization" and moscow.country == "RU"
    assert len(moscow.mentions) == 1  # "à Moscou" is the city, not the government
    assert r[2].entity == r[1].entity and r.resolved(2) == "Washington"
    assert r.entity(1).country == "US"


def test_indefinite_sources_are_new_and_anonymous_definite_repeats_link(engine) -> None:
    r = Resolved(engine, "Un diplomate européen, sous couvert d'anonymat, a estimé que l'accord était fragile. "
                         "Un autre diplomate a jugé qu'il tiendrait. Une source policière a confirmé l'arrestation. "
                         "La source policière a ajouté que le suspect était connu.",
                 ["Un diplomate européen", "Un autre diplomate", "Une source policière", "La source policière"])
    assert len({r[0].entity, r[1].entity, r[2].entity}) == 3
    assert r[2].entity == r[3].entity
    assert all(r[k].type == "anonymous" for k in range(4))
    assert "sous couvert d'anonymat" in r.entity(0).anonymity
    assert r.entity(0).country == "EU" and r.entity(0).role == "diplomat"


def test_office_of_a_person_by_possessive_and_by_complement(engine) -> None:
    r = Resolved(engine, "Le maire de Lyon, Grégory Doucet, a annoncé des mesures. Ses services ont précisé que les travaux "
                         "dureraient un an. Les services du maire ont ensuite publié un calendrier.",
                 ["Grégory Doucet", "Ses services", "Les services du maire"])
    assert r[1].entity == r[2].entity != r[0].entity
    office = r.entity(1)
    assert office.type == "organization" and office.head == r[0].entity
    assert r.resolved(1) == "Grégory Doucet"
    assert r.entity(0).role == "mayor" and r.entity(0).affiliation == "Lyon"


def test_demonstrative_and_last_mentioned(engine) -> None:
    r = Resolved(engine, "Le groupe Wagner a revendiqué l'attaque. Ce groupe a affirmé qu'il poursuivrait ses opérations. "
                         "Le Premier ministre Gabriel Attal a rencontré le président de la République. "
                         "Ce dernier a déclaré que la réforme était nécessaire.",
                 ["Ce groupe", "Ce dernier", "Gabriel Attal"])
    assert r.resolved(0) == "Wagner" and r[0].type == "group"
    assert r.resolved(1) == "le président de la République" and r[1].entity != r[2].entity
    assert r[1].type == "person"


def test_title_right_after_a_full_name_is_that_person(engine) -> None:
    r = Resolved(engine, "Gabriel Attal a reçu les syndicats lundi. Le chef du gouvernement a promis une réponse. "
                         "Attal a ajouté qu'il fallait aller vite.",
                 ["Le chef du gouvernement", "Attal"])
    assert r[0].entity == r[1].entity
    assert r.entity(0).role == "prime minister" and r.entity(0).name == "Gabriel Attal"


def test_documents_stand_for_their_issuer(engine) -> None:
    r = Resolved(engine, "L'ONU a publié un rapport accablant mardi. Selon ce rapport, les violations se multiplient. "
                         "Dans une lettre adressée au gouvernement, les syndicats affirment que la réforme est injuste. "
                         "Un communiqué du ministre de la Santé évoque une « erreur ».",
                 ["ce rapport", "les syndicats", "une lettre", "Un communiqué du ministre de la Santé"])
    assert r.resolved(0) == "L'ONU" and r[0].type == "organization"
    assert r[2].entity == r[1].entity  # the letter is the unions'
    assert r.entity(3).role == "minister" and r[3].type == "person"


def test_lawyer_with_title_and_feminine_pronoun(engine) -> None:
    r = Resolved(engine, "Le suspect a été interpellé lundi. Son avocat, Me Paul Durand, a dénoncé une procédure bâclée. "
                         "« C'est inadmissible », a-t-il martelé. La juge d'instruction a refusé de commenter. "
                         "Celle-ci a seulement indiqué que l'enquête suivait son cours.",
                 ["Me Paul Durand", "il", "Celle-ci"])
    assert r[1].entity == r[0].entity and r.entity(0).name == "Paul Durand" and r.entity(0).role == "lawyer"
    assert r.resolved(2) == "La juge d'instruction" and r[2].type == "person"


def test_types_of_groups_bodies_and_media(engine) -> None:
    r = Resolved(engine, "Les manifestants ont dénoncé un projet coûteux. La police a indiqué que le rassemblement était "
                         "calme. Le Monde rapporte que les négociations reprendront. La CGT a annoncé une grève. "
                         "Des témoins ont raconté la scène. Un habitant a dit avoir eu peur.",
                 ["Les manifestants", "La police", "Le Monde", "La CGT", "Des témoins", "Un habitant"])
    assert [r[k].type for k in range(6)] == ["group", "organization", "organization", "organization", "group",
                                              "anonymous"]


def test_impersonal_il_is_no_antecedent_and_quotes_hold_none(engine) -> None:
    r = Resolved(engine, "Marie Curie, chercheuse au CNRS, estime que les résultats sont solides. "
                         "« Il faut vérifier, Pierre l'a dit », ajoute-t-elle. Son collègue Pierre Roux est plus prudent. "
                         "Selon lui, il faut attendre.",
                 ["Marie Curie", "elle", "lui"])
    assert r.resolved(1) == "Marie Curie"
    assert r.resolved(2) == "Pierre Roux"  # the "Pierre" inside the quote is no antecedent


def test_speaker_span_without_rule_still_gets_an_entity(engine) -> None:
    r = Resolved(engine, "Les organisateurs du festival ont affirmé que tout était prêt.", ["Les organisateurs du festival"])
    assert r[0].entity is not None and r[0].type == "group"
    assert r.entity(0).aliases == ("Les organisateurs du festival",)


def test_no_speaker_is_left_alone(engine) -> None:
    text = "Il pleut sur Paris."
    a = Attribution("indirect", Span(0, 8, text[:8]), None, None)
    out, entities = resolve(engine.parse(text, "fr"), [a], "fr")
    assert out == [a] and entities == []


def test_a_role_after_an_organisation_name_is_not_its_apposition(engine) -> None:
    r = Resolved(engine, "Interrogé par l'AFP, le ministre des Armées a déclaré que la France resterait engagée. "
                         "D'après les autorités locales, le bilan s'élève à douze morts.",
                 ["le ministre des Armées", "les autorités locales"])
    minister = r.entity(0)
    assert not minister.named and minister.role == "minister" and "l'AFP" not in minister.aliases
    assert r[0].type == "person" and r[0].resolved is None
    assert r[1].type == "organization"  # institutions, even in the plural


def test_possessive_role_is_affiliated_to_its_owner(engine) -> None:
    r = Resolved(engine, "Le Kremlin a dénoncé une provocation. Son porte-parole, Dmitri Peskov, a affirmé que Moscou "
                         "ne changerait pas de cap.", ["Le Kremlin", "Dmitri Peskov"])
    peskov = r.entity(1)
    assert peskov.role == "spokesperson" and peskov.affiliation == "Kremlin" and peskov.country == "RU"
    assert r[0].entity != r[1].entity


def test_english_without_a_tagger_still_resolves(engine) -> None:
    # no English model is installed offline: the English parse has words and sentences, no tags
    r = Resolved(engine, "Pentagon spokeswoman Sabrina Singh said on Thursday that troop levels would be discussed. "
                         "\"Nothing is decided,\" she added. A senior US official, speaking on condition of anonymity, "
                         "said the timeline was tight. The White House said in a statement that it supported the "
                         "process. The statement added that talks would go on.",
                 ["Sabrina Singh", "she", "A senior US official", "The White House", "The statement"], lang="en")
    assert r[1].entity == r[0].entity and r.entity(0).role == "spokesperson"
    assert r[2].type == "anonymous" and "speaking on condition of anonymity" in r.entity(2).anonymity
    assert r[3].type == "organization" and r.entity(3).country == "US"
    assert r[4].entity == r[3].entity and r.resolved(4) == "The White House"
