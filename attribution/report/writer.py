"""Render every page of a report and write the folder atomically.

The report is built in a temporary folder beside the target and swapped in by two
renames only once every page is written: a failed run leaves the previous report as
it was. An existing folder is replaced only when it is empty or is itself a report
(it holds the marker file), never an unrelated folder given by mistake.
"""

from __future__ import annotations

import os
import secrets
import shutil
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
import networkx as nx

from .. import __version__, compare
from ..credit import DEFAULT_GROUP_BY
from ..errors import AttributionError, OutputError
from ..graph import build_graph, multi_outlet_sources, write_graph
from ..records import ArticleResult
from .safety import inside
from .svg import draw
from .templates import environment
from .views import CorpusView, corpus_view

MARKER = ".attribution-report"  # marks a folder as a report this tool may replace
TOP_SOURCES = 10


@dataclass(frozen=True)
class ReportSummary:
    """What was written."""

    path: str
    pages: int
    articles: int
    claims: int
    sources: int
    compare: bool  # whether the comparison page was written


def _common(view: CorpusView, nonce: str, title: str, rel: str, has_compare: bool) -> dict[str, Any]:
    """Variables every page gets (documented at the top of templates/base.html)."""
    return {"rel": rel, "nonce": nonce, "report_title": title, "corpus": view,
            "has_compare": has_compare, "version": __version__}


def render_pages(results: Sequence[ArticleResult], *, title: str = "Sources report",
                 graph: nx.MultiDiGraph | None = None, env: jinja2.Environment | None = None,
                 on_note: Callable[[str], None] | None = None,
                 group_by: str = DEFAULT_GROUP_BY, sources_file: str | None = None) -> dict[str, str]:
    """Every page of the report: relative path -> HTML. Writes nothing.

    ``graph`` is the claim graph of ``results`` when the caller already built it;
    ``group_by`` how offices are credited; ``sources_file`` the note of the sources
    file applied to ``results`` (the index page shows both).
    """
    env = env or environment()
    view = corpus_view(results, group_by, sources_file)
    nonce = secrets.token_urlsafe(18)  # CSP nonce: only the report's own scripts may run
    graph = graph if graph is not None else build_graph(results, group_by=group_by)
    comparison = _comparison(results, view, on_note)
    has_compare = comparison is not None

    def ctx(rel: str, **more: Any) -> dict[str, Any]:
        return {**_common(view, nonce, title, rel, has_compare), **more}

    article_pages = {a.key: a.page for a in view.articles}
    source_pages = {s.key: s.page for s in view.sources}

    def node_href(node: str, d: dict) -> str | None:
        kind = d.get("kind")
        if kind == "entity":
            page = source_pages.get(node.removeprefix("entity:"))
            return f"sources/{page}.html" if page else None
        if kind == "article":
            page = article_pages.get(node.removeprefix("article:"))
            return f"articles/{page}.html" if page else None
        if kind == "claim":
            page = article_pages.get(str(d.get("article", "")))
            idx = node.rsplit(":", 1)[-1]
            return f"articles/{page}.html#a{idx}" if page else None
        return None

    pages: dict[str, str] = {}
    multi = {s.node.removeprefix("entity:"): s.outlets for s in multi_outlet_sources(graph)}
    pages["index.html"] = env.get_template("index.html").render(ctx(
        "", page_title=title, top_sources=[s for s in view.sources if s.claims][:TOP_SOURCES], multi_outlet=multi,
        graph_counts=(graph.number_of_nodes(), graph.number_of_edges())))
    for a in view.articles:
        pages[f"articles/{a.page}.html"] = env.get_template("article.html").render(
            ctx("../", page_title=a.title, article=a))
    for s in view.sources:
        pages[f"sources/{s.page}.html"] = env.get_template("source.html").render(
            ctx("../", page_title=s.name, source=s))
    drawing = draw(graph, node_href)
    pages["graph.html"] = env.get_template("graph.html").render(
        ctx("", page_title="Claim graph", drawing=drawing, graph=graph))
    if comparison is not None:
        pages["compare.html"] = env.get_template("compare.html").render(
            ctx("", page_title="Outlets compared", comparison=comparison, article_pages=article_pages))
    return pages


def _comparison(results: Sequence[ArticleResult], view: CorpusView,
                on_note: Callable[[str], None] | None) -> Any:
    """The outlets' comparison (``attribution.compare``) when there are outlets to compare."""
    if len(view.outlets) < 2:
        return None
    try:
        return compare.compare_outlets(list(results), by="outlet", group_by=view.group_by)
    except AttributionError as exc:  # a comparison that cannot be made must not cost the report
        if on_note:
            on_note(f"comparison page skipped: {exc}")
        return None


def _check_target(out: Path) -> None:
    if out.is_symlink():
        raise OutputError(f"{out}: is a symbolic link; give the report folder itself")
    if out.exists():
        if not out.is_dir():
            raise OutputError(f"{out}: exists and is not a folder")
        if not (out / MARKER).is_file() and any(out.iterdir()):
            raise OutputError(f"{out}: exists, is not empty and is not a report; "
                              "choose another folder or empty it")


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_report(results: Sequence[ArticleResult], out_dir: str | Path, *,
                 title: str = "Sources report", graph_file: bool = True,
                 on_note: Callable[[str], None] | None = None,
                 group_by: str = DEFAULT_GROUP_BY, sources_file: str | None = None) -> ReportSummary:
    """Write the report of ``results`` into ``out_dir``, replacing a previous report atomically.

    Raises OutputError when ``out_dir`` cannot be (re)placed; nothing is left behind then.
    """
    out = Path(out_dir).absolute()
    _check_target(out)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.tmp-", dir=out.parent))
    except OSError as exc:
        raise OutputError(f"{out}: cannot create the report folder ({exc.strerror or exc})") from exc
    try:
        graph = build_graph(results, group_by=group_by)
        pages = render_pages(results, title=title, graph=graph, on_note=on_note,
                             group_by=group_by, sources_file=sources_file)
        for rel, html in pages.items():
            target = inside(tmp, *rel.split("/"))
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(html, encoding="utf-8")
        if graph_file:
            write_graph(graph, inside(tmp, "graph.graphml"))
        (tmp / MARKER).write_text(f"attribution {__version__}\n", encoding="utf-8")
        mode = 0o777 & ~_umask()
        for d in [tmp, *(p for p in tmp.rglob("*") if p.is_dir())]:
            d.chmod(mode)  # mkdtemp made it private; the report gets the usual permissions
        _swap(tmp, out)
    except OSError as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        raise OutputError(f"{out}: cannot write the report ({exc.strerror or exc})") from exc
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    view_sources = sum(1 for p in pages if p.startswith("sources/"))
    return ReportSummary(str(out), len(pages), len(results),
                         sum(len(r.attributions) for r in results), view_sources,
                         "compare.html" in pages)


def _swap(new: Path, out: Path) -> None:
    """Put ``new`` in place of ``out``: two renames, the old report removed only afterwards."""
    if not out.exists():
        new.rename(out)
        return
    old = Path(tempfile.mkdtemp(prefix=f".{out.name}.old-", dir=out.parent))
    old.rmdir()  # only its unique name was wanted
    out.rename(old)
    try:
        new.rename(out)
    except OSError:
        old.rename(out)  # put the previous report back
        raise
    shutil.rmtree(old, ignore_errors=True)
