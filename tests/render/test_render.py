"""The one renderer: each format on small tables, and every command's output laid out by it."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from attribution import audit as audit_lib
from attribution import compare as compare_lib
from attribution import evaluate as evaluate_lib
from attribution import sources as sources_lib
from attribution.records import Article, ArticleResult, Attribution, Cue, Entity, Span, Speaker
from attribution.render import FORMATS, Table, csv_safe, render

SMALL = Table(("name", "count", "share"),
              (("alpha", 3, "12.5%"), ("b", 120, None), ("gamma delta", 7, "0.0%")),
              title="Small", notes=("a note",))


# -- text -------------------------------------------------------------------------------------------

def test_text_aligns_columns_and_right_aligns_figures() -> None:
    lines = render(SMALL, "table").splitlines()
    assert lines == [
        "# Small",
        "name         count  share",
        "-----------  -----  -----",
        "alpha            3  12.5%",
        "b              120      -",
        "gamma delta      7   0.0%",
        "a note",
    ]


def test_text_keeps_words_left_and_the_first_column_left_even_when_it_holds_figures() -> None:
    t = Table(("year", "who", "role"), (("2024", "Singh", None), ("1999", "Al-Soudani", "pm")))
    assert render(t, "table").splitlines()[2:] == ["2024  Singh       -", "1999  Al-Soudani  pm"]


def test_text_separates_tables_by_a_blank_line_and_a_heading_has_no_columns() -> None:
    out = render([SMALL, Table((), title="Nothing else", notes=("none",))], "table")
    assert out.endswith("a note\n\n# Nothing else\nnone\n")


def test_text_cells_stay_on_one_line() -> None:
    t = Table(("who", "said"), (("X", "one\ntwo"), ("Y", True)))
    assert render(t, "table").splitlines()[2:] == ["X    one two", "Y    yes"]


# -- markdown ---------------------------------------------------------------------------------------

def test_markdown_pipe_table_with_escaped_pipes() -> None:
    t = Table(("source", "said"), (("A | B", "x\\|y"), ("C", None)), title="Who", notes=("Two notes", "here"))
    assert render(t, "markdown") == (
        "## Who\n\n"
        "| source | said |\n"
        "|---|---|\n"
        "| A \\| B | x\\\\\\|y |\n"
        "| C | - |\n"
        "\nTwo notes\n\nhere\n")


def test_markdown_cells_split_on_pipes_give_back_the_cells() -> None:
    t = Table(("a", "b"), (("1|2", "3"),))
    row = render(t, "markdown").splitlines()[2]
    cells = [c.strip().replace("\\|", "|") for c in row.strip("|").split(" | ")]
    assert cells == ["1|2", "3"]


# -- csv --------------------------------------------------------------------------------------------

def test_csv_quotes_and_reads_back() -> None:
    t = Table(("name", "said", "n"), (('Ivey, "the judge"', "line one\nline two", 3), ("X", None, 0.25)))
    out = render(t, "csv")
    assert list(csv.reader(io.StringIO(out))) == [
        ["name", "said", "n"], ['Ivey, "the judge"', "line one\nline two", "3"], ["X", "", "0.25"]]
    assert "title" not in out and out.startswith("name,said,n\n")


@pytest.mark.parametrize("cell", ["=1+1", "+33 1 23", "-2+3", "@SUM(A1)", "\tx", "\rx"])
def test_csv_cells_that_a_spreadsheet_would_run_get_an_apostrophe(cell: str) -> None:
    (row,) = list(csv.reader(io.StringIO(render(Table(("c",), ((cell,),)), "csv"))))[1:]
    assert row == ["'" + cell.replace("\r", "\n")]  # a bare carriage return would end the row
    assert csv_safe(-2) == -2 and csv_safe("a=b") == "a=b"  # numbers and inner signs stay


def test_csv_holds_one_table() -> None:
    with pytest.raises(ValueError, match="one table"):
        render([SMALL, SMALL], "csv")


# -- json -------------------------------------------------------------------------------------------

def test_json_round_trip() -> None:
    assert Table.from_dict(json.loads(render(SMALL, "json"))) == SMALL
    both = json.loads(render([SMALL, Table(("x",))], "json"))
    assert [Table.from_dict(d) for d in both] == [SMALL, Table(("x",))]


def test_json_of_a_dict_is_the_dict_and_keeps_non_ascii() -> None:
    d = {"name": "Sébastien Lecornu", "n": [1, 2.5, None]}
    out = render(d, "json")
    assert json.loads(out) == d and "Sébastien" in out


def test_refusals() -> None:
    with pytest.raises(ValueError, match="unknown format"):
        render(SMALL, "xml")
    with pytest.raises(ValueError, match="json only"):
        render({"a": 1}, "table")
    with pytest.raises(ValueError, match="3 columns"):
        Table(("a", "b", "c"), (("1", "2"),))
    assert FORMATS == ("table", "markdown", "csv", "json")


# -- every command goes through it ------------------------------------------------------------------

TEXTS = {
    "x/a.txt": "Le ministre a déclaré que la route était fermée.",
    "y/b.txt": "Le maire a déclaré que la route était fermée. Rien d'autre.",
}


def _result(path: str, outlet: str) -> ArticleResult:
    text = TEXTS[path]
    who = text.split(" a ")[0]
    content = "la route était fermée"
    c, k = text.index(content), text.index("a déclaré")
    speaker = Speaker(0, len(who), who, entity="e1", type="person")
    attribution = Attribution("indirect", Span(c, c + len(content), content),
                              Cue(k, k + 9, "a déclaré", "déclarer", "neutral"), speaker)
    entity = Entity(id="e1", name=who.split()[1], type="person", named=False, role=who.split()[1],
                    aliases=(who,), corpus_id=f"id-{who.split()[1]}")
    article = Article(id=path.split("/")[1][0], path=path, text=text, outlet=outlet, lang="fr")
    return ArticleResult(article, "test", "hand", (attribution,), (), (entity,))


RESULTS = [_result("x/a.txt", "Gazette"), _result("y/b.txt", "Courrier")]


@pytest.fixture()
def stubbed_loader(monkeypatch: pytest.MonkeyPatch) -> None:
    """The commands read these hand-built results instead of parsing: the output is theirs."""
    from attribution.cli import audit, compare, sources

    for module in (audit, compare, sources):
        monkeypatch.setattr(module, "load_corpus", lambda paths, log, **options: RESULTS)


def _invoke(command: click.Command, *args: str) -> str:
    r = CliRunner().invoke(command, list(args))
    assert r.exit_code == 0, r.output
    return r.stdout


def test_audit_markdown_and_csv_are_the_renderers(stubbed_loader: None) -> None:
    from attribution.cli.audit import audit as command

    report = audit_lib.audit(RESULTS)
    md = _invoke(command, "corpus", "--format", "markdown")
    assert md == render(audit_lib.display_table(report), "markdown")
    assert md.splitlines()[2].startswith("| article | words | attr |")
    out = _invoke(command, "corpus", "--format", "csv")
    assert out == render(audit_lib.data_table(report), "csv")
    assert [r["path"] for r in csv.DictReader(io.StringIO(out))] == ["y/b.txt", "x/a.txt", "corpus"]  # worst first
    assert _invoke(command, "corpus") == render(audit_lib.display_table(report), "table")


def test_compare_table_is_the_renderers(stubbed_loader: None) -> None:
    from attribution.cli.compare import compare as command

    out = _invoke(command, "corpus")
    assert out == render(compare_lib.tables(compare_lib.compare_outlets(RESULTS)), "table")
    assert "# Sources: 2, 0 quoted by several outlets" in out
    assert "# Same claim in several outlets: 1, most re-sourced first" in out


def test_sources_markdown_is_the_renderers(stubbed_loader: None) -> None:
    from attribution.cli.sources import sources as command
    from attribution.resolve import corpus_merges

    md = _invoke(command, "corpus", "--format", "markdown")
    listed = sources_lib.corpus_sources(RESULTS)
    assert md == render(sources_lib.tables(listed, corpus_merges(RESULTS)), "markdown")
    assert "| maire | person | maire | - | 1 | 1 | Le maire |" in md.splitlines()
    data = json.loads(_invoke(command, "corpus", "--format", "json"))
    assert [s["name"] for s in data["sources"]] == [s.name for s in listed]


def test_evaluate_markdown_is_the_renderers(tmp_path: Path) -> None:
    from attribution.cli.evaluate import evaluate as command

    text = "Le maire a dit que le pont rouvrira."
    (tmp_path / "art.txt").write_text(text, encoding="utf-8")
    gold = {"id": "art", "lang": "fr", "text": "art.txt",
            "entities": {"maire": {"name": "Le maire", "type": "person", "aliases": ["Le maire"]}},
            "attributions": [{"type": "indirect", "content": "le pont rouvrira", "cue": "a dit",
                              "speaker": "Le maire", "entity": "maire"}]}
    (tmp_path / "art.json").write_text(json.dumps(gold), encoding="utf-8")
    s = text.index("le pont")
    pred = Attribution("indirect", Span(s, s + 16, "le pont rouvrira"), Cue(9, 14, "a dit"),
                       Speaker(0, 8, "Le maire"))
    preds = tmp_path / "pred.jsonl"
    preds.write_text(json.dumps({"path": str(tmp_path / "art.txt"),
                                 "attributions": [pred.to_dict()]}) + "\n", encoding="utf-8")
    md = _invoke(command, str(tmp_path / "art.json"), "--predictions", str(preds), "--format", "markdown")
    report = evaluate_lib.evaluate([tmp_path / "art.json"], evaluate_lib.predictions_predictor(preds))
    assert md == render(evaluate_lib.scores_table(report), "markdown")
    assert md.splitlines()[-1].startswith("| [overall] | 1 | 1 | 1.00 | 1.00 | 1.00 |")


# -- end to end, no stub: saved parses (CoNLL-U) need no model --------------------------------------

def _conllu(text: str) -> str:
    words = [("Le", "le", "DET", 2, "det"), (text.split()[1], text.split()[1], "NOUN", 4, "nsubj"),
             ("a", "avoir", "AUX", 4, "aux:tense"), ("déclaré", "déclarer", "VERB", 0, "root"),
             ("que", "que", "SCONJ", 9, "mark"), ("la", "le", "DET", 7, "det"),
             ("route", "route", "NOUN", 9, "nsubj"), ("était", "être", "AUX", 9, "cop"),
             ("fermée", "fermer", "ADJ", 4, "ccomp"), (".", ".", "PUNCT", 4, "punct")]
    lines, at = [f"# text = {text}", "# sent_id = 0"], 0
    for i, (form, lemma, upos, head, rel) in enumerate(words, 1):
        start = text.index(form, at)
        at = start + len(form)
        misc = f"start_char={start}|end_char={at}"
        if at < len(text) and text[at] != " ":
            misc = "SpaceAfter=No|" + misc
        lines.append("\t".join((str(i), form, lemma, upos, upos, "_", str(head), rel, "_", misc)))
    return "\n".join(lines) + "\n\n"


def test_commands_lay_out_real_articles(tmp_path: Path) -> None:
    from attribution.cli import main

    for folder, who in (("x", "ministre"), ("y", "maire")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "a.conllu").write_text(
            _conllu(f"Le {who} a déclaré que la route était fermée."), encoding="utf-8")

    def run(*args: str) -> str:
        r = CliRunner().invoke(main, [*args, str(tmp_path), "--no-cache"])
        assert r.exit_code == 0, r.output
        return r.stdout

    md = run("audit", "--format", "markdown").splitlines()
    assert md[0] == f"## Quotation audit of 2 articles, {audit_lib.ORDER_NOTE}"
    assert md[2:4] == ["| " + " | ".join(audit_lib.TABLE_COLUMNS) + " |",
                       "|" + "|".join(["---"] * len(audit_lib.TABLE_COLUMNS)) + "|"]
    rows = list(csv.DictReader(io.StringIO(run("audit", "--format", "csv"))))
    assert [r["attributions"] for r in rows] == ["1", "1", "2"]
    text = run("compare", "--by", "dir")
    assert "# Same claim in several outlets: 1, most re-sourced first" in text
    assert "# Sources: 2, 0 quoted by several outlets" in text
    listed = run("sources", "--format", "markdown")
    assert listed.startswith("## Sources: 2\n\n| source | type | role |")
