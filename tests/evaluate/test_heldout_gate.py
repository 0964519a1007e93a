"""The held-out gates: articles annotated blind, never used to write the rules.

The development-set gate (test_dev_gate.py) shows the rules still do what they were built to
do; these show how they generalise.

- tests/heldout/fr (set A, 25 files): annotated blind; its error *categories* were later used
  to generalise the rules (never its sentences), so it is no longer fully unseen.
- tests/heldout_b/fr (set B, 7 files): annotated blind after that; first measured blind (F1@30
  0.745), then its error categories were used once too.
- tests/heldout_c/fr and tests/heldout_c/en (set C, 19 + 19 files): annotated blind before the
  work of issues 13-16, first measured at fr F1@30 0.83, en 0.88 (tests/heldout_c/FIRST_MEASUREMENT.md);
  nothing has been tuned on it yet.

Pins live in tests/heldout*_minimums.json, with the digest of the
gold they were measured on (gold_sha256: editing the gold fails the gate until the figures are
re-measured with `attribution evaluate ... --update-minimums`); lowering a pin needs `--allow-lower`.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from attribution.cli import main
from attribution.evaluate import evaluate, gold_files, load_gold, pipeline_predictor
from attribution.gate import GOLD_CHANGED, Minimums, check_gate, check_gold, gold_digest
from attribution.records import Attribution, Speaker

HERE = Path(__file__).resolve().parent.parent  # tests/: the held-out sets and their minimums
SETS = {
    "A": (HERE / "heldout" / "fr", HERE / "heldout_minimums.json", 25),
    "B": (HERE / "heldout_b" / "fr", HERE / "heldout_b_minimums.json", 7),
    "C-fr": (HERE / "heldout_c" / "fr", HERE / "heldout_c_fr_minimums.json", 19),
    "C-en": (HERE / "heldout_c" / "en", HERE / "heldout_c_en_minimums.json", 19),
}


@pytest.mark.parametrize("name", sorted(SETS))
def test_heldout_set_is_complete_and_its_pins_say_why(name):
    folder, pins, n_files = SETS[name]
    files = gold_files([folder])
    assert len(files) == n_files
    for gold in files:  # each gold has its text beside it
        assert gold.with_suffix(".txt").is_file(), gold
    assert Minimums.load(pins).below_targets() == [], "a pin under a target needs a reason"


@pytest.mark.parametrize("name", sorted(SETS))
def test_heldout_gold_strings_are_all_in_their_texts(name, capsys):
    import importlib.util

    spec = importlib.util.spec_from_file_location("heldout_validate", HERE / "heldout" / "fr" / "validate.py")
    assert spec and spec.loader
    validate = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(validate)
    assert validate.main(SETS[name][0]) == 0, capsys.readouterr().out


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(SETS))
def test_heldout_set_passes_its_gate(name, request):
    from attribution.parse import get_engine

    folder, pins, _ = SETS[name]
    minimums = Minimums.load(pins)
    cache = request.config.cache.mkdir("attribution-parses")
    engine = get_engine(minimums.engine, cache_dir=str(cache))
    report = evaluate([folder], pipeline_predictor(engine), engine=minimums.engine)
    assert report.failures == ()
    assert check_gate(report, minimums, [folder]) == []


# -- the gold digest the pins carry ------------------------------------------------------------------

@pytest.mark.parametrize("name", sorted(SETS))
def test_heldout_pins_were_measured_on_this_gold(name):
    folder, pins, _ = SETS[name]
    minimums = Minimums.load(pins)
    assert minimums.gold_sha256, f"{pins.name} must pin the gold it was measured on"
    assert check_gold(minimums, [folder]) is None


def test_gold_digest_names_the_files_inside_their_folder_and_reads_only_gold(tmp_path, monkeypatch):
    folder = SETS["B"][0]
    copy = tmp_path / "elsewhere" / "fr"
    shutil.copytree(folder, copy)
    digest = gold_digest([folder])
    assert gold_digest([copy]) == digest  # the same gold anywhere
    monkeypatch.chdir(copy.parent)
    assert gold_digest(["fr"]) == gold_digest(["./fr/"]) == digest
    (copy / "README.md").write_text("notes change", encoding="utf-8")
    (copy / "build_texts.py").write_text("# scripts change\n", encoding="utf-8")
    assert gold_digest([copy]) == digest  # neither notes nor scripts are gold
    first = sorted(copy.glob("*.txt"))[0]
    first.rename(first.with_name("renamed.txt"))
    assert gold_digest([copy]) != digest  # a name is part of the gold
    first.with_name("renamed.txt").rename(first)
    (copy / "extra.json").write_text("{}", encoding="utf-8")
    assert gold_digest([copy]) != digest
    (copy / "extra.json").unlink()
    assert gold_digest([copy]) == digest
    renamed = tmp_path / "de"
    copy.rename(renamed)
    assert gold_digest([renamed]) != digest  # another folder name: other gold


def _perfect_predictions(folder: Path, out: Path) -> None:
    """``attribution extract --format json`` lines that predict every gold attribution exactly."""
    lines = []
    for path in gold_files([folder]):
        gold = load_gold(path)
        atts = []
        for g in gold.attributions:
            entity = gold.entities.get(g.entity) if g.entity else None
            speaker = Speaker(0, len(g.speaker), g.speaker, type=entity.type if entity else None) \
                if g.speaker else None
            atts.append(Attribution(g.type, g.content, None, speaker).to_dict())
        lines.append(json.dumps({"path": gold.text_path, "attributions": atts}, ensure_ascii=False))
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_changed_gold_fails_the_gate_until_the_minimums_are_re_measured(tmp_path):
    folder, pins, _ = SETS["B"]
    gold, mins, preds = tmp_path / "fr", tmp_path / "minimums.json", tmp_path / "predictions.jsonl"
    shutil.copytree(folder, gold)
    shutil.copy(pins, mins)
    _perfect_predictions(gold, preds)

    def run(*extra: str):
        return CliRunner().invoke(main, ["evaluate", str(gold), "--predictions", str(preds), "--overall-only",
                                         *extra])

    r = run("--gate", str(mins))
    assert r.exit_code == 0 and "gate passed" in r.output, r.output  # a copy is the same gold
    # one attribution taken out of one gold file; predictions follow, so every figure would still pass
    edited = sorted(gold.glob("*.json"))[0]
    data = json.loads(edited.read_text(encoding="utf-8"))
    data["attributions"].pop()
    edited.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    _perfect_predictions(gold, preds)
    r = run("--gate", str(mins))
    assert r.exit_code == 1, r.output
    assert f"gate failed: {GOLD_CHANGED}" in r.output
    assert GOLD_CHANGED.endswith("re-measure with --update-minimums")
    r = run("--update-minimums", str(mins))
    assert r.exit_code == 0, r.output
    assert "minimums: gold_sha256: " in r.output
    assert Minimums.load(mins).gold_sha256 == gold_digest([gold]) != Minimums.load(pins).gold_sha256
    r = run("--gate", str(mins))
    assert r.exit_code == 0 and "gate passed" in r.output, r.output
