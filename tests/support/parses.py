"""Saved parses: the rule tests read the parse of each sentence from CoNLL-U files committed under
tests/fixtures/parses/, so that they test the rules, not the model (a model upgrade cannot flip them).

One file per language (``fr.conllu``, ``en.conllu``); each document starts with
``# newdoc id = <sha1 of lang + "\\n" + text>`` and a ``# model`` line, then the sentences as
``attribution.parse.write_conllu`` writes them; it is read back with ``read_conllu`` (the project's
``conllu`` engine). A text with no saved parse fails its test with the way to record it:
``pytest --record-parses <tests>`` or ``ATTRIBUTION_RECORD_PARSES=1`` parses the missing texts
with the offline spaCy engine and writes them; ``ATTRIBUTION_RECORD_PARSES=all`` re-records every
text the run uses (after a deliberate model upgrade). Recording checks that the parse read back
is the parse made, field for field.
"""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path
from typing import Any

import pytest

from attribution.parse import get_engine, read_conllu, write_conllu

PARSES_DIR = Path(__file__).resolve().parent.parent / "fixtures" / "parses"
RECORD_ENV = "ATTRIBUTION_RECORD_PARSES"
RECORD_OPTION = "--record-parses"
LIVE_ENGINE = "spacy"  # the offline parser the saved parses come from

_NEWDOC = "# newdoc id = "
_SENT_ID = re.compile(r"^# sent_id = (\d+)$", re.M)


def parse_key(text: str, lang: str) -> str:
    """The id of a saved parse: sha1 of the language and the text."""
    return hashlib.sha1(f"{lang}\n{text}".encode()).hexdigest()


def record_mode(option: bool = False) -> str | None:
    """None (read only), "missing" (record texts without a saved parse) or "all" (re-record)."""
    value = os.environ.get(RECORD_ENV, "").strip().lower()
    if value == "all":
        return "all"
    if option or value not in ("", "0", "no", "false"):
        return "missing"
    return None


def _split(content: str) -> dict[str, str]:
    """The documents of one file: key -> its CoNLL-U (from its newdoc line to the next)."""
    docs: dict[str, str] = {}
    key, lines = None, []
    for line in content.splitlines():
        if line.startswith(_NEWDOC):
            if key is not None:
                docs[key] = "\n".join(lines).strip("\n") + "\n"
            key, lines = line[len(_NEWDOC):].strip(), []
        lines.append(line)
    if key is not None:
        docs[key] = "\n".join(lines).strip("\n") + "\n"
    return docs


def fields(doc: Any) -> tuple[str, list[list[dict[str, Any]]], list[tuple[int, int, str]]]:
    """What a rule can read of a document: its text, every token's fields and the entities.

    An untagged token counts as outside any entity (``ner`` None reads as "O"): CoNLL-U keeps
    only the entity tags.
    """
    sentences = []
    for sentence in doc.sentences:
        rows = []
        for row in sentence.to_dict():
            row = dict(row)
            if "ner" in row and row["ner"] in (None, "O"):
                del row["ner"]
            rows.append(row)
        sentences.append(rows)
    ents = [(e.start_char, e.end_char, e.type) for e in doc.ents]
    return doc.text, sentences, ents


class MissingParse(LookupError):
    pass


class ParseStore:
    """The saved parses of one folder, loaded per language on first use; written by ``flush``."""

    def __init__(self, folder: Path = PARSES_DIR) -> None:
        self.folder = folder
        self._docs: dict[str, dict[str, str]] = {}
        self._dirty: set[str] = set()
        self.recorded: list[str] = []  # "lang key" of each text recorded in this run

    def path(self, lang: str) -> Path:
        return self.folder / f"{lang}.conllu"

    def docs(self, lang: str) -> dict[str, str]:
        if lang not in self._docs:
            p = self.path(lang)
            self._docs[lang] = _split(p.read_text(encoding="utf-8")) if p.is_file() else {}
        return self._docs[lang]

    def get(self, text: str, lang: str) -> Any:
        """The saved parse of ``text``, read by the conllu engine; MissingParse if there is none."""
        key = parse_key(text, lang)
        content = self.docs(lang).get(key)
        if content is None:
            raise MissingParse(key)
        doc = read_conllu(content, lang, source=f"{self.path(lang)}#{key}")
        if doc.text != text:  # a sha1 clash or a hand edit: never hand a rule another text
            raise MissingParse(key)
        return doc

    def put(self, text: str, lang: str, doc: Any, model: str) -> None:
        """Save the parse ``doc`` of ``text``; ValueError when CoNLL-U cannot carry it exactly."""
        key = parse_key(text, lang)
        body = _SENT_ID.sub(lambda m: f"# sent_id = {key[:10]}-{m.group(1)}", write_conllu(doc))
        content = f"{_NEWDOC}{key}\n# model = {model}\n{body}".strip("\n") + "\n"  # as _split gives it
        if fields(read_conllu(content, lang)) != fields(doc):
            raise ValueError(f"the {lang} parse of {text[:60]!r} does not survive CoNLL-U")
        self.docs(lang)[key] = content
        self._dirty.add(lang)
        self.recorded.append(f"{lang} {key}")

    def flush(self) -> list[Path]:
        """Write the files of the languages recorded into; the paths written."""
        written = []
        for lang in sorted(self._dirty):
            self.folder.mkdir(parents=True, exist_ok=True)
            p = self.path(lang)
            p.write_text("\n".join(self.docs(lang).values()), encoding="utf-8")
            written.append(p)
        self._dirty.clear()
        return written


STORE = ParseStore()
MODE: str | None = record_mode()  # conftest sets it from --record-parses


class SavedEngine:
    """An engine whose ``parse`` reads the saved parse (recording it with spaCy when asked)."""

    name = "saved"
    model_id = "saved-parses"
    choice_note: str | None = None

    def __init__(self, store: ParseStore = STORE) -> None:
        self.store = store
        self._live: Any = None

    def for_lang(self, lang: str) -> SavedEngine:
        return self

    def _record(self, text: str, lang: str) -> Any:
        if self._live is None:
            # recordings are full parses (heads on every sentence), whatever the default parse mode
            self._live = get_engine(LIVE_ENGINE, use_cache=False, full_parse=True)
        live = self._live.for_lang(lang)
        doc = live.parse(text, lang)
        self.store.put(text, lang, doc, live.model_id)
        return self.store.get(text, lang)

    def parse(self, text: str, lang: str) -> Any:
        if MODE == "all" and f"{lang} {parse_key(text, lang)}" not in self.store.recorded:
            return self._record(text, lang)  # re-recorded once per run
        try:
            return self.store.get(text, lang)
        except MissingParse:
            pass  # recorded or failed below, out of the handler: the lookup error says nothing more
        if MODE is not None:
            return self._record(text, lang)
        where = os.path.relpath(self.store.path(lang))
        pytest.fail(
            f"no saved {lang} parse of {text[:70]!r} (id {parse_key(text, lang)}): record it with "
            f"`pytest {RECORD_OPTION} <this test>` (or {RECORD_ENV}=1), which parses it with the "
            f"offline spaCy engine and writes {where}; commit that file", pytrace=False)


_ENGINE = SavedEngine()


def saved_engine() -> SavedEngine:
    """The process-wide engine over the saved parses."""
    return _ENGINE
