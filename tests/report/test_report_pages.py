"""HTML report: pages parsed and checked element by element; hostile input; atomic writes."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import lxml.html
import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st
from support.results import gold_result, make_result, select

from attribution.cli import report as report_cli
from attribution.credit import credit
from attribution.graph import OutputError, read_graph
from attribution.records import Term
from attribution.report import environment, highlight, write_report
from attribution.report import writer as writer_mod
from attribution.report.safety import page_name, safe_url
from attribution.report.views import Mark, article_view, flatten

TEXT_A = ("Le ministre Jean Dupont a déclaré que la réforme des retraites serait votée avant l'été "
          "malgré la grève. Selon la CGT, Marie Durand refuse. «Nous ne céderons pas», a lancé un "
          "syndicaliste. «C'est fini», entendait-on.")
ENTS_A = {
    "dupont": {"name": "Jean Dupont", "type": "person", "aliases": ["Jean Dupont"], "role": "ministre",
               "affiliation": "gouvernement"},
    "cgt": {"name": "CGT", "type": "organization", "aliases": ["la CGT"]},
    "syndicaliste": {"name": "un syndicaliste", "type": "anonymous", "aliases": ["un syndicaliste"]},
}
CLAIMS_A = [
    ("indirect", "la réforme des retraites serait votée avant l'été malgré la grève", "a déclaré",
     "Jean Dupont", "dupont"),
    ("indirect", "Marie Durand refuse", "Selon", "la CGT", "cgt"),
    ("direct", "Nous ne céderons pas", "a lancé", "un syndicaliste", "syndicaliste"),
    ("direct", "C'est fini", None, None, None),
]


def page(path: Path) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(path.read_text(encoding="utf-8"))


def only(elements: list) -> lxml.html.HtmlElement:
    assert len(elements) == 1, elements
    return elements[0]


@pytest.fixture(scope="module")
def seed(eval_dir: Path):
    return gold_result(eval_dir / "fr" / "seed.json", corpus_prefix="c:")


@pytest.fixture(scope="module")
def seed_report(seed, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("seed") / "report"
    write_report([seed], out)
    return out


def article_page(out: Path, key: str) -> Path:
    return out / "articles" / f"{page_name(key)}.html"


# ---------------------------------------------------------------- highlighting

def test_highlight_nests_cue_and_speaker_and_keeps_every_character() -> None:
    text = "Il a dit que tout va bien, selon lui."
    marks = [Mark(13, 25, "claim", 0), Mark(3, 8, "cue", 0), Mark(0, 2, "speaker", 0),
             Mark(0, 37, "claim", 1), Mark(27, 32, "cue", 1)]
    nodes = highlight(text, marks)
    assert flatten(nodes) == text
    (outer,) = nodes
    assert outer.mark == Mark(0, 37, "claim", 1)
    assert [c.mark.kind for c in outer.children if c.mark] == ["speaker", "cue", "claim", "cue"]


def test_crossing_marks_are_split_and_the_rest_flagged() -> None:
    text = "abcdefghij"
    nodes = highlight(text, [Mark(0, 6, "claim", 0), Mark(4, 10, "claim", 1)])
    assert flatten(nodes) == text
    first, rest = nodes
    assert first.mark == Mark(0, 6, "claim", 0)
    assert first.children[1].mark == Mark(4, 6, "claim", 1, True)
    assert rest.mark == Mark(6, 10, "claim", 1, False)


@settings(max_examples=200, deadline=None)
@given(st.text(min_size=0, max_size=40),
       st.lists(st.tuples(st.integers(0, 45), st.integers(0, 45),
                          st.sampled_from(["claim", "cue", "speaker", "term"]), st.integers(0, 3)),
                max_size=8))
def test_highlight_never_loses_or_moves_text(text: str, raw: list) -> None:
    marks = [Mark(min(a, b), max(a, b), kind, ref) for a, b, kind, ref in raw]
    nodes = highlight(text, marks)
    assert flatten(nodes) == text
    covered: dict[tuple[str, int], int] = {}

    def walk(ns, pos: int) -> int:
        for n in ns:
            if n.mark is None:
                pos += len(n.text)
            else:
                key = (n.mark.kind, n.mark.ref)
                end = walk(n.children, pos)
                assert (n.mark.start, n.mark.end) == (pos, end)  # a mark sits where it says
                covered[key] = covered.get(key, 0) + end - pos
                pos = end
        return pos

    walk(nodes, 0)
    for m in marks:  # each mark's characters (clamped into the text) are all marked
        length = max(0, min(m.end, len(text)) - m.start)
        assert covered.get((m.kind, m.ref), 0) >= length


# ---------------------------------------------------------------- the article page

def test_seed_page_shows_its_12_attributions_and_8_sources(seed, seed_report: Path) -> None:
    doc = page(article_page(seed_report, seed.article.id))
    claims = select(doc, ".article-text span.claim[tabindex='0']")
    assert [c.get("id") for c in claims] == [f"a{i}" for i in range(12)]
    assert len(select(doc, "ol.claims > li")) == 12
    rows = select(doc, "#article-sources tbody tr")
    assert len(rows) == 8
    names = [select(r, "td")[0].text_content().strip() for r in rows]
    assert "Sabrina Singh" in names and "Résistance islamique en Irak" in names
    # the text is shown whole and unchanged: the tooltips are not part of it
    assert only(select(doc, ".article-text")).text_content() == seed.article.text


def test_each_claim_is_highlighted_with_its_cue_speaker_and_tooltip(seed, seed_report: Path) -> None:
    doc = page(article_page(seed_report, seed.article.id))
    for i, a in enumerate(seed.attributions):
        el = only(select(doc, f"#a{i}"))
        pieces = [el, *select(doc, f"span.claim[data-of='a{i}']")]
        assert "".join(p.text_content() for p in pieces) == a.content.text
        tip = el.get("data-tip")
        e = {x.id: x for x in seed.entities}[a.speaker.entity]
        assert e.name in tip and a.type in tip and a.cue.text in tip and "neutral" in tip
        assert el.get("tabindex") == "0"  # focusable: the tooltip shows on keyboard focus too
        assert only(select(doc, f"span.cue[data-of='a{i}']")).text_content() == a.cue.text
        assert only(select(doc, f"span.speaker[data-of='a{i}']")).text_content() == a.speaker.text
        assert el.get("aria-describedby") == f"claim-a{i}" and select(doc, f"#claim-a{i}")
    css = only(select(doc, "style")).text_content()
    assert ".claim[data-tip]:focus::after" in css and "attr(data-tip)" in css


def test_claims_are_coloured_by_source(seed, seed_report: Path) -> None:
    doc = page(article_page(seed_report, seed.article.id))
    colour = {}
    for i, a in enumerate(seed.attributions):
        cls = only(select(doc, f"#a{i}")).get("class").split()
        (c,) = [x for x in cls if re.fullmatch(r"c\d+", x)]
        colour.setdefault(a.speaker.entity, set()).add(c)
    assert all(len(v) == 1 for v in colour.values())  # one colour per source
    assert len({next(iter(v)) for v in colour.values()}) == len(colour)  # and one source per colour


def test_sources_table_counts_types_and_share_of_quoted_words(tmp_path: Path) -> None:
    r = make_result(TEXT_A, CLAIMS_A, ENTS_A, id="a")
    write_report([r], tmp_path / "r")
    doc = page(article_page(tmp_path / "r", "a"))
    rows = {select(tr, "td")[0].text_content().strip(): [td.text_content().strip()
                                                            for td in select(tr, "td")]
            for tr in select(doc, "#article-sources tbody tr")}
    assert rows["Jean Dupont"][1:8] == ["person", "ministre", "gouvernement", "0", "1", "0", "55 %"]
    assert rows["CGT"][4:7] == ["0", "1", "0"]
    assert rows["un syndicalisteanonymous"][1] == "anonymous"
    # 12 + 4 + 3 credited words of the 22 words quoted (the unattributed quote's 3 included;
    # words by attribution.text: "l'été" is two)
    view = article_view(credit([r])[0])
    assert [s.words for s in view.sources] == [12, 4, 3]
    assert [round(s.share, 2) for s in view.sources] == [0.55, 0.18, 0.14]


def test_unattributed_quotes_and_anonymous_sources_are_flagged(tmp_path: Path) -> None:
    r = make_result(TEXT_A, CLAIMS_A, ENTS_A, id="a")
    write_report([r], tmp_path / "r")
    doc = page(article_page(tmp_path / "r", "a"))
    assert "unattributed" in only(select(doc, "#a3")).get("class").split()
    assert "anonymous" in only(select(doc, "#a2")).get("class").split()
    assert "Source: no source" in only(select(doc, "#a3")).get("data-tip")
    li = only(select(doc, "#claim-a3"))
    assert only(select(li, ".badge.unattributed")).text_content() == "no source"
    assert only(select(doc, "#claim-a2 .badge.anon")).text_content() == "anonymous"
    warn = [li.text_content() for li in select(doc, ".figures li.warn")]
    assert warn == ["1claims without a source", "33.3 %of sources are anonymous"]  # 1 of 3 sources


def test_terms_are_marked_but_are_not_claims(tmp_path: Path) -> None:
    text = "Un «premier round» a eu lieu, a indiqué le ministre."
    r = make_result(text, [("indirect", "Un «premier round» a eu lieu", "a indiqué", "le ministre", None)],
                    id="t")
    r = replace(r, terms=(Term(4, 17, "premier round", "scare"),))
    write_report([r], tmp_path / "r")
    doc = page(article_page(tmp_path / "r", "t"))
    assert only(select(doc, "#a0 span.term")).text_content() == "premier round"
    assert len(select(doc, ".article-text span.claim")) == 1


# ---------------------------------------------------------------- index, sources, graph

def two_outlets():
    a = make_result(TEXT_A, CLAIMS_A, ENTS_A, id="a", title="Retraites : le vote", outlet="Le Monde",
                    corpus_prefix="c:")
    text_b = ("Jean Dupont a affirmé que la réforme des retraites sera votée avant l'été malgré la grève. "
              "La CGT a appelé à manifester. Le ministre a ajouté que le texte passerait.")
    b = make_result(text_b, [("indirect", "la réforme des retraites sera votée avant l'été malgré la grève",
                              "a affirmé", "Jean Dupont", "dupont"),
                             ("indirect", "manifester", "a appelé", "La CGT", "cgt"),
                             ("indirect", "le texte passerait", "a ajouté", "Le ministre", "dupont")],
                    {**ENTS_A, "cgt": {**ENTS_A["cgt"], "aliases": ["La CGT"]}}, id="b",
                    title="Grève", outlet="Libération", corpus_prefix="c:")
    return [a, b]


def test_index_lists_articles_with_coverage_and_sortable_sources(tmp_path: Path) -> None:
    out = tmp_path / "r"
    write_report(two_outlets(), out)
    doc = page(out / "index.html")
    arts = select(doc, "#articles-table tbody tr")
    assert [select(tr, "td")[0].text_content() for tr in arts] == ["Retraites : le vote", "Grève"]
    for tr in arts:
        href = only(select(tr, "td a")).get("href")
        assert (out / href).is_file()
    cells = [td.text_content() for td in select(arts[0], "td")]
    assert cells[1] == "Le Monde" and cells[4] == "4" and cells[10] == "1" and cells[11] == "33.3 %"
    top = [a.text_content() for a in select(doc, "ol.top-sources li > a")]
    assert top[0] == "Jean Dupont"
    srcs = select(doc, "#sources-table tbody tr")
    dupont = [td.text_content() for td in select(srcs[0], "td")]
    assert dupont[0] == "Jean Dupont" and dupont[4] == "3" and dupont[8] == "2" and dupont[9] == "2"
    assert "sortable" in only(select(doc, "#sources-table")).get("class")
    assert [a.text_content() for a in select(doc, "#multi-outlet ~ ul a")][:2] == ["Jean Dupont", "CGT"]


def test_source_page_lists_every_claim_across_the_corpus(tmp_path: Path) -> None:
    out = tmp_path / "r"
    write_report(two_outlets(), out)
    doc = page(out / "index.html")
    href = only([a for a in select(doc, "#sources-table a") if a.text_content() == "Jean Dupont"]).get("href")
    src = page(out / href)
    rows = select(src, "#source-claims tbody tr")
    assert len(rows) == 3
    outlets = sorted(select(tr, "td")[1].text_content() for tr in rows)
    assert outlets == ["Le Monde", "Libération", "Libération"]
    assert {select(tr, "td")[6].text_content() for tr in rows} == {"Jean Dupont", "Le ministre"}
    for tr in rows:
        link = only(select(tr, "td a")).get("href")
        file, anchor = link.split("#")
        target = page((out / href).parent / file)
        assert only(select(target, f"#{anchor}")).get("class").startswith("claim")


def test_graph_page_draws_the_claim_graph_and_ships_graphml(tmp_path: Path) -> None:
    out = tmp_path / "r"
    write_report(two_outlets(), out)
    doc = page(out / "graph.html")
    svg = only(doc.xpath("//*[local-name()='svg' and contains(@class, 'graph')]"))
    g = read_graph(out / "graph.graphml")
    shapes = svg.xpath(".//*[local-name()='circle' or local-name()='rect']")
    assert len(shapes) == g.number_of_nodes()
    lines = svg.xpath(".//*[local-name()='line']")
    assert len(lines) == g.number_of_edges()
    assert any(line.get("class") == "e-same_claim" for line in lines)


def test_comparison_page_is_written_and_linked_for_two_outlets(tmp_path: Path) -> None:
    pytest.importorskip("attribution.compare")
    out = tmp_path / "r"
    summary = write_report(two_outlets(), out)
    assert summary.compare and (out / "compare.html").is_file()
    links = [a.get("href") for a in select(page(out / "index.html"), "a")]
    assert "compare.html" in links
    one = tmp_path / "one"
    assert not write_report(two_outlets()[:1], one).compare and not (one / "compare.html").exists()


def test_pages_are_offline_and_scripts_carry_the_csp_nonce(tmp_path: Path) -> None:
    out = tmp_path / "r"
    write_report(two_outlets(), out)
    for f in out.rglob("*.html"):
        doc = page(f)
        csp = only(doc.xpath("//meta[@http-equiv='Content-Security-Policy']")).get("content")
        assert "default-src 'none'" in csp
        nonce = re.search(r"'nonce-([^']+)'", csp).group(1)
        assert all(s.get("nonce") == nonce and not s.get("src") for s in doc.iter("script"))
        assert not doc.xpath("//link[@rel='stylesheet'] | //img | //iframe | //*[@src]")


# ---------------------------------------------------------------- hostile input

SCRIPT = "<script>alert('x')</script>"
IMG = '"><img src=x onerror=alert(1)>'
BAD_URLS = ["javascript:alert(1)", " JaVaScRiPt:alert(1)", "java\tscript:alert(1)",
            "data:text/html,<script>alert(1)</script>", "vbscript:msgbox", "//evil.example/x",
            "https://ok.example/a\njavascript:alert(1)"]


def hostile_result(i: int = 0):
    text = f"Le chef {SCRIPT} a dit que {IMG} était vrai. «{SCRIPT}», a ajouté {IMG}."
    ents = {"chef": {"name": f"Chef {SCRIPT}{IMG}", "type": "person", "aliases": [f"Le chef {SCRIPT}"],
                     "role": IMG, "affiliation": SCRIPT}}
    meta = {f"k{IMG}": SCRIPT, "link": BAD_URLS[i % len(BAD_URLS)], "home": "https://example.org/?a=1&b=2"}
    return make_result(text, [("indirect", f"{IMG} était vrai", "a dit", f"Le chef {SCRIPT}", "chef"),
                              ("direct", SCRIPT, "a ajouté", IMG, None)],
                       ents, id=f"x{i}{SCRIPT}", title=f"T {SCRIPT}{IMG}", outlet=f"O{i} {IMG}",
                       url=BAD_URLS[i % len(BAD_URLS)], meta=meta, corpus_prefix="h:")


def test_hostile_text_and_metadata_come_out_escaped(tmp_path: Path) -> None:
    out = tmp_path / "r"
    write_report([hostile_result(i) for i in range(len(BAD_URLS))], out)
    pages = list(out.rglob("*.html"))
    assert len(pages) > 5
    for f in pages:
        html = f.read_text(encoding="utf-8")
        doc = lxml.html.fromstring(html)
        assert len(list(doc.iter("script"))) <= 1  # only the report's own sorting script
        for s in doc.iter("script"):
            assert "alert" not in (s.text or "")
        assert not doc.xpath("//img | //*[@onerror]"), f
        for el in doc.xpath("//*[@href]"):
            href = el.get("href")
            assert re.match(r"(https://|[A-Za-z0-9_.#/-]*$)", href), (f, href)
            assert not re.match(r"\s*(javascript|data|vbscript):|//", href, re.IGNORECASE), (f, href)
        assert "<script>alert" not in html and "<img" not in html
    art = page(next((out / "articles").iterdir()))
    # escaped means shown as text, not dropped
    assert SCRIPT in only(select(art, "h1")).text_content()
    assert IMG in select(art, ".article-text")[0].text_content()


def test_javascript_urls_in_metadata_are_text_not_links(tmp_path: Path) -> None:
    out = tmp_path / "r"
    write_report([hostile_result(0)], out)
    doc = page(next((out / "articles").iterdir()))
    hrefs = [a.get("href") for a in select(doc, "dl.meta a")]
    assert hrefs == ["https://example.org/?a=1&b=2"]
    assert only(select(doc, "dl.meta .unsafe-url")).text_content() == "javascript:alert(1)"


@pytest.mark.parametrize("url", BAD_URLS + ["", None, "ftp://x.example/", "http://"])
def test_safe_url_refuses_everything_but_http(url) -> None:
    assert safe_url(url) is None


def test_safe_url_keeps_web_links() -> None:
    assert safe_url(" https://www.example.org/a?b=1#c ") == "https://www.example.org/a?b=1#c"
    assert safe_url("HTTP://example.org") == "HTTP://example.org"


@pytest.mark.parametrize("article_id", ["../../etc/passwd", "/etc/passwd", "..", ".", "a/../../b",
                                        "C:\\Windows\\x", "CON", "", "\x00nul", "é" * 300,
                                        "../" * 50 + "x"])
def test_article_ids_cannot_write_outside_the_report(tmp_path: Path, article_id: str) -> None:
    out = tmp_path / "inner" / "report"
    r = make_result(TEXT_A, CLAIMS_A[:1], ENTS_A, id=article_id or "doc")
    r = replace(r, article=replace(r.article, id=article_id))
    write_report([r], out)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["inner"]
    assert sorted(p.name for p in (tmp_path / "inner").iterdir()) == ["report"]
    for f in out.rglob("*"):
        assert f.resolve().is_relative_to(out.resolve())
        assert re.fullmatch(r"[A-Za-z0-9_.-]+", f.name), f.name
    (art,) = (out / "articles").iterdir()
    link = only(select(page(out / "index.html"), "#articles-table a")).get("href")
    assert (out / link).resolve() == art.resolve()


def test_page_names_are_unique_for_keys_with_the_same_slug() -> None:
    assert page_name("a/b") != page_name("a-b") != page_name("a b")
    assert re.fullmatch(r"[A-Za-z0-9_-]+", page_name("../../etc/passwd"))


# ---------------------------------------------------------------- atomic writes

def test_a_new_report_replaces_the_old_one_whole(tmp_path: Path) -> None:
    out = tmp_path / "r"
    write_report(two_outlets(), out)
    (out / "stale.html").write_text("old", encoding="utf-8")
    write_report(two_outlets()[:1], out)
    assert not (out / "stale.html").exists()
    assert len(list((out / "articles").iterdir())) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r"]  # no temporary folder left


def test_a_failed_run_leaves_the_previous_report_untouched(tmp_path: Path, monkeypatch) -> None:
    out = tmp_path / "r"
    write_report(two_outlets(), out)
    before = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    real_inside = writer_mod.inside
    calls = {"n": 0}

    def failing_inside(root: Path, *parts: str) -> Path:
        calls["n"] += 1
        if calls["n"] == 3:  # a few pages are written, then the disk is full
            raise OSError(28, "No space left on device")
        return real_inside(root, *parts)

    monkeypatch.setattr(writer_mod, "inside", failing_inside)
    with pytest.raises(OutputError, match="No space left on device"):
        write_report(two_outlets()[:1], out)
    after = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert after == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r"]

    def broken(*a, **k):
        raise RuntimeError("bug while rendering")

    monkeypatch.setattr(writer_mod, "render_pages", broken)
    with pytest.raises(RuntimeError):
        write_report(two_outlets(), out)
    assert {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r"]


def test_an_unrelated_folder_or_a_file_is_never_replaced(tmp_path: Path) -> None:
    mine = tmp_path / "documents"
    mine.mkdir()
    (mine / "thesis.txt").write_text("precious", encoding="utf-8")
    with pytest.raises(OutputError, match="is not a report"):
        write_report(two_outlets(), mine)
    assert (mine / "thesis.txt").read_text(encoding="utf-8") == "precious"
    f = tmp_path / "file.html"
    f.write_text("x", encoding="utf-8")
    with pytest.raises(OutputError, match="not a folder"):
        write_report(two_outlets(), f)
    empty = tmp_path / "empty"
    empty.mkdir()
    write_report(two_outlets(), empty)
    assert (empty / "index.html").is_file()


# ---------------------------------------------------------------- templates and CLI

def test_templates_are_found_and_autoescaped() -> None:
    env = environment()
    assert env.autoescape is True
    html = env.from_string("{{ x }}").render(x=SCRIPT)
    assert html == "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"
    for name in ("base.html", "index.html", "article.html", "source.html", "graph.html"):
        env.get_template(name)


def test_cli_report_writes_the_folder(tmp_path: Path, seed, monkeypatch) -> None:
    # the corpus loader is the pipeline's job; here it hands over hand-built records
    monkeypatch.setattr(report_cli, "load_corpus", lambda paths, log, **o: [seed])
    out = tmp_path / "rep"
    res = CliRunner().invoke(report_cli.report, ["seed.txt", "-o", str(out), "--title", "Seed"])
    assert res.exit_code == 0, res.output
    assert only(select(page(out / "index.html"), "h1")).text_content() == "Seed"
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "a.txt").write_text("x", encoding="utf-8")
    res = CliRunner().invoke(report_cli.report, ["seed.txt", "-o", str(tmp_path / "mine")])
    assert res.exit_code == 1 and "is not a report" in res.output
    monkeypatch.setattr(report_cli, "load_corpus", lambda paths, log, **o: [])
    res = CliRunner().invoke(report_cli.report, ["none", "-o", str(out)])
    assert res.exit_code == 1 and "no article could be processed" in res.output
    assert (out / "index.html").is_file()  # the previous report stays


def test_cli_report_without_paths_is_a_usage_error(tmp_path: Path) -> None:
    res = CliRunner().invoke(report_cli.report, ["-o", str(tmp_path / "r")])
    assert res.exit_code == 2 and "give the articles to process" in res.output
    assert not (tmp_path / "r").exists()
