"""Degraded modes are visible: every report page names the engine and model of each language,
and a language read without a parser (tokens only) gets a banner."""

from __future__ import annotations

from pathlib import Path

import lxml.html

from attribution.records import Article, ArticleResult
from attribution.report import write_report
from attribution.report.views import corpus_view

SHALLOW = "blank_en-sentencizer-3.8.18"  # ShallowEngine's model id: no parser


def result(id: str, lang: str, model: str) -> ArticleResult:
    text = "The minister said on Monday that talks would resume." if lang == "en" else \
        "Le ministre a déclaré lundi que les négociations reprendraient."
    return ArticleResult(Article(id=id, path=f"{id}.txt", text=text, lang=lang), "spacy", model,
                         words=len(text.split()))


def pages(out: Path) -> list[lxml.html.HtmlElement]:
    return [lxml.html.fromstring(p.read_text(encoding="utf-8")) for p in sorted(out.rglob("*.html"))]


def test_engines_per_language_in_the_view() -> None:
    view = corpus_view([result("a", "fr", "fr_core_news_md-3.8.0"), result("b", "en", SHALLOW),
                        result("c", "fr", "fr_core_news_md-3.8.0")])
    assert [(e.lang, e.model, e.articles, e.parsed) for e in view.engines] == [
        ("en", SHALLOW, 1, False), ("fr", "fr_core_news_md-3.8.0", 2, True)]
    assert view.unparsed_langs == ("en",)


def test_banner_on_every_page_when_a_language_ran_without_a_parser(tmp_path: Path) -> None:
    write_report([result("a", "fr", "fr_core_news_md-3.8.0"), result("b", "en", SHALLOW)], tmp_path / "r")
    html = pages(tmp_path / "r")
    assert html
    for page in html:
        banner = page.xpath("//p[@class='banner']")
        assert len(banner) == 1 and "(en)" in banner[0].text_content()
        assert "without a parser" in banner[0].text_content()
        footer = page.xpath("//footer")[0].text_content()
        assert "fr: spacy fr_core_news_md-3.8.0" in footer and f"en: spacy {SHALLOW} (no parser)" in footer


def test_no_banner_when_every_language_was_parsed(tmp_path: Path) -> None:
    write_report([result("a", "fr", "fr_core_news_md-3.8.0"), result("b", "en", "en_attribution_sm-0.1.0")],
                 tmp_path / "r")
    for page in pages(tmp_path / "r"):
        assert not page.xpath("//p[@class='banner']")
        assert "en: spacy en_attribution_sm-0.1.0" in page.xpath("//footer")[0].text_content()
