"""The Stanza engine: ``stanza.Pipeline`` loaded from a local resources folder, never downloaded.

The folder is $STANZA_RESOURCES_DIR, else ~/stanza_resources (what ``stanza.download`` and
``attribution models download LANG`` fill). A language counts as installed when
resources.json lists it and its tokenize, pos, lemma and depparse models (and mwt, where the
language has one) are on disk.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import EngineUnavailable
from .base import TokenRow, build_document, check_lang, document_rows, entity_type
from .chunks import chunk_spans

if TYPE_CHECKING:
    from stanza.models.common.doc import Document

REQUIRED = ("tokenize", "pos", "lemma", "depparse")
OPTIONAL = ("mwt", "ner")
# Stanza handles long inputs, but memory grows with one call: parse in pieces of this size.
CHUNK_CHARS = 50_000
# Longer sentences are cut before tagging and parsing (UD news sentences rarely pass 150 words).
MAX_WORDS = 250


def resources_dir() -> Path:
    """$STANZA_RESOURCES_DIR, else ~/stanza_resources."""
    env = os.environ.get("STANZA_RESOURCES_DIR")
    return Path(env).expanduser() if env else Path.home() / "stanza_resources"


def read_resources(res: Path) -> dict[str, Any]:
    """resources.json of the folder, or {} when absent or unreadable."""
    try:
        data = json.loads((Path(res) / "resources.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def installed_processors(res: Path, lang: str, resources: dict[str, Any] | None = None) -> list[str]:
    """Processors of ``lang`` with a model file on disk, in pipeline order."""
    resources = read_resources(res) if resources is None else resources
    entry = resources.get(lang)
    if not isinstance(entry, dict) or "alias" in entry:
        return []
    found = []
    for proc in ("tokenize", "mwt", "pos", "lemma", "depparse", "ner"):
        folder = Path(res) / lang / proc
        if proc in entry and folder.is_dir() and any(folder.glob("*.pt")):
            found.append(proc)
    return found


def _has_package(entry: dict[str, Any], package: str) -> bool:
    packages = entry.get("packages", {})
    return package in packages or any(isinstance(v, dict) and package in v for v in entry.values())


def installed_languages(res: Path, package: str | None = None) -> set[str]:
    """Languages that Stanza can parse from ``res`` (with ``package``, if named)."""
    resources = read_resources(res)
    langs = set()
    for lang, entry in resources.items():
        if not isinstance(entry, dict) or "alias" in entry:
            continue
        procs = installed_processors(res, lang, resources)
        if not all(p in procs for p in REQUIRED):
            continue
        # A language whose resources list an mwt model needs it: its words are not its tokens.
        if "mwt" in entry and "mwt" not in procs:
            continue
        if package and not _has_package(entry, package):
            continue
        langs.add(lang)
    return langs


def _model_digest(res: Path, lang: str) -> str:
    """A short digest of the language's model files, so that new models get new cache keys."""
    h = hashlib.sha256()
    entry = read_resources(res).get(lang, {})
    h.update(json.dumps(entry, sort_keys=True).encode("utf-8"))
    for path in sorted((Path(res) / lang).rglob("*.pt")):
        st = path.stat()
        h.update(f"{path.relative_to(res)}:{st.st_size}:{st.st_mtime_ns}".encode())
    return h.hexdigest()[:10]


class StanzaEngine:
    """A Stanza pipeline for one language, loaded on the first parse."""

    name = "stanza"

    def __init__(self, lang: str, res: Path | None = None, *, package: str | None = None,
                 chunk_chars: int = CHUNK_CHARS) -> None:
        self.lang = lang
        self.res = Path(res) if res else resources_dir()
        self.package = package or "default"
        if lang not in installed_languages(self.res, package):
            what = f"package {package!r} for {lang!r}" if package else f"models for {lang!r}"
            raise EngineUnavailable(f"no Stanza {what} in {self.res}: run `attribution models download {lang}` "
                                    "(or set STANZA_RESOURCES_DIR)")
        self.processors = installed_processors(self.res, lang)
        version = importlib.metadata.version("stanza")
        self.model_id = f"{lang}-{self.package}-stanza{version}+{_model_digest(self.res, lang)}"
        self.chunk_chars = chunk_chars
        self.choice_note: str | None = None
        self._nlp: Any = None

    def for_lang(self, lang: str) -> StanzaEngine:
        return self

    def _load(self) -> Any:
        if self._nlp is None:
            import stanza  # deferred: heavy (torch); only when a model is loaded

            try:
                self._nlp = stanza.Pipeline(self.lang, dir=str(self.res), package=self.package,
                                            processors=",".join(self.processors),
                                            download_method=None, logging_level="WARN")
            except Exception as exc:  # stanza raises many kinds (missing files, bad json)
                raise EngineUnavailable(
                    f"Stanza models for {self.lang!r} in {self.res} cannot be loaded ({type(exc).__name__}: "
                    f"{exc}); reinstall them with `attribution models download {self.lang}`") from exc
        return self._nlp

    def parse(self, text: str, lang: str) -> Document:
        lang = check_lang(lang)
        if lang != self.lang:
            raise EngineUnavailable(f"this Stanza pipeline parses {self.lang!r}, not {lang!r}")
        nlp = self._load()
        rows: list[list[TokenRow]] = []
        for start, end in chunk_spans(text, self.chunk_chars):
            if not text[start:end].strip():
                continue
            piece = text[start:end]
            # Tokenize first, then cut run-on sentences: the parser's memory grows with the
            # square of a sentence's length (a 100,000-character line has no sentence end).
            doc = nlp.process(piece, processors="tokenize,mwt")
            doc = build_document(piece, split_long_sentences(document_rows(doc), MAX_WORDS), lang)
            doc = nlp.process(doc, processors=",".join(p for p in self.processors if p not in ("tokenize", "mwt")))
            rows.extend(_normalise(document_rows(doc, start), text))
        return build_document(text, rows, lang)


def split_long_sentences(sentences: list[list[TokenRow]], max_words: int) -> list[list[TokenRow]]:
    """Sentences of at most ``max_words`` words, cut at token boundaries, after punctuation if any."""
    out: list[list[TokenRow]] = []
    for rows in sentences:
        tokens = _group_tokens(rows)
        while tokens:
            count = 0
            cut = 0
            best = 0  # last token ending in punctuation inside the window
            for i, group in enumerate(tokens):
                words = max(1, len(group) - 1) if len(group) > 1 else 1
                if count + words > max_words and i > 0:
                    break
                count += words
                cut = i + 1
                if group[0]["text"] in {",", ";", ":", ".", "!", "?", "»", "…"}:
                    best = i + 1
            if cut < len(tokens) and best > cut // 2:
                cut = best  # prefer cutting after punctuation when it leaves a fair piece
            out.append(_renumber(tokens[:cut]))
            tokens = tokens[cut:]
    return out


def _group_tokens(rows: list[TokenRow]) -> list[list[TokenRow]]:
    """Rows grouped by surface token: [word] or [range row, word, word...]."""
    groups: list[list[TokenRow]] = []
    end = 0
    for row in rows:
        rid = row["id"]
        if isinstance(rid, (tuple, list)) and len(rid) == 2:
            end = rid[1]
            groups.append([row])
        elif groups and (rid[0] if isinstance(rid, (tuple, list)) else rid) <= end:
            groups[-1].append(row)
        else:
            groups.append([row])
    return groups


def _renumber(groups: list[list[TokenRow]]) -> list[TokenRow]:
    rows: list[TokenRow] = []
    n = 0
    for group in groups:
        if len(group) > 1:
            rows.append({**group[0], "id": (n + 1, n + len(group) - 1)})
        for row in group[1:] if len(group) > 1 else group:
            n += 1
            rows.append({**row, "id": n})
    return rows


def _normalise(sentences: list[list[TokenRow]], text: str) -> list[list[TokenRow]]:
    """Entity types mapped to PER/ORG/LOC/MISC, token texts made equal to the text they cover."""
    for rows in sentences:
        mwt_end = 0
        for row in rows:
            rid = row["id"]
            is_range = isinstance(rid, (tuple, list)) and len(rid) == 2
            wid = rid[0] if isinstance(rid, (tuple, list)) else rid
            tag = row.get("ner")
            if tag and tag != "O":
                prefix, _, label = tag.partition("-")
                mapped = entity_type(label)
                row["ner"] = f"{prefix}-{mapped}" if mapped else "O"
            if is_range:
                mwt_end = rid[1]
            if row.get("start_char") is None or (not is_range and wid <= mwt_end):
                continue
            # Stanza may normalise a token's text (quotes, spaces inside); the contract is the raw text.
            raw = text[row["start_char"]:row["end_char"]]
            if row["text"] != raw:
                row["text"] = raw
    return sentences
