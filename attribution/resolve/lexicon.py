"""The sources lexicon as resolution reads it: re-exported from ``attribution.lang``.

The data and its types live with the language (``attribution/lang/<code>/sources.json``,
``attribution.lang.sources``); this module keeps resolution's imports short.
"""

from ..lang import Features, Role, SourceLexicon, load_sources, norm

__all__ = ["Features", "Role", "SourceLexicon", "load_sources", "norm"]
