"""The results store: every ArticleResult in SQLite, so later commands read instead of recompute.

One row per article and engine/model in ``articles``; its attributions, terms,
entities (the canonical sources) and their mentions in child tables; each
indexing run in ``runs`` with its failures in ``failures``. The tables are
the source of truth: a result read back equals the result stored
(``ArticleResult.to_dict()`` round-trips), and keys that a later version of the
records adds travel in each row's ``extra`` JSON until they get a column.

An article is keyed by its file's real path and its rank in that file (so that
``corpus`` and ``./corpus/`` name the same articles), with the engine and model
that parse its language. It is *fresh* when its row holds the same content hash
(text and language) and was made by the same code (``code_version``), or when
another row with that hash, engine, model and version exists (a copied or
moved file), whose result is then copied; anything else is processed again and
replaces the row. Each article is
written in one transaction and the database runs in WAL mode, so a run killed
at any point leaves whole articles only, and the next run resumes after them.

Over 600 lines because the schema (150 lines of SQL) and the conversions between
rows and records stay beside the queries that depend on them.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import socket
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from . import __version__
from .errors import AttributionError
from .reader import record_file
from .records import Article, ArticleResult

SCHEMA_VERSION = 1
APPLICATION = "attribution"


Key = tuple[str, int, str, str]  # (source: the file's real path, part, engine, model)


class StoreError(AttributionError):
    """A results database that cannot be opened, or was written by something else."""


# Tables first, then indexes; ``ON DELETE CASCADE`` lets an update delete one article row.
_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY,
    started TEXT NOT NULL,
    finished TEXT,
    status TEXT NOT NULL,            -- running | done | interrupted
    engine TEXT,
    model TEXT,
    version TEXT NOT NULL,
    jobs INTEGER,
    paths TEXT,                      -- JSON list of the paths given
    host TEXT,
    pid INTEGER,
    processed INTEGER NOT NULL DEFAULT 0,
    unchanged INTEGER NOT NULL DEFAULT 0,
    failed INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS articles (
    id INTEGER PRIMARY KEY,
    source TEXT NOT NULL,            -- the file's real path: the key, whatever the path given
    part INTEGER NOT NULL,           -- rank of the article in its file (JSON Lines: many)
    path TEXT NOT NULL,              -- the path as last given (shown, not a key)
    article_id TEXT NOT NULL,
    engine TEXT NOT NULL,
    model TEXT NOT NULL,
    version TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    lang TEXT,
    title TEXT,
    outlet TEXT,
    date TEXT,
    url TEXT,
    meta TEXT NOT NULL,
    words INTEGER NOT NULL,
    text TEXT NOT NULL,
    extra TEXT,
    run INTEGER REFERENCES runs(id) ON DELETE SET NULL,
    stored TEXT NOT NULL,
    UNIQUE (source, part, engine, model)
);
CREATE TABLE IF NOT EXISTS attributions (
    id INTEGER PRIMARY KEY,
    article INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    type TEXT NOT NULL,
    content_start INTEGER NOT NULL,
    content_end INTEGER NOT NULL,
    content_text TEXT NOT NULL,
    cue_start INTEGER,
    cue_end INTEGER,
    cue_text TEXT,
    cue_lemma TEXT,
    cue_stance TEXT,
    speaker_start INTEGER,
    speaker_end INTEGER,
    speaker_text TEXT,
    resolved_start INTEGER,
    resolved_end INTEGER,
    resolved_text TEXT,
    entity TEXT,                     -- Entity.id within the article
    source_type TEXT,
    pattern TEXT NOT NULL,
    sentence INTEGER NOT NULL,
    extra TEXT
);
CREATE TABLE IF NOT EXISTS terms (
    id INTEGER PRIMARY KEY,
    article INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    reason TEXT NOT NULL,
    extra TEXT
);
CREATE TABLE IF NOT EXISTS entities (
    id INTEGER PRIMARY KEY,
    article INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    entity_id TEXT NOT NULL,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    named INTEGER NOT NULL,
    role TEXT,
    affiliation TEXT,
    country TEXT,
    anonymity TEXT NOT NULL,         -- JSON list
    aliases TEXT NOT NULL,           -- JSON list
    head TEXT,
    corpus_id TEXT,
    extra TEXT
);
CREATE TABLE IF NOT EXISTS mentions (
    id INTEGER PRIMARY KEY,
    entity INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS failures (
    id INTEGER PRIMARY KEY,
    run INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    path TEXT NOT NULL,
    message TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS failed (   -- articles whose processing failed, not tried again
    id INTEGER PRIMARY KEY,            -- until their text, engine, model or version changes
    source TEXT NOT NULL,
    part INTEGER NOT NULL,
    engine TEXT NOT NULL,
    model TEXT NOT NULL,
    version TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    path TEXT NOT NULL,
    problem TEXT NOT NULL,
    stored TEXT NOT NULL,
    UNIQUE (source, part, engine, model)
);
CREATE INDEX IF NOT EXISTS articles_by_path ON articles(path);
CREATE INDEX IF NOT EXISTS articles_by_hash ON articles(content_hash, engine, model);
CREATE INDEX IF NOT EXISTS attributions_by_article ON attributions(article);
CREATE INDEX IF NOT EXISTS terms_by_article ON terms(article);
CREATE INDEX IF NOT EXISTS entities_by_article ON entities(article);
CREATE INDEX IF NOT EXISTS mentions_by_entity ON mentions(entity);
CREATE VIEW IF NOT EXISTS quotes AS
    SELECT a.path, a.outlet, a.date, a.engine, q.type, q.content_text, q.cue_text, q.cue_lemma,
           q.cue_stance, q.speaker_text, q.resolved_text, q.source_type, e.name AS source,
           e.role, e.affiliation, e.corpus_id
    FROM attributions q JOIN articles a ON a.id = q.article
    LEFT JOIN entities e ON e.article = q.article AND e.entity_id = q.entity;
"""

_TABLES = frozenset({"meta", "runs", "articles", "attributions", "terms", "entities",
                     "mentions", "failures", "failed"})

# Keys of each to_dict() that have a column; any other key goes to the row's ``extra``.
_RESULT_KEYS = frozenset({"path", "id", "lang", "engine", "model", "title", "outlet", "date",
                          "url", "meta", "words", "text", "attributions", "terms", "entities"})
_ATTRIBUTION_KEYS = frozenset({"type", "content", "cue", "speaker", "pattern", "sentence"})
_SPAN_KEYS = frozenset({"start", "end", "text"})
_CUE_KEYS = frozenset({"start", "end", "text", "lemma", "stance"})
_SPEAKER_KEYS = frozenset({"start", "end", "text", "resolved", "resolved_span", "entity", "type"})
_TERM_KEYS = frozenset({"start", "end", "text", "kind", "reason"})
_ENTITY_KEYS = frozenset({"id", "name", "type", "named", "role", "affiliation", "country",
                          "anonymity", "aliases", "mentions", "head", "corpus_id"})


# What makes a result: a change in any of these files makes every stored result stale.
_RESULT_CODE = ("stages.py", "records.py", "quotes.py", "docview.py", "text.py", "parse", "extract",
                "resolve", "lang")


@functools.cache
def code_version() -> str:
    """This package's version and a digest of the code and data that make results.

    Part of the key: results stored by other code (a new release, or an edit while
    developing) are made again instead of served stale.
    """
    return f"{__version__}+{code_digest(Path(__file__).resolve().parent, _RESULT_CODE)}"


def code_digest(root: Path, names: Sequence[str]) -> str:
    """A digest of the .py and .json files among ``names`` (files or folders) under ``root``."""
    h = hashlib.sha256()
    for name in names:
        path = root / name
        for f in sorted(path.rglob("*")) if path.is_dir() else [path]:
            if f.suffix in (".py", ".json") and f.is_file():
                h.update(f.relative_to(root).as_posix().encode() + b"\0" + f.read_bytes())
    return h.hexdigest()[:12]


def content_hash(article: Article) -> str:
    """What processing depends on: the text and the language it is read in."""
    h = hashlib.sha256()
    h.update((article.lang or "").encode("utf-8"))
    h.update(b"\0")
    h.update(article.text.encode("utf-8", "surrogatepass"))
    return h.hexdigest()


def _meta_json(article: Article) -> str:
    return json.dumps(dict(article.meta), ensure_ascii=False, sort_keys=True)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _rest(d: dict[str, Any], known: frozenset[str]) -> dict[str, Any]:
    return {k: v for k, v in d.items() if k not in known}


def _dumps(obj: Any) -> str | None:
    return json.dumps(obj, ensure_ascii=False, sort_keys=True) if obj else None


def _loads(s: str | None) -> dict[str, Any]:
    return json.loads(s) if s else {}


@dataclass(frozen=True)
class RunInfo:
    """One row of ``runs``."""

    id: int
    started: str
    finished: str | None
    status: str
    engine: str | None
    model: str | None
    processed: int
    unchanged: int
    failed: int


class Store:
    """A results database. Use as a context manager; every write commits on its own."""

    def __init__(self, path: str | os.PathLike[str], *, create: bool = True,
                 timeout: float = 60.0) -> None:
        """Open (or create) the database; ``timeout``: seconds to wait for another writer."""
        self.path = str(path)
        if not create and not Path(self.path).is_file():
            raise StoreError(f"{self.path}: no such results database")
        try:
            # isolation_level=None: autocommit, so that every transaction is an explicit BEGIN..COMMIT
            self._db = sqlite3.connect(self.path, timeout=timeout, isolation_level=None)
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: cannot open the results database ({exc})") from exc
        try:
            self._setup()
        except sqlite3.DatabaseError as exc:
            self._db.close()
            raise StoreError(f"{self.path}: not a results database ({exc})") from exc
        except StoreError:
            self._db.close()
            raise

    def _setup(self) -> None:
        db = self._db
        db.execute("PRAGMA journal_mode=WAL")  # readers never block the writer; a crash rolls back
        db.execute("PRAGMA synchronous=NORMAL")  # durable at each checkpoint, consistent always (WAL)
        db.execute("PRAGMA foreign_keys=ON")  # cascades delete an article's rows with it
        tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if tables and "meta" not in tables:
            raise StoreError(f"{self.path}: not a results database of {APPLICATION}")
        if "meta" in tables:
            self._check_meta()
            if tables >= _TABLES:
                return  # nothing to create (and a read-only file opens too)
        with self._transaction():
            for statement in _split_script(_SCHEMA):  # IF NOT EXISTS: adds what is missing
                db.execute(statement)
            if "meta" in tables:
                return
            db.executemany("INSERT INTO meta(key, value) VALUES (?, ?)",
                           [("application", APPLICATION), ("schema", str(SCHEMA_VERSION)),
                            ("created", _now()), ("created_by", __version__)])

    def _check_meta(self) -> None:
        """Check that the database is ours and not newer than this code (else StoreError)."""
        meta = dict(self._db.execute("SELECT key, value FROM meta").fetchall())
        if meta.get("application") != APPLICATION:
            raise StoreError(f"{self.path}: not a results database of {APPLICATION}")
        version = int(meta.get("schema", "0"))
        if version > SCHEMA_VERSION:
            raise StoreError(f"{self.path}: written by a newer version of {APPLICATION} "
                             f"(schema {version}, this one reads {SCHEMA_VERSION})")

    # -- plumbing -----------------------------------------------------------------------------

    def _transaction(self) -> _Transaction:
        return _Transaction(self._db, self.path)

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- runs ---------------------------------------------------------------------------------

    def begin_run(self, engine: str | None, model: str | None, paths: Sequence[str] = (),
                  jobs: int = 1) -> int:
        """Open a run; a run left 'running' by a process that no longer exists becomes 'interrupted'."""
        host = socket.gethostname()
        with self._transaction():
            for run_id, run_host, pid in self._db.execute(
                    "SELECT id, host, pid FROM runs WHERE status = 'running'").fetchall():
                if run_host == host and not _alive(pid):
                    self._db.execute("UPDATE runs SET status = 'interrupted' WHERE id = ?", (run_id,))
            cur = self._db.execute(
                "INSERT INTO runs(started, status, engine, model, version, jobs, paths, host, pid)"
                " VALUES (?, 'running', ?, ?, ?, ?, ?, ?, ?)",
                (_now(), engine, model, code_version(), jobs, json.dumps(list(paths)), host, os.getpid()))
            assert cur.lastrowid is not None
            return cur.lastrowid

    def end_run(self, run_id: int, *, processed: int, unchanged: int, failed: int,
                status: str = "done") -> None:
        with self._transaction():
            self._db.execute(
                "UPDATE runs SET finished = ?, status = ?, processed = ?, unchanged = ?, failed = ?"
                " WHERE id = ?", (_now(), status, processed, unchanged, failed, run_id))

    def runs(self) -> list[RunInfo]:
        rows = self._db.execute(
            "SELECT id, started, finished, status, engine, model, processed, unchanged, failed"
            " FROM runs ORDER BY id").fetchall()
        return [RunInfo(*row) for row in rows]

    def record_failure(self, run_id: int, path: str, message: str) -> None:
        with self._transaction():
            self._db.execute("INSERT INTO failures(run, path, message) VALUES (?, ?, ?)",
                             (run_id, path, message))

    def failures(self, run_id: int) -> list[tuple[str, str]]:
        return self._db.execute("SELECT path, message FROM failures WHERE run = ? ORDER BY id",
                                (run_id,)).fetchall()

    # -- articles -----------------------------------------------------------------------------

    def reuse(self, article: Article, part: int, engine: str, model: str) -> bool:
        """True when the store holds a valid result for this article (fresh, or copied now).

        Its path, id and metadata (title, outlet, date, url, meta), which do not
        change the result, are brought up to date in place.
        """
        digest = content_hash(article)
        row = self._db.execute(
            "SELECT id, content_hash, version, path, article_id, title, outlet, date, url, meta,"
            " extra FROM articles WHERE source = ? AND part = ? AND engine = ? AND model = ?",
            (source_of(article.path), part, engine, model)).fetchone()
        if row is not None and row[1] == digest and row[2] == code_version():
            # body_start travels in ``extra``: a header that changed moves it, not the result
            extra = {**_loads(row[10]), "body_start": article.body_start}
            now = (article.path, article.id, article.title, article.outlet, article.date,
                   article.url, _meta_json(article), _dumps(extra))
            if tuple(row[3:]) != now:
                with self._transaction():
                    self._db.execute("UPDATE articles SET path = ?, article_id = ?, title = ?,"
                                     " outlet = ?, date = ?, url = ?, meta = ?, extra = ?"
                                     " WHERE id = ?", (*now, row[0]))
            return True
        twin = self._db.execute(
            "SELECT id FROM articles WHERE content_hash = ? AND engine = ? AND model = ?"
            " AND version = ? LIMIT 1", (digest, engine, model, code_version())).fetchone()
        if twin is None:
            return False
        [result] = self._load([twin[0]])  # same text and language: the same result
        self.put(replace(result, article=article), part)
        return True

    def known_failure(self, article: Article, part: int, engine: str, model: str) -> str | None:
        """The one-line failure of an earlier run on this very article, engine and model."""
        row = self._db.execute(
            "SELECT content_hash, version, problem FROM failed WHERE source = ? AND part = ?"
            " AND engine = ? AND model = ?",
            (source_of(article.path), part, engine, model)).fetchone()
        if row is None or row[0] != content_hash(article) or row[1] != code_version():
            return None
        return f"{article.path}: {row[2]}"

    def remember_failure(self, article: Article, part: int, engine: str, model: str,
                         message: str) -> None:
        """Record that processing this article failed, and drop any result it had."""
        problem = message.removeprefix(f"{article.path}: ")
        key = (source_of(article.path), part, engine, model)
        with self._transaction():
            self._db.execute("DELETE FROM articles WHERE source = ? AND part = ? AND engine = ?"
                             " AND model = ?", key)
            self._db.execute(
                "INSERT OR REPLACE INTO failed(source, part, engine, model, version, content_hash,"
                " path, problem, stored) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (*key, code_version(), content_hash(article), article.path, problem, _now()))

    def put(self, result: ArticleResult, part: int = 0, run_id: int | None = None) -> None:
        """Store one result, replacing any earlier one of the same article, engine and model."""
        d = result.to_dict()
        a = result.article
        source = source_of(a.path)
        with self._transaction():
            db = self._db
            for table in ("articles", "failed"):
                db.execute(f"DELETE FROM {table} WHERE source = ? AND part = ? AND engine = ?"
                           " AND model = ?", (source, part, result.engine, result.model))
            cur = db.execute(
                "INSERT INTO articles(source, part, path, article_id, engine, model, version,"
                " content_hash, lang, title, outlet, date, url, meta, words, text, extra, run,"
                " stored) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (source, part, a.path, a.id, result.engine, result.model, code_version(),
                 content_hash(a), a.lang, a.title, a.outlet, a.date, a.url, _meta_json(a),
                 result.words, a.text, _dumps(_rest(d, _RESULT_KEYS)), run_id, _now()))
            article_row = cur.lastrowid
            db.executemany(
                "INSERT INTO attributions(article, seq, type, content_start, content_end,"
                " content_text, cue_start, cue_end, cue_text, cue_lemma, cue_stance, speaker_start,"
                " speaker_end, speaker_text, resolved_start, resolved_end, resolved_text, entity,"
                " source_type, pattern, sentence, extra)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(article_row, i, *_attribution_row(x)) for i, x in enumerate(d["attributions"])])
            db.executemany(
                'INSERT INTO terms(article, seq, start, "end", text, reason, extra)'
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                [(article_row, i, t["start"], t["end"], t["text"], t.get("reason", "term"),
                  _dumps(_rest(t, _TERM_KEYS))) for i, t in enumerate(d["terms"])])
            for i, e in enumerate(d["entities"]):
                cur = db.execute(
                    "INSERT INTO entities(article, seq, entity_id, name, type, named, role,"
                    " affiliation, country, anonymity, aliases, head, corpus_id, extra)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (article_row, i, e["id"], e["name"], e["type"], int(bool(e["named"])),
                     e["role"], e["affiliation"], e["country"],
                     json.dumps(e["anonymity"], ensure_ascii=False),
                     json.dumps(e["aliases"], ensure_ascii=False), e["head"], e["corpus_id"],
                     _dumps(_rest(e, _ENTITY_KEYS))))
                db.executemany(
                    'INSERT INTO mentions(entity, seq, start, "end", text) VALUES (?, ?, ?, ?, ?)',
                    [(cur.lastrowid, j, m["start"], m["end"], m["text"])
                     for j, m in enumerate(e["mentions"])])

    def forget(self, key: Key) -> None:
        """Delete the stored result of one key: it no longer holds."""
        with self._transaction():
            self._db.execute("DELETE FROM articles WHERE source = ? AND part = ? AND engine = ?"
                             " AND model = ?", key)

    def prune(self, seen: Iterable[tuple[str, int]], under: Sequence[str]) -> int:
        """Delete the articles stored under ``under`` whose (source, part) is not in ``seen``."""
        keep = set(seen)
        doomed = [row_id for row_id, source, part
                  in self._db.execute("SELECT id, source, part FROM articles").fetchall()
                  if (source, part) not in keep and _under(source, under)]
        failed = [row_id for row_id, source, part
                  in self._db.execute("SELECT id, source, part FROM failed").fetchall()
                  if (source, part) not in keep and _under(source, under)]
        with self._transaction():
            self._db.executemany("DELETE FROM articles WHERE id = ?", [(i,) for i in doomed])
            self._db.executemany("DELETE FROM failed WHERE id = ?", [(i,) for i in failed])
        return len(doomed)

    def count(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM articles").fetchone()[0])

    def get(self, keys: Sequence[Key]) -> list[ArticleResult]:
        """The stored results of these keys, in their order; keys with none are skipped."""
        ids: list[int] = []
        for key in keys:
            row = self._db.execute(
                "SELECT id FROM articles WHERE source = ? AND part = ? AND engine = ?"
                " AND model = ?", key).fetchone()
            if row is not None:
                ids.append(row[0])
        return self._load(ids)

    def results(self, paths: Sequence[str] | None = None, *, engine: str | None = None,
                model: str | None = None) -> list[ArticleResult]:
        """Stored results under ``paths`` (files or folders; all when None), ordered by path.

        Where an article was stored with several engines or models and none is asked
        for, the latest stored wins.
        """
        sql = "SELECT id, source, part FROM articles"
        where, args = [], []
        if engine is not None:
            where.append("engine = ?")
            args.append(engine)
        if model is not None:
            where.append("model = ?")
            args.append(model)
        if where:
            sql += " WHERE " + " AND ".join(where)
        latest: dict[tuple[str, int], int] = {}
        for row_id, source, part in self._db.execute(sql + " ORDER BY stored, id", args):
            if paths is None or _under(source, paths):
                latest[(source, part)] = row_id
        return self._load([latest[k] for k in sorted(latest, key=_file_order)])

    def _load(self, ids: list[int]) -> list[ArticleResult]:
        """Rebuild results from their rows, in the order of ``ids``."""
        out: list[ArticleResult] = []
        for chunk_start in range(0, len(ids), 500):
            chunk = ids[chunk_start:chunk_start + 500]
            out.extend(self._load_chunk(chunk))
        return out

    def _load_chunk(self, ids: list[int]) -> list[ArticleResult]:
        db = self._db
        marks = ",".join("?" * len(ids))
        rows = {r[0]: r for r in db.execute(
            "SELECT id, path, article_id, engine, model, lang, title, outlet, date, url, meta,"
            f" words, text, extra FROM articles WHERE id IN ({marks})", ids)}
        attributions: dict[int, list[dict[str, Any]]] = {i: [] for i in ids}
        for r in db.execute(
                "SELECT article, type, content_start, content_end, content_text, cue_start,"
                " cue_end, cue_text, cue_lemma, cue_stance, speaker_start, speaker_end,"
                " speaker_text, resolved_start, resolved_end, resolved_text, entity, source_type,"
                f" pattern, sentence, extra FROM attributions WHERE article IN ({marks})"
                " ORDER BY article, seq", ids):
            attributions[r[0]].append(_attribution_dict(r[1:]))
        terms: dict[int, list[dict[str, Any]]] = {i: [] for i in ids}
        for r in db.execute(
                f'SELECT article, start, "end", text, reason, extra FROM terms WHERE article IN ({marks})'
                " ORDER BY article, seq", ids):
            terms[r[0]].append({"start": r[1], "end": r[2], "text": r[3], "kind": "term",
                                "reason": r[4], **_loads(r[5])})
        mentions: dict[int, list[dict[str, Any]]] = {}
        for r in db.execute(
                'SELECT m.entity, m.start, m."end", m.text FROM mentions m JOIN entities e'
                f" ON e.id = m.entity WHERE e.article IN ({marks}) ORDER BY m.entity, m.seq", ids):
            mentions.setdefault(r[0], []).append({"start": r[1], "end": r[2], "text": r[3]})
        entities: dict[int, list[dict[str, Any]]] = {i: [] for i in ids}
        for r in db.execute(
                "SELECT id, article, entity_id, name, type, named, role, affiliation, country,"
                f" anonymity, aliases, head, corpus_id, extra FROM entities WHERE article IN ({marks})"
                " ORDER BY article, seq", ids):
            entities[r[1]].append({
                "id": r[2], "name": r[3], "type": r[4], "named": bool(r[5]), "role": r[6],
                "affiliation": r[7], "country": r[8], "anonymity": json.loads(r[9]),
                "aliases": json.loads(r[10]), "mentions": mentions.get(r[0], []), "head": r[11],
                "corpus_id": r[12], **_loads(r[13])})
        out = []
        for i in ids:
            (_, path, article_id, engine, model, lang, title, outlet, date, url, meta, words,
             text, extra) = rows[i]
            d = {"path": path, "id": article_id, "lang": lang, "engine": engine, "model": model,
                 "title": title, "outlet": outlet, "date": date, "url": url,
                 "meta": json.loads(meta), "words": words, "text": text,
                 "attributions": attributions[i], "terms": terms[i], "entities": entities[i],
                 **_loads(extra)}
            out.append(ArticleResult.from_dict(d))
        return out

    def check(self) -> list[str]:
        """Problems found by SQLite's integrity and foreign-key checks (empty when sound)."""
        problems = [r[0] for r in self._db.execute("PRAGMA integrity_check") if r[0] != "ok"]
        problems += [f"dangling row in {r[0]}" for r in self._db.execute("PRAGMA foreign_key_check")]
        return problems


class _Transaction:
    """BEGIN IMMEDIATE .. COMMIT, rolled back on any exception (KeyboardInterrupt included).

    An SQLite error (locked past the timeout, disk full, read-only file) becomes a
    StoreError naming the database.
    """

    def __init__(self, db: sqlite3.Connection, path: str) -> None:
        self.db = db
        self.path = path

    def __enter__(self) -> sqlite3.Connection:
        try:
            self.db.execute("BEGIN IMMEDIATE")  # the write lock now: no deadlock between writers
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: cannot write ({exc})") from exc
        return self.db

    def __exit__(self, exc_type: object, exc: BaseException | None, tb: object) -> None:
        if exc_type is None:
            try:
                self.db.execute("COMMIT")
                return
            except sqlite3.Error as commit_exc:
                exc = commit_exc
        if self.db.in_transaction:
            self.db.execute("ROLLBACK")
        if isinstance(exc, sqlite3.Error):
            raise StoreError(f"{self.path}: cannot write ({exc})") from exc


def _split_script(script: str) -> Iterator[str]:
    """The statements of a schema script (executescript would commit on its own)."""
    buf = ""
    for line in script.splitlines(keepends=True):
        buf += line.split("--")[0].rstrip() + "\n" if "--" in line else line
        if sqlite3.complete_statement(buf):
            yield buf.strip()
            buf = ""


def _alive(pid: int | None) -> bool:
    if not pid:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # exists, owned by someone else
        return True
    return True


def source_of(path: str) -> str:
    """The key of an article's ``path``: its file's real path, whatever form the user gave it
    in, and for a record of a JSONL file its name in the file (``reader.record_name``)."""
    file = record_file(path)
    return os.path.realpath(file) + path[len(file):]


def _file_order(key: tuple[str, int]) -> tuple[str, int, int, str, int]:
    """Files by path; in a JSONL file, records named by line in line order, then those
    named by id (``source`` + ``#LINE`` or ``#id=ID``), then each file's parts by rank."""
    source, part = key
    file = record_file(source)
    name = source[len(file) + 1:]
    if not name:
        return file, 0, 0, "", part
    return (file, 1, int(name), "", part) if name.isdigit() else (file, 2, 0, name, part)


def _under(source: str, roots: Sequence[str]) -> bool:
    """``source`` is (a record of) one of ``roots`` or inside one of them."""
    file = record_file(source)
    for root in roots:
        r = os.path.realpath(root)
        if file == r or file.startswith(r.rstrip(os.sep) + os.sep):
            return True
    return False


def _attribution_row(x: dict[str, Any]) -> tuple[Any, ...]:
    content, cue, speaker = x["content"], x.get("cue"), x.get("speaker")
    rs = speaker.get("resolved_span") if speaker else None
    extra = _rest(x, _ATTRIBUTION_KEYS)
    for key, known, part in (("content", _SPAN_KEYS, content), ("cue", _CUE_KEYS, cue),
                             ("speaker", _SPEAKER_KEYS, speaker)):
        rest = _rest(part, known) if part else {}
        if rest:
            extra[f"{key}."] = rest
    return (x["type"], content["start"], content["end"], content["text"],
            cue["start"] if cue else None, cue["end"] if cue else None,
            cue["text"] if cue else None, cue.get("lemma") if cue else None,
            cue.get("stance") if cue else None,
            speaker["start"] if speaker else None, speaker["end"] if speaker else None,
            speaker["text"] if speaker else None,
            rs["start"] if rs else None, rs["end"] if rs else None, rs["text"] if rs else None,
            speaker.get("entity") if speaker else None, speaker.get("type") if speaker else None,
            x.get("pattern", ""), x.get("sentence", -1), _dumps(extra))


def _attribution_dict(r: Sequence[Any]) -> dict[str, Any]:
    (type_, c_start, c_end, c_text, cue_start, cue_end, cue_text, cue_lemma, cue_stance,
     sp_start, sp_end, sp_text, rs_start, rs_end, rs_text, entity, source_type, pattern,
     sentence, extra_json) = r
    extra = _loads(extra_json)
    nested = {k[:-1]: extra.pop(k) for k in list(extra) if k.endswith(".")}
    cue = None
    if cue_start is not None:
        cue = {"start": cue_start, "end": cue_end, "text": cue_text, "lemma": cue_lemma,
               "stance": cue_stance, **nested.get("cue", {})}
    speaker = None
    if sp_start is not None:
        rs = {"start": rs_start, "end": rs_end, "text": rs_text} if rs_start is not None else None
        speaker = {"start": sp_start, "end": sp_end, "text": sp_text,
                   "resolved": rs["text"] if rs else None, "resolved_span": rs,
                   "entity": entity, "type": source_type, **nested.get("speaker", {})}
    return {"type": type_,
            "content": {"start": c_start, "end": c_end, "text": c_text,
                        **nested.get("content", {})},
            "cue": cue, "speaker": speaker, "pattern": pattern, "sentence": sentence, **extra}


def load_results(db: str | os.PathLike[str], paths: Sequence[str] | None = None, *,
                 engine: str | None = None, model: str | None = None) -> list[ArticleResult]:
    """The results stored in ``db`` under ``paths`` (all when None), as they were stored.

    Linking them across the corpus is the pipeline's work (``pipeline.run``).
    Raises StoreError when ``db`` does not exist or is not a results database.
    """
    with Store(db, create=False) as store:
        return store.results(paths, engine=engine, model=model)
