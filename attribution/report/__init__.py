"""HTML reports: article pages, the corpus index, source pages, the claim graph, outlets compared.

    from attribution.report import write_report
    write_report(results, "report/")

Modules: ``views`` (what each page shows, pure data), ``svg`` (graph layout),
``templates`` (the Jinja2 environment), ``safety`` (file names, links), ``writer``
(rendering and the atomic write).
"""

from __future__ import annotations

from .templates import environment
from .views import ArticleView, CorpusView, article_view, corpus_view, highlight
from .writer import ReportSummary, render_pages, write_report

__all__ = ["ArticleView", "CorpusView", "ReportSummary", "article_view", "corpus_view",
           "environment", "highlight", "render_pages", "write_report"]
