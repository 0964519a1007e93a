"""Exit codes (issue 8): 0 all good; 1 some inputs failed and the rest were processed (their
output is still printed or written: nothing already computed is lost); 2 usage error.
Checked for extract, audit and report, in this process and once as a real process.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from support.cli import ENGINE, error_lines, invoke, json_lines, no_traceback, write

import attribution.stages

ROOT = Path(__file__).resolve().parent.parent.parent
GOOD1 = ("title: Un\nlang: fr\n\nLe ministre Jean Dupont a déclaré samedi que les discussions "
         "avaient été « constructives ».")
GOOD2 = ("title: Deux\nlang: fr\n\n« Nous ne céderons pas », a lancé un syndicaliste devant la "
         "préfecture.")
BOOM = "L'article piégé a indiqué que tout allait exploser."


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    return {"good1": write(tmp_path / "good1.txt", GOOD1),
            "good2": write(tmp_path / "good2.txt", GOOD2),
            "empty": write(tmp_path / "empty.txt", b""),
            "missing": tmp_path / "missing.txt",
            "boom": write(tmp_path / "boom.txt", "lang: fr\n\n" + BOOM)}


def run(command: str, *args: str | Path, out: Path | None = None) -> tuple:
    extra = ["-o", str(out)] if out is not None else []
    result = invoke(command, *ENGINE, *extra, *map(str, args))
    no_traceback(result)
    return result.exit_code, result


# --- 0: all good -----------------------------------------------------------------------------

def test_all_good_is_0(files: dict[str, Path], tmp_path: Path) -> None:
    code, r = run("extract", files["good1"], files["good2"])
    assert code == 0 and len(json_lines(r)) == 2 and not error_lines(r)
    code, r = run("audit", files["good1"], files["good2"])
    assert code == 0 and "good1" in r.stdout and "good2" in r.stdout
    code, r = run("report", files["good1"], files["good2"], out=tmp_path / "rep")
    assert code == 0 and (tmp_path / "rep" / "index.html").is_file()


# --- 1: some inputs failed, the rest processed -------------------------------------------------

def test_extract_some_failed_is_1_and_the_good_ones_are_printed(files: dict[str, Path]) -> None:
    code, r = run("extract", files["missing"], files["good1"], files["empty"], files["good2"])
    assert code == 1
    assert [a["path"] for a in json_lines(r)] == [str(files["good1"]), str(files["good2"])]
    assert [e.split(": ")[1] for e in error_lines(r)] == [str(files["missing"]), str(files["empty"])]


def test_audit_some_failed_is_1_and_the_good_ones_are_audited(files: dict[str, Path]) -> None:
    code, r = run("audit", files["good1"], files["missing"], files["good2"], files["empty"])
    assert code == 1
    assert "good1" in r.stdout and "good2" in r.stdout and "TOTAL (2 articles)" in r.stdout
    assert len(error_lines(r)) == 2


def test_report_some_failed_is_1_and_the_report_is_written(files: dict[str, Path],
                                                          tmp_path: Path) -> None:
    out = tmp_path / "rep"
    code, r = run("report", files["good1"], files["empty"], files["good2"], out=out)
    assert code == 1
    assert len(error_lines(r)) == 1
    assert len(list((out / "articles").iterdir())) == 2


def test_report_with_nothing_processed_is_1_and_keeps_the_previous_report(
        files: dict[str, Path], tmp_path: Path) -> None:
    out = tmp_path / "rep"
    assert run("report", files["good1"], out=out)[0] == 0
    before = (out / "index.html").read_bytes()
    code, r = run("report", files["empty"], files["missing"], out=out)
    assert code == 1
    assert (out / "index.html").read_bytes() == before
    assert r.stderr.strip().splitlines()[-1] == f"Error: no article could be processed; {out} was not written"


@pytest.fixture
def booby_trap(monkeypatch: pytest.MonkeyPatch) -> None:
    """A bug in the library for one article: process_article raises on it."""
    real = attribution.stages.process_article

    def trapped(article, engine):
        if BOOM in article.text:
            raise RuntimeError("bug triggered")
        return real(article, engine)

    monkeypatch.setattr(attribution.stages, "process_article", trapped)


@pytest.mark.usefixtures("booby_trap")
def test_a_bug_in_one_article_loses_nothing_else(files: dict[str, Path], tmp_path: Path) -> None:
    order = (files["good1"], files["boom"], files["good2"])
    expected = f"error: {files['boom']}: internal error (RuntimeError: bug triggered)"
    code, r = run("extract", *order)
    assert code == 1 and error_lines(r) == [expected]
    assert [a["path"] for a in json_lines(r)] == [str(files["good1"]), str(files["good2"])]
    # the failure is reported as it happens; the articles once the corpus is linked
    assert r.output.index(expected) < r.output.index('"path": "' + str(files["good1"]))
    code, r = run("audit", *order)
    assert code == 1 and error_lines(r) == [expected] and "TOTAL (2 articles)" in r.stdout
    code, r = run("report", *order, out=tmp_path / "rep")
    assert code == 1 and error_lines(r) == [expected]
    assert len(list((tmp_path / "rep" / "articles").iterdir())) == 2


# --- 2: usage errors -----------------------------------------------------------------------------

@pytest.mark.parametrize("args", [
    ["extract"],  # no PATH
    ["extract", "--format", "xml", "a.txt"],
    ["extract", "--engine", "udpipe", "a.txt"],
    ["extract", "--no-such-option", "a.txt"],
    ["audit"],
    ["audit", "--format", "pdf", "a.txt"],
    ["audit", "--fail-under", "coverage", "a.txt"],
    ["audit", "--fail-under", "nonsense=0.5", "a.txt"],
    ["audit", "--jobs", "-1", "a.txt"],
    ["report", "a.txt"],  # no -o
    ["report", "-o", "out"],  # no PATH and no --db
    ["report", "--engine", "udpipe", "-o", "out", "a.txt"],
    ["no-such-command"],
])
def test_usage_errors_are_2(args: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "a.txt", GOOD1)
    result = invoke(*args)
    no_traceback(result)
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    assert "Error:" in result.stderr
    assert not (tmp_path / "out").exists()


def test_exit_codes_are_documented_in_the_help() -> None:
    result = invoke("--help")
    assert result.exit_code == 0
    text = " ".join(result.stdout.split())
    assert "Exit codes" in text or "exit code" in text.lower()
    for code in ("0", "1", "2"):
        assert code in text


# --- a real process: exit status, stdout and stderr as a shell sees them --------------------------

@pytest.mark.slow  # a fresh interpreter loads torch, spaCy and the model: about 10 s
def test_real_process_exit_status_and_clean_stderr(files: dict[str, Path]) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONWARNINGS": "default"}
    proc = subprocess.run(
        [sys.executable, "-c", "from attribution.cli import main; main()", "extract", *ENGINE,
         str(files["good1"]), str(files["empty"]), str(files["missing"])],
        capture_output=True, text=True, cwd=ROOT, env=env, timeout=300)
    assert proc.returncode == 1, proc.stderr
    (line,) = proc.stdout.splitlines()
    assert json.loads(line)["path"] == str(files["good1"])
    lines = [ln for ln in proc.stderr.splitlines() if ln.strip()]
    assert "Traceback" not in proc.stderr
    assert [ln for ln in lines if ln.startswith("error: ")] == [
        f"error: {files['empty']}: empty file", f"error: {files['missing']}: no such file or folder"]
    # besides the errors, at most the one-line engine note: no library warnings or progress noise
    others = [ln for ln in lines if not ln.startswith("error: ")]
    assert all(ln.startswith("engine ") for ln in others), others
