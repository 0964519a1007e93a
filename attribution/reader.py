"""Read articles from files and folders: plain text, HTML, JSON Lines.

``Article.text`` is the body every later stage sees, and every offset refers to
it. The reader changes the file's text in three ways only, each recorded in
``Article.meta``: it decodes (UTF-8, else a detected encoding: ``encoding``),
drops a byte-order mark (``encoding: utf-8-sig``) and turns CRLF or CR line ends
into ``\\n`` (``newlines``). The metadata header and the seed's inline date are
cut off the front; nothing else is touched.

Formats:
- ``.txt``: an optional header of ``key: value`` lines up to the first blank
  line (known keys: title, outlet, date, url, lang; other keys go to ``meta``),
  or the inline form ``date 2024-01 …`` at the very start of the text.
  Without a ``title`` key, a short first line followed by a blank line and
  without final punctuation (the Wikinews layout) is taken as the title; it
  stays in the text, since it is part of what the article says.
- ``.html``/``.htm``: text and metadata (title, date, url, site name as outlet,
  ``<html lang>``) extracted by trafilatura.
- ``.jsonl``: one JSON object per line with ``text`` and optional ``id``,
  title, outlet, date, url, lang; other fields go to ``meta``.
- folders: recursively, in sorted order, skipping hidden files and folders and
  files of other types. A file named explicitly is read as text whatever its
  suffix (except the HTML and JSONL ones).

Ids: the file's path relative to the folder given (or its name, for a file
given directly), without the suffix (``fr/seed``); when that id is taken, the
path with its suffix. A JSONL article uses its ``id`` field, else
``FILE.jsonl#LINE``.

Names: an article's ``path`` is its file's path; a record of a JSONL file is
named ``FILE.jsonl#id=ID`` when it has an ``id`` field (the id percent-encoded
where it holds anything but letters, digits and ``-._~``), else
``FILE.jsonl#LINE``: in the JSON, in failure lines, in the store and in
reports. ``record_file`` gives the file back.

``Article.body_start``: where the body (``Article.text``) begins in a text file,
in characters of the file's text as decoded (byte-order mark dropped, line ends
read as ``\n``, as Python's text mode reads them), after any metadata header or
inline date; ``file_text[body_start:] == article.text``. None for HTML, JSONL
and CoNLL-U, whose body is not a stretch of the file.

Bad input never raises out of ``iter_articles``: it yields an ``InputError``
naming the file (and line), and goes on with the next one.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from .errors import AttributionError, InputError, UnsupportedLanguage
from .lang import (
    DEFAULT,
    SUPPORTED,
    check_supported,
    detect_language,
    dominant_script,
    normalize_language,
)
from .lang import unsupported_message as _unsupported
from .parse.conllu_engine import conllu_text, is_conllu
from .records import Article

Note = Callable[[str], None]

FORMATS: dict[str, str] = {".txt": "txt", ".text": "txt", ".html": "html", ".htm": "html",
                           ".jsonl": "jsonl", ".ndjson": "jsonl", ".conllu": "conllu"}
KNOWN_KEYS: tuple[str, ...] = ("title", "outlet", "date", "url", "lang")
KEY_ALIASES: dict[str, str] = {"language": "lang", "headline": "title", "link": "url"}
MAX_BYTES = 64 * 1024 * 1024  # far above any article; stops a stray disk image from filling memory
MAX_HEADER_LINES = 50  # a longer first paragraph is text, not metadata
MAX_HEADER_LINE = 1000  # likewise for one line
MAX_TITLE = 200  # a longer first line is a paragraph, not a headline
DEFAULT_LANG = DEFAULT  # declared once, in attribution.lang.registry

_HEADER_LINE = re.compile(r"([A-Za-z][A-Za-z0-9_-]{0,39}):(?:[ \t]+(.*?))?[ \t]*")
_INLINE_DATE = re.compile(r"date[ \t]+(\d{4}(?:-\d{1,2}){0,2})(?:[ \t]+|[ \t]*\n|[ \t]*\Z)")
_HTML_LANG = re.compile(r"""<html\b[^>]*?\blang\s*=\s*["']?([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]+)*)""",
                        re.IGNORECASE)
_BOMS: tuple[tuple[bytes, str, str], ...] = (
    (b"\xef\xbb\xbf", "utf-8", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32-le", "utf-32-le"),  # before UTF-16: same first two bytes
    (b"\x00\x00\xfe\xff", "utf-32-be", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be", "utf-16-be"),
)
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or a Word/OpenDocument file)"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document"),
    (b"{\\rtf", "an RTF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "an executable"),
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_RECORD = re.compile(r"(.*?\.(?:jsonl|ndjson))#(?:\d+|id=.*)", re.IGNORECASE | re.DOTALL)


# --- names -----------------------------------------------------------------------------------

def record_name(path: str, line: int, record_id: str | None = None) -> str:
    """The name of a record of the JSONL file ``path``: ``path#id=ID``, else ``path#LINE``."""
    if record_id is None:
        return f"{path}#{line}"
    return f"{path}#id={quote(record_id, safe='')}"


def record_file(name: str) -> str:
    """The file of an article's ``path``: the JSONL file of a record, else ``name`` itself."""
    m = _RECORD.fullmatch(name)
    return m.group(1) if m else name


# --- pure helpers over text -------------------------------------------------------------

def split_header(text: str) -> tuple[dict[str, str], str]:
    """Split a ``key: value`` header (up to the first blank line) from the body.

    Keys are lower-cased (aliases such as ``language`` -> ``lang`` applied);
    values are stripped. A first paragraph counts as a header only if every line
    is ``key: value`` with the colon right after the key (so that ``France : une
    attaque`` stays text) and it has a known key or at least two lines (so that a
    one-line ``Update: ...`` stays text). Without a header: ``({}, text)``.
    """
    end = text.find("\n\n")
    block = text[:end] if end >= 0 else text.rstrip("\n")
    if not block:
        return {}, text
    lines = block.split("\n", MAX_HEADER_LINES)
    if len(lines) > MAX_HEADER_LINES:
        return {}, text
    fields: dict[str, str] = {}
    for line in lines:
        m = _HEADER_LINE.fullmatch(line) if len(line) <= MAX_HEADER_LINE else None
        if m is None:
            return {}, text
        key = m.group(1).lower()
        fields[KEY_ALIASES.get(key, key)] = (m.group(2) or "").strip()
    if len(fields) < 2 and not any(k in fields for k in KNOWN_KEYS):
        return {}, text
    return fields, text[end + 2:] if end >= 0 else ""


def split_inline_date(text: str) -> tuple[str | None, str]:
    """``"date 2024-01 L’Irak …"`` -> ``("2024-01", "L’Irak …")``; other text is returned as is."""
    m = _INLINE_DATE.match(text)
    if m is None:
        return None, text
    return m.group(1), text[m.end():]


def headline(text: str) -> str | None:
    """The first line, if it looks like a headline: short, alone in its paragraph, no final stop."""
    end = text.find("\n\n", 0, MAX_TITLE + 2)
    if end <= 0 or "\n" in text[:end] or not text[end:].strip():
        return None
    line = text[:end].strip()
    # a sentence ends with a stop; a headline does not ("France : une fusillade à Grasse")
    if not line or line[-1] in ".!?…:;," or not any(c.isalpha() for c in line):
        return None
    return line


def normalize_newlines(text: str) -> tuple[str, str | None]:
    """CRLF and lone CR -> LF. Returns the text and what was found: crlf, cr, mixed or None."""
    if "\r" not in text:
        return text, None
    crlf = text.count("\r\n")
    out = text.replace("\r\n", "\n")
    lone = out.count("\r")
    out = out.replace("\r", "\n")
    kind = "mixed" if crlf and lone else ("crlf" if crlf else "cr")
    return out, kind


def decode(data: bytes, path: str) -> tuple[str, dict[str, str], list[str]]:
    """Bytes -> text, the meta it adds (encoding, newlines) and notes for the user.

    UTF-8 first (a BOM is dropped); then charset-normalizer's guess (Latin-1,
    Windows-1252 ...), with a note. Raises InputError for empty, binary or
    undecodable input.
    """
    if not data:
        raise InputError(path, "empty file")
    meta: dict[str, str] = {}
    notes: list[str] = []
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(codec)
            except UnicodeDecodeError as exc:
                raise InputError(path, f"undecodable bytes: not valid {codec} despite its "
                                       f"byte-order mark (offset {exc.start + len(bom)})") from None
            meta["encoding"] = name
            break
    else:
        for magic, what in _MAGIC:
            if data.startswith(magic):
                raise InputError(path, f"not a text file: looks like {what}")
        if b"\x00" in data:
            raise InputError(path, "binary file (contains NUL bytes), not text")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            text, codec = _guess_decode(data, path, exc)
            meta["encoding"] = codec
            notes.append(f"not UTF-8; decoded as {codec}")
    # a text file has (almost) no control characters besides tab, newline, CR and form feed
    sample = text[:65536]
    if len(_CONTROL.findall(sample)) > max(3, len(sample) // 1000):
        raise InputError(path, "binary file (control characters), not text")
    text, newlines = normalize_newlines(text)
    if newlines:
        meta["newlines"] = newlines
    if not text.strip():
        raise InputError(path, "no text (whitespace only)")
    return text, meta, notes


def _guess_decode(data: bytes, path: str, exc: UnicodeDecodeError) -> tuple[str, str]:
    from charset_normalizer import from_bytes  # deferred: 60 ms to import, for non-UTF-8 files only

    best = None if _mostly_utf8(data) else from_bytes(data).best()
    if best is None or best.encoding.startswith("utf"):
        line = data[:exc.start].count(b"\n") + 1
        raise InputError(path, f"undecodable bytes: not UTF-8 (byte 0x{data[exc.start]:02x} at "
                               f"offset {exc.start}) and no other text encoding fits", line=line)
    if best.encoding in _LATIN_CODECS:
        # the Latin code pages agree on French and English letters, and guesses among them are
        # noisy on short texts; Windows-1252 (a superset of Latin-1's letters) is the likely one
        try:
            return data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            pass
    return str(best), best.encoding


_UTF8_SEQ = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_HIGH = re.compile(rb"[\x80-\xff]")
_LATIN_CODECS = frozenset(
    ["cp1250", "cp1252", "cp1254", "cp1257", "cp1258", "latin_1", "mac_roman", "mac_latin2",
     "mac_iceland", "mac_turkish", "cp437", "cp850", "cp858"]
    + [f"iso8859_{n}" for n in (2, 3, 4, 9, 10, 13, 14, 15, 16)])


def _mostly_utf8(data: bytes) -> bool:
    """Most non-ASCII bytes form valid UTF-8 sequences: UTF-8 mixed with stray bytes of another
    encoding, which no single encoding decodes correctly."""
    in_seqs = sum(len(m) for m in _UTF8_SEQ.findall(data))
    return in_seqs * 2 > len(_HIGH.findall(data))


# --- language ----------------------------------------------------------------------------

def resolve_language(text: str, declared: str | None, forced: str | None,
                     path: str, line: int | None = None) -> tuple[str, str]:
    """The article's language and where it came from: argument, metadata, detected or default.

    Raises UnsupportedLanguage when metadata or detection names a language other than fr/en.
    """
    if forced:
        return forced, "argument"
    if declared and declared.strip():
        code = normalize_language(declared)
        if code not in SUPPORTED:
            raise UnsupportedLanguage(path, _unsupported(code or declared), line)
        return str(code), "metadata"
    found = detect_language(text)
    if found is not None:
        if found not in SUPPORTED:
            raise UnsupportedLanguage(path, _unsupported(found), line)
        return found, "detected"
    script = dominant_script(text)
    if script not in (None, "Latin"):
        # no stopword list for this script, yet it is certainly neither French nor English
        raise UnsupportedLanguage(path, f"unsupported language (text in {script} script; "
                                        f"supported: {', '.join(SUPPORTED)})", line)
    return DEFAULT_LANG, "default"


# --- one file ------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Source:
    path: str  # as the user will see it: the argument, or the argument joined with the relative path
    rel: str  # relative to the folder given, POSIX separators; the file name for a file given


def _article(src: _Source, art_id: str, text: str, fields: dict[str, str], meta: dict[str, str],
             forced: str | None, note: Note, name: str | None = None,
             parsed: str | None = None, body_start: int | None = None) -> Article:
    """The article; ``name``: a JSONL record's name (``record_name``), else the file's path."""
    where = name or src.path
    lang, lang_source = resolve_language(text, fields.get("lang"), forced, where)
    if lang_source == "default":
        note(f"{where}: language not detected; assuming {lang} (set it with a 'lang:' header or --lang)")
    title = fields.get("title") or None
    if title is None and (title := headline(text)) is not None:
        meta["title_from"] = "first line"
    extra = {k: v for k, v in fields.items() if k not in KNOWN_KEYS}
    return Article(id=art_id, path=where, text=text, title=title,
                   outlet=fields.get("outlet") or None, date=fields.get("date") or None,
                   url=fields.get("url") or None, lang=lang,
                   meta={**extra, **meta, "lang_source": lang_source}, parsed=parsed,
                   body_start=body_start)


def _read_txt(src: _Source, art_id: str, raw: str, meta: dict[str, str],
              forced: str | None, note: Note) -> Article:
    fields, body = split_header(raw)
    date, body = split_inline_date(body)
    if date is not None:
        fields.setdefault("date", date)
        meta["date_from"] = "inline"
    if not body.strip():
        raise InputError(src.path, "no article text after the metadata header" if fields
                         else "no text (whitespace only)")
    # the header and the inline date are cut off the front only: the body is the file's tail
    return _article(src, art_id, body, fields, meta, forced, note, body_start=len(raw) - len(body))


def _read_conllu(src: _Source, art_id: str, raw: str, meta: dict[str, str],
                 forced: str | None, note: Note) -> Article:
    """A pre-parsed article: its text is rebuilt from ``# text`` and SpaceAfter, its parse kept."""
    if not is_conllu(raw):
        raise InputError(src.path, "not CoNLL-U (expected tab-separated lines of 10 columns)")
    try:
        text = conllu_text(raw)
    except AttributionError as exc:
        raise InputError(src.path, f"invalid CoNLL-U ({exc})") from None
    if not text.strip():
        raise InputError(src.path, "CoNLL-U with no text")
    meta["format"] = "conllu"
    return _article(src, art_id, text, {}, meta, forced, note, parsed=raw)


def _read_html(src: _Source, art_id: str, raw: str, meta: dict[str, str],
               forced: str | None, note: Note) -> Article:
    try:
        import trafilatura  # deferred: heavy (lxml and its extractors); HTML input only
    except ImportError as exc:  # e.g. lxml without lxml_html_clean
        raise InputError(src.path, f"cannot read HTML: trafilatura is not usable ({exc})") from None
    try:
        # precision over recall, no fallback extractors: they return a <noscript> notice or the
        # menu links of a page that has no article, and a wrong article is worse than an error
        doc = trafilatura.bare_extraction(raw, with_metadata=True, include_comments=False,
                                          fast=True, favor_precision=True)
    except Exception as exc:  # trafilatura/lxml on hostile markup: one line, not a traceback
        raise InputError(src.path, f"cannot parse HTML ({type(exc).__name__})") from None
    text = getattr(doc, "text", None) or ""
    if not text.strip():
        raise InputError(src.path, "no article text found in the HTML (only scripts, menus or markup)")
    text, _ = normalize_newlines(text)
    found = {k: getattr(doc, k, None) for k in
             ("title", "date", "url", "sitename", "hostname", "author", "description")}
    fields = {"title": found["title"], "date": found["date"], "url": found["url"],
              "outlet": found["sitename"] or found["hostname"], "author": found["author"],
              "description": found["description"]}
    m = _HTML_LANG.search(raw, 0, 20_000)
    if m:
        fields["lang"] = m.group(1)
    meta["format"] = "html"
    return _article(src, art_id, text, {k: str(v).strip() for k, v in fields.items() if v},
                    meta, forced, note)


def _jsonl_field(value: object) -> str:
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def _read_jsonl(src: _Source, raw: str, meta: dict[str, str], forced: str | None, note: Note,
                ids: dict[str, str]) -> Iterator[Article | InputError]:
    for lineno, line in enumerate(raw.split("\n"), 1):
        if not line.strip():
            continue
        at_line = record_name(src.path, lineno)
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(at_line, f"invalid JSON ({exc.msg} at column {exc.colno})")
            continue
        except (ValueError, RecursionError) as exc:  # huge integers, absurd nesting
            yield InputError(at_line, f"invalid JSON ({type(exc).__name__})")
            continue
        if not isinstance(obj, dict):
            yield InputError(at_line, f"expected a JSON object, got {type(obj).__name__}")
            continue
        has_id = obj.get("id") not in (None, "")
        name = record_name(src.path, lineno, str(obj["id"]) if has_id else None)
        text = obj.get("text")
        if not isinstance(text, str):
            yield InputError(name, "no 'text' field" if text is None else "'text' is not a string")
            continue
        text, newlines = normalize_newlines(text)
        if not text.strip():
            yield InputError(name, "empty 'text'")
            continue
        art_id = str(obj["id"]) if has_id else f"{src.rel}#{lineno}"
        if art_id in ids:  # the id names two records: this one goes by its line
            yield InputError(at_line, f"duplicate article id {art_id!r} (already used by "
                                      f"{ids[art_id]})")
            continue
        fields = {KEY_ALIASES.get(str(k), str(k)): _jsonl_field(v) for k, v in obj.items()
                  if k not in ("text", "id") and v is not None}
        line_meta = {**meta, "line": str(lineno)}
        if newlines:
            line_meta["newlines"] = newlines
        try:
            article = _article(src, art_id, text, fields, line_meta, forced, note, name)
        except InputError as exc:
            yield exc
            continue
        ids[art_id] = at_line
        yield article


def _read_bytes(path: str) -> bytes:
    try:
        size = os.stat(path).st_size
        if size > MAX_BYTES:
            raise InputError(path, f"file too large ({size // 2**20} MB; the limit is "
                                   f"{MAX_BYTES // 2**20} MB)")
        return Path(path).read_bytes()
    except OSError as exc:
        raise InputError(path, f"cannot read ({(exc.strerror or str(exc)).lower()})") from None


def _file_id(src: _Source, ids: dict[str, str]) -> str:
    stem = src.rel.rsplit(".", 1)[0] if "." in src.rel.rsplit("/", 1)[-1] else src.rel
    for candidate in (stem, src.rel, Path(src.path).as_posix()):
        if candidate not in ids:
            return candidate
    n = 2
    while f"{src.rel}~{n}" in ids:
        n += 1
    return f"{src.rel}~{n}"


def _read_source(src: _Source, forced: str | None, note: Note,
                 ids: dict[str, str]) -> Iterator[Article | InputError]:
    fmt = FORMATS.get(Path(src.path).suffix.lower(), "txt")
    try:
        raw, meta, notes = decode(_read_bytes(src.path), src.path)
        for n in notes:
            note(f"{src.path}: {n}")
        if notes:
            meta["notes"] = "; ".join(notes)
        if fmt == "jsonl":
            yield from _read_jsonl(src, raw, meta, forced, note, ids)
            return
        art_id = _file_id(src, ids)
        reader = {"html": _read_html, "conllu": _read_conllu}.get(fmt, _read_txt)
        article = reader(src, art_id, raw, meta, forced, note)
    except InputError as exc:
        yield exc
        return
    ids[art_id] = src.path
    yield article


# --- paths ---------------------------------------------------------------------------------

def _hidden(name: str) -> bool:
    return name.startswith(".")


def discover(paths: Sequence[str]) -> Iterator[_Source | InputError]:
    """Files to read, in order: each argument in turn, a folder's files sorted by relative path."""
    for given in paths:
        p = os.fspath(given)
        if os.path.isdir(p):
            found = []
            for dirpath, dirnames, filenames in os.walk(p):
                dirnames[:] = [d for d in dirnames if not _hidden(d)]
                for name in filenames:
                    if not _hidden(name) and Path(name).suffix.lower() in FORMATS:
                        rel = Path(os.path.relpath(os.path.join(dirpath, name), p)).as_posix()
                        found.append(rel)
            if not found:
                yield InputError(p, "no articles in this folder (no "
                                    f"{', '.join(sorted(FORMATS))} file)")
            # sort on path components, so that a folder's files stay together
            for rel in sorted(found, key=lambda r: r.split("/")):
                yield _Source(os.path.join(p, rel), rel)
        elif os.path.isfile(p):
            yield _Source(p, Path(p).name)
        elif os.path.lexists(p) and not os.path.exists(p):
            yield InputError(p, "broken symbolic link")
        elif os.path.exists(p):
            yield InputError(p, "not a regular file or folder")
        else:
            yield InputError(p, "no such file or folder")


def iter_articles(paths: Sequence[str] | str, *, lang: str | None = None,
                  on_note: Note | None = None) -> Iterator[Article | InputError]:
    """Every article under ``paths``, or an InputError for each bad input; never raises for one.

    ``lang`` (fr or en) overrides metadata and detection; an unsupported value
    raises UnsupportedLanguage at once, before anything is read. ``on_note``
    receives one-line notes (an encoding guessed, a language assumed, a file
    named twice).
    """
    forced = check_supported(lang, "--lang") if lang is not None else None
    if isinstance(paths, str | os.PathLike):
        paths = [os.fspath(paths)]
    return _iter(list(paths), forced, on_note or (lambda _msg: None))


def _iter(paths: list[str], forced: str | None, note: Note) -> Iterator[Article | InputError]:
    ids: dict[str, str] = {}
    seen: set[str] = set()
    for src in discover(paths):
        if isinstance(src, InputError):
            yield src
            continue
        real = os.path.realpath(src.path)
        if real in seen:
            note(f"{src.path}: already read; skipped")
            continue
        seen.add(real)
        yield from _read_source(src, forced, note, ids)


def read_path(path: str, *, lang: str | None = None) -> list[Article]:
    """The articles of one file or folder; raises the first InputError met."""
    articles = []
    for item in iter_articles([path], lang=lang):
        if isinstance(item, InputError):
            raise item
        articles.append(item)
    return articles
