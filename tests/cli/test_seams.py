"""The small seams of the command line: Ctrl-C (exit 130 and how to resume), the names of
JSON Lines records, and where the body begins in the file (``body_start``, ``--with-body``).

Most tests run the real command with the fake engine and processor of test_parallel (fast,
no model); the offsets are checked once more with the real stages.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from support.cli import ENGINE, invoke, no_traceback, write
from support.fakes import fake_loader, fake_processor

import attribution.runner
import attribution.stages
from attribution.records import Article, ArticleResult

QUOTE = "Le ministre a dit « tout va bien » et « rien ne change »."


@pytest.fixture()
def fake_stages(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(attribution.runner, "load_engine", fake_loader)
    monkeypatch.setattr(attribution.stages, "process_article", fake_processor)


def json_of(stdout: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in stdout.splitlines() if line.strip()]


# --- Ctrl-C ------------------------------------------------------------------------------------

@pytest.fixture()
def ctrl_c_on_the_second(monkeypatch: pytest.MonkeyPatch, fake_stages: None) -> None:
    """Ctrl-C while the second article is processed (a KeyboardInterrupt in the processor)."""
    def processor(article: Article, engine: Any) -> ArticleResult:
        if "SECOND" in article.text:
            raise KeyboardInterrupt
        return fake_processor(article, engine)

    monkeypatch.setattr(attribution.stages, "process_article", processor)


def three_files(folder: Path) -> Path:
    for i, word in enumerate(["FIRST", "SECOND", "THIRD"]):
        write(folder / f"a{i}.txt", f"lang: fr\n\n{QUOTE} {word}\n")
    return folder


@pytest.mark.usefixtures("ctrl_c_on_the_second")
@pytest.mark.parametrize("command", ["extract", "audit", "index"])
def test_ctrl_c_exits_130_and_says_how_to_resume(tmp_path: Path, command: str,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    corpus, db = three_files(tmp_path / "corpus"), tmp_path / "r.db"
    result = invoke(command, str(corpus), "--db", str(db))
    no_traceback(result)
    assert result.exit_code == 130 and result.stdout == ""
    assert result.stderr.splitlines()[-1] == (
        f"interrupted: what was processed is in {db}; run the same command to resume")
    # the article done before Ctrl-C is stored; the run resumes after it
    monkeypatch.setattr(attribution.stages, "process_article", fake_processor)
    result = invoke(command, str(corpus), "--db", str(db))
    assert result.exit_code == 0, result.output
    assert f"{db}: 1 unchanged, 2 to process" in result.stderr
    with sqlite3.connect(db) as con:
        assert con.execute("SELECT status, processed FROM runs ORDER BY id").fetchall() == [
            ("interrupted", 1), ("done", 2)]


@pytest.mark.usefixtures("ctrl_c_on_the_second")
def test_ctrl_c_without_a_database_says_that_nothing_was_kept(tmp_path: Path) -> None:
    result = invoke("extract", str(three_files(tmp_path / "corpus")))
    no_traceback(result)
    assert result.exit_code == 130 and result.stdout == ""
    assert result.stderr.splitlines()[-1] == (
        "interrupted: nothing was kept; with --db FILE, a run can resume where it stopped")


def test_the_exit_codes_are_in_the_help() -> None:
    text = " ".join(invoke("--help").stdout.split())
    assert "2 usage error; 130 interrupted (Ctrl-C)" in text
    assert "run the same command again to resume" in text


# --- JSON Lines records --------------------------------------------------------------------------

@pytest.mark.usefixtures("fake_stages")
def test_jsonl_records_are_named_by_id_or_line_everywhere(tmp_path: Path) -> None:
    lines = [json.dumps({"id": "a", "lang": "fr", "outlet": "AFP", "text": QUOTE}),
             json.dumps({"lang": "fr", "outlet": "AFP", "text": QUOTE + " Deux."}),
             json.dumps({"id": "c/../d", "lang": "fr", "outlet": "AFP", "text": QUOTE + " CRASH"}),
             "{broken"]
    feed = write(tmp_path / "feed.jsonl", "\n".join(lines) + "\n")
    db = tmp_path / "r.db"
    result = invoke("extract", str(feed), "--db", str(db))
    no_traceback(result)
    assert result.exit_code == 1
    names = [f"{feed}#id=a", f"{feed}#2"]
    assert [a["path"] for a in json_of(result.stdout)] == names
    # a line that cannot be read is reported as it is read, before any processing
    assert [line for line in result.stderr.splitlines() if line.startswith("error: ")] == [
        f"error: {feed}#4: invalid JSON (Expecting property name enclosed in double quotes"
        " at column 2)",
        f"error: {feed}#id=c%2F..%2Fd: internal error (ValueError: bad index)"]
    with sqlite3.connect(db) as con:
        assert [r[0] for r in con.execute("SELECT path FROM articles ORDER BY id")] == names
        assert [r[0] for r in con.execute("SELECT path FROM failures ORDER BY id")] == [
            f"{feed}#4", f"{feed}#id=c%2F..%2Fd"]
        rows = dict(con.execute("SELECT path, id FROM articles").fetchall())
    # a record named by its id keeps its stored result when lines are added before it
    write(feed, json.dumps({"id": "new", "lang": "fr", "text": QUOTE + " Neuf."}) + "\n"
          + "\n".join(lines[:2]) + "\n")
    result = invoke("extract", str(feed), "--db", str(db))
    assert result.exit_code == 0, result.output
    with sqlite3.connect(db) as con:
        assert con.execute("SELECT id FROM articles WHERE path = ?",
                           (f"{feed}#id=a",)).fetchone()[0] == rows[f"{feed}#id=a"]
    # the names in the other outputs: audit's rows, the report's pages
    result = invoke("audit", str(feed), "--db", str(db), "--format", "json")
    assert result.exit_code == 0, result.output
    assert {f"{feed}#id=a", f"{feed}#id=new"} <= {a["path"] for a in json.loads(result.stdout)["articles"]}
    out = tmp_path / "report"
    result = invoke("report", "--db", str(db), "-o", str(out))
    assert result.exit_code == 0, result.output
    pages = " ".join(p.read_text(encoding="utf-8") for p in (out / "articles").iterdir())
    assert f"{feed}#id=a" in pages and f"{feed}#id=new" in pages


# --- body_start and --with-body -------------------------------------------------------------------

def check_body(article: dict[str, Any], file_text: str) -> None:
    """Every span, counted from the body, is found in the file at body_start + offset."""
    start = article["body_start"]
    assert article["body"] == file_text[start:]
    spans = [s for a in article["attributions"] for s in (a["content"], a["cue"], a["speaker"])
             if s is not None] + article["terms"]
    assert spans
    for s in spans:
        assert file_text[start + s["start"]:start + s["end"]] == s["text"], s


HEADER = "title: Un titre\r\noutlet: AFP\r\nlang: fr\r\n\r\n"


@pytest.mark.usefixtures("fake_stages")
def test_body_start_places_the_offsets_in_the_file(tmp_path: Path) -> None:
    files = {"header.txt": HEADER.encode() + f"{QUOTE}\r\n".encode(),
             "bom.txt": b"\xef\xbb\xbf" + HEADER.encode() + QUOTE.encode(),
             "inline.txt": f"date 2024-01 {QUOTE}".encode(),
             "bare.txt": QUOTE.encode()}
    for name, data in files.items():
        write(tmp_path / name, data)
    write(tmp_path / "feed.jsonl", json.dumps({"lang": "fr", "text": QUOTE}))
    result = invoke("extract", "--with-body", *(str(tmp_path / n) for n in files),
                    str(tmp_path / "feed.jsonl"))
    assert result.exit_code == 0, result.output
    printed = json_of(result.stdout)
    for name, article in zip(files, printed, strict=False):
        # the file's text as Python reads it: BOM dropped, line ends as \n
        check_body(article, (tmp_path / name).read_text(encoding="utf-8-sig"))
    starts = [a["body_start"] for a in printed]
    assert starts == [len(HEADER) - 4, len(HEADER) - 4, len("date 2024-01 "), 0, None]
    assert "text" not in printed[0]
    assert printed[-1]["body"] == QUOTE  # a JSONL record: its text, not a stretch of the file


def test_body_start_with_the_real_stages(tmp_path: Path) -> None:
    text = ("title: Réunion\nlang: fr\n\nLe ministre Jean Dupont a déclaré samedi que les "
            "discussions avaient été « constructives ». « Nous ne céderons pas », a ajouté "
            "la porte-parole.\n")
    path = write(tmp_path / "a.txt", text)
    result = invoke("extract", *ENGINE, "--with-body", str(path))
    assert result.exit_code == 0, result.output
    (article,) = json_of(result.stdout)
    assert article["body_start"] == len("title: Réunion\nlang: fr\n\n")
    check_body(article, text)
