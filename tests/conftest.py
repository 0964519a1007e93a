"""Fixtures shared by the whole suite."""

from __future__ import annotations

from pathlib import Path

import pytest

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
    from tiny_stanza import train

    treebank = shared_dir / "ud" / "UD_French-Sequoia" / "fr_sequoia-ud-train.conllu"
    if not treebank.is_file():
        pytest.skip(f"{treebank} is missing")
    return train(treebank, tmp_path_factory.mktemp("stanza_resources"))
