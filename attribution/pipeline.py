"""The one entry of every command that processes articles: read, process, link.

``run`` reads the paths (:mod:`attribution.reader`), processes the articles in the
mode its ``RunOptions`` ask for and through the results store when they name one
(:mod:`attribution.incremental`, which runs them with :mod:`attribution.runner`,
each article going through :func:`attribution.stages.process_article`), and links
the same sources across the corpus (``resolve.link_corpus``). The names a caller
needs are re-exported here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace

from .incremental import CorpusRun, ProgressCallback, RunOptions, process_corpus
from .reader import iter_articles
from .records import ArticleResult
from .resolve import link_corpus
from .runner import EngineSpec
from .sourcefile import apply_sources, load_sources_file
from .stages import Failure, TransientFailure, process_article
from .store import load_results

__all__ = ["CorpusRun", "EngineSpec", "Failure", "RunOptions", "TransientFailure",
           "process_article", "run"]


def run(
    paths: Iterable[str],
    options: RunOptions,
    *,
    lang: str | None = None,
    on_failure: Callable[[Failure], None],
    on_note: Callable[[str], None] | None = None,
    on_progress: ProgressCallback | None = None,
    sources: str | None = None,
) -> CorpusRun:
    """Read, process and link a whole corpus: the main job of every corpus command.

    Failures go to ``on_failure`` and the rest goes on; ``on_note`` gets one-line
    notes (the engine chosen, what the store holds); ``on_progress(done, total)``
    follows the work. ``lang`` (fr, en) overrides metadata and detection. With a
    results database (``options.db``) and no paths, every stored result is read.
    The results (none when ``options.keep_results`` is false) come in input order,
    their entities carrying a ``corpus_id``. ``sources``: a sources file
    (:mod:`attribution.sourcefile`) applied once, after corpus linking.
    """
    corrections = load_sources_file(sources) if sources else None  # a bad file fails before any work

    def linked(results: list[ArticleResult]) -> list[ArticleResult]:
        out = link_corpus(results)
        return apply_sources(out, corrections) if corrections else out

    paths = list(paths)
    if options.db and not paths:
        stored = load_results(options.db)
        return CorpusRun(linked(stored), processed=0, unchanged=len(stored), failed=0,
                         engine="", model="")
    corpus = process_corpus(iter_articles(paths, lang=lang, on_note=on_note), options,
                            paths=paths, on_failure=on_failure, on_note=on_note,
                            on_progress=on_progress)
    if not options.keep_results:
        return corpus
    return replace(corpus, results=linked(corpus.results))
