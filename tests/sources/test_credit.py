"""One crediting module: offices, documents, unresolved speakers, group-by, and every view reading it."""

from __future__ import annotations

import pytest
from test_audit import attribution, result

from attribution.audit import audit
from attribution.compare import compare_outlets
from attribution.credit import UnknownGrouping, credit, document_noun
from attribution.graph import build_graph
from attribution.records import Entity
from attribution.report.views import corpus_view
from attribution.sources import corpus_sources
from attribution.text import content_key, count_words, fold, name_key, norm

TEXT = ("Les services du Premier ministre ont annoncé que les troupes partiraient. "
        "Le Premier ministre a dit que tout irait bien. "
        "Le ministère a publié un communiqué. Le communiqué affirme que rien ne change.")
PM = Entity("pm", "Premier ministre", "person", role="Premier ministre", corpus_id="pm")
OFFICE = Entity("office", "services du Premier ministre", "organization", head="pm",
                corpus_id="services-pm")
MINISTRY = Entity("min", "ministère", "organization", corpus_id="ministere")
DOC = Entity("doc", "communiqué", "organization", head="min", corpus_id="communique")


def _result(path: str = "a.txt", outlet: str | None = None):
    return result(TEXT, [
        attribution(TEXT, "indirect", "les troupes partiraient", "ont annoncé",
                    "Les services du Premier ministre", "office"),
        attribution(TEXT, "indirect", "tout irait bien", "a dit", "Le Premier ministre", "pm"),
        attribution(TEXT, "indirect", "rien ne change", "affirme", "Le communiqué", "doc"),
    ], [PM, OFFICE, MINISTRY, DOC], path=path, outlet=outlet)


def test_an_office_is_a_source_of_its_own_linked_to_its_head() -> None:
    (ac,) = credit([_result()])
    office, pm, doc = ac.claims
    assert office.source is not None and office.source.key == "services-pm"
    assert office.source.head == "pm" and office.source.head_name == "Premier ministre"
    assert pm.source is not None and pm.source.key == "pm"
    assert len(ac.sources) == 3


def test_grouping_by_head_counts_the_office_with_its_head() -> None:
    (ac,) = credit([_result()], "head")
    assert [c.source.key for c in ac.claims if c.source] == ["pm", "pm", "ministere"]
    assert len(ac.sources) == 2
    with pytest.raises(UnknownGrouping, match="unknown grouping 'office'; expected one of source, head"):
        credit([_result()], "office")


def test_a_communique_is_credited_to_its_issuer_and_shown_as_its_document() -> None:
    (ac,) = credit([_result()])
    doc = ac.claims[2]
    assert doc.source is not None and doc.source.key == "ministere"
    assert doc.document == "communiqué" and doc.shown == "communiqué of ministère"
    assert "communique" not in {s.key for s in ac.entities}  # a document is no source of its own


def test_a_document_mention_inside_a_body_is_shown_as_its_document() -> None:
    text = "Le ministère a réagi. Leur communiqué affirme que rien ne change."
    r = result(text, [attribution(text, "indirect", "rien ne change", "affirme", "Leur communiqué",
                                  "min")], [Entity("min", "ministère", "organization")])
    (ac,) = credit([r])
    assert ac.claims[0].shown == "communiqué of ministère"
    assert document_noun("the press release", "en") == "press release"
    assert document_noun("le ministère", "fr") is None


def test_unresolved_speakers_and_unlinked_entities_are_sources_of_their_article() -> None:
    text = "Un témoin a dit que non."
    ents = [Entity("w", "témoin", "anonymous")]
    rs = [result(text, [attribution(text, "indirect", "non", "a dit", "Un témoin", "w")], ents,
                 path=p) for p in ("a.txt", "b.txt")]
    rs.append(result(text, [attribution(text, "indirect", "non", "a dit", "Un témoin")], path="c.txt"))
    keys = [ac.claims[0].source.key for ac in credit(rs) if ac.claims[0].source]
    assert keys == ["a/w", "b/w", "c/speaker:temoin"]
    assert audit(rs).total.sources == 3


def test_every_view_reads_the_same_credit() -> None:
    rs = [_result("x/a.txt", "X"), _result("y/b.txt", "Y")]
    expected = {c.source.key for ac in credit(rs) for c in ac.claims if c.source}
    a = audit(rs)
    assert a.total.sources == len(expected) == 3
    c = compare_outlets(rs)
    assert {s.source.key for s in c.sources} == expected
    g = build_graph(rs, same_claims=False)
    said = {u.removeprefix("entity:") for u, _, k in g.edges(keys=True) if k == "said"}
    assert said == expected
    assert g.nodes["entity:services-pm"]["head"] == "entity:pm"
    view = corpus_view(rs)
    assert {s.key for s in view.sources if s.claims} == expected
    assert view.credited_sources == 3 and view.group_note.startswith("grouped by source")
    listed = {s.corpus_id: s for s in corpus_sources(rs)}
    assert listed["services-pm"].head == "pm" and "communique" not in listed
    assert listed["ministere"].attributions == 2


def test_one_normaliser_and_one_word_count() -> None:
    assert norm("L’État") == "l'état" and fold("L’État") == "l'etat"
    assert name_key("l’Élysée") == "elysee" and name_key("Le  porte-parole") == "porte parole"
    assert content_key("«Suite à cet examen», l’EI  a dit.") == "suite a cet examen l ei a dit"
    assert count_words("L’Irak, la porte-parole a dit «oui» 2.500 fois_bis.") == 12
    (ac,) = credit([_result()])
    assert ac.words == count_words(TEXT) == audit([_result()]).total.words
