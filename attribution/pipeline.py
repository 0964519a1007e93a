"""One article, all stages: parse -> extract -> resolve. And many articles, with errors kept apart.

This is the only module that chains the stages; the CLI and the store call it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from .errors import AttributionError, InputError
from .records import Article, ArticleResult


@dataclass(frozen=True)
class Failure:
    """An input that could not be processed, with the one-line reason."""

    path: str
    message: str


def process_article(article: Article, engine) -> ArticleResult:  # engine: attribution.parse.Engine
    """Parse, extract and resolve one article."""
    from .extract import extract
    from .resolve import resolve

    lang = article.lang or "fr"
    doc = engine.parse(article.text, lang)
    attributions, terms = extract(doc, lang)
    attributions, entities = resolve(doc, attributions, lang)
    words = sum(len(s.words) for s in doc.sentences)
    return ArticleResult(article=article, engine=engine.name, model=engine.model_id,
                         attributions=tuple(attributions), terms=tuple(terms),
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
) -> list[ArticleResult]:
    """Read, process and link a whole corpus: the main job of every corpus command.

    Failures go to ``on_failure`` and the rest goes on; ``on_note`` gets the
    one-line engine choice message.
    """
    from .parse import get_engine
    from .reader import iter_articles
    from .resolve import link_corpus

    parser = get_engine(engine, model=model, cache_dir=cache_dir, use_cache=use_cache)
    if on_note and parser.choice_note:
        on_note(parser.choice_note)
    results = list(process_all(iter_articles(list(paths), lang=lang, on_note=on_note), parser, on_failure))
    return link_corpus(results)
