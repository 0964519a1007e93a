"""Matching by meaning, differences by kind, outlets by domain: units, and the pair set measured."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path

import pytest
from test_audit import attribution, result

from attribution import compare as lib
from attribution.compare.matching import (
    DIFFERENT,
    NEAR,
    NEAR_MISS_MARGIN,
    SAME,
    WORD_THRESHOLD,
    decide,
    same_claim,
    stems,
    word_overlap,
)
from attribution.credit import Source
from attribution.report.standalone import compare_page

PAIRS = Path(__file__).resolve().parent.parent / "fixtures" / "renditions" / "pairs.jsonl"


# -- the labelled pair set ------------------------------------------------------------------------

def _figures(rows: list[dict]) -> tuple[float, float, int]:
    said = [(r["same_claim"], same_claim(r["a"], r["b"])[0]) for r in rows]
    tp = sum(1 for gold, d in said if gold and d == SAME)
    fp = sum(1 for gold, d in said if not gold and d == SAME)
    fn = sum(1 for gold, d in said if gold and d != SAME)
    near = sum(1 for _, d in said if d == NEAR)
    return tp / (tp + fp), tp / (tp + fn), near


def test_pair_set_precision_and_recall_are_pinned() -> None:
    """Measured (bench/renditions_eval.py): same-language pairs P 0.882, R 0.536; the issue's
    targets (P >= 0.95, R >= 0.90) are NOT reached by content-word overlap, whose hard
    negatives (other claims of the same story) overlap as much as reworded renditions."""
    rows = [json.loads(x) for x in PAIRS.read_text(encoding="utf-8").splitlines() if x.strip()]
    main = [r for r in rows if r["kind"] != "translated"]
    cross = [r for r in rows if r["kind"] == "translated"]
    assert len(main) == 181 and len(cross) == 27
    p, r, near = _figures(main)
    assert p == pytest.approx(45 / 51, abs=1e-3) and r == pytest.approx(45 / 84, abs=1e-3)
    assert near == 13  # listed for review, not joined
    verbatim = [x for x in main if x["kind"] == "verbatim"]
    assert _figures(verbatim)[1] == 1.0
    # cross-language pairs: words are not shared, so almost none is found
    assert _figures(cross)[1] < 0.1


# -- the measures ---------------------------------------------------------------------------------

def test_stems_fold_cut_and_drop_function_words() -> None:
    assert stems("Les négociations ont été «parrainées» en 2024") == {"negoc", "parra", "2024"}
    assert stems("négocier", lemmas=["négociation"]) == {"negoc"}
    assert stems("il a dit que les uns et les autres") == {"dit", "uns", "autre"}


def test_word_overlap_counts_a_part_and_the_whole() -> None:
    a, b = frozenset("abcd"), frozenset("abcdefgh")
    assert word_overlap(a, b) == pytest.approx(100 * (1 + 8 / 12) / 2)
    assert word_overlap(a, frozenset()) == 0.0


def test_decide_lists_near_misses() -> None:
    bar = WORD_THRESHOLD
    assert decide(bar, bar) == SAME
    assert decide(bar - NEAR_MISS_MARGIN / 2, bar) == NEAR
    assert decide(bar - NEAR_MISS_MARGIN - 1, bar) == DIFFERENT


def test_reworded_rendition_matches_and_another_claim_does_not() -> None:
    a = "le Premier ministre avait parrainé le premier round du dialogue bilatéral pour mettre fin à la mission de la coalition"
    b = "le Premier ministre parraine le lancement du premier round du dialogue bilatéral afin de mettre fin à la mission"
    c = "Bagdad espère une réduction progressive des soldats étrangers jusqu'à mettre fin à leur mission"
    assert same_claim(a, b)[0] == SAME
    assert same_claim(a, c)[0] != SAME


def test_word_diff_marks_removed_and_added_words() -> None:
    d = lib.word_diff("a indiqué la «menace de l'EI» hier", "a indiqué la menace de Daesh hier")
    assert ("-", "l'EI» ") in d and ("+", "Daesh ") in d and d[0] == ("=", "a indiqué la menace de ")
    assert "".join(t for op, t in d if op != "-") == "a indiqué la menace de Daesh hier"


# -- differences ----------------------------------------------------------------------------------

def _r(outlet: str, content: str, *, type_: str = "direct", cue: str | None = "a dit",
       lemma: str | None = "dire", stance: str | None = "neutral", source: Source | None = None,
       written: Source | None = None, about: str = "") -> lib.Rendition:
    return lib.Rendition(outlet=outlet, path=f"{outlet}.txt", article=outlet, index=0, type=type_,
                         content=content, start=0, end=len(content), cue=cue, lemma=lemma,
                         stance=stance, speaker=source.name if source else None, source=source,
                         written=written or source, about=about)


PENTAGON = Source("name:pentagone", "Pentagone", "organization", True)
OFFICE = Source("name:bureau du premier ministre", "bureau du Premier ministre", "organization", True)
SUDANI = Source("id:sudani", "Mohamed Chia al-Soudani", "person", True)
TEDROS = Source("name:tedros adhanom ghebreyesus", "Tedros Adhanom Ghebreyesus", "person", True)
TEDROS_SHORT = Source("name:tedros", "Tedros", "person", True)
TEXT = "la menace de l'EI, les exigences opérationnelles et les capacités des forces irakiennes"


def kinds(x: lib.Rendition, y: lib.Rendition) -> list[str]:
    return [d.kind for d in lib.differences.compare_pair(x, y, 0, 1)]


def test_credit_changed_but_not_for_a_naming_variant() -> None:
    assert kinds(_r("A", TEXT, source=PENTAGON), _r("B", TEXT, source=OFFICE)) == ["credit"]
    assert kinds(_r("A", TEXT, source=TEDROS), _r("B", TEXT, source=TEDROS_SHORT)) == []


def test_office_vs_head() -> None:
    head = _r("A", TEXT, source=SUDANI, about="Premier ministre IQ")
    assert kinds(head, _r("B", TEXT, source=OFFICE)) == ["office_vs_head"]
    # the same head credited through its office in one outlet only
    via = _r("B", TEXT, source=SUDANI, written=OFFICE)
    assert kinds(head, via) == ["office_vs_head"]


def test_cue_marks_words_and_cut() -> None:
    x = _r("A", TEXT, source=PENTAGON)
    y = _r("B", TEXT, source=PENTAGON, type_="indirect", cue="a reconnu", lemma="reconnaître",
           stance="concession")
    diffs = lib.differences.compare_pair(x, y, 0, 1)
    assert [d.kind for d in diffs] == ["cue", "marks"]
    assert diffs[0].after == "a reconnu (concession)"
    assert kinds(x, _r("B", TEXT.replace("l'EI", "Daesh"), source=PENTAGON)) == ["words"]
    assert kinds(x, _r("B", "la menace de l'EI", source=PENTAGON)) == ["cut"]


# -- a comparison ---------------------------------------------------------------------------------



LIST_A = "la menace de l'EI, les exigences opérationnelles et environnementales et les capacités des forces de sécurité irakiennes"
LIST_B = "la menace de Daesh, les exigences opérationnelles et les capacités des forces de sécurité irakiennes"
OTHER = "Bagdad espère une réduction progressive des soldats étrangers jusqu'à la fin de leur mission"


def _results() -> list:
    t1 = f"Le Pentagone a indiqué que les groupes évalueront «{LIST_A}». Par ailleurs, {OTHER}, a dit un diplomate."
    t2 = f"Selon le bureau du Premier ministre, les groupes évalueront {LIST_B}."
    r1 = result(t1, [attribution(t1, "direct", LIST_A, "a indiqué", "Le Pentagone", lemma="indiquer", stance="neutral"),
                     attribution(t1, "indirect", OTHER, "a dit", "un diplomate", lemma="dire")],
                path="a/one.txt", outlet="Gazette")
    r2 = result(t2, [attribution(t2, "indirect", LIST_B, "Selon", "le bureau du Premier ministre", lemma="selon")],
                path="b/two.txt", outlet="Courrier")
    r1 = replace(r1, article=replace(r1.article, url="https://www.gazette.example/2024/x"))
    r2 = replace(r2, article=replace(r2.article, url="http://courrier.example:8080/y"))
    return [r1, r2]


def test_comparison_classifies_ranks_and_summarises() -> None:
    c = lib.compare_outlets(_results())
    assert len(c.shared) == 1
    g = c.shared[0]
    assert set(g.kinds) == {"credit", "cue", "marks", "words"}
    assert g.credits == ("Le Pentagone", "le bureau du Premier ministre")
    s = c.summary
    assert s.shared == 1 and s.count("credit") == 1 and s.count("cut") == 0
    assert s.most_resourced == (0,)
    d = c.to_dict()
    assert list(d)[0] == "summary" and d["summary"]["changed"]["credit"] == 1
    assert d["shared"][0]["kinds"] == list(g.kinds)
    assert any(op == "+" for op, _ in d["shared"][0]["renditions"][1]["diff"]) or \
        any(op == "+" for op, _ in d["shared"][0]["renditions"][0]["diff"])


def test_the_page_carries_the_json_classification() -> None:
    c = lib.compare_outlets(_results())
    html = compare_page(c)
    d = c.to_dict()
    sections = re.findall(r'<section class="compare-kind" id="kind-(\w+)">', html)
    assert sections == list(lib.KINDS)
    for kind, n in d["summary"]["changed"].items():
        assert re.search(rf'<a href="#kind-{kind}"><strong>{n}</strong></a> of 1 shared claims', html)
    assert "<del>" in html and "<ins>" in html
    assert 'href="https://www.gazette.example/2024/x"' in html  # standalone: the article's address
    assert "of sources" in html  # every percentage says of what


def test_group_by_domain() -> None:
    assert lib.group_names(_results(), "domain") == ["gazette.example", "courrier.example"]
    assert lib.domain_of(None) is None and lib.domain_of("  ") is None
    assert lib.domain_of("HTTPS://WWW.Le-Monde.fr/a") == "le-monde.fr"
    c = lib.compare_outlets(_results(), by="domain")
    assert c.names == ("courrier.example", "gazette.example")


def test_variants_gather_outlets_by_value() -> None:
    c = lib.compare_outlets(_results())
    g = c.shared[0]
    assert g.variants("credit") == [("Le Pentagone", ("Gazette",)),
                                    ("le bureau du Premier ministre", ("Courrier",))]
    assert [v for v, _ in g.variants("marks")] == ["quotation marks", "no quotation marks"]
    assert c.to_dict()["shared"][0]["variants"]["cue"][0] == {"value": "a indiqué (neutral)",
                                                            "outlets": ["Gazette"]}
    with pytest.raises(ValueError):
        g.variants("words")


def test_near_misses_are_listed_not_joined() -> None:
    a = "alpha bravo charlie delta echo foxtrot golfe hotel"
    b = "alpha bravo charlie delta india juliet kilo lima"
    assert same_claim(a, b)[0] == NEAR
    t1, t2 = f"«{a}», a dit X.", f"«{b}», a dit Y."
    rs = [result(t1, [attribution(t1, "direct", a, "a dit", "X")], path="one.txt", outlet="O1"),
          result(t2, [attribution(t2, "direct", b, "a dit", "Y")], path="two.txt", outlet="O2")]
    c = lib.compare_outlets(rs)
    assert c.shared == () and len(c.unique) == 2
    assert [(m.a.outlet, m.b.outlet) for m in c.near_misses] == [("O1", "O2")]
    assert c.to_dict()["near_misses"][0]["score"] == 50.0
