"""The Stanza engine on tiny models trained here, loaded through stanza.Pipeline, offline."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from attribution.cli.models import models
from attribution.parse import CachedEngine, check_document, get_engine, has_dependencies
from attribution.parse.stanza_engine import StanzaEngine, installed_languages

pytestmark = pytest.mark.slow

TEXT = "Le porte-parole a déclaré du bout des lèvres que la réunion aurait lieu au siège.\n\nIl a refusé."


@pytest.fixture
def stanza_env(tiny_stanza_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("STANZA_RESOURCES_DIR", str(tiny_stanza_dir))
    return tiny_stanza_dir


def test_tiny_models_are_a_resources_folder(stanza_env: Path) -> None:
    assert installed_languages(stanza_env) == {"fr"}
    assert installed_languages(stanza_env, "tiny") == {"fr"}
    assert installed_languages(stanza_env, "other") == set()
    assert sorted(p.parent.name for p in (stanza_env / "fr").rglob("*.pt")) == \
        ["depparse", "lemma", "mwt", "pos", "tokenize"]


def test_stanza_engine_parses_offline(stanza_env: Path, tmp_path: Path) -> None:
    engine = get_engine("stanza", cache_dir=tmp_path).for_lang("fr")
    assert isinstance(engine, CachedEngine) and isinstance(engine.engine, StanzaEngine)
    assert engine.model_id.startswith("fr-default-stanza")
    doc = engine.parse(TEXT, "fr")
    assert doc.text == TEXT and check_document(doc) == [] and has_dependencies(doc)
    assert all(w.lemma and w.upos and w.deprel for s in doc.sentences for w in s.words)
    again = get_engine("stanza", cache_dir=tmp_path).for_lang("fr")
    assert again.parse(TEXT, "fr").to_dict() == doc.to_dict()
    assert isinstance(again, CachedEngine) and again.parses == 0


def test_long_text_in_chunks_keeps_offsets(stanza_env: Path) -> None:
    engine = StanzaEngine("fr", stanza_env, chunk_chars=120)
    text = (TEXT + "\n\n") * 3 + "mot " * 60
    doc = engine.parse(text, "fr")
    assert doc.text == text and check_document(doc) == []
    assert doc.sentences[-1].tokens[-1].end_char == len(text.rstrip())


def test_auto_prefers_stanza_where_installed(stanza_env: Path) -> None:
    engine = get_engine("auto", use_cache=False)
    assert engine.for_lang("fr").name == "stanza"
    assert engine.choice_note is not None and "\n" not in engine.choice_note
    assert "fr: stanza" in engine.choice_note and "attribution models download en" in engine.choice_note
    english = engine.parse("The minister said talks would resume. He left.", "en")
    assert engine.name == "spacy" and len(english.sentences) == 2  # no Stanza English here


def test_models_lists_the_tiny_pipeline(stanza_env: Path) -> None:
    result = CliRunner().invoke(models, ["--json"])
    assert result.exit_code == 0, result.output
    inv = json.loads(result.output)
    assert inv["stanza_dir"] == str(stanza_env)
    assert inv["stanza"] == [{"lang": "fr", "processors": ["tokenize", "mwt", "pos", "lemma", "depparse"],
                              "usable": True}]
    assert inv["auto"]["fr"] == "stanza"
    text = CliRunner().invoke(models, []).output
    assert "fr: tokenize mwt pos lemma depparse" in text
