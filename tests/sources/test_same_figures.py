"""One figure per article, whoever shows it: extract, audit, compare, the store and the HTML report
give the same words, claims, sources, coverage and anonymous share on every dev-set article
(../shared/eval, fr and en, through the offline spaCy engine)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from lxml import html

from attribution.cli import main
from attribution.credit import credit
from attribution.records import ArticleResult
from attribution.report.safety import page_name
from attribution.store import load_results
from attribution.text import count_words

FIELDS = ("words", "claims", "sources", "coverage", "anonymous_share")


def _pct(x: float | None) -> str:
    return f"{100 * (x or 0.0):.1f} %"  # how the report prints a share (templates: pct(1))


@pytest.fixture(scope="module")
def tree(eval_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Each dev-set article in a folder of its own, so that ``compare --by dir`` gives its figures."""
    root = tmp_path_factory.mktemp("dev") / "corpus"
    for lang in ("fr", "en"):
        for txt in sorted((eval_dir / lang).glob("*.txt")):
            folder = root / f"{lang}-{txt.stem}"
            folder.mkdir(parents=True)
            shutil.copy(txt, folder / txt.name)
    return root


@pytest.fixture(scope="module")
def run(tree: Path, tmp_path_factory: pytest.TempPathFactory):
    cache = tmp_path_factory.mktemp("cache")

    def invoke(*args: str) -> str:
        r = CliRunner().invoke(main, [*args, "--engine", "spacy", "--cache-dir", str(cache)])
        assert r.exit_code == 0, r.output
        return r.stdout
    return invoke


def _figures(m: dict[str, Any]) -> dict[str, Any]:
    return {"words": m["words"], "claims": m["attributions"], "sources": m["sources"],
            "coverage": m["coverage"], "anonymous_share": m["anonymous_share"]}


@pytest.mark.slow
def test_every_view_gives_the_same_figures(tree: Path, run, tmp_path: Path) -> None:
    folders = {p.parent.name for p in tree.rglob("*.txt")}

    rows_ = json.loads(run("audit", str(tree), "--format", "json"))["articles"]
    audited = {Path(row["path"]).parent.name: _figures(row) for row in rows_}
    ids = {Path(row["path"]).parent.name: row["id"] for row in rows_}
    assert set(audited) == folders and len(folders) >= 8

    extracted: dict[str, dict[str, Any]] = {}
    for line in run("extract", str(tree), "--format", "json", "--with-text").splitlines():
        r = ArticleResult.from_dict(json.loads(line))
        assert r.words == count_words(r.article.text)  # the stored figure is the one word rule
        extracted[Path(r.article.path).parent.name] = _credit_figures(r)
    assert extracted == audited

    compared = json.loads(run("compare", str(tree), "--by", "dir", "--format", "json"))
    assert {o["name"]: _figures(o) for o in compared["outlets"]} == audited

    db = str(tmp_path / "results.db")
    run("index", str(tree), "--db", db)
    stored = {Path(r.article.path).parent.name: r for r in load_results(db)}
    assert {k: r.words for k, r in stored.items()} == {k: f["words"] for k, f in audited.items()}
    read_back = json.loads(run("audit", "--db", db, "--format", "json"))["articles"]
    assert {Path(row["path"]).parent.name: _figures(row) for row in read_back} == audited

    out = tmp_path / "report"
    run("report", str(tree), "-o", str(out))
    doc = html.fromstring((out / "index.html").read_text(encoding="utf-8"))
    rows = {}
    for tr in doc.xpath('//table[@id="articles-table"]/tbody/tr'):
        cells = [td.text_content().strip() for td in tr.xpath("./td")]
        href = tr.xpath("./td//a/@href")[0]
        rows[href] = {"words": int(cells[3]), "claims": int(cells[4]), "sources": int(cells[8]),
                      "coverage": cells[9], "anonymous_share": cells[11]}
    by_page = {f"articles/{page_name(ids[name])}.html": name for name in folders}
    assert len(rows) == len(folders)
    for href, shown in rows.items():
        f = audited[by_page[href]]
        assert shown == {**{k: f[k] for k in ("words", "claims", "sources")},
                         "coverage": _pct(f["coverage"]),
                         "anonymous_share": _pct(f["anonymous_share"])}, href


def _credit_figures(r: ArticleResult) -> dict[str, Any]:
    (ac,) = credit([r])
    f = ac.figures()
    return {k: f[k] for k in FIELDS}

