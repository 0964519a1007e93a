"""One article, all stages: parse -> extract -> resolve. And many articles, with errors kept apart.

This is the only module that chains the stages; the CLI and the store call it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from .errors import AttributionError, InputError
from .records import Article, ArticleResult
from .sourcefile import apply_sources, load_sources_file
from .text import count_words


@dataclass(frozen=True)
class Failure:
    """An input that could not be processed, with the one-line reason."""

    path: str
    message: str


def process_article(article: Article, engine) -> ArticleResult:  # engine: attribution.parse.Engine
    """Parse, extract and resolve one article.

    A pre-parsed article (read from CoNLL-U) keeps its own parse, whatever the engine.
    """
    from .docview import build_view
    from .extract import extract_view
    from .parse import read_conllu
    from .resolve import resolve_view

    lang = article.lang or "fr"
    if article.parsed is not None:
        doc = read_conllu(article.parsed, lang, source=article.path)
        name, model_id = "conllu", "pre-parsed"
    else:
        parser = engine.for_lang(lang)  # the engine that really parses this language
        doc = parser.parse(article.text, lang)
        name, model_id = parser.name, parser.model_id
    view = build_view(doc, lang)  # the one view of the article, read by both stages
    found = extract_view(view)
    attributions, entities = resolve_view(view, found.attributions, found.speakers)
    words = count_words(article.text)  # the one word rule of every view (attribution.text)
    return ArticleResult(article=article, engine=name, model=model_id,
                         attributions=tuple(attributions), terms=found.terms,
                         entities=tuple(entities), words=words)


def process_all(
    items: Iterable[Article | InputError],
    engine,
    on_failure: Callable[[Failure], None],
) -> Iterator[ArticleResult]:
    """Process articles one by one; a failing article is reported and the batch goes on."""
    for item in items:
        if isinstance(item, InputError):
            on_failure(Failure(item.path, str(item)))
            continue
        try:
            yield process_article(item, engine)
        except AttributionError as exc:
            on_failure(Failure(item.path, f"{item.path}: {exc}"))
        except Exception as exc:  # a bug must not cost the rest of the batch
            on_failure(Failure(item.path, f"{item.path}: internal error ({type(exc).__name__}: {exc})"))


def run(
    paths: Iterable[str],
    *,
    engine: str = "auto",
    model: str | None = None,
    cache_dir: str | None = None,
    use_cache: bool = True,
    lang: str | None = None,
    on_failure: Callable[[Failure], None],
    on_note: Callable[[str], None] | None = None,
    db: str | None = None,
    jobs: int = 1,
    dask: str | None = None,
    on_progress: Callable[[int, int], None] | None = None,
    sources: str | None = None,
) -> list[ArticleResult]:
    """Read, process and link a whole corpus: the main job of every corpus command.

    Failures go to ``on_failure`` and the rest goes on; ``on_note`` gets one-line
    notes (the engine chosen, what the store holds). With ``db`` (a results
    database, see ``store``), stored results are read instead of processing again
    and what is missing or changed is processed and stored; with ``db`` and no
    paths, every stored result is read. ``jobs`` worker processes (0: one per
    CPU) or a Dask cluster (``dask``: "local" or a scheduler address) do the
    work; ``on_progress(done, total)`` follows it. ``sources``: a sources file
    (:mod:`attribution.sourcefile`) applied once, after corpus linking.
    """
    from .parallel import EngineSpec, process_corpus
    from .reader import iter_articles
    from .resolve import link_corpus
    from .store import load_results

    corrections = load_sources_file(sources) if sources else None  # a bad file fails before any work
    paths = list(paths)
    if db and not paths:
        stored = load_results(db)
        return apply_sources(stored, corrections) if corrections else stored
    corpus = process_corpus(
        iter_articles(paths, lang=lang, on_note=on_note),
        EngineSpec(engine, model, cache_dir, use_cache),
        on_failure=on_failure, on_note=on_note, on_progress=on_progress,
        db=db, jobs=jobs, dask=dask, paths=paths)
    linked = link_corpus(corpus.results)
    return apply_sources(linked, corrections) if corrections else linked
