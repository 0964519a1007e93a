"""What each engine has installed, and the one place that downloads (Stanza models, on request)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import EngineUnavailable
from .base import SUPPORTED_LANGS
from .spacy_engine import (
    MIN_DEFAULT_LAS,
    below_default_bar,
    default_package,
    installed_packages,
    package_installed,
    package_meta,
)
from .stanza_engine import installed_languages, installed_processors, read_resources, resources_dir

# Scores of a spaCy package's meta.json "performance" shown by `attribution models`, with names.
ACCURACY_KEYS = (("pos_acc", "UPOS"), ("dep_uas", "UAS"), ("dep_las", "LAS"), ("ents_f", "NER F1"))

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
    accuracy: tuple[tuple[str, float], ...] = ()  # (name, score 0-1) from the package's meta.json
    evaluated_on: str = ""  # what the scores were measured on, when the meta says

    def to_dict(self) -> dict[str, Any]:
        return {"package": self.package, "version": self.version, "lang": self.lang,
                "accuracy": dict(self.accuracy), "evaluated_on": self.evaluated_on}


def spacy_package(name: str, version: str) -> SpacyPackage:
    """An installed spaCy package with the accuracy its meta.json reports."""
    meta = package_meta(name)
    perf = meta.get("performance")
    perf = perf if isinstance(perf, dict) else {}
    accuracy = tuple((label, float(perf[key])) for key, label in ACCURACY_KEYS
                     if isinstance(perf.get(key), int | float))
    # spaCy's own packages report dev-set scores; ours says where its figures come from.
    evaluated_on = str(meta.get("evaluated_on") or ("development set" if accuracy else ""))
    return SpacyPackage(name, version, name.split("_", 1)[0], accuracy, evaluated_on)


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
    spacy = tuple(spacy_package(name, version) for name, version in installed_packages())
    auto = []
    for lang in SUPPORTED_LANGS:
        if lang in usable:
            auto.append((lang, "stanza"))
        elif package := default_package(lang):
            auto.append((lang, f"spacy {package}"))
        elif lang == "en" and package_installed("en_attribution_sm"):
            las = below_default_bar("en_attribution_sm") or 0.0
            auto.append((lang, f"spacy blank tokenizer (tokens and sentences, no parse): en_attribution_sm "
                               f"is installed but below the default bar (LAS {las:.3f} < "
                               f"{MIN_DEFAULT_LAS['en_attribution_sm']:.2f}); use it with --model en_attribution_sm"))
        elif lang == "en":
            auto.append((lang, "spacy blank tokenizer (tokens and sentences, no parse): make install "
                               "installs en_attribution_sm"))
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
