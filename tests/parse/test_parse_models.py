"""`attribution models`, the installed-model inventory, and how a missing engine is reported."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from attribution.cli.models import models
from attribution.errors import EngineUnavailable
from attribution.parse import get_engine
from attribution.parse.inventory import inventory
from attribution.parse.spacy_engine import default_package
from attribution.parse.stanza_engine import installed_languages


def fake_download(res: Path, lang: str, procs: list[str]) -> Path:
    """A resources folder laid out like stanza.download's (model files empty)."""
    entry = {p: {"default": {}} for p in procs}
    (res / "resources.json").write_text(json.dumps({lang: entry, "x": {"alias": lang}}), encoding="utf-8")
    for p in procs:
        (res / lang / p).mkdir(parents=True)
        (res / lang / p / "default.pt").write_bytes(b"")
    return res


def test_inventory_and_listing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake_download(tmp_path, "fr", ["tokenize", "mwt", "pos", "lemma", "depparse", "ner"])
    monkeypatch.setenv("STANZA_RESOURCES_DIR", str(tmp_path))
    inv = inventory()
    assert [(s.lang, s.processors, s.usable) for s in inv.stanza] == \
        [("fr", ("tokenize", "mwt", "pos", "lemma", "depparse", "ner"), True)]
    package = default_package("fr")
    assert (package, "fr") in {(p.package, p.lang) for p in inv.spacy}
    assert dict(inv.auto)["fr"] == "stanza"
    out = CliRunner().invoke(models, [])
    assert out.exit_code == 0
    assert f"stanza ({tmp_path}):" in out.output and f"{package} 3." in out.output


def test_incomplete_stanza_language_is_not_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake_download(tmp_path, "fr", ["tokenize", "mwt", "pos"])  # no lemma, no depparse
    monkeypatch.setenv("STANZA_RESOURCES_DIR", str(tmp_path))
    assert installed_languages(tmp_path) == set()
    assert "incomplete: attribution models download fr" in CliRunner().invoke(models, []).output
    assert get_engine("auto", use_cache=False).for_lang("fr").name == "spacy"
    with pytest.raises(EngineUnavailable, match="attribution models download fr"):
        get_engine("stanza")


def test_auto_note_names_engine_and_how_to_get_stanza(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STANZA_RESOURCES_DIR", str(tmp_path))  # empty: no Stanza at all
    engine = get_engine("auto", use_cache=False)
    note = engine.choice_note
    assert note is not None and "\n" not in note
    package = default_package("fr")
    assert package is not None
    assert f"fr: spacy {package}-" in note and "attribution models download fr" in note
    assert engine.name == "spacy" and engine.model_id.startswith(f"{package}-")


def test_unknown_engine_and_model(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STANZA_RESOURCES_DIR", str(tmp_path))
    with pytest.raises(EngineUnavailable, match=r"unknown engine 'udpipe' \(choose from auto, stanza"):
        get_engine("udpipe")
    with pytest.raises(EngineUnavailable, match="pip install fr_dep_news_trf"):
        get_engine("spacy", model="fr_dep_news_trf")
    with pytest.raises(EngineUnavailable, match="no Stanza package 'gsd' in "):
        fake_download(tmp_path, "fr", ["tokenize", "mwt", "pos", "lemma", "depparse"])
        get_engine("stanza", model="gsd", use_cache=False).for_lang("fr")
