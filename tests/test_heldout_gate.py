"""The held-out gates: articles annotated blind, never used to write the rules.

The development-set gate (test_eval_gate.py) shows the rules still do what they were built to
do; these show how they generalise.

- tests/heldout/fr (set A, 25 files): annotated blind; its error *categories* were later used
  to generalise the rules (never its sentences), so it is no longer fully unseen.
- tests/heldout_b/fr (set B, 7 files): annotated blind after that; first measured blind (F1@30
  0.745), then its error categories were used once too. A fresh blind set is owed.

Pins live in tests/heldout_minimums.json and tests/heldout_b_minimums.json; lowering one needs
`attribution evaluate ... --update-minimums ... --allow-lower`.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from attribution.evaluate import Minimums, check_gate, evaluate, gold_files, pipeline_predictor

HERE = Path(__file__).parent
SETS = {
    "A": (HERE / "heldout" / "fr", HERE / "heldout_minimums.json", 25),
    "B": (HERE / "heldout_b" / "fr", HERE / "heldout_b_minimums.json", 7),
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
    assert check_gate(report, minimums) == []
