"""What keeps hostile article ids and metadata harmless: safe file names and safe links.

Text is escaped by Jinja2 (autoescape); this module covers what escaping cannot:
a URL that is well escaped but still runs code (``javascript:``), and a file name
built from an id such as ``../../etc/passwd``.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from pathlib import Path

from ..errors import OutputError

_SAFE_URL = re.compile(r"https?://[^/?#\s]", re.IGNORECASE)
_NOT_SLUG = re.compile(r"[^A-Za-z0-9_-]+")
SLUG_MAX = 60


def safe_url(url: str | None) -> str | None:
    """``url`` if it is an absolute http(s) URL that is safe in an ``href``, else None.

    Only http and https are allowed (no ``javascript:``, ``data:``, ``file:``, relative
    paths); any control character or whitespace inside rejects it, since browsers drop
    tabs and newlines from URLs and ``java\\tscript:`` would otherwise slip through.
    """
    if not url:
        return None
    u = url.strip()
    if any(ord(ch) < 0x21 or ord(ch) == 0x7F for ch in u):
        return None
    return u if _SAFE_URL.match(u) else None


def page_name(key: str, label: str | None = None) -> str:
    """A file name stem for ``key``: ASCII letters, digits, ``-`` and ``_`` only, never empty.

    A readable slug (of ``label`` when given, else of the key) plus 10 hex digits of the
    key's SHA-1, so that two keys with the same slug (``a/b`` and ``a-b``) get two pages.
    """
    readable = label if label else key
    ascii_key = unicodedata.normalize("NFKD", readable).encode("ascii", "ignore").decode("ascii")
    slug = _NOT_SLUG.sub("-", ascii_key).strip("-_")[:SLUG_MAX].strip("-_") or "page"
    digest = hashlib.sha1(key.encode("utf-8", "surrogatepass")).hexdigest()[:10]
    return f"{slug}-{digest}"


def inside(root: Path, *parts: str) -> Path:
    """``root/parts...``, refusing any result outside ``root`` (a last line of defence)."""
    base = root.resolve()
    target = base.joinpath(*parts).resolve()
    if not target.is_relative_to(base) or target == base:
        raise OutputError(f"{target}: refusing to write outside the report folder {base}")
    return target
