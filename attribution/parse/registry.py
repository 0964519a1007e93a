"""Choosing an engine: ``get_engine(name)`` and the per-language choice behind ``auto``.

``auto`` takes Stanza for a language whose Stanza models are installed, else the offline
spaCy model; English without any English model gets a shallow document (tokens and
sentences, no tree) rather than a failure.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import EngineUnavailable
from .base import SUPPORTED_LANGS, Engine, check_lang
from .cache import CachedEngine, default_cache_dir
from .conllu_engine import ConlluEngine
from .spacy_engine import (
    DEFAULT_PACKAGES,
    ShallowEngine,
    SpacyEngine,
    below_default_bar,
    default_package,
    install_hint,
)
from .stanza_engine import StanzaEngine, installed_languages, resources_dir

if TYPE_CHECKING:
    from stanza.models.common.doc import Document

ENGINE_NAMES: tuple[str, ...] = ("auto", "stanza", "spacy", "conllu")
PRIMARY_LANG = "fr"


def _spacy_for(lang: str, model: str | None, full_parse: bool | None = None) -> SpacyEngine | ShallowEngine:
    """The spaCy engine for ``lang``: the named model if it is for ``lang``, else the default."""
    if model and model.split("_", 1)[0] == lang:
        return SpacyEngine(model, full_parse=full_parse)
    package = default_package(lang)
    if package:
        return SpacyEngine(package, full_parse=full_parse)
    if lang == "en":
        return ShallowEngine(lang)  # never fail on English: tokens and sentences at least
    first = DEFAULT_PACKAGES.get(lang, (f"{lang}_core_news_md",))[0]
    raise EngineUnavailable(
        f"no spaCy model for {lang!r} is installed: {install_hint(first)}, "
        f"or install Stanza models with: attribution models download {lang}")


def _describe(engine: Engine, lang: str) -> str:
    if isinstance(engine, ShallowEngine):
        first = DEFAULT_PACKAGES[lang][0]
        if below_default_bar(first) is not None:
            return f"{lang}: tokens and sentences only ({first} is below its default bar: --model {first})"
        return f"{lang}: tokens and sentences only (no parser installed: {install_hint(first)})"
    return f"{lang}: {engine.name} {engine.model_id}"


class LangRouter:
    """An engine that picks a concrete engine per language, built on first use and kept.

    ``name`` and ``model_id`` are those of the engine used last (at first, the one chosen for
    French); ``for_lang(lang)`` gives the concrete engine of a language.
    """

    def __init__(self, pick: Callable[[str], Engine], wrap: Callable[[Engine], Engine],
                 choice_note: str | None = None) -> None:
        self._pick = pick
        self._wrap = wrap
        self._engines: dict[str, Engine] = {}
        self.choice_note = choice_note
        self.name = ""
        self.model_id = ""

    def for_lang(self, lang: str) -> Engine:
        lang = check_lang(lang)
        if lang not in self._engines:
            self._engines[lang] = self._wrap(self._pick(lang))
        engine = self._engines[lang]
        self.name, self.model_id = engine.name, engine.model_id
        return engine

    def parse(self, text: str, lang: str) -> Document:
        return self.for_lang(lang).parse(text, lang)


def get_engine(name: str = "auto", *, model: str | None = None, cache_dir: str | Path | None = None,
               use_cache: bool = True, full_parse: bool | None = None) -> Engine:
    """The engine called ``name`` ("auto", "stanza", "spacy" or "conllu").

    ``model``: a spaCy package (spacy) or a Stanza package (stanza; default "default").
    With ``use_cache`` parses are kept on disk in ``cache_dir`` (default $ATTRIBUTION_CACHE or
    ~/.cache/attribution). ``full_parse``: spaCy parses every sentence, not only those that may
    carry a claim (None: $ATTRIBUTION_FULL_PARSE decides). Raises EngineUnavailable for an
    unknown engine or a missing model.
    """
    if name not in ENGINE_NAMES:
        raise EngineUnavailable(f"unknown engine {name!r} (choose from {', '.join(ENGINE_NAMES)})")
    if name == "conllu":
        return ConlluEngine()  # reading CoNLL-U is cheaper than reading a cache entry

    folder = Path(cache_dir) if cache_dir else default_cache_dir()

    def wrap(engine: Engine) -> Engine:
        return CachedEngine(engine, folder) if use_cache else engine

    res = resources_dir()
    if name == "spacy":
        if model:
            SpacyEngine(model)  # a missing model fails now, not at the first article
        router = LangRouter(lambda lang: _spacy_for(lang, model, full_parse), wrap)
        router.choice_note = _note("spacy", lambda lang: _spacy_for(lang, model, full_parse), None)
    elif name == "stanza":
        if not installed_languages(res, model):
            what = f"package {model!r}" if model and installed_languages(res) else "models"
            raise EngineUnavailable(
                f"no Stanza {what} in {res}: run `attribution models download fr` "
                "(or set STANZA_RESOURCES_DIR)")
        router = LangRouter(lambda lang: StanzaEngine(lang, res, package=model), wrap)
    else:
        stanza_langs = installed_languages(res)

        def pick(lang: str) -> Engine:
            if lang in stanza_langs:
                return StanzaEngine(lang, res)
            return _spacy_for(lang, model, full_parse)

        router = LangRouter(pick, wrap)
        router.choice_note = _note("auto", pick, stanza_langs)
    try:
        router.for_lang(PRIMARY_LANG)  # sets name and model_id; builds nothing heavy
    except EngineUnavailable:
        if name == "spacy" and model:
            raise
    return router


def _note(label: str, pick: Callable[[str], Engine], stanza_langs: set[str] | None) -> str:
    """One line: the engine and model per language, and (auto) how to get Stanza where missing."""
    parts = []
    for lang in SUPPORTED_LANGS:
        try:
            parts.append(_describe(pick(lang), lang))
        except EngineUnavailable:
            parts.append(f"{lang}: no model installed")
    missing = [lang for lang in SUPPORTED_LANGS if stanza_langs is not None and lang not in stanza_langs]
    hint = f"; for Stanza: attribution models download {' / '.join(missing)}" if missing else ""
    return f"engine {label}: " + ", ".join(parts) + hint
