"""A sources file: the user's corrections to the sources of a corpus (an authority file).

A newsroom keeps its own list of who is who; ``--sources sources.toml`` makes every
command honour it. The file names sources by their corpus id (what ``attribution
sources --format json`` lists as ``corpus_id``) and says, in any of these tables:

.. code-block:: toml

    [[merge]]                      # these sources are one (the first id is kept)
    ids = ["mohamed-chia-al-soudani", "mohammed-shia-al-sudani"]

    [[split]]                      # members named so leave the source for a new one
    id = "singh"
    new_id = "singh-nbc"
    names = ["Mr Singh"]

    [[rename]]
    id = "mohamed-chia-al-soudani"
    name = "Mohammed Shia al-Sudani"

    [[type]]                       # person | organization | group | anonymous
    id = "coalition-internationale"
    type = "organization"

    [aliases]                      # any entity so named joins that source
    "Chia al-Soudani" = "mohamed-chia-al-soudani"

They are applied in this order (split, aliases, merge, rename, type) by
:func:`apply_sources`, once, after corpus linking (:func:`attribution.pipeline.run`);
names are compared by :func:`attribution.text.name_key`. Every corrected result
carries ``meta["sources_file"]`` (file name and SHA-256 digest), which the report
and the JSON outputs show.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from .errors import AttributionError
from .records import SOURCE_TYPES, ArticleResult, Entity
from .text import name_key

META_KEY = "sources_file"
TABLES = ("merge", "split", "rename", "type", "aliases")


class SourcesFileError(AttributionError):
    """A sources file that cannot be used; the message names the file and the problem."""


class SourcesFileSyntax(SourcesFileError):
    """A sources file that is not valid TOML (the message gives the line)."""


class SourcesFileFormat(SourcesFileError):
    """A sources file with an unknown table, or an entry that lacks a field or has a wrong one."""


class UnknownSourceId(SourcesFileError):
    """A sources file naming a source id that the corpus does not have."""


class BadSourceType(SourcesFileError):
    """A sources file giving a source a type other than person, organization, group, anonymous."""


@dataclass(frozen=True)
class Split:
    id: str
    new_id: str
    names: tuple[str, ...]
    where: str


@dataclass(frozen=True)
class SourcesFile:
    """The corrections of one sources file, checked for form (ids are checked on a corpus)."""

    name: str  # the file's name, as shown
    digest: str  # SHA-256 of its bytes
    merges: tuple[tuple[tuple[str, ...], str], ...] = ()  # (ids, where)
    splits: tuple[Split, ...] = ()
    renames: tuple[tuple[str, str, str], ...] = ()  # (id, name, where)
    types: tuple[tuple[str, str, str], ...] = ()  # (id, type, where)
    aliases: tuple[tuple[str, str], ...] = ()  # (name, id)

    @property
    def note(self) -> str:
        """How outputs name the file: ``sources.toml (sha256 0123456789ab)``."""
        return f"{self.name} (sha256 {self.digest[:12]})"


_AT_LINE = re.compile(r"\s*\(at line (\d+), column (\d+)\)\s*$")


def _text(name: str, where: str, entry: dict[str, Any], key: str) -> str:
    value = entry.get(key)
    if not isinstance(value, str) or not value.strip():
        raise SourcesFileFormat(f"{name}: {where}: '{key}' must be a non-empty string")
    return value


def _texts(name: str, where: str, entry: dict[str, Any], key: str, least: int) -> tuple[str, ...]:
    value = entry.get(key)
    if (not isinstance(value, list) or len(value) < least
            or not all(isinstance(v, str) and v.strip() for v in value)):
        raise SourcesFileFormat(f"{name}: {where}: '{key}' must be a list of at least {least} "
                                f"non-empty string{'s' if least > 1 else ''}")
    return tuple(value)


def _entries(name: str, raw: dict[str, Any], table: str) -> list[tuple[str, dict[str, Any]]]:
    value = raw.get(table, [])
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise SourcesFileFormat(f"{name}: '{table}' must be an array of tables ([[{table}]])")
    return [(f"[[{table}]] #{i}", v) for i, v in enumerate(value, 1)]


def parse_sources(data: bytes, name: str) -> SourcesFile:
    """The corrections of a sources file's bytes; ``name`` names it in messages."""
    try:
        raw = tomllib.loads(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise SourcesFileSyntax(f"{name}: not UTF-8 text (byte {exc.start})") from None
    except tomllib.TOMLDecodeError as exc:
        msg = str(exc)
        m = _AT_LINE.search(msg)
        where = f" at line {m.group(1)}" if m else ""
        raise SourcesFileSyntax(f"{name}: TOML syntax error{where}: {_AT_LINE.sub('', msg)}") from None
    unknown = sorted(set(raw) - set(TABLES))
    if unknown:
        raise SourcesFileFormat(f"{name}: unknown table '{unknown[0]}'; expected {', '.join(TABLES)}")
    merges = tuple((_texts(name, w, e, "ids", 2), w) for w, e in _entries(name, raw, "merge"))
    splits = tuple(Split(_text(name, w, e, "id"), _text(name, w, e, "new_id"),
                         _texts(name, w, e, "names", 1), w) for w, e in _entries(name, raw, "split"))
    renames = tuple((_text(name, w, e, "id"), _text(name, w, e, "name"), w)
                    for w, e in _entries(name, raw, "rename"))
    types = []
    for w, e in _entries(name, raw, "type"):
        t = _text(name, w, e, "type")
        if t not in SOURCE_TYPES:
            raise BadSourceType(f"{name}: {w}: bad type '{t}'; expected one of {', '.join(SOURCE_TYPES)}")
        types.append((_text(name, w, e, "id"), t, w))
    aliases = raw.get("aliases", {})
    if not isinstance(aliases, dict) or not all(isinstance(v, str) for v in aliases.values()):
        raise SourcesFileFormat(f"{name}: [aliases] must map names to source ids (strings)")
    return SourcesFile(name, hashlib.sha256(data).hexdigest(), merges, splits, renames,
                       tuple(types), tuple(aliases.items()))


def load_sources_file(path: str | Path) -> SourcesFile:
    """Read and check a sources file."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise SourcesFileError(f"{p}: cannot read the sources file ({exc.strerror or exc})") from None
    return parse_sources(data, p.name)


# ---------------------------------------------------------------- applying

def _names(e: Entity) -> set[str]:
    return {name_key(n) for n in (e.name, *e.aliases)}


def apply_sources(results: Sequence[ArticleResult], sf: SourcesFile) -> list[ArticleResult]:
    """The results with the corrections of ``sf`` applied to their entities' ``corpus_id``,
    ``name`` and ``type``, each marked with ``meta["sources_file"]``.

    Raises :class:`UnknownSourceId` when the file names an id the corpus lacks.
    """
    ents = [[e for e in r.entities] for r in results]
    ids = {e.corpus_id for es in ents for e in es if e.corpus_id}

    def known(cid: str, where: str) -> None:
        if cid not in ids:
            raise UnknownSourceId(f"{sf.name}: {where}: unknown source id '{cid}'")

    def each(fn: Any) -> None:
        for es in ents:
            es[:] = [fn(e) for e in es]

    for sp in sf.splits:
        known(sp.id, sp.where)
        keys = {name_key(n) for n in sp.names}
        each(lambda e, sp=sp, keys=keys: replace(e, corpus_id=sp.new_id)
             if e.corpus_id == sp.id and name_key(e.name) in keys else e)
        ids.add(sp.new_id)
    for alias, cid in sf.aliases:
        known(cid, f"[aliases] '{alias}'")
        key = name_key(alias)
        each(lambda e, key=key, cid=cid: replace(e, corpus_id=cid) if key in _names(e) else e)
    for group, where in sf.merges:
        for cid in group:
            known(cid, where)
        rest = set(group[1:])
        each(lambda e, keep=group[0], rest=rest: replace(e, corpus_id=keep)
             if e.corpus_id in rest else e)
    for cid, new_name, where in sf.renames:
        known(cid, where)
        each(lambda e, cid=cid, n=new_name: replace(e, name=n, named=True)
             if e.corpus_id == cid else e)
    for cid, t, where in sf.types:
        known(cid, where)
        each(lambda e, cid=cid, t=t: replace(e, type=t) if e.corpus_id == cid else e)
    return [replace(r, article=replace(r.article, meta={**r.article.meta, META_KEY: sf.note}),
                    entities=tuple(es)) for r, es in zip(results, ents, strict=True)]


def sources_file_note(results: Sequence[ArticleResult]) -> str | None:
    """The note of the sources file applied to ``results``, if any."""
    return next((r.article.meta[META_KEY] for r in results if META_KEY in r.article.meta), None)


__all__ = ["BadSourceType", "META_KEY", "SourcesFile", "SourcesFileError", "SourcesFileFormat",
           "SourcesFileSyntax", "UnknownSourceId", "apply_sources", "load_sources_file",
           "parse_sources", "sources_file_note"]
