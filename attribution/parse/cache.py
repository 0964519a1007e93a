"""Parses kept on disk, so that a second run on unchanged text parses nothing.

An entry is keyed by engine, model id (which includes the model version), parse mode (the
spaCy engine's selective parse is not its full one), language and the SHA-256 of the text; it holds ``Document.to_serialized()`` (JSON) plus the input's hash.
Writes are atomic (a temporary file then ``os.replace``); an entry that cannot be read back
is parsed again.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from .base import Engine, offset_errors

if TYPE_CHECKING:
    from stanza.models.common.doc import Document

# Bumped when the conversion into stanza Documents changes, so old entries are not reused.
FORMAT_VERSION = "1"


def default_cache_dir() -> Path:
    """$ATTRIBUTION_CACHE, else ~/.cache/attribution."""
    env = os.environ.get("ATTRIBUTION_CACHE")
    return Path(env) if env else Path.home() / ".cache" / "attribution"


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def cache_key(engine: str, model_id: str, lang: str, text: str, mode: str = "") -> str:
    """The hex key of one parse; ``mode`` "" (a whole parse) keeps the keys of earlier versions."""
    h = hashlib.sha256()
    for part in (FORMAT_VERSION, engine, model_id, lang):
        h.update(part.encode("utf-8") + b"\0")
    if mode:
        h.update(b"mode=" + mode.encode("utf-8") + b"\0")
    h.update(_sha(text).encode("ascii"))
    return h.hexdigest()


class CachedEngine:
    """``engine`` with its parses kept in ``folder``; ``parses`` counts real parses."""

    def __init__(self, engine: Engine, folder: Path) -> None:
        self.engine = engine
        self.folder = Path(folder)
        self.name = engine.name
        self.model_id = engine.model_id
        self.choice_note = engine.choice_note
        self.parses = 0
        self.hits = 0

    def for_lang(self, lang: str) -> CachedEngine:
        return self

    def path(self, text: str, lang: str) -> Path:
        key = cache_key(self.name, self.model_id, lang, text, getattr(self.engine, "parse_mode", ""))
        return self.folder / self.name / key[:2] / f"{key}.json"

    def _read(self, path: Path, text: str) -> Document | None:
        try:
            payload = json.loads(path.read_bytes())
            if not isinstance(payload, dict) or payload.get("input_sha256") != _sha(text):
                return None  # a foreign or damaged entry
            from stanza.models.common.doc import Document  # deferred: torch comes with it

            doc = Document(payload["sentences"], payload["text"], payload.get("comments"))
        except FileNotFoundError:
            return None
        except Exception:  # a corrupt entry: parse again and overwrite it
            return None
        # A truncated or edited entry must not give wrong offsets: check before trusting it.
        if offset_errors(doc):
            return None
        return doc

    def _write(self, path: Path, doc: Document, text: str) -> None:
        # JSON only (never pickle): a cache folder must not be a way to run code.
        payload = json.loads(doc.to_serialized())
        payload["input_sha256"] = _sha(text)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".json")
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as f:
                    json.dump(payload, f, ensure_ascii=False)
                os.replace(tmp, path)
            except BaseException:
                os.unlink(tmp)
                raise
        except OSError:
            pass  # a read-only or full disk costs speed, not results

    def parse(self, text: str, lang: str) -> Document:
        path = self.path(text, lang)
        doc = self._read(path, text)
        if doc is not None:
            self.hits += 1
            doc.lang = lang
            return doc
        doc = self.engine.parse(text, lang)
        self.parses += 1
        self._write(path, doc, text)
        return doc
