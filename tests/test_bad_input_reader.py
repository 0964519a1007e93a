"""Bad input at the reader: one-line errors naming the file, the batch goes on (issue 8)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from attribution import reader
from attribution.errors import InputError
from attribution.reader import iter_articles, read_path
from attribution.records import Article

FR = ("Le ministre a déclaré samedi que les discussions avaient été « constructives », "
      "selon un communiqué publié à Bagdad par ses services.")


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


def error_of(path: Path | str) -> InputError:
    (item,) = list(iter_articles([str(path)]))
    assert isinstance(item, InputError), item
    message = str(item)
    assert message.startswith(str(path)) and "\n" not in message  # names the file, one line
    return item


# --- errors --------------------------------------------------------------------------------

def test_missing_path(tmp_path: Path) -> None:
    path = tmp_path / "nope.txt"
    assert str(error_of(path)) == f"{path}: no such file or folder"


def test_broken_symlink(tmp_path: Path) -> None:
    link = tmp_path / "link.txt"
    link.symlink_to(tmp_path / "gone.txt")
    assert str(error_of(link)) == f"{link}: broken symbolic link"


@pytest.mark.parametrize("files", [[], ["README.md", "gold.json", ".hidden.txt", ".cache/a.txt"]])
def test_folder_with_no_articles(tmp_path: Path, files: list[str]) -> None:
    folder = tmp_path / "empty"
    folder.mkdir()
    for name in files:
        write(folder / name, FR)
    assert str(error_of(folder)) == (
        f"{folder}: no articles in this folder (no .conllu, .htm, .html, .jsonl, .ndjson, .text, .txt file)")


def test_empty_file(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", b"")
    assert str(error_of(path)) == f"{path}: empty file"


@pytest.mark.parametrize("content", [" ", "\n\n\n", " \t\r\n \u00a0\u2003\n"])
def test_whitespace_only(tmp_path: Path, content: str) -> None:
    path = write(tmp_path / "a.txt", content)
    assert str(error_of(path)) == f"{path}: no text (whitespace only)"


def test_header_without_body(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", "title: T\nlang: fr\n\n  \n")
    assert str(error_of(path)) == f"{path}: no article text after the metadata header"


def test_binary_file(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", bytes(range(256)) * 4)
    assert str(error_of(path)) == f"{path}: binary file (contains NUL bytes), not text"


def test_control_characters_are_binary(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", ("ab\x01\x02\x03\x04\x05cd" * 50).encode())
    assert str(error_of(path)) == f"{path}: binary file (control characters), not text"


@pytest.mark.parametrize("magic,what", [
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a PNG image"),
    (b"PK\x03\x04\x14\x00\x06\x00", "a ZIP archive (or a Word/OpenDocument file)"),
])
def test_renamed_binary_formats(tmp_path: Path, magic: bytes, what: str) -> None:
    path = write(tmp_path / "article.txt", magic + b"stream\nBT /F1 12 Tf (Bonjour) Tj ET\n")
    assert str(error_of(path)) == f"{path}: not a text file: looks like {what}"


def test_undecodable_bytes(tmp_path: Path) -> None:
    data = (FR + "\n").encode() * 3 + "Fin de l'été.".encode("latin-1") + b"\n" + FR.encode()
    path = write(tmp_path / "a.txt", data)
    err = error_of(path)
    bad = data.index(b"\xe9")
    assert err.line == 4
    assert str(err) == (f"{path}:4: undecodable bytes: not UTF-8 (byte 0xe9 at offset {bad}) "
                        "and no other text encoding fits")


def test_high_bytes_that_no_encoding_fits(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", bytes(range(128, 256)) * 20)
    assert str(error_of(path)) == (f"{path}:1: undecodable bytes: not UTF-8 (byte 0x80 at offset 0) "
                                   "and no other text encoding fits")


def test_other_encodings_decode_then_meet_the_language_check(tmp_path: Path) -> None:
    text = "Правительство в понедельник объявило о новых мерах, заявил министр. " * 5
    path = write(tmp_path / "a.txt", text.encode("cp1251"))
    assert str(error_of(path)) == (
        f"{path}: unsupported language (text in Cyrillic script; supported: fr, en)")


def test_bad_bytes_after_a_bom(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", b"\xef\xbb\xbfabc \xff\xfe def")
    assert "undecodable bytes: not valid utf-8 despite its byte-order mark" in str(error_of(path))


def test_html_with_scripts_and_no_article(tmp_path: Path) -> None:
    html = ("<html><head><script>var a = 'Le ministre a déclaré';</script></head>"
            "<body><script>document.write('x')</script><noscript></noscript></body></html>")
    path = write(tmp_path / "page.html", html)
    assert str(error_of(path)) == (
        f"{path}: no article text found in the HTML (only scripts, menus or markup)")


def test_jsonl_with_only_blank_lines(tmp_path: Path) -> None:
    path = write(tmp_path / "c.jsonl", "\n  \n\u00a0\n")
    assert str(error_of(path)) == f"{path}: no text (whitespace only)"


@pytest.mark.parametrize("line,problem", [
    ("{", "invalid JSON (Expecting property name enclosed in double quotes at column 2)"),
    ('{"text": "a" "b"}', "invalid JSON (Expecting ',' delimiter at column 14)"),
    ("[" * 100_000 + "]" * 100_000, "invalid JSON (RecursionError)"),
    ("nan-ish", "invalid JSON (Expecting value at column 1)"),
])
def test_malformed_jsonl_lines(tmp_path: Path, line: str, problem: str) -> None:
    path = write(tmp_path / "corpus.jsonl", "\n".join([json.dumps({"text": FR}), line,
                                                      json.dumps({"text": FR + " Deux."})]))
    items = list(iter_articles([str(path)]))
    assert [type(i).__name__ for i in items] == ["Article", "InputError", "Article"]
    assert str(items[1]) == f"{path}#2: {problem}"


def test_unreadable_file(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root reads files whatever their mode")
    path = write(tmp_path / "a.txt", FR)
    path.chmod(0)
    assert str(error_of(path)) == f"{path}: cannot read (permission denied)"


def test_file_too_large(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reader, "MAX_BYTES", 1024 * 1024)
    path = write(tmp_path / "a.txt", FR * (2 * 1024 * 1024 // len(FR)))
    assert str(error_of(path)) == f"{path}: file too large (2 MB; the limit is 1 MB)"


# --- the batch goes on ---------------------------------------------------------------------

def test_batch_goes_on_after_each_bad_input(tmp_path: Path) -> None:
    good1 = write(tmp_path / "good1.txt", FR)
    good2 = write(tmp_path / "good2.txt", FR + " Encore.")
    bad = [tmp_path / "missing.txt", write(tmp_path / "empty.txt", b""),
           write(tmp_path / "bin.txt", b"%PDF-1.4 ..."), write(tmp_path / "de.txt",
           "Der Minister sagte, dass die Lage ernst sei und man nicht warten könne.")]
    items = list(iter_articles([str(bad[0]), str(good1), str(bad[1]), str(bad[2]), str(bad[3]),
                                str(good2)]))
    assert [type(i).__name__ for i in items] == [
        "InputError", "Article", "InputError", "InputError", "UnsupportedLanguage", "Article"]
    assert [i.path for i in items] == [str(p) for p in (bad[0], good1, bad[1], bad[2], bad[3], good2)]


# --- recoverable: decoded, and said so -----------------------------------------------------

def test_latin1_is_detected_decoded_and_noted(tmp_path: Path) -> None:
    text = "Le général a déclaré à la presse qu'il était très ému, à Bagdad où l'été est chaud. " * 3
    path = write(tmp_path / "a.txt", text.encode("latin-1"))
    notes: list[str] = []
    (art,) = list(iter_articles([str(path)], on_note=notes.append))
    assert isinstance(art, Article)
    assert art.text == text
    assert art.meta["encoding"] in ("cp1252", "latin_1", "iso8859_15")
    assert notes == [f"{path}: not UTF-8; decoded as {art.meta['encoding']}"]
    assert art.meta["notes"] == f"not UTF-8; decoded as {art.meta['encoding']}"


def test_windows_1252_curly_quotes(tmp_path: Path) -> None:
    text = "L’Irak et les Etats-Unis ont tenu samedi un «premier round» de discussions – a dit l’AFP. " * 3
    path = write(tmp_path / "a.txt", text.encode("cp1252"))
    (art,) = read_path(str(path))
    assert art.text == text and art.meta["encoding"] == "cp1252"


def test_utf8_bom_is_stripped(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", b"\xef\xbb\xbf" + ("title: T\n\n" + FR).encode())
    (art,) = read_path(str(path))
    assert art.text == FR and art.title == "T"  # the header is still found behind the BOM
    assert art.meta["encoding"] == "utf-8-sig"


def test_utf16_with_bom(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", b"\xff\xfe" + FR.encode("utf-16-le"))
    (art,) = read_path(str(path))
    assert art.text == FR and art.meta["encoding"] == "utf-16-le"


def test_crlf_is_normalised_and_recorded(tmp_path: Path) -> None:
    raw = "title: T\r\nlang: fr\r\n\r\n" + FR + "\r\n\r\nDeuxième paragraphe.\r\n"
    (art,) = read_path(str(write(tmp_path / "a.txt", raw)))
    assert art.text == FR + "\n\nDeuxième paragraphe.\n"
    assert art.title == "T" and art.meta["newlines"] == "crlf"


def test_crlf_html(tmp_path: Path) -> None:
    html = f"<html>\r\n<body>\r\n<article>\r\n<p>{FR}</p>\r\n<p>{FR}</p>\r\n</article></body></html>"
    (art,) = read_path(str(write(tmp_path / "a.html", html)))
    assert "\r" not in art.text and art.meta["newlines"] == "crlf"


def test_unknown_header_keys_are_kept(tmp_path: Path) -> None:
    raw = "title: T\nauteur: Jean Dupont\nX-Source-Id: 42\nweird_key-2: a: b: c\n\n" + FR
    (art,) = read_path(str(write(tmp_path / "a.txt", raw)))
    assert art.meta["auteur"] == "Jean Dupont"
    assert art.meta["x-source-id"] == "42"
    assert art.meta["weird_key-2"] == "a: b: c"


def test_five_megabyte_article(tmp_path: Path) -> None:
    para = FR + " " + "Le porte-parole a ajouté que « rien n’est décidé ». " * 5
    text = "\n\n".join([para] * (5 * 1024 * 1024 // len(para.encode()) + 1))
    path = write(tmp_path / "big.txt", "title: Gros\nlang: fr\n\n" + text)
    (art,) = read_path(str(path))
    assert len(art.text.encode()) > 5 * 1024 * 1024
    assert art.text == text


def test_single_line_of_100k_characters(tmp_path: Path) -> None:
    words = (FR + " ").split()
    line = ""
    i = 0
    while len(line) < 100_000:
        line += words[i % len(words)] + " "
        i += 1
    line = line[:100_000]
    (art,) = read_path(str(write(tmp_path / "long.txt", line)))
    assert art.text == line and art.lang == "fr" and art.title is None


def test_text_without_sentence_punctuation(tmp_path: Path) -> None:
    text = " ".join(["le ministre a dit que la paix est proche"] * 200)
    (art,) = read_path(str(write(tmp_path / "a.txt", text)))
    assert art.text == text and art.lang == "fr"


def test_quote_marks_only(tmp_path: Path) -> None:
    text = "« » “ ” \" ' « « » »" * 100
    (art,) = read_path(str(write(tmp_path / "a.txt", text)))
    assert art.text == text and art.lang == "fr" and art.meta["lang_source"] == "default"
