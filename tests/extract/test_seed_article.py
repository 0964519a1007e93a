"""The seed article: its 12 attributions, and the 2 scare-quoted terms left out as terms."""

from __future__ import annotations

import pytest
from support.extraction import run

from attribution.evaluate import evaluate_article, load_gold


@pytest.fixture(scope="module")
def seed(eval_dir, seed_text):
    gold = load_gold(eval_dir / "fr" / "seed.json")
    attributions, terms = run(seed_text)
    return gold, attributions, terms


def test_seed_yields_its_twelve_attributions(seed):
    gold, attributions, _ = seed
    ev = evaluate_article(gold, attributions)
    assert len(attributions) == 12
    assert ev.counts.matched_80 == 12 and ev.counts.gold == 12
    for m in ev.matches:
        assert attributions[m.predicted].type == gold.attributions[m.gold].type


def test_seed_speakers_are_the_gold_mentions(seed):
    gold, attributions, _ = seed
    ev = evaluate_article(gold, attributions)
    for m in ev.matches:
        assert attributions[m.predicted].speaker.text == gold.attributions[m.gold].speaker


def test_seed_scare_quotes_are_terms(seed):
    gold, attributions, terms = seed
    assert {"premier round", "Résistance islamique en Irak"} <= {t.text for t in terms}
    assert evaluate_article(gold, attributions).counts.not_quotes_reported == 0


def test_seed_cues_carry_lemma_and_stance(seed):
    _, attributions, _ = seed
    cues = {a.cue.text: (a.cue.lemma, a.cue.stance) for a in attributions if a.cue}
    assert cues["souligne"] == ("souligner", "emphasis")
    assert cues["assurant"] == ("assurer", "assertive")
    assert cues["selon"] == ("selon", "neutral")
