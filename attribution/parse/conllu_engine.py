"""The CoNLL-U engine: a parse made elsewhere, read into a ``stanza.Document``.

``parse(content, lang)`` takes CoNLL-U content (not plain text); the document's text is
rebuilt from each sentence's ``# text`` (which fixes the offsets of its tokens), else from
the forms and ``SpaceAfter=No`` / ``SpacesAfter``. Sentences are joined by one space, by
nothing after ``SpaceAfter=No``, and by a blank line before ``# newpar`` or ``# newdoc``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..errors import InputError
from .base import TokenRow, build_document, check_lang

if TYPE_CHECKING:
    from stanza.models.common.doc import Document

_SPACES_ESCAPES = {"\\s": " ", "\\t": "\t", "\\n": "\n", "\\r": "\r", "\\p": "|", "\\\\": "\\"}
_ESCAPE = re.compile(r"\\[stnrp\\]")


@dataclass
class _Sentence:
    comments: list[str] = field(default_factory=list)
    lines: list[tuple[int, list[str]]] = field(default_factory=list)  # (line number, 10 columns)

    def comment(self, key: str) -> str | None:
        for c in self.comments:
            name, sep, value = c.lstrip("#").partition("=")
            if name.strip() == key and sep:
                return value.strip()
        return None

    def has(self, key: str) -> bool:
        """Whether a comment starts with ``key`` (``# newpar``, ``# newpar id = p1``)."""
        return any(c.lstrip("#").strip().startswith(key) for c in self.comments)


def _blocks(content: str, source: str) -> list[_Sentence]:
    sentences: list[_Sentence] = []
    current = _Sentence()
    for n, line in enumerate(content.splitlines(), 1):
        line = line.rstrip("\r")
        if not line.strip():
            if current.lines:
                sentences.append(current)
                current = _Sentence()
            continue
        if line.startswith("#"):
            if current.lines:  # a comment after words starts a new sentence (missing blank line)
                sentences.append(current)
                current = _Sentence()
            current.comments.append(line)
            continue
        cols = line.split("\t")
        if len(cols) != 10:
            raise InputError(source, f"not CoNLL-U: {len(cols)} tab-separated columns, 10 expected", line=n)
        current.lines.append((n, cols))
    if current.lines:
        sentences.append(current)
    return sentences


def is_conllu(content: str) -> bool:
    """Whether ``content`` looks like CoNLL-U: its first word line has 10 tab-separated columns."""
    for line in content.splitlines():
        if line.strip() and not line.startswith("#"):
            return len(line.split("\t")) == 10
    return False


def _misc(value: str) -> dict[str, str]:
    if value in ("", "_"):
        return {}
    out = {}
    for item in value.split("|"):
        key, _, val = item.partition("=")
        out[key] = val
    return out


def _spaces(value: str) -> str:
    return _ESCAPE.sub(lambda m: _SPACES_ESCAPES[m.group(0)], value)


def _escape(spaces: str) -> str:
    return "".join({" ": "\\s", "\t": "\\t", "\n": "\\n", "\r": "\\r"}.get(c, c) for c in spaces)


def _space_after(misc: dict[str, str]) -> str:
    if "SpacesAfter" in misc:
        return _spaces(misc["SpacesAfter"])
    return "" if misc.get("SpaceAfter") == "No" else " "


def _none(value: str) -> str | None:
    return None if value == "_" else value


def _surface(sentence: _Sentence, source: str) -> tuple[list[tuple[int, list[str]]], list[list[list[str]]]]:
    """Surface tokens (range lines and words outside ranges), each with its words."""
    tokens: list[tuple[int, list[str]]] = []
    words_of: list[list[list[str]]] = []
    range_end = 0
    for n, cols in sentence.lines:
        wid = cols[0]
        if "." in wid:
            continue  # empty nodes (enhanced UD) have no surface form
        if "-" in wid:
            first, _, last = wid.partition("-")
            if not (first.isdigit() and last.isdigit()):
                raise InputError(source, f"bad token id {wid!r}", line=n)
            range_end = int(last)
            tokens.append((n, cols))
            words_of.append([])
            continue
        if not wid.isdigit():
            raise InputError(source, f"bad word id {wid!r}", line=n)
        if int(wid) <= range_end:
            words_of[-1].append(cols)
        else:
            tokens.append((n, cols))
            words_of.append([cols])
    return tokens, words_of


def read_conllu(content: str, lang: str, source: str = "<conllu>") -> Document:
    """The ``stanza.Document`` of CoNLL-U ``content``; its text is rebuilt (see module doc)."""
    parts: list[str] = []
    length = 0
    all_rows: list[list[TokenRow]] = []
    prev_after, prev_explicit = "", False
    for sentence in _blocks(content, source):
        tokens, words_of = _surface(sentence, source)
        if not tokens:
            continue
        if not all_rows:
            sep = _spaces(_misc(tokens[0][1][9]).get("SpacesBefore", ""))
        elif prev_explicit:
            sep = prev_after  # SpacesAfter says exactly what lies between the sentences
        elif sentence.has("newpar") or sentence.has("newdoc"):
            sep = "\n\n"
        else:
            sep = prev_after
        parts.append(sep)
        length += len(sep)
        given = sentence.comment("text")
        if any("SpacesAfter" in cols[9] for _, cols in tokens):
            given = None  # explicit whitespace is exact; ``# text`` may have it normalised
        offsets = _locate(given, [cols[1] for _, cols in tokens]) if given else None
        if offsets is None or given is None:
            pieces = []
            offsets = []
            pos = 0
            for i, (_, cols) in enumerate(tokens):
                offsets.append(pos)
                after = _space_after(_misc(cols[9])) if i < len(tokens) - 1 else ""
                pieces.append(cols[1] + after)
                pos += len(cols[1]) + len(after)
            sent_text = "".join(pieces)
        else:
            sent_text = given
        last_misc = _misc(tokens[-1][1][9])
        prev_after, prev_explicit = _space_after(last_misc), "SpacesAfter" in last_misc
        rows: list[TokenRow] = []
        for (n, cols), words, off in zip(tokens, words_of, offsets, strict=True):
            start, end = length + off, length + off + len(cols[1])
            misc = _misc(cols[9])
            ner = misc.get("NER") or misc.get("ner")
            if "-" in cols[0]:
                first, _, last = cols[0].partition("-")
                rows.append({"id": (int(first), int(last)), "text": cols[1], "start_char": start,
                             "end_char": end, **({"ner": ner} if ner else {})})
            for w in words:
                try:
                    head = int(w[6]) if w[6] != "_" else None
                except ValueError:
                    raise InputError(source, f"bad head {w[6]!r}", line=n) from None
                row: TokenRow = {
                    "id": int(w[0]), "text": w[1],
                    "lemma": w[2] if w[2] != "_" or w[1] == "_" else None,
                    "upos": _none(w[3]), "xpos": _none(w[4]), "feats": _none(w[5]),
                    "head": head, "deprel": _none(w[7]),
                    "start_char": start, "end_char": end,
                }
                if len(words) == 1 and "-" not in cols[0] and ner:
                    row["ner"] = ner
                rows.append(row)
        all_rows.append(rows)
        parts.append(sent_text)
        length += len(sent_text)
    if prev_explicit:
        parts.append(prev_after)  # whitespace at the very end of the text
    if any("ner" in row for rows in all_rows for row in rows):
        # Tagged input: untagged tokens are outside entities, as a NER model would say.
        for rows in all_rows:
            mwt_end = 0
            for row in rows:
                rid = row["id"]
                if isinstance(rid, tuple):
                    mwt_end = rid[1]
                    row.setdefault("ner", "O")
                elif rid > mwt_end:
                    row.setdefault("ner", "O")
    return build_document("".join(parts), all_rows, lang)


def _locate(sent_text: str, forms: list[str]) -> list[int] | None:
    """Offsets of the forms in the sentence text, in order, with only whitespace between them."""
    offsets = []
    pos = 0
    for form in forms:
        while pos < len(sent_text) and sent_text[pos].isspace():
            pos += 1
        if not sent_text.startswith(form, pos):
            return None  # forms and # text disagree: rebuild from the forms instead
        offsets.append(pos)
        pos += len(form)
    return offsets if not sent_text[pos:].strip() else None


def write_conllu(doc: Document) -> str:
    """CoNLL-U of ``doc`` that ``read_conllu`` reads back to the same text and offsets.

    Whitespace other than one space goes into ``SpaceAfter=No`` / ``SpacesAfter`` (and
    ``SpacesBefore`` on the first token); entity tags go into ``NER=``.
    """
    text = doc.text or ""
    out: list[str] = []
    sentences = doc.sentences
    for si, sentence in enumerate(sentences):
        tokens = sentence.tokens
        first = tokens[0].start_char
        last = tokens[-1].end_char
        out.append(f"# sent_id = {si + 1}")
        out.append("# text = " + " ".join(text[first:last].split()))
        for ti, token in enumerate(tokens):
            if ti + 1 < len(tokens):
                nxt = tokens[ti + 1].start_char
            elif si + 1 < len(sentences):
                nxt = sentences[si + 1].tokens[0].start_char
            else:
                nxt = len(text)
            gap = text[token.end_char:nxt]
            misc = []
            if si == 0 and ti == 0 and first > 0:
                misc.append("SpacesBefore=" + _escape(text[:first]))
            if gap == "":
                misc.append("SpaceAfter=No")
            elif gap != " ":
                misc.append("SpacesAfter=" + _escape(gap))
            if token.ner and token.ner != "O":
                misc.append(f"NER={token.ner}")
            misc_col = "|".join(misc) or "_"
            words = token.words
            if len(words) > 1:
                out.append(f"{words[0].id}-{words[-1].id}\t{token.text}\t_\t_\t_\t_\t_\t_\t_\t{misc_col}")
            for w in words:
                cols = [str(w.id), w.text, w.lemma or "_", w.upos or "_", w.xpos or "_", w.feats or "_",
                        "_" if w.head is None else str(w.head), w.deprel or "_", "_",
                        misc_col if len(words) == 1 else "_"]
                out.append("\t".join(cols))
        out.append("")
    return "\n".join(out) + ("\n" if out else "")


def conllu_text(content: str) -> str:
    """The text that ``read_conllu`` rebuilds from CoNLL-U ``content``."""
    return str(read_conllu(content, "fr").text)


class ConlluEngine:
    """Reads CoNLL-U: ``parse(content, lang)`` where ``content`` is CoNLL-U, not plain text."""

    name = "conllu"
    model_id = "conllu-1"
    choice_note: str | None = None

    def for_lang(self, lang: str) -> ConlluEngine:
        return self

    def parse(self, text: str, lang: str) -> Document:
        lang = check_lang(lang)
        return read_conllu(text, lang)
