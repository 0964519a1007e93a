"""Speaker resolution and canonical sources.

``resolve_view`` reads the article's one view (``attribution.docview``) and the
words of each speaker mention that extraction found; ``resolve`` does the same
from a parsed document and speakers known by their offsets. Both turn the speaker mentions of one article into sources (pronouns,
possessives, descriptions and documents resolved; offices linked to their
heads; capitals read as governments) and returns the article's entities.
``link_corpus`` gives the same source in different articles one ``corpus_id``;
``corpus_merges`` lists those merges with their reasons, for review.
"""

from __future__ import annotations

from typing import Any

from ..records import Attribution, Entity
from .article import resolve_article, resolve_view
from .corpus import CorpusMerge, corpus_merges, link_corpus


def resolve(doc: Any, attributions: list[Attribution], lang: str) -> tuple[list[Attribution], list[Entity]]:
    """Resolve the speakers of one parsed article (a ``stanza.Document``).

    Returns the attributions with ``speaker.resolved``, ``speaker.entity`` and
    ``speaker.type`` filled in, and the entities of the article.
    """
    return resolve_article(doc, list(attributions), lang)


__all__ = ["resolve", "resolve_view", "link_corpus", "corpus_merges", "CorpusMerge"]
