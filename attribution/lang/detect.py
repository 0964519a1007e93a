"""Language of an article: normalise what metadata says, or guess it from stopwords.

No network and no model: each language has a short list of its most frequent
function words, and the language whose words cover most of the text wins.
The words of a supported language are in its folder (``<code>/language.json``);
a few other languages (``unsupported.json``: de, es, it, pt, nl) are recognised
too, so that an article in one of them gets a clear "unsupported language" error instead of being parsed as French.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from importlib import resources
from typing import Any

from ..errors import UnsupportedLanguage
from .registry import SUPPORTED, load_json


def _unsupported() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(resources.files(__package__).joinpath("unsupported.json")
                                      .read_text(encoding="utf-8"))["languages"]
    return data


def _identities() -> dict[str, dict[str, Any]]:
    """Code -> names and stopwords: the supported languages' folders first, then unsupported.json."""
    out = {code: load_json(code, "language.json") for code in SUPPORTED}
    out.update({code: d for code, d in _unsupported().items() if code not in out})
    return out


# Frequent function words. A word may appear in several lists; the words proper
# to one language (e.g. "les", "the", "und", "het") are what decide.
STOPWORDS: dict[str, frozenset[str]] = {code: frozenset(str(d["stopwords"]).split())
                                        for code, d in _identities().items()}

# Names and codes that metadata may use for a language, mapped to ISO 639-1.
_NAMES: dict[str, str] = {name: code for code, d in _identities().items() for name in d.get("names", ())}

SAMPLE_CHARS = 20_000  # the start of a long article is enough to know its language
MIN_HITS = 3  # fewer stopwords than this is too little evidence
MIN_MARGIN = 1.25  # the winner must beat the runner-up clearly, or we do not know

_WORD = re.compile(r"[^\W\d_]+")


def normalize_language(value: str | None) -> str | None:
    """``"fr-FR"``, ``"French"``, ``"FRA"`` -> ``"fr"``; unknown names come back lower-cased."""
    if value is None:
        return None
    v = value.strip().lower().replace("_", "-")
    if not v:
        return None
    primary = v.split("-", 1)[0]  # a BCP 47 tag's first subtag is the language
    return _NAMES.get(v) or _NAMES.get(primary) or primary


def _words(text: str) -> list[str]:
    # apostrophes split words, so that French elisions (l’, d’, qu’) count as "l", "d", "qu"
    return _WORD.findall(text[:SAMPLE_CHARS].lower())


def language_scores(text: str) -> dict[str, int]:
    """How many words of ``text`` (its first SAMPLE_CHARS) are stopwords of each language."""
    counts = Counter(_words(text))
    return {lang: sum(n for w, n in counts.items() if w in words)
            for lang, words in STOPWORDS.items()}


def detect_language(text: str) -> str | None:
    """The ISO 639-1 code of the language of ``text`` among STOPWORDS, or None if unsure."""
    scores = language_scores(text)
    ranked = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))
    (best, top), (_, second) = ranked[0], ranked[1]
    if top < MIN_HITS or top < second * MIN_MARGIN:
        return None
    return best


def dominant_script(text: str) -> str | None:
    """The writing system of most letters of ``text`` ("Latin", "Cyrillic", "Arabic", ...)."""
    scripts: Counter[str] = Counter()
    for ch in text[:SAMPLE_CHARS]:
        if ch.isalpha():
            # the first word of a letter's Unicode name is its script: "LATIN SMALL LETTER E"
            name = unicodedata.name(ch, "")
            scripts[name.split(" ", 1)[0].capitalize() if name else "Unknown"] += 1
    if not scripts:
        return None
    return scripts.most_common(1)[0][0]


def check_supported(lang: str | None, path: str) -> str:
    """``lang`` normalised, or UnsupportedLanguage naming ``path`` if it is not fr or en."""
    code = normalize_language(lang)
    if code not in SUPPORTED:
        raise UnsupportedLanguage(path, unsupported_message(code or ""))
    return code


def unsupported_message(lang: str) -> str:
    return f"unsupported language {lang!r} (supported: {', '.join(SUPPORTED)})"
