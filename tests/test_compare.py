"""Outlets compared: on the two-outlet fixture (hand-annotated in its gold.json), by hand, and by the CLI."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from test_audit import attribution, result, results_from_gold

from attribution import compare as lib
from attribution.compare import (
    THRESHOLD,
    UNKNOWN,
    compare_outlets,
    group_names,
    normalise_content,
    similarity,
)
from attribution.credit import credit
from attribution.reader import read_path
from attribution.records import ArticleResult
from attribution.render import render
from attribution.report.standalone import compare_page

FIXTURE = Path(__file__).parent / "fixtures" / "compare"
COURRIER = "Le Courrier d'Alger"
GAZETTE = "La Gazette de Paris"


@pytest.fixture(scope="module")
def gold() -> dict[str, Any]:
    return json.loads((FIXTURE / "gold.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def gold_results(gold: dict[str, Any]) -> list[ArticleResult]:
    """The fixture read by the project's reader, with the hand annotation as attributions."""
    articles = {str(Path(a.path).relative_to(FIXTURE)): a for a in read_path(str(FIXTURE))}
    assert sorted(articles) == sorted(gold["articles"])
    results = results_from_gold(gold, {p: a.text for p, a in articles.items()},
                                {p: a.outlet for p, a in articles.items()})
    # keep the reader's paths and ids, as the pipeline would
    return [ArticleResult(articles[r.article.path], r.engine, r.model, r.attributions, r.terms,
                          r.entities) for r in results]


# -- matching --------------------------------------------------------------------------------------

def test_normalise_content() -> None:
    assert normalise_content("«Suite à cet examen», l’EI  a dit.") == "suite a cet examen l ei a dit"


def test_similarity_holds_up_to_trimmed_and_reworded_quotes() -> None:
    full = normalise_content("La commission militaire suprême travaillera à établir les conditions "
                             "nécessaires à la transition de la mission en Irak")
    trimmed = normalise_content("La commission militaire suprême travaillera à établir les "
                                "conditions nécessaires à la transition")
    reworded = normalise_content("la taille des effectifs américains en Irak ferait «certainement "
                                 "partie des discussions»")
    original = normalise_content("la taille des effectifs militaires américains en Irak ferait "
                                 "«certainement partie des discussions à mesure que les choses "
                                 "progressent»")
    assert similarity(full, trimmed) >= THRESHOLD
    assert similarity(reworded, original) >= THRESHOLD
    # two quotes of the same story, sharing its vocabulary
    other = normalise_content("une «réduction progressive» des soldats étrangers sur son "
                              "territoire jusqu’à «mettre fin» à leur mission")
    assert similarity(full, other) < THRESHOLD


def test_length_guard_keeps_short_fragments_from_matching_inside_long_quotes() -> None:
    long = normalise_content("Les soldats de la coalition en Irak resteront tant que la menace "
                             "de l'EI n'aura pas disparu")
    short = normalise_content("la coalition en Irak")  # four words: compared as a whole
    assert short in long
    assert similarity(short, long) < THRESHOLD
    five = normalise_content("de la coalition en Irak")  # five words, 23 characters: still guarded
    assert similarity(five, long) < THRESHOLD


def test_quotes_of_one_article_are_never_joined() -> None:
    text = "«Nous partirons bientôt d'ici», a dit X. Puis : «Nous partirons bientôt d'ici»."
    r = result(text, [attribution(text, "direct", "Nous partirons bientôt d'ici", "a dit", "X"),
                      attribution(text, "direct", "Nous partirons bientôt d'ici", occurrence=2)])
    groups = lib.match_quotes(lib._renditions(credit([r])[0], "o"))
    assert [len(g.renditions) for g in groups] == [1, 1]


# -- grouping --------------------------------------------------------------------------------------

def _bare(path: str, outlet: str | None = None) -> ArticleResult:
    return result("Rien.", [], path=path, outlet=outlet)


def test_group_by_outlet_with_an_unknown_group() -> None:
    rs = [_bare("a.txt", "Le Monde"), _bare("b.txt", None), _bare("c.txt", "  ")]
    assert group_names(rs, "outlet") == ["Le Monde", UNKNOWN, UNKNOWN]
    c = compare_outlets(rs)
    assert c.names == ("Le Monde", UNKNOWN)  # the unknown group last


def test_group_by_top_level_folder(tmp_path: Path) -> None:
    rs = [_bare(str(tmp_path / "corpus/lemonde/2024/a.txt")),
          _bare(str(tmp_path / "corpus/elwatan/b.txt")),
          _bare(str(tmp_path / "corpus/loose.txt"))]
    assert group_names(rs, "dir") == ["lemonde", "elwatan", "corpus"]
    assert group_names(rs[:1], "dir") == ["2024"]
    with pytest.raises(ValueError, match="unknown grouping 'site'"):
        group_names(rs, "site")


# -- the two-outlet fixture ------------------------------------------------------------------------

def _ref(r: lib.Rendition) -> tuple[str, int]:
    return (str(Path(r.path).resolve().relative_to(FIXTURE.resolve())), r.index)


def test_fixture_shared_quotes_and_their_differences(gold: dict[str, Any],
                                                     gold_results: list[ArticleResult]) -> None:
    c = compare_outlets(gold_results)
    assert c.names == (GAZETTE, COURRIER)
    found = sorted((sorted(_ref(r) for r in g.renditions), sorted(g.differs)) for g in c.shared)
    expected = sorted((sorted((p, i) for p, i in s["renditions"]), sorted(s["differs"]))
                      for s in gold["shared"])
    assert found == expected
    assert all(g.score is not None and g.score >= THRESHOLD for g in c.shared)


def test_fixture_how_each_outlet_introduced_a_quote(gold_results: list[ArticleResult]) -> None:
    c = compare_outlets(gold_results)
    singh = next(g for g in c.shared if "certainement" in g.text)
    by_outlet = {r.outlet: r for r in singh.renditions}
    assert (by_outlet[COURRIER].cue, by_outlet[COURRIER].stance) == ("avait indiqué", "neutral")
    assert (by_outlet[GAZETTE].cue, by_outlet[GAZETTE].stance) == ("avait reconnu", "concession")
    assert {r.source.name for r in singh.renditions if r.source} == {"Sabrina Singh"}
    topics = next(g for g in c.shared if "impératifs" in g.text)
    credited = {r.outlet: (r.cue, r.speaker, r.source.name if r.source else None)
                for r in topics.renditions}
    assert credited == {
        COURRIER: ("ont indiqué", "les services du Premier ministre",
                   "Bureau du Premier ministre irakien"),
        GAZETTE: ("selon", "le Pentagone", "Pentagone"),
    }
    timetable = next(g for g in c.shared if "calendrier" in g.text)
    assert {r.outlet: r.type for r in timetable.renditions} == {COURRIER: "direct",
                                                               GAZETTE: "indirect"}


def test_fixture_quotes_only_one_outlet_carries(gold: dict[str, Any],
                                                gold_results: list[ArticleResult]) -> None:
    c = compare_outlets(gold_results)
    for outlet, expected in gold["unique"].items():
        found = sorted(sorted(_ref(r) for r in g.renditions) for g in c.unique_to(outlet))
        assert found == sorted(sorted((p, i) for p, i in grp) for grp in expected)
    total = sum(len(g.renditions) for g in (*c.shared, *c.unique))
    assert total == sum(len(r.attributions) for r in gold_results) == 13


def test_fixture_outlet_figures(gold_results: list[ArticleResult]) -> None:
    c = compare_outlets(gold_results)
    m = {o.name: o.metrics for o in c.outlets}
    courrier, gazette = m[COURRIER], m[GAZETTE]
    # counted by hand from gold.json
    assert (courrier.articles, courrier.attributions, courrier.direct, courrier.indirect,
            courrier.mixed) == (1, 6, 2, 1, 3)
    assert (gazette.articles, gazette.attributions, gazette.direct, gazette.indirect,
            gazette.mixed) == (2, 7, 4, 1, 2)
    assert courrier.sources == 5 and courrier.anonymous_share == pytest.approx(1 / 5)
    assert courrier.official_share == 1.0  # four bodies, a spokesperson, a security official
    assert courrier.top_source == "Bureau du Premier ministre irakien"
    assert courrier.top_source_share == pytest.approx(2 / 6)
    # the diplomat speaks in both Gazette articles: one source, two appearances
    assert gazette.sources == 6 and gazette.appearances == 7
    assert gazette.anonymous_share == pytest.approx(4 / 7)
    assert gazette.official_share == pytest.approx(6 / 7)  # all but the Baghdad resident
    assert gazette.top_source == "Diplomate occidental (anonyme)"
    assert gazette.top_source_share == pytest.approx(2 / 7)
    assert {k: v for k, v in courrier.stances if v} == {"neutral": 4, "emphasis": 1,
                                                        "assertive": 1}
    assert {k: v for k, v in gazette.stances if v} == {"neutral": 4, "assertive": 1,
                                                       "concession": 1, "hedge": 1}


def test_fixture_sources_and_overlap(gold_results: list[ArticleResult]) -> None:
    c = compare_outlets(gold_results)
    shared = {s.source.name: dict(s.counts) for s in c.sources if s.shared}
    assert shared == {"Bureau du Premier ministre irakien": {COURRIER: 2, GAZETTE: 1},
                      "Sabrina Singh": {COURRIER: 1, GAZETTE: 1}}
    assert [s.shared for s in c.sources] == [True, True] + [False] * 7  # 5 + 6 - 2, shared first
    (pair,) = c.pairs
    assert (pair.sources_a, pair.sources_b, pair.shared_sources, pair.shared_quotes) == (6, 5, 2, 4)
    assert pair.jaccard == pytest.approx(2 / 9)


def test_fixture_by_folder_gives_the_same_comparison(gold_results: list[ArticleResult]) -> None:
    by_outlet = compare_outlets(gold_results)
    by_dir = compare_outlets(gold_results, by="dir")
    assert by_dir.names == ("courrier", "gazette")
    assert len(by_dir.shared) == len(by_outlet.shared) == 4
    assert [o.metrics for o in by_dir.outlets] == [o.metrics for o in reversed(by_outlet.outlets)]


# -- output ----------------------------------------------------------------------------------------

def test_text_and_json(gold_results: list[ArticleResult]) -> None:
    c = compare_outlets(gold_results)
    text = render(lib.output(c, "table"), "table")
    assert text.startswith("# Summary: 4 claims carried by several outlets\n")
    assert "# 2 outlets, grouped by outlet\n" in text
    assert "# Same claim in several outlets: 4, most re-sourced first" in text
    assert "# Quotes only one outlet carries: 4" in text
    assert "cue «avait reconnu» (reconnaître, concession) -> Sabrina Singh" in text
    d = json.loads(render(lib.output(c, "json"), "json"))
    assert [o["name"] for o in d["outlets"]] == [GAZETTE, COURRIER]
    assert len(d["shared"]) == 4 and len(d["unique"][COURRIER]) == 2
    assert d["pairs"][0]["shared_sources"] == 2


def test_standalone_html_escapes_everything(gold_results: list[ArticleResult]) -> None:
    evil = result("«<script>alert(1)</script> est un test de sécurité», a dit X.",
                  [], path="evil.txt", outlet="<b>Evil</b>")
    html = compare_page(compare_outlets([*gold_results, evil]))
    assert html.startswith("<!DOCTYPE html>")
    assert "&lt;b&gt;Evil&lt;/b&gt;" in html and "<b>Evil</b>" not in html
    assert "avait reconnu" in html and "concession" in html
    assert len(re.findall(r'<article class="quote-group"', html)) == 4
    assert "Skip to content" not in html  # the standalone frame has no report navigation


def test_compare_page_renders_in_the_report_frame(gold_results: list[ArticleResult]) -> None:
    """As the report writer does: compare.html with `comparison` and base.html's common variables."""
    from attribution.report.templates import environment
    from attribution.report.views import corpus_view

    c = compare_outlets(gold_results)
    html = environment().get_template("compare.html").render(
        comparison=c, rel="", nonce="n0nce", report_title="Rapport", page_title="Outlets compared",
        corpus=corpus_view(gold_results), has_compare=True, version="test")
    assert "<title>Outlets compared · Rapport</title>" in html
    assert 'href="compare.html"' in html  # the report's navigation
    assert "Les groupes de travail étudieront" in re.sub(r"</?(del|ins)>", "", html)  # word diffs
    assert html.count('<tr class="shared">') == 2


# -- the command -----------------------------------------------------------------------------------

@pytest.fixture()
def cli_corpus(monkeypatch: pytest.MonkeyPatch, gold_results: list[ArticleResult]) -> None:
    from attribution.cli import compare as cli

    def load(paths: tuple[str, ...], log: Any, **options: Any) -> list[ArticleResult]:
        from attribution.pipeline import Failure

        if "broken.txt" in paths:
            log(Failure("broken.txt", "broken.txt: not UTF-8"))
        if "single" in paths:
            return [r for r in gold_results if r.article.outlet == GAZETTE]
        return gold_results

    monkeypatch.setattr(cli, "load_corpus", load)


def test_cli_table_and_json(cli_corpus: None) -> None:
    from attribution.cli.compare import compare as command

    r = CliRunner().invoke(command, ["corpus"])
    assert r.exit_code == 0, r.output
    assert "# Same claim in several outlets: 4" in r.stdout
    r = CliRunner().invoke(command, ["corpus", "--by", "dir", "--format", "json"])
    assert r.exit_code == 0
    assert [o["name"] for o in json.loads(r.stdout)["outlets"]] == ["courrier", "gazette"]
    r = CliRunner().invoke(command, ["corpus", "--format", "json", "--min-similarity", "100"])
    assert len(json.loads(r.stdout)["shared"]) < 4


def test_cli_html_to_a_file(cli_corpus: None, tmp_path: Path) -> None:
    from attribution.cli.compare import compare as command

    out = tmp_path / "compare.html"
    r = CliRunner().invoke(command, ["corpus", "broken.txt", "--format", "html", "-o", str(out)])
    assert r.exit_code == 1  # an input failed; the rest was compared
    assert r.stderr == f"error: broken.txt: not UTF-8\nwrote {out}\n"
    assert r.stdout == ""
    assert "avait reconnu" in out.read_text(encoding="utf-8")
    r = CliRunner().invoke(command, ["corpus", "-o", str(tmp_path / "missing" / "x.txt")])
    assert r.exit_code == 1
    assert r.stderr.startswith(f"Error: {tmp_path / 'missing' / 'x.txt'}: cannot write (")


def test_cli_notes_a_single_group(cli_corpus: None) -> None:
    from attribution.cli.compare import compare as command

    r = CliRunner().invoke(command, ["single"])
    assert r.exit_code == 0
    assert r.stderr == (f"only one group of articles ({GAZETTE}): nothing to compare side by "
                        "side (try --by dir or --by domain)\n")


# -- the real pipeline, once extraction and resolution exist ---------------------------------------

def _pipeline_ready() -> bool:
    try:
        import attribution.extract as ex
        from attribution import resolve  # noqa: F401
    except ImportError:
        return False
    return hasattr(ex, "extract")


@pytest.mark.slow
@pytest.mark.skipif(not _pipeline_ready(), reason="extraction or resolution is not written yet")
def test_real_pipeline_on_the_fixture(gold: dict[str, Any]) -> None:
    from attribution.pipeline import EngineSpec, RunOptions, run

    failures: list[Any] = []
    results = run([str(FIXTURE)], RunOptions(EngineSpec("spacy", use_cache=False)),
                  on_failure=failures.append).results
    assert failures == [] and len(results) == 3
    c = compare_outlets(results)
    assert c.names == (GAZETTE, COURRIER)
    groups = [*c.shared, *c.unique]
    assert sum(len(g.renditions) for g in groups) == sum(len(r.attributions) for r in results)
    home = {(_ref(r)): k for k, g in enumerate(groups) for r in g.renditions}
    texts = {_ref(r): normalise_content(r.content) for g in groups for r in g.renditions}
    for a, b in ((a, b) for a in texts for b in texts if a < b and a[0] != b[0]):
        # no two matching contents of different articles were left in different groups
        if similarity(texts[a], texts[b]) >= THRESHOLD and len(
                lib.content_words(texts[a]) & lib.content_words(texts[b])) >= 2:
            assert home[a] == home[b], (texts[a], texts[b])
    for g in c.shared:
        assert len(g.outlets) == 2 and g.score is not None and g.score >= THRESHOLD

    # Each hand-annotated shared quote that extraction found in both outlets is one shared group.
    by_path = {str(Path(r.article.path).resolve().relative_to(FIXTURE.resolve())): r
               for r in results}

    def extracted(path: str, index: int) -> tuple[str, int] | None:
        want = gold["articles"][path][index]["content"]
        text = by_path[path].article.text
        start = text.index(want)
        for i, a in enumerate(by_path[path].attributions):
            overlap = min(a.content.end, start + len(want)) - max(a.content.start, start)
            if overlap >= 0.5 * len(want):
                return (path, i)
        return None

    found = 0
    for item in gold["shared"]:
        refs = [extracted(p, i) for p, i in item["renditions"]]
        if all(refs):
            found += 1
            assert len({home[r] for r in refs if r}) == 1, item["quote"]
            assert groups[home[refs[0]]].shared  # type: ignore[index]
    assert found >= 1
    assert any("commission militaire suprême" in g.text for g in c.shared)
