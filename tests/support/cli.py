"""Helpers of the command-line tests: run the CLI in-process and read its output and errors."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from click.testing import CliRunner, Result

from attribution.cli import main

FR = ("Le ministre Jean Dupont a déclaré samedi que les discussions avaient été « constructives », "
      "selon un communiqué publié à Bagdad par ses services.")
GOOD = ("title: Bon article\noutlet: AFP\nlang: fr\n\n"
        + FR + " « Nous ne céderons pas », a ajouté la porte-parole du gouvernement.\n")
ENGINE = ["--engine", "spacy", "--no-cache"]  # the offline model, nothing cached between tests


# --- helpers (also used by test_exit_codes.py and test_security.py) -----------------------

def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


def invoke(*args: str) -> Result:
    """Run the CLI in this process; stdout and stderr apart."""
    return CliRunner().invoke(main, [str(a) for a in args])


def extract(*paths: Path | str, extra: tuple[str, ...] = ()) -> Result:
    return invoke("extract", *ENGINE, "--with-text", *extra, *map(str, paths))


def no_traceback(result: Result) -> None:
    """The command ended by itself (sys.exit or a click error), never by an exception."""
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        f"exception {result.exception!r}")
    assert "Traceback" not in result.output


def error_lines(result: Result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith("error: ")]


def json_lines(result: Result) -> list[dict[str, Any]]:
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def check_offsets(article: dict[str, Any]) -> None:
    """Every span of a printed article is ``text[start:end]`` of the printed text."""
    text = article["text"]
    spans = []
    for a in article["attributions"]:
        spans += [a["content"], a["cue"], a["speaker"]]
    spans += article["terms"]
    for s in spans:
        if s is not None:
            assert 0 <= s["start"] <= s["end"] <= len(text)
            assert text[s["start"]:s["end"]] == s["text"], s


def failed_with(result: Result, path: Path | str, problem: str | re.Pattern[str],
                good: int = 1) -> None:
    """Exit 1; exactly one error line, naming ``path`` and the problem; ``good`` articles printed."""
    no_traceback(result)
    assert result.exit_code == 1, result.output
    errors = error_lines(result)
    assert len(errors) == 1, result.stderr
    prefix = f"error: {path}"
    assert errors[0].startswith(prefix), errors
    rest = errors[0][len(prefix):]
    if isinstance(problem, str):
        assert rest in (f": {problem}",) or re.fullmatch(r":\d+: " + re.escape(problem), rest), errors
    else:
        assert problem.fullmatch(rest), errors
    printed = json_lines(result)
    assert len(printed) == good, result.stdout
    for article in printed:
        check_offsets(article)


def succeeded(result: Result, n: int = 1) -> list[dict[str, Any]]:
    no_traceback(result)
    assert result.exit_code == 0, result.output
    assert not error_lines(result), result.stderr
    printed = json_lines(result)
    assert len(printed) == n
    for article in printed:
        check_offsets(article)
    return printed
