"""Fixtures shared by the whole suite, and the ``--record-parses`` option of the saved parses."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
if str(TESTS) not in sys.path:
    sys.path.insert(0, str(TESTS))  # tests in any subfolder import the helpers of tests/support

from support import parses  # noqa: E402  (needs tests/ on sys.path)

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
EVAL_DIR = SHARED / "eval"
UD_DIR = SHARED / "ud"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} is missing: the shared data lies beside the checkout")
    return SHARED


@pytest.fixture(scope="session")
def eval_dir(shared_dir: Path) -> Path:
    return shared_dir / "eval"


@pytest.fixture(scope="session")
def seed_text(eval_dir: Path) -> str:
    return (eval_dir / "fr" / "seed.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def tiny_stanza_dir(shared_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A Stanza resources folder with tiny French models trained here (about 15 s, see tiny_stanza.py)."""
    from support.tiny_stanza import train

    treebank = shared_dir / "ud" / "UD_French-Sequoia" / "fr_sequoia-ud-train.conllu"
    if not treebank.is_file():
        pytest.skip(f"{treebank} is missing")
    return train(treebank, tmp_path_factory.mktemp("stanza_resources"))


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(parses.RECORD_OPTION, action="store_true", default=False,
                     help="parse with spaCy and save (tests/fixtures/parses/) every text a rule test "
                          f"uses that has no saved parse yet; {parses.RECORD_ENV}=all re-records them all")


def pytest_configure(config: pytest.Config) -> None:
    parses.MODE = parses.record_mode(config.getoption(parses.RECORD_OPTION))


def pytest_sessionfinish(session: pytest.Session) -> None:
    parses.STORE.flush()


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if parses.STORE.recorded:
        terminalreporter.write_line(f"recorded {len(parses.STORE.recorded)} parse(s) into "
                                    f"{parses.PARSES_DIR}: commit them")
