"""The comparison page in headless Chromium: it fits a 1,280 px viewport (no horizontal scroll)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from test_audit import results_from_gold

from attribution.compare import compare_outlets
from attribution.reader import read_path
from attribution.records import ArticleResult
from attribution.report import write_report
from attribution.report.standalone import compare_page

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed "
                       "(`make browser` installs it where apt-get is allowed)"),
]
FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "compare"


def _results() -> list[ArticleResult]:
    """The two-outlet fixture with its hand annotation (as tests/test_compare.py reads it),
    and long unbroken strings to tempt the layout into overflowing."""
    gold = json.loads((FIXTURE / "gold.json").read_text(encoding="utf-8"))
    articles = {str(Path(a.path).relative_to(FIXTURE)): a for a in read_path(str(FIXTURE))}
    results = results_from_gold(gold, {p: a.text for p, a in articles.items()},
                                {p: "Outlet-" + "x" * 60 + (a.outlet or "") for p, a in articles.items()})
    return [ArticleResult(articles[r.article.path], r.engine, r.model, r.attributions, r.terms,
                          r.entities) for r in results]


def scroll_width(page: Path, profile: Path) -> int:
    """document.documentElement.scrollWidth of ``page`` at a 1,280 px wide viewport."""
    html = page.read_text(encoding="utf-8")
    nonce = re.search(r"'nonce-([^']+)'", html)
    assert nonce, "no CSP nonce in the page"
    probe = (f'<script nonce="{nonce.group(1)}">document.body.setAttribute("data-scroll-width", '
             "document.documentElement.scrollWidth);</script></body>")
    measured = page.with_name("measured-" + page.name)
    measured.write_text(html.replace("</body>", probe), encoding="utf-8")
    assert CHROMIUM is not None
    cmd = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync",
           f"--user-data-dir={profile}", "--window-size=1280,900", "--dump-dom", measured.as_uri()]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    found = re.search(r'data-scroll-width="(\d+)"', proc.stdout)
    assert found, f"no width measured (exit {proc.returncode}): {proc.stderr[-800:]}"
    return int(found.group(1))


def test_standalone_compare_page_fits_1280(tmp_path: Path) -> None:
    page = tmp_path / "compare.html"
    page.write_text(compare_page(compare_outlets(_results())), encoding="utf-8")
    assert scroll_width(page, tmp_path / "profile") <= 1280


def test_report_compare_page_fits_1280_and_links_to_article_anchors(tmp_path: Path) -> None:
    out = tmp_path / "report"
    write_report(_results(), out)
    page = out / "compare.html"
    html = page.read_text(encoding="utf-8")
    links = re.findall(r'href="(articles/[^"#]+\.html)#(a\d+)"', html)
    assert links, "no rendition links to its article page"
    for target, anchor in links:
        assert f'id="{anchor}"' in (out / target).read_text(encoding="utf-8")
    assert scroll_width(page, tmp_path / "profile") <= 1280
