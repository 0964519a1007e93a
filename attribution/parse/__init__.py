"""Parsing engines: text in, ``stanza.Document`` out (see ``base`` for the contract).

``get_engine(name)`` gives an engine: "auto" (Stanza where its models are installed, else the
offline spaCy model), "stanza", "spacy" or "conllu"; parses are cached on disk.
"""

from .base import (
    ENTITY_TYPES,
    SUPPORTED_LANGS,
    Engine,
    check_document,
    has_dependencies,
    offset_errors,
)
from .cache import CachedEngine, default_cache_dir
from .conllu_engine import read_conllu, write_conllu
from .registry import ENGINE_NAMES, get_engine

__all__ = [
    "ENGINE_NAMES", "ENTITY_TYPES", "SUPPORTED_LANGS", "CachedEngine", "Engine", "check_document",
    "default_cache_dir", "get_engine", "has_dependencies", "offset_errors", "read_conllu",
    "write_conllu",
]
