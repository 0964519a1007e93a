"""Languages as data: one folder per language (``fr/``, ``en/``), loaded into one ``Language`` record.

The supported languages and the default are declared once, in ``registry``
(the folders found there, ``DEFAULT``); ``detect`` tells the language of an
article; ``cues`` and ``sources`` type the cue and sources lexicons. The
generic machinery (``extract``, ``resolve``) reads words only through a
``Language`` (``language(code)``, or ``view.language``).
"""

from .cues import CueEntry, Lexicon, fold, norm
from .detect import (
    SAMPLE_CHARS,
    STOPWORDS,
    check_supported,
    detect_language,
    dominant_script,
    language_scores,
    normalize_language,
    unsupported_message,
)
from .registry import (
    DEFAULT,
    SUPPORTED,
    Language,
    language,
    load_json,
    load_lexicon,
    load_sources,
    union_words,
)
from .sources import Features, Role, SourceLexicon

__all__ = [
    "DEFAULT", "SAMPLE_CHARS", "STOPWORDS", "SUPPORTED", "CueEntry", "Features", "Language", "Lexicon", "Role", "SourceLexicon",
    "check_supported", "detect_language", "dominant_script", "fold", "language", "language_scores",
    "load_json", "load_lexicon", "load_sources", "norm", "normalize_language", "union_words", "unsupported_message",
]
