"""The held-out gate: articles annotated blind (tests/heldout/fr), never used to write the rules.

The development-set gate (test_eval_gate.py) shows the rules still do what they were built to
do; this one shows how they generalise. Pins live in tests/heldout_minimums.json; lowering one
needs `attribution evaluate ... --update-minimums ... --allow-lower`.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from attribution.evaluate import Minimums, check_gate, evaluate, gold_files, pipeline_predictor

HERE = Path(__file__).parent
HELDOUT = HERE / "heldout" / "fr"
MINIMUMS = HERE / "heldout_minimums.json"


@pytest.fixture(scope="module")
def minimums() -> Minimums:
    return Minimums.load(MINIMUMS)


def test_heldout_set_is_complete_and_valid():
    files = list(gold_files([HELDOUT]))
    assert len(files) >= 25
    for gold in files:  # each gold has its text beside it
        assert gold.with_suffix(".txt").is_file(), gold


def test_heldout_pins_below_targets_say_why(minimums):
    assert set(minimums.below_targets()) == set(), "a pin under a target needs a reason"


@pytest.mark.slow
def test_heldout_set_passes_the_gate(minimums, request):
    from attribution.parse import get_engine

    cache = request.config.cache.mkdir("attribution-parses")
    engine = get_engine(minimums.engine, cache_dir=str(cache))
    report = evaluate([HELDOUT], pipeline_predictor(engine), engine=minimums.engine)
    assert report.failures == ()
    assert check_gate(report, minimums) == []
