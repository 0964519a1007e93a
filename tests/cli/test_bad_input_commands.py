"""Bad input through the command line (issue 8): a correct result, or one clear line on stderr
naming the file; never a traceback; the batch goes on; exit code 1 at the end when some input
failed. The reader's own messages are tested in test_bad_input_reader.py; here the whole
command runs (read, parse with spaCy, extract, resolve, print).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from support.cli import (
    ENGINE,
    FR,
    GOOD,
    check_offsets,
    error_lines,
    extract,
    failed_with,
    invoke,
    json_lines,
    no_traceback,
    succeeded,
    write,
)


@pytest.fixture
def good(tmp_path: Path) -> Path:
    return write(tmp_path / "good.txt", GOOD)


# --- failures: one line naming the file, the good article still printed -------------------

def test_missing_path(tmp_path: Path, good: Path) -> None:
    missing = tmp_path / "nope.txt"
    failed_with(extract(missing, good), missing, "no such file or folder")


def test_folder_with_no_articles(tmp_path: Path, good: Path) -> None:
    folder = tmp_path / "docs"
    write(folder / "notes.md", FR)
    write(folder / ".hidden.txt", FR)
    failed_with(extract(folder, good), folder,
                re.compile(r": no articles in this folder \(.*\.txt file\)"))


@pytest.mark.parametrize("content,problem", [
    (b"", "empty file"),
    (b"   \n\t\n\r\n  ", "no text (whitespace only)"),
    ("\u00a0\u2003\n \n".encode(), "no text (whitespace only)"),
])
def test_empty_and_whitespace_only(tmp_path: Path, good: Path, content: bytes, problem: str) -> None:
    bad = write(tmp_path / "blank.txt", content)
    failed_with(extract(bad, good), bad, problem)


def test_binary_file(tmp_path: Path, good: Path) -> None:
    bad = write(tmp_path / "data.txt", bytes(range(256)) * 8)
    failed_with(extract(good, bad), bad, "binary file (contains NUL bytes), not text")


def test_pdf_renamed_txt(tmp_path: Path, good: Path) -> None:
    pdf = (b"%PDF-1.5\n%\xd0\xd4\xc5\xd8\n1 0 obj\n<< /Length 44 >>\nstream\n"
           b"BT /F1 12 Tf 72 712 Td (Le ministre a dit) Tj ET\nendstream\nendobj\n%%EOF\n")
    bad = write(tmp_path / "article.txt", pdf)
    failed_with(extract(bad, good), bad, "not a text file: looks like a PDF document")


def test_html_with_scripts_and_no_article(tmp_path: Path, good: Path) -> None:
    html = ("<!doctype html><html lang='fr'><head><title>Rien</title>"
            "<script>window.location='https://example.org'; var s = 'Le ministre a déclaré';</script>"
            "</head><body><script src='app.js'></script><div id='app'></div>"
            "<script>document.write('<p>Le ministre a dit « oui ».</p>')</script></body></html>")
    bad = write(tmp_path / "page.html", html)
    failed_with(extract(bad, good), bad,
                "no article text found in the HTML (only scripts, menus or markup)")


@pytest.mark.parametrize("body", [
    # a single-page app: the article is loaded by script, the page only asks for JavaScript
    "<noscript>You need to enable JavaScript to run this app.</noscript><div id='root'></div>"
    "<script src='/static/js/main.js'></script>",
    # menus and a footer, the article left out
    "<nav><a href='/'>Accueil</a> <a href='/monde'>Monde</a> <a href='/sport'>Sport</a></nav>"
    "<script>var a = 1;</script><footer>© 2024 Le Journal</footer>",
])
def test_html_with_scripts_and_menus_but_no_article(tmp_path: Path, body: str) -> None:
    bad = write(tmp_path / "page.html", f"<html><head><script>x()</script></head><body>{body}</body></html>")
    failed_with(extract(bad), bad,
                "no article text found in the HTML (only scripts, menus or markup)", good=0)


def test_malformed_jsonl_lines_give_their_number_and_the_other_lines_are_processed(
        tmp_path: Path) -> None:
    lines = [json.dumps({"id": "one", "text": FR, "lang": "fr"}),
             '{"id": "two", "text": "Il a dit « oui ».",',  # cut short
             "",
             json.dumps({"id": "three", "text": "Le maire a indiqué que la route est fermée.",
                         "lang": "fr"}),
             "[1, 2]",
             json.dumps({"id": "five"}),
             json.dumps({"id": "six", "text": "« Tout va bien », a assuré la préfète.", "lang": "fr"})]
    corpus = write(tmp_path / "corpus.jsonl", "\n".join(lines) + "\n")
    result = extract(corpus)
    no_traceback(result)
    assert result.exit_code == 1
    errors = error_lines(result)
    # a record is named by its id where it has one, else by its line
    assert [e.split(": ", 2)[1] for e in errors] == [f"{corpus}#2", f"{corpus}#5",
                                                     f"{corpus}#id=five"]
    assert errors[0].startswith(f"error: {corpus}#2: invalid JSON (")
    assert errors[1] == f"error: {corpus}#5: expected a JSON object, got list"
    assert errors[2] == f"error: {corpus}#id=five: no 'text' field"
    printed = json_lines(result)
    assert [a["id"] for a in printed] == ["one", "three", "six"]
    assert [a["path"] for a in printed] == [f"{corpus}#id=one", f"{corpus}#id=three",
                                            f"{corpus}#id=six"]
    for article in printed:
        check_offsets(article)


def test_german_article_is_refused_in_one_line(tmp_path: Path, good: Path) -> None:
    de = write(tmp_path / "de.txt", "Der Bundeskanzler sagte am Montag in Berlin, dass die Regierung "
               "die Lage sehr ernst nehme und dass man nicht länger warten könne, berichtete die "
               "Nachrichtenagentur.")
    failed_with(extract(de, good), de, "unsupported language 'de' (supported: fr, en)")


def test_unsupported_language_in_metadata(tmp_path: Path, good: Path) -> None:
    bad = write(tmp_path / "es.txt", "title: T\nlang: es\n\n" + FR)
    failed_with(extract(bad, good), bad, re.compile(r"(:\d+)?: unsupported language 'es' .*"))


def test_every_bad_input_at_once_the_batch_goes_on(tmp_path: Path, good: Path) -> None:
    bad = {
        "missing": tmp_path / "missing.txt",
        "empty": write(tmp_path / "empty.txt", b""),
        "blank": write(tmp_path / "blank.txt", "\n \n"),
        "binary": write(tmp_path / "bin.txt", b"\x00\x01\x02" * 100),
        "pdf": write(tmp_path / "pdf.txt", b"%PDF-1.4\n..."),
        "html": write(tmp_path / "x.html", "<html><script>x()</script></html>"),
        "de": write(tmp_path / "de.txt", "Die Regierung sagte, dass die Lage ernst sei und man "
                    "nicht länger warten könne."),
    }
    good2 = write(tmp_path / "good2.txt", "lang: fr\ntitle: Deux\n\n« C'est fini », a lancé un "
                  "syndicaliste devant la préfecture.")
    order = [bad["missing"], good, bad["empty"], bad["blank"], bad["binary"], bad["pdf"],
             bad["html"], bad["de"], good2]
    result = extract(*order)
    no_traceback(result)
    assert result.exit_code == 1
    errors = error_lines(result)
    assert [e.split(": ", 2)[1] for e in errors] == [str(p) for p in order if p not in (good, good2)]
    assert all("\n" not in e for e in errors)
    assert [a["path"] for a in json_lines(result)] == [str(good), str(good2)]


# --- recoverable: decoded or read as is, and correct --------------------------------------

def test_latin1_is_decoded_with_a_note(tmp_path: Path) -> None:
    text = ("Le général a déclaré à la presse qu'il était « très ému », à Bagdad où l'été est "
            "chaud. ") * 3
    path = write(tmp_path / "latin.txt", text.encode("latin-1"))
    result = extract(path)
    (article,) = succeeded(result)
    assert article["text"] == text
    assert re.search(rf"^{re.escape(str(path))}: not UTF-8; decoded as \S+$", result.stderr, re.M)
    assert article["meta"]["encoding"] in ("cp1252", "latin_1", "iso8859_15")


def test_windows_1252_quotes_are_decoded_and_found(tmp_path: Path) -> None:
    text = "L’ONU a dit : « Le cessez-le-feu tient », a précisé son porte-parole – sans plus. " * 2
    path = write(tmp_path / "cp.txt", text.encode("cp1252"))
    (article,) = succeeded(extract(path))
    assert article["text"] == text and article["meta"]["encoding"] == "cp1252"
    contents = [a["content"]["text"] for a in article["attributions"]]
    assert "Le cessez-le-feu tient" in contents


def test_utf8_bom_offsets_are_in_the_text_without_it(tmp_path: Path) -> None:
    path = write(tmp_path / "bom.txt", b"\xef\xbb\xbf" + GOOD.encode())
    (article,) = succeeded(extract(path))
    assert article["title"] == "Bon article"  # the header is found behind the BOM
    assert not article["text"].startswith("\ufeff")
    assert article["meta"]["encoding"] == "utf-8-sig"
    assert article["attributions"]


def test_crlf_gives_the_same_attributions_as_lf(tmp_path: Path) -> None:
    lf = write(tmp_path / "lf.txt", GOOD + "\n" + FR + "\n")
    crlf = write(tmp_path / "crlf.txt", (GOOD + "\n" + FR + "\n").replace("\n", "\r\n"))
    a, b = succeeded(extract(lf, crlf), 2)
    assert "\r" not in b["text"] and b["meta"]["newlines"] == "crlf"
    assert a["text"] == b["text"]
    assert a["attributions"] == b["attributions"] and a["terms"] == b["terms"]


def test_unknown_metadata_keys_are_kept(tmp_path: Path) -> None:
    path = write(tmp_path / "meta.txt", "title: T\nauteur: Jean Dupont\nX-Section: monde\n"
                 "rubrique: a: b\nlang: fr\n\n" + FR)
    (article,) = succeeded(extract(path))
    assert article["title"] == "T" and article["text"] == FR
    assert {k: article["meta"][k] for k in ("auteur", "x-section", "rubrique")} == {
        "auteur": "Jean Dupont", "x-section": "monde", "rubrique": "a: b"}


def test_text_without_sentence_punctuation(tmp_path: Path) -> None:
    text = " ".join(["le ministre a dit que la paix est proche et que les négociations avancent"]
                    * 60)
    (article,) = succeeded(extract(write(tmp_path / "flat.txt", text)))
    assert article["text"] == text and article["attributions"]


TRANSCRIPT = ("le ministre a dit que la paix est proche et il a ajouté que les négociations avancent "
              "bien selon lui ")


# found here: a RecursionError in the extraction patterns (speech test -> cue stops -> speech test, once per cue)
def test_a_transcript_without_punctuation(tmp_path: Path) -> None:
    text = TRANSCRIPT * 100  # 10 KB, 200 cues, no sentence end: speech-to-text output
    (article,) = succeeded(extract(write(tmp_path / "asr.txt", "lang: fr\n\n" + text)))
    assert len(article["attributions"]) >= 100


def _resolve_calls(n: int) -> int:
    """Python function calls made by speaker resolution on ``n`` pronoun cues in one sentence."""
    import cProfile
    import pstats

    from attribution.extract import extract as extract_doc
    from attribution.parse import get_engine
    from attribution.resolve import resolve

    doc = get_engine("spacy", use_cache=False).parse("» Il a ajouté “ non " * n, "fr")
    attributions, _ = extract_doc(doc, "fr")
    assert len(attributions) >= n // 3
    profile = cProfile.Profile()
    profile.runcall(resolve, doc, attributions, "fr")
    return pstats.Stats(profile).total_calls  # type: ignore[attr-defined]


def test_resolution_work_grows_at_most_quadratically_in_a_long_sentence() -> None:
    # counted, not timed: calls for 2n cues against n; quadratic work gives 4, cubic 8
    small, large = _resolve_calls(100), _resolve_calls(200)
    assert large <= 5 * small, (small, large, large / small)


def test_thousands_of_unbalanced_quote_marks(tmp_path: Path) -> None:
    text = ("Le ministre a dit « oui. " * 200 + "» non " * 500 + "“" * 500 + ' "' * 501
            + " « a » b » c ‹ d „ e" * 100 + ".")
    assert sum(text.count(m) for m in "«»“\"‹„") > 2000
    (article,) = succeeded(extract(write(tmp_path / "marks.txt", "lang: fr\n\n" + text)))
    assert article["text"] == text


def test_quote_marks_only(tmp_path: Path) -> None:
    text = "« » “ ” \" ' ‹ › „ « « » » ”“ »«" * 50
    (article,) = succeeded(extract(write(tmp_path / "marks.txt", text)))
    assert article["text"] == text and article["attributions"] == []


@pytest.mark.slow
def test_a_single_line_of_100000_characters(tmp_path: Path) -> None:
    sentence = FR + " « Rien n'est décidé », a ajouté le porte-parole. "
    line = (sentence * (100_000 // len(sentence) + 1))[:100_000]
    (article,) = succeeded(extract(write(tmp_path / "line.txt", "lang: fr\n\n" + line)))
    assert article["text"] == line and len(article["attributions"]) > 100


def _resolve_opcodes(paragraphs: int) -> int:
    """Bytecodes that speaker resolution runs on an article of ``paragraphs`` paragraphs."""
    import sys

    from attribution.extract import extract as extract_doc
    from attribution.parse import get_engine
    from attribution.resolve import resolve

    para = FR + " « Rien n'est décidé », a ajouté le porte-parole.\n\n"
    doc = get_engine("spacy", use_cache=False).parse(para * paragraphs, "fr")
    attributions, _ = extract_doc(doc, "fr")
    count = 0

    def tracer(frame: Any, event: str, arg: Any) -> Any:
        nonlocal count
        frame.f_trace_opcodes, frame.f_trace_lines = True, False
        count += event == "opcode"
        return tracer

    sys.settrace(tracer)
    try:
        resolve(doc, attributions, "fr")
    finally:
        sys.settrace(None)
    return count


@pytest.mark.slow  # the tracer makes resolution about 20 times slower: about 15 s in all
def test_resolution_work_grows_about_linearly_with_the_article() -> None:
    # counted, not timed: bytecodes for 80 paragraphs against 40; linear work gives 2, quadratic 4
    small, large = _resolve_opcodes(40), _resolve_opcodes(80)
    assert large <= 2.5 * small, (small, large, large / small)


def test_a_five_megabyte_article_is_read_and_its_quotes_found(tmp_path: Path) -> None:
    from attribution.quotes import find_quotes
    from attribution.reader import read_path

    para = FR + " « Rien n'est décidé », a ajouté le porte-parole.\n\n"
    text = para * (5 * 1024 * 1024 // len(para.encode()) + 1)
    (article,) = read_path(str(write(tmp_path / "big.txt", "lang: fr\n\n" + text)))
    quotes = find_quotes(article.text)
    assert len(quotes) == 2 * text.count("\n\n")
    assert all(article.text[q.start:q.end] == q.text for q in quotes)


# --- usage errors ---------------------------------------------------------------------------

@pytest.mark.parametrize("command", ["extract", "audit"])
def test_unsupported_lang_option_is_a_usage_error(good: Path, command: str) -> None:
    result = invoke(command, *ENGINE, "--lang", "xx", str(good))
    no_traceback(result)
    assert result.exit_code == 2
    assert "--lang" in result.stderr and "'xx'" in result.stderr
    assert result.stdout == ""


def test_unsupported_lang_option_stops_before_any_output(good: Path) -> None:
    result = invoke("extract", *ENGINE, "--lang", "de", str(good))
    no_traceback(result)
    assert result.exit_code in (1, 2)
    assert result.stdout == ""
    (line,) = [ln for ln in result.stderr.splitlines() if "unsupported language" in ln]
    assert "--lang" in line and "'de'" in line and "fr, en" in line
