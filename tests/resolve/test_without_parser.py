"""Parts of resolution that need no parser: lexicons, quote regions, the word view, corpus linking,
the sources listing and the ``sources`` command (on pre-parsed CoNLL-U articles)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from attribution.docview import build_view, clitic_pronoun
from attribution.errors import UnsupportedLanguage
from attribution.lang import load_sources
from attribution.parse import read_conllu
from attribution.records import Article, ArticleResult, Attribution, Entity, Span, Speaker
from attribution.render import render
from attribution.resolve import corpus_merges, link_corpus, resolve
from attribution.resolve.entities import slug, strip_det
from attribution.resolve.mentions import quote_regions
from attribution.sources import corpus_sources, tables

# parsed once by spaCy fr_core_news_sm and kept here, so that these tests need no model
ARTICLE_A = """# text = La porte-parole du Pentagone, Sabrina Singh, a déclaré que les discussions continuaient.
# sent_id = 0
1	La	le	DET	DET	Definite=Def|Gender=Fem|Number=Sing|PronType=Art	2	det	_	start_char=0|end_char=2|ner=O
2	porte-parole	porte-parole	NOUN	NOUN	Gender=Fem|Number=Sing	10	nsubj	_	start_char=3|end_char=15|ner=O
3	du	de	ADP	ADP	Definite=Def|Gender=Masc|Number=Sing|PronType=Art	4	case	_	start_char=16|end_char=18|ner=O
4	Pentagone	Pentagone	PROPN	PROPN	_	2	nmod	_	SpaceAfter=No|start_char=19|end_char=28|ner=S-LOC
5	,	,	PUNCT	PUNCT	_	2	punct	_	start_char=28|end_char=29|ner=O
6	Sabrina	Sabrina	PROPN	PROPN	Gender=Fem|Number=Sing	2	appos	_	start_char=30|end_char=37|ner=B-PER
7	Singh	Singh	PROPN	PROPN	_	6	flat:name	_	SpaceAfter=No|start_char=38|end_char=43|ner=E-PER
8	,	,	PUNCT	PUNCT	_	2	punct	_	start_char=43|end_char=44|ner=O
9	a	avoir	AUX	AUX	Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin	10	aux:tense	_	start_char=45|end_char=46|ner=O
10	déclaré	déclarer	VERB	VERB	Gender=Masc|Number=Sing|Tense=Past|VerbForm=Part	0	root	_	start_char=47|end_char=54|ner=O
11	que	que	SCONJ	SCONJ	_	14	mark	_	start_char=55|end_char=58|ner=O
12	les	le	DET	DET	Definite=Def|Number=Plur|PronType=Art	13	det	_	start_char=59|end_char=62|ner=O
13	discussions	discussion	NOUN	NOUN	Gender=Fem|Number=Plur	14	nsubj	_	start_char=63|end_char=74|ner=O
14	continuaient	continuer	VERB	VERB	Mood=Ind|Number=Plur|Person=3|Tense=Imp|VerbForm=Fin	10	ccomp	_	SpaceAfter=No|start_char=75|end_char=87|ner=O
15	.	.	PUNCT	PUNCT	_	10	punct	_	start_char=87|end_char=88|ner=O

# text = « Rien n'est décidé », a-t-elle ajouté.
# sent_id = 1
1	«	«	PUNCT	PUNCT	_	5	punct	_	start_char=89|end_char=90|ner=O
2	Rien	rien	PRON	PRON	Number=Sing	5	nsubj:pass	_	start_char=91|end_char=95|ner=O
3	n'	ne	ADV	ADV	Polarity=Neg	5	advmod	_	SpaceAfter=No|start_char=96|end_char=98|ner=O
4	est	être	AUX	AUX	Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin	5	aux:pass	_	start_char=98|end_char=101|ner=O
5	décidé	décider	VERB	VERB	Gender=Masc|Number=Sing|Tense=Past|VerbForm=Part|Voice=Pass	0	root	_	start_char=102|end_char=108|ner=O
6	»	»	PUNCT	PUNCT	_	5	punct	_	SpaceAfter=No|start_char=109|end_char=110|ner=O
7	,	,	PUNCT	PUNCT	_	5	punct	_	start_char=110|end_char=111|ner=O
8	a	avoir	AUX	AUX	Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin	11	aux:tense	_	SpaceAfter=No|start_char=112|end_char=113|ner=O
9	-t	-t	PRON	PRON	Gender=Masc|Number=Sing|Person=3	11	nsubj	_	SpaceAfter=No|start_char=113|end_char=115|ner=O
10	-elle	lui	PRON	PRON	Gender=Fem|Number=Sing|Person=3	9	flat:name	_	start_char=115|end_char=120|ner=O
11	ajouté	ajouter	VERB	VERB	Gender=Masc|Number=Sing|Tense=Past|VerbForm=Part	5	advcl	_	SpaceAfter=No|start_char=121|end_char=127|ner=O
12	.	.	PUNCT	PUNCT	_	5	punct	_	start_char=127|end_char=128|ner=O

# text = Washington a confirmé l'envoi de conseillers.
# sent_id = 2
1	Washington	Washington	PROPN	PROPN	Gender=Masc|Number=Sing	3	nsubj	_	start_char=129|end_char=139|ner=S-PER
2	a	avoir	AUX	AUX	Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin	3	aux:tense	_	start_char=140|end_char=141|ner=O
3	confirmé	confirmer	VERB	VERB	Gender=Masc|Number=Sing|Tense=Past|VerbForm=Part	0	root	_	start_char=142|end_char=150|ner=O
4	l'	le	DET	DET	Definite=Def|Number=Sing|PronType=Art	5	det	_	SpaceAfter=No|start_char=151|end_char=153|ner=O
5	envoi	envoi	NOUN	NOUN	Gender=Masc|Number=Sing	3	obj	_	start_char=153|end_char=158|ner=O
6	de	de	ADP	ADP	_	7	case	_	start_char=159|end_char=161|ner=O
7	conseillers	conseiller	NOUN	NOUN	Gender=Masc|Number=Plur	5	nmod	_	SpaceAfter=No|start_char=162|end_char=173|ner=O
8	.	.	PUNCT	PUNCT	_	3	punct	_	SpaceAfter=No|start_char=173|end_char=174|ner=O
"""
ARTICLE_B = """# text = Mme Singh a indiqué jeudi que les effectifs seraient réduits.
# sent_id = 0
1	Mme	mme	NOUN	NOUN	Gender=Fem|Number=Sing	4	nsubj	_	start_char=0|end_char=3|ner=B-PER
2	Singh	Singh	PROPN	PROPN	_	1	flat:name	_	start_char=4|end_char=9|ner=E-PER
3	a	avoir	AUX	AUX	Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin	4	aux:tense	_	start_char=10|end_char=11|ner=O
4	indiqué	indiquer	VERB	VERB	Gender=Masc|Number=Sing|Tense=Past|VerbForm=Part	0	root	_	start_char=12|end_char=19|ner=O
5	jeudi	jeudi	NOUN	NOUN	Gender=Masc|Number=Sing	4	obl:mod	_	start_char=20|end_char=25|ner=O
6	que	que	SCONJ	SCONJ	_	10	mark	_	start_char=26|end_char=29|ner=O
7	les	le	DET	DET	Definite=Def|Number=Plur|PronType=Art	8	det	_	start_char=30|end_char=33|ner=O
8	effectifs	effectif	NOUN	NOUN	Gender=Masc|Number=Plur	10	nsubj:pass	_	start_char=34|end_char=43|ner=O
9	seraient	être	AUX	AUX	Mood=Cnd|Number=Plur|Person=3|Tense=Pres|VerbForm=Fin	10	aux:pass	_	start_char=44|end_char=52|ner=O
10	réduits	réduire	VERB	VERB	Gender=Masc|Number=Plur|Tense=Past|VerbForm=Part|Voice=Pass	4	ccomp	_	SpaceAfter=No|start_char=53|end_char=60|ner=O
11	.	.	PUNCT	PUNCT	_	4	punct	_	start_char=60|end_char=61|ner=O

# text = Les Etats-Unis ont affirmé que la coalition resterait.
# sent_id = 1
1	Les	le	DET	DET	Definite=Def|Number=Plur|PronType=Art	2	det	_	start_char=62|end_char=65|ner=O
2	Etats-Unis	etats-unis	NOUN	NOUN	Gender=Masc|Number=Plur	4	nsubj	_	start_char=66|end_char=76|ner=S-LOC
3	ont	avoir	AUX	AUX	Mood=Ind|Number=Plur|Person=3|Tense=Pres|VerbForm=Fin	4	aux:tense	_	start_char=77|end_char=80|ner=O
4	affirmé	affirmer	VERB	VERB	Gender=Masc|Number=Sing|Tense=Past|VerbForm=Part	0	root	_	start_char=81|end_char=88|ner=O
5	que	que	SCONJ	SCONJ	_	8	mark	_	start_char=89|end_char=92|ner=O
6	la	le	DET	DET	Definite=Def|Gender=Fem|Number=Sing|PronType=Art	7	det	_	start_char=93|end_char=95|ner=O
7	coalition	coalition	NOUN	NOUN	Gender=Fem|Number=Sing	8	nsubj	_	start_char=96|end_char=105|ner=O
8	resterait	rester	VERB	VERB	Mood=Ind|Number=Sing|Person=3|Tense=Imp|VerbForm=Fin	4	ccomp	_	SpaceAfter=No|start_char=106|end_char=115|ner=O
9	.	.	PUNCT	PUNCT	_	4	punct	_	start_char=115|end_char=116|ner=O

# text = Un responsable américain a estimé que le calendrier était serré.
# sent_id = 2
1	Un	un	DET	DET	Definite=Ind|Gender=Masc|Number=Sing|PronType=Art	2	det	_	start_char=117|end_char=119|ner=O
2	responsable	responsable	NOUN	NOUN	Gender=Masc|Number=Sing	5	nsubj	_	start_char=120|end_char=131|ner=O
3	américain	américain	ADJ	ADJ	Gender=Masc|Number=Sing	2	amod	_	start_char=132|end_char=141|ner=O
4	a	avoir	AUX	AUX	Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin	5	aux:tense	_	start_char=142|end_char=143|ner=O
5	estimé	estimer	VERB	VERB	Gender=Masc|Number=Sing|Tense=Past|VerbForm=Part	0	root	_	start_char=144|end_char=150|ner=O
6	que	que	SCONJ	SCONJ	_	10	mark	_	start_char=151|end_char=154|ner=O
7	le	le	DET	DET	Definite=Def|Gender=Masc|Number=Sing|PronType=Art	8	det	_	start_char=155|end_char=157|ner=O
8	calendrier	calendrier	NOUN	NOUN	Gender=Masc|Number=Sing	10	nsubj:pass	_	start_char=158|end_char=168|ner=O
9	était	être	AUX	AUX	Mood=Ind|Number=Sing|Person=3|Tense=Imp|VerbForm=Fin	10	aux:pass	_	start_char=169|end_char=174|ner=O
10	serré	serrer	VERB	VERB	Gender=Masc|Number=Sing|Tense=Past|VerbForm=Part|Voice=Pass	5	ccomp	_	SpaceAfter=No|start_char=175|end_char=180|ner=O
11	.	.	PUNCT	PUNCT	_	5	punct	_	SpaceAfter=No|start_char=180|end_char=181|ner=O
"""


# -- lexicons -----------------------------------------------------------------------------------

def test_lexicons_load_once_and_know_their_language() -> None:
    fr = load_sources("fr")
    assert load_sources("fr") is fr
    assert fr.roles["porte-parole"].role == "spokesperson" and fr.roles["chef du gouvernement"].role == "prime minister"
    assert fr.capitals["washington"] == "US" and "communiqué" in fr.document_nouns and "bureau" in fr.office_nouns
    assert fr.demonym("irakiennes") == "IQ" and fr.demonym("Américain") == "US" and fr.demonym("table") is None
    assert fr.pronouns["elle"].gender == "f" and fr.possessive["leur"] == "p"
    en = load_sources("en")
    assert en.roles["spokeswoman"].gender == "f" and en.capitals["moscow"] == "RU"
    with pytest.raises(UnsupportedLanguage):
        load_sources("xx")


# -- quote regions --------------------------------------------------------------------------------

def test_quote_regions_nest_survive_broken_marks_and_stop_at_paragraphs() -> None:
    text = "« A « b » c », dit-il. »Suite» x. \"Oui\" et « ouvert\n\nsuite » fin"
    regions = quote_regions(text, "«»“”\"", [])
    inner = [text[a:b] for a, b in regions]
    assert " A « b » c " in inner  # the outer pair, the nested one inside it
    assert "Oui" in inner
    assert not any("Suite" in r for r in inner)  # a closing mark with no opening one is ignored
    assert not any("ouvert" in r for r in inner)  # a quote left open ends with its paragraph
    assert (100, 110) in quote_regions(text, "«»", [(100, 110)])


# -- the word view --------------------------------------------------------------------------------

def test_word_view_splits_inverted_pronouns_and_keeps_offsets() -> None:
    doc = read_conllu(ARTICLE_A, "fr")
    view = build_view(doc, "fr")
    assert all(view.text[t.start:t.end] == t.text for t in view.toks)
    elle = [t for t in view.toks if t.low.endswith("-elle")]
    assert len(elle) == 1 and elle[0].upos == "PRON" and elle[0].gender == "f" and elle[0].number == "s"
    assert clitic_pronoun(elle[0]) == ("elle", elle[0].end - 4)  # "a-t-elle": resolution reads the pronoun alone
    assert view.text[elle[0].end - 8:elle[0].end] == "a-t-elle"


# -- one article, no parser -----------------------------------------------------------------------------

def _speaker_at(text: str, s: str, nth: int = 1) -> Attribution:
    k = -1
    for _ in range(nth):
        k = text.index(s, k + 1)
    return Attribution("indirect", Span(k, k, ""), None, Speaker(k, k + len(s), s))


def test_resolve_on_a_conllu_article() -> None:
    doc = read_conllu(ARTICLE_A, "fr")
    text = doc.text
    attrs = [_speaker_at(text, "Sabrina Singh"), _speaker_at(text, "elle"), _speaker_at(text, "Washington")]
    out, entities = resolve(doc, attrs, "fr")
    singh, elle, washington = (a.speaker for a in out)
    assert singh is not None and elle is not None and washington is not None
    assert singh.entity is not None and washington.entity is not None
    assert singh.entity == elle.entity and elle.resolved is not None and elle.resolved.text == "Sabrina Singh"
    assert singh.type == "person" and washington.type == "organization"
    by_id = {e.id: e for e in entities}
    e = by_id[singh.entity]
    assert e.name == "Sabrina Singh" and e.named and e.role == "spokesperson"
    assert e.aliases == ("La porte-parole du Pentagone", "Sabrina Singh")
    assert all(text[m.start:m.end] == m.text for m in e.mentions)
    assert by_id[washington.entity].country == "US"
    assert out[0].content == attrs[0].content  # nothing but the speaker changes


# -- the corpus -----------------------------------------------------------------------------------------

def _result(aid: str, *entities: Entity) -> ArticleResult:
    speakers = tuple(Attribution("indirect", Span(0, 1, "x"), None, Speaker(0, 1, "x", entity=e.id, type=e.type))
                     for e in entities)
    return ArticleResult(Article(aid, f"{aid}.txt", "x", lang="fr"), "conllu", "test",
                         attributions=speakers, entities=entities)


def _e(eid: str, name: str, type_: str = "person", named: bool = True, **kw) -> Entity:
    return Entity(id=eid, name=name, type=type_, named=named, **kw)


def test_link_corpus_merges_names_surnames_governments_roles_and_offices() -> None:
    results = [
        _result("a", _e("singh", "Sabrina Singh"), _e("washington", "Washington", "organization", country="US"),
                _e("pm", "premier ministre irakien", named=False, role="prime minister", country="IQ"),
                _e("off", "services", "organization", named=False, head="pm"),
                _e("anon", "responsable américain", "anonymous", named=False, role="official", country="US")),
        _result("b", _e("singh-2", "Singh"), _e("us", "Etats-Unis", "organization", country="US"),
                _e("soudani", "Mohamed Chia al-Soudani", role="prime minister", country="IQ"),
                _e("bureau", "bureau", "organization", named=False, head="soudani"),
                _e("anon", "responsable américain", "anonymous", named=False, role="official", country="US"),
                _e("cgt", "CGT", "organization")),
        _result("c", _e("cgt", "La CGT", "organization"), _e("singh", "Sabrina Singh")),
    ]
    linked = link_corpus(results)
    cid = {(r.article.id, e.id): e.corpus_id for r in linked for e in r.entities}
    assert cid[("a", "singh")] == cid[("b", "singh-2")] == cid[("c", "singh")] == "sabrina-singh"
    assert cid[("a", "washington")] == cid[("b", "us")]
    assert cid[("a", "pm")] == cid[("b", "soudani")] == "mohamed-chia-al-soudani"
    assert cid[("a", "off")] == cid[("b", "bureau")]
    assert cid[("b", "cgt")] == cid[("c", "cgt")]
    assert cid[("a", "anon")] != cid[("b", "anon")]  # two anonymous officials are never one
    merges = corpus_merges(results)
    reasons = {m.reason for m in merges}
    assert reasons == {"name", "surname", "government", "role", "office"}
    assert all(m.left.article != m.right.article and m.detail for m in merges)
    assert link_corpus(linked) == linked  # linking twice changes nothing


def test_link_corpus_stays_out_when_a_surname_or_role_is_ambiguous() -> None:
    results = [
        _result("a", _e("a1", "Anne Martin"), _e("m1", "ministre", named=False, role="minister")),
        _result("b", _e("b1", "Paul Martin"), _e("m2", "ministre", named=False, role="minister")),
        _result("c", _e("c1", "Martin")),
    ]
    cid = {(r.article.id, e.id): e.corpus_id for r in link_corpus(results) for e in r.entities}
    assert len({cid[("a", "a1")], cid[("b", "b1")], cid[("c", "c1")]}) == 3
    assert cid[("a", "m1")] != cid[("b", "m2")]  # "le ministre" with no country or affiliation names no one
    assert corpus_merges(results) == []


def test_sources_listing_counts_quotes_and_articles() -> None:
    results = link_corpus([_result("a", _e("singh", "Sabrina Singh", aliases=("Sabrina Singh",))),
                           _result("b", _e("s", "Singh", aliases=("Mme Singh",)))])
    (src,) = corpus_sources(results)
    assert src.name == "Sabrina Singh" and src.attributions == 2 and src.articles == ("a", "b")
    assert src.aliases == ("Sabrina Singh", "Mme Singh")
    listed, merged = tables([src], corpus_merges(results))
    assert listed.rows[0][:6] == ("Sabrina Singh", "person", None, None, 2, 2)
    assert [row[1:4] for row in merged.rows] == [("a#singh", "b#s", "surname")]
    assert "Sabrina Singh" in render([listed, merged], "table")


def test_slug_and_determiners() -> None:
    assert slug("Résistance islamique en Irak") == "resistance-islamique-en-irak"
    assert slug("«»") == "source"
    fr = load_sources("fr")
    assert strip_det("un responsable militaire", fr) == "responsable militaire"
    assert strip_det("l'Ordre", fr) == "Ordre"


# -- the command ------------------------------------------------------------------------------------------

def test_sources_command_lists_sources_and_merges(tmp_path) -> None:
    from attribution.cli.sources import sources

    (tmp_path / "a.conllu").write_text(ARTICLE_A, encoding="utf-8")
    (tmp_path / "b.conllu").write_text(ARTICLE_B, encoding="utf-8")
    result = CliRunner().invoke(sources, [str(tmp_path), "--format", "json", "--no-cache"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout[result.stdout.index("{"):])
    by_name = {s["name"]: s for s in data["sources"]}
    assert set(by_name["Sabrina Singh"]["articles"]) == {"a", "b"}
    assert {m["reason"] for m in data["merges"]} >= {"surname", "government"}


def test_sources_command_reports_a_missing_file_and_goes_on(tmp_path) -> None:
    from attribution.cli.sources import sources

    (tmp_path / "a.conllu").write_text(ARTICLE_A, encoding="utf-8")
    result = CliRunner().invoke(sources, [str(tmp_path / "a.conllu"), str(tmp_path / "nope.txt"), "--no-cache"])
    assert result.exit_code == 1
    assert "nope.txt: no such file or folder" in result.output
    assert "Sabrina Singh" in result.stdout


def test_any_speaker_spans_keep_the_invariants() -> None:
    """Whatever spans the extractor gives, entities are consistent and every offset points into the text."""
    import random

    doc = read_conllu(ARTICLE_A + "\n\n" + ARTICLE_B, "fr")
    text = doc.text
    rng = random.Random(7)
    for _ in range(60):
        attrs = []
        for _ in range(rng.randint(0, 6)):
            a = rng.randint(0, len(text))
            b = min(len(text), a + rng.randint(0, 40))
            attrs.append(Attribution("direct" if rng.random() < 0.5 else "indirect", Span(a, b, text[a:b]), None,
                                     Speaker(a, b, text[a:b]) if rng.random() < 0.9 else None))
        out, entities = resolve(doc, attrs, "fr")
        ids = {e.id for e in entities}
        assert len(out) == len(attrs) and len(ids) == len(entities)
        for before, after in zip(attrs, out, strict=True):
            assert after.content == before.content and (after.speaker is None) == (before.speaker is None)
            sp = after.speaker
            if sp is not None and sp.entity is not None:
                assert sp.entity in ids and sp.type in ("person", "organization", "group", "anonymous")
            if sp is not None and sp.resolved is not None:
                assert text[sp.resolved.start:sp.resolved.end] == sp.resolved.text
        for e in entities:
            assert all(text[m.start:m.end] == m.text for m in e.mentions)
            assert e.head is None or e.head in ids
