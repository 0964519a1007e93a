"""Language of an article: normalise what metadata says, or guess it from stopwords.

No network and no model: each language has a short list of its most frequent
function words, and the language whose words cover most of the text wins.
Besides the supported languages (fr, en), a few others (de, es, it, pt, nl) are
recognised too, so that an article in one of them gets a clear "unsupported
language" error instead of being parsed as French.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from .errors import UnsupportedLanguage

SUPPORTED: tuple[str, ...] = ("fr", "en")

# Frequent function words. A word may appear in several lists; the words proper
# to one language (e.g. "les", "the", "und", "het") are what decide.
def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


STOPWORDS: dict[str, frozenset[str]] = {
    "fr": _set("""
        le la les l de des du d un une et est en que qu qui dans pour pas sur au aux avec ce
        cette ces il elle ils elles nous vous ont sont été être par plus ne n se s sa son ses
        leur leurs à où mais ou donc aussi a y c j lui était selon après contre entre
    """),
    "en": _set("""
        the of and to in is was for that on with as by at from it he she they his her their
        be been has have had are were this which not but or an will would said who its after
        about than also there when
    """),
    "de": _set("""
        der die das und ist nicht mit von den dem des ein eine einen zu auf für sich im auch
        als wird wurde sie er es bei nach aus werden hat dass oder über noch nur wie vor
    """),
    "es": _set("""
        el la los las de del y que en un una es por con para se no al lo su sus como más pero
        fue ha han está son este esta entre sobre también según dijo ya
    """),
    "it": _set("""
        il lo la gli le di del della dei e è che in un una per con non si al alla sono ha
        anche come più ma nel nella degli delle questo stato dal alle
    """),
    "pt": _set("""
        o a os as de do da dos das e é que em um uma para com não se no na por ao mais como
        mas foi são ser pelo pela também seu sua nos ele
    """),
    "nl": _set("""
        de het een en van is dat op te in voor met niet zijn die er aan ook als bij om door
        maar wordt werd naar heeft hebben zij dit
    """),
}

# Names and codes that metadata may use for a language, mapped to ISO 639-1.
_NAMES: dict[str, str] = {
    "fra": "fr", "fre": "fr", "french": "fr", "français": "fr", "francais": "fr",
    "eng": "en", "english": "en", "anglais": "en",
    "deu": "de", "ger": "de", "german": "de", "deutsch": "de", "allemand": "de",
    "spa": "es", "spanish": "es", "español": "es", "espagnol": "es",
    "ita": "it", "italian": "it", "italiano": "it", "italien": "it",
    "por": "pt", "portuguese": "pt", "português": "pt", "portugais": "pt",
    "nld": "nl", "dut": "nl", "dutch": "nl", "nederlands": "nl", "néerlandais": "nl",
}

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
