"""One article through every stage (parse -> extract -> resolve), and what a failure looks like.

``attempt`` is the one place where an error raised while processing an article
becomes a one-line ``Failure`` naming it: every way of running articles
(``runner``: serial, worker processes, Dask) goes through it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .docview import build_view
from .errors import AttributionError
from .extract import extract_view
from .parse import read_conllu
from .records import Article, ArticleResult
from .resolve import resolve_view
from .text import count_words


@dataclass(frozen=True)
class Failure:
    """An input that could not be processed, with the one-line reason."""

    path: str
    message: str


@dataclass(frozen=True)
class TransientFailure(Failure):
    """A failure of the machinery (a worker died, an engine did not load), not of the article.

    The store does not remember it: the next run tries the article again.
    """


Outcome = ArticleResult | Failure
Processor = Callable[[Article, Any], ArticleResult]  # (article, engine) -> result


PRE_PARSED = ("conllu", "pre-parsed")  # the engine and model of an article read with its parse


def made_by(article: Article, engine: Any) -> tuple[str, str]:
    """The engine and model that make the result of ``article``: its own parse, else the
    engine that really parses its language (raises where there is none)."""
    if article.parsed is not None:
        return PRE_PARSED
    parser = engine.for_lang(article.lang or "fr")
    return parser.name, parser.model_id


def process_article(article: Article, engine: Any) -> ArticleResult:  # engine: attribution.parse.Engine
    """Parse, extract and resolve one article.

    A pre-parsed article (read from CoNLL-U) keeps its own parse, whatever the engine.
    """
    lang = article.lang or "fr"
    if article.parsed is not None:
        doc = read_conllu(article.parsed, lang, source=article.path)
    else:
        doc = engine.for_lang(lang).parse(article.text, lang)
    name, model_id = made_by(article, engine)
    view = build_view(doc, lang)  # the one view of the article, read by both stages
    found = extract_view(view)
    attributions, entities = resolve_view(view, found.attributions, found.speakers)
    words = count_words(article.text)  # the one word rule of every view (attribution.text)
    return ArticleResult(article=article, engine=name, model=model_id,
                         attributions=tuple(attributions), terms=found.terms,
                         entities=tuple(entities), words=words)


def describe(exc: Exception) -> str:
    """An error in a few words: a library error's own message, else its class and message."""
    return str(exc) if isinstance(exc, AttributionError) else f"{type(exc).__name__}: {exc}"


def failure(path: str, exc: Exception) -> Failure:
    """The one-line failure of the article ``path`` that raised ``exc``."""
    if isinstance(exc, AttributionError):
        return Failure(path, f"{path}: {exc}")
    return Failure(path, f"{path}: internal error ({describe(exc)})")


def attempt(article: Article, engine: Any, processor: Processor) -> Outcome:
    """One article; any error becomes a one-line Failure naming it (Ctrl-C goes through)."""
    try:
        return processor(article, engine)
    except Exception as exc:  # a bug must not cost the rest of the batch
        return failure(article.path, exc)
