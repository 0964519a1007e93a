"""What each engine has installed, and the one place that downloads (Stanza models, on request)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import EngineUnavailable
from .base import SUPPORTED_LANGS
from .spacy_engine import default_package, installed_packages
from .stanza_engine import installed_languages, installed_processors, read_resources, resources_dir

# What ``download`` asks Stanza for: the parsing processors and NER (mwt is added where it exists).
DOWNLOAD_PROCESSORS = "tokenize,pos,lemma,depparse,ner"


@dataclass(frozen=True)
class StanzaLanguage:
    lang: str
    processors: tuple[str, ...]
    usable: bool  # all that parsing needs is there

    def to_dict(self) -> dict[str, Any]:
        return {"lang": self.lang, "processors": list(self.processors), "usable": self.usable}


@dataclass(frozen=True)
class SpacyPackage:
    package: str
    version: str
    lang: str

    def to_dict(self) -> dict[str, Any]:
        return {"package": self.package, "version": self.version, "lang": self.lang}


@dataclass(frozen=True)
class Inventory:
    stanza_dir: str
    stanza: tuple[StanzaLanguage, ...]
    spacy: tuple[SpacyPackage, ...]
    auto: tuple[tuple[str, str], ...]  # (lang, "engine model") chosen by --engine auto

    def to_dict(self) -> dict[str, Any]:
        return {"stanza_dir": self.stanza_dir, "stanza": [s.to_dict() for s in self.stanza],
                "spacy": [p.to_dict() for p in self.spacy], "auto": dict(self.auto)}


def inventory(res: str | Path | None = None) -> Inventory:
    """The models installed for each engine, and what ``auto`` would pick per language."""
    res = Path(res) if res else resources_dir()
    resources = read_resources(res)
    usable = installed_languages(res)
    stanza = tuple(
        StanzaLanguage(lang, tuple(installed_processors(res, lang, resources)), lang in usable)
        for lang in sorted(resources)
        if isinstance(resources[lang], dict) and "alias" not in resources[lang]
        and installed_processors(res, lang, resources)
    )
    spacy = tuple(SpacyPackage(name, version, name.split("_", 1)[0]) for name, version in installed_packages())
    auto = []
    for lang in SUPPORTED_LANGS:
        if lang in usable:
            auto.append((lang, "stanza"))
        elif package := default_package(lang):
            auto.append((lang, f"spacy {package}"))
        elif lang == "en":
            auto.append((lang, "spacy blank tokenizer (tokens and sentences, no parse)"))
        else:
            auto.append((lang, "none"))
    return Inventory(str(res), stanza, spacy, tuple(auto))


def download(lang: str, res: str | Path | None = None) -> Path:
    """Download Stanza's models for ``lang`` into ``res`` (the product's only network access)."""
    import stanza  # deferred: heavy (torch); only to download

    res = Path(res) if res else resources_dir()
    try:
        stanza.download(lang, model_dir=str(res), processors=DOWNLOAD_PROCESSORS, logging_level="WARN")
    except Exception as exc:  # network, unknown language, disk: all end the same way for the user
        raise EngineUnavailable(f"could not download Stanza models for {lang!r} into {res}: "
                                f"{type(exc).__name__}: {exc}") from exc
    return res
