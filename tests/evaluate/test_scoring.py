"""The evaluation metrics of ANNOTATION.md, the report, the minimums and the `evaluate` command."""

from __future__ import annotations

import json

import click
import pytest
from click.testing import CliRunner

from attribution.errors import EvaluationError, GateFailure
from attribution.evaluate import (
    Counts,
    EvalReport,
    evaluate,
    evaluate_article,
    load_gold,
    predictions_predictor,
    scores_table,
    speaker_words,
)
from attribution.gate import Minimums, check_gate, update_minimums
from attribution.records import Attribution, Cue, Span, Speaker

TEXT = ("Le maire a dit que le pont rouvrira. « Rien ne presse », selon lui. "
        "Un « premier round » a eu lieu. La police a dit que le pont rouvrira.")


def write_gold(tmp_path, attributions, optional=(), not_quotes=(), name="art"):
    (tmp_path / f"{name}.txt").write_text(TEXT, encoding="utf-8")
    gold = {"id": name, "lang": "fr", "text": f"{name}.txt",
            "entities": {"maire": {"name": "Le maire", "type": "person", "aliases": ["Le maire", "maire de Lyon"]},
                         "police": {"name": "Police", "type": "organization", "aliases": ["La police"]}},
            "attributions": list(attributions), "optional": list(optional), "not_quotes": list(not_quotes)}
    path = tmp_path / f"{name}.json"
    path.write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    return path


def pred(content, start_at=0, speaker=None, typ="indirect", stype=None):
    s = TEXT.index(content, start_at)
    sp = None
    if speaker is not None:
        k = TEXT.find(speaker)
        sp = Speaker(k, k + len(speaker), speaker, type=stype) if k >= 0 else Speaker(0, len(speaker), speaker, type=stype)
    return Attribution(typ, Span(s, s + len(content), content), Cue(0, 2, "Le"), sp)


G1 = {"type": "indirect", "content": "le pont rouvrira", "cue": "a dit", "speaker": "Le maire", "entity": "maire"}
G2 = {"type": "direct", "content": "Rien ne presse", "cue": "selon", "speaker": "lui", "entity": "maire"}
G3 = {"type": "indirect", "content": "le pont rouvrira", "cue": "a dit", "speaker": "La police",
      "entity": "police", "occurrence": 2}


def test_occurrence_picks_the_nth_copy(tmp_path):
    gold = load_gold(write_gold(tmp_path, [G1, G3]))
    first, second = (g.content for g in gold.attributions)
    assert first.text == second.text and second.start > first.start


def test_thresholds_and_one_to_one_best_overlap(tmp_path):
    gold = load_gold(write_gold(tmp_path, [G1, G3]))
    half = "le pont"  # 7 of 16 characters: 44% of the gold span
    ev = evaluate_article(gold, [pred(half), pred("le pont rouvrira", TEXT.index("La police"))])
    c = ev.counts
    assert (c.matched_30, c.matched_80) == (2, 1)
    assert c.precision_30 == 1.0 and c.recall_80 == 0.5
    # one prediction cannot match two gold spans
    ev2 = evaluate_article(gold, [pred("le pont rouvrira")])
    assert ev2.counts.matched_30 == 1 and ev2.missed == (1,)


def test_unmatched_prediction_on_an_optional_span_is_ignored(tmp_path):
    path = write_gold(tmp_path, [G1], optional=[{"content": "a eu lieu", "why": "test"}])
    gold = load_gold(path)
    ev = evaluate_article(gold, [pred("le pont rouvrira"), pred("a eu lieu"), pred("La police")])
    assert ev.counts.predicted == 2 and ev.extra == (2,)


def test_speaker_accuracy_aliases_containment_and_determiners(tmp_path):
    gold = load_gold(write_gold(tmp_path, [G1, G2, G3]))
    ev = evaluate_article(gold, [
        pred("le pont rouvrira", speaker="le maire"),  # case and determiner ignored
        pred("Rien ne presse", speaker="lui", typ="direct"),  # a pronoun names nobody until resolved
        pred("le pont rouvrira", TEXT.index("La police"), speaker="police"),
    ])
    assert [m.speaker_right for m in ev.matches] == [True, False, True]
    resolved = Attribution("direct", pred("Rien ne presse").content, None,
                           Speaker(0, 3, "lui", resolved=Span(0, 8, "Le maire")))
    ev2 = evaluate_article(gold, [resolved])
    assert ev2.matches[0].speaker_right
    assert speaker_words("L’adjoint du « maire de Lyon »") == ("adjoint", "du", "maire", "de", "lyon")


def test_null_gold_speaker_needs_a_null_prediction(tmp_path):
    g = dict(G2, speaker=None, entity=None)
    gold = load_gold(write_gold(tmp_path, [g]))
    assert evaluate_article(gold, [pred("Rien ne presse", typ="direct")]).counts.speaker_right == 1
    assert evaluate_article(gold, [pred("Rien ne presse", speaker="lui")]).counts.speaker_right == 0


def test_type_accuracy_over_matched_speakers(tmp_path):
    gold = load_gold(write_gold(tmp_path, [G1, G3]))
    ev = evaluate_article(gold, [pred("le pont rouvrira", speaker="Le maire", stype="person"),
                                 pred("le pont rouvrira", TEXT.index("La police"), speaker="La police",
                                      stype="person")])
    assert (ev.counts.typed, ev.counts.type_right) == (2, 1)


def test_recall_by_type_and_not_quote_rate(tmp_path):
    gold = load_gold(write_gold(tmp_path, [G1, G2], not_quotes=["premier round"]))
    ev = evaluate_article(gold, [pred("premier round"), pred("Rien ne presse", typ="direct")])
    assert ev.counts.recall_by_type(0.3) == {"direct": 1.0, "indirect": 0.0}
    assert ev.counts.not_quote_rate == 1.0 and ev.not_quotes_reported == ("premier round",)
    # a longer attribution that merely contains the term does not report it
    ev2 = evaluate_article(gold, [pred("Un « premier round » a eu lieu")])
    assert ev2.counts.not_quote_rate == 0.0


def test_counts_add_up_per_language_and_overall(tmp_path):
    a = Counts(gold=2, predicted=2, matched_30=1, gold_by_type=(("direct", 2),), matched_30_by_type=(("direct", 1),))
    b = Counts(gold=1, predicted=3, matched_30=1, gold_by_type=(("mixed", 1),), matched_30_by_type=(("mixed", 1),))
    total = a + b
    assert (total.gold, total.predicted, total.matched_30) == (3, 5, 2)
    assert total.recall_by_type() == {"direct": 0.5, "mixed": 1.0}
    assert total.f1_30 == pytest.approx(2 * 0.4 * (2 / 3) / (0.4 + 2 / 3))


@pytest.mark.parametrize("gold, message", [
    ({"attributions": [{"type": "direct", "content": "absent", "speaker": None}]}, "content not found"),
    ({"attributions": [{"type": "quote", "content": "maire", "speaker": None}]}, "has type 'quote'"),
    ({"attributions": [{"type": "direct", "content": "maire", "entity": "x"}]}, "unknown entity 'x'"),
    ({"no": "attributions"}, "not a gold file"),
])
def test_bad_gold_is_a_one_line_error_naming_the_file(tmp_path, gold, message):
    (tmp_path / "bad.txt").write_text(TEXT, encoding="utf-8")
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(gold), encoding="utf-8")
    with pytest.raises(EvaluationError, match=message) as info:
        load_gold(path)
    assert str(path) in str(info.value) and "\n" not in str(info.value)


def test_batch_goes_on_after_a_bad_gold_file(tmp_path):
    write_gold(tmp_path, [G1])
    (tmp_path / "broken.json").write_text("{not json", encoding="utf-8")
    (tmp_path / "broken.txt").write_text(TEXT, encoding="utf-8")
    seen = []
    report = evaluate([tmp_path], lambda art: [pred("le pont rouvrira")], on_failure=seen.append)
    assert len(report.articles) == 1 and len(report.failures) == 1 and "broken.json" in seen[0]
    assert report.overall.f1_30 == 1.0
    table = scores_table(report)
    assert [row[0] for row in table.rows] == ["art", "[fr]", "[overall]"]
    assert table.rows[-1][3:6] == ("1.00", "1.00", "1.00")  # P30, R30, F30
    d = report.to_dict()
    assert d["overall"]["f1_80"] == 1.0 and d["by_lang"]["fr"]["counts"]["gold"] == 1


def _report(f1: float) -> EvalReport:
    from attribution.evaluate import ArticleEval
    matched = round(10 * f1)
    c = Counts(gold=10, predicted=10, predicted_80=10, matched_30=matched, matched_80=matched,
               speaker_right=matched, not_quotes=4, not_quotes_reported=1)
    return EvalReport((ArticleEval("a", "fr", "a.json", c),))


def test_gate_pins_floors_and_ceilings():
    mins = Minimums(pinned={"fr": {"f1_30": 0.8, "not_quote_rate": 0.2}})
    assert check_gate(_report(0.8), mins) == ["fr not_quote_rate = 0.250, pinned maximum 0.200"]
    assert "fr f1_30 = 0.700" in check_gate(_report(0.7), mins)[0]
    assert check_gate(_report(0.8), Minimums(pinned={"en": {"f1_30": 0.5}})) == ["en: no article evaluated"]


def test_update_minimums_raises_and_refuses_to_lower():
    mins = Minimums(pinned={"fr": {"f1_30": 0.75, "not_quote_rate": 0.3}})
    new, changes = update_minimums(_report(0.9), mins)
    assert new.pinned["fr"] == {"f1_30": 0.9, "not_quote_rate": 0.25} and len(changes) == 2
    with pytest.raises(GateFailure, match="--allow-lower"):
        update_minimums(_report(0.5), new)
    lowered, _ = update_minimums(_report(0.5), new, allow_lower=True)
    assert lowered.pinned["fr"]["f1_30"] == 0.5


def test_minimums_below_targets_need_a_reason():
    mins = Minimums(pinned={"fr": {"f1_30": 0.8, "not_quote_rate": 0.2}},
                    targets={"f1_30": 0.9, "not_quote_rate": 0.1})
    assert len(mins.below_targets()) == 2
    excused = Minimums(mins.pinned, mins.targets, {"f1_30": "why", "not_quote_rate": "why"})
    assert excused.below_targets() == []


@pytest.fixture()
def cli():
    from attribution.cli import main
    from attribution.cli.evaluate import COMMANDS

    group = click.Group(commands={c.name: c for c in COMMANDS}) if "evaluate" not in main.commands else main
    return group


def test_cli_scores_extract_output_as_table_and_json(tmp_path, cli):
    gold = write_gold(tmp_path, [G1, G2])
    preds = tmp_path / "pred.jsonl"
    preds.write_text(json.dumps({"path": str(tmp_path / "art.txt"), "attributions": [
        pred("le pont rouvrira", speaker="Le maire").to_dict(), {**pred("premier round").to_dict(), "kind": "term"},
    ]}) + "\n", encoding="utf-8")
    r = CliRunner().invoke(cli, ["evaluate", str(gold), "--predictions", str(preds)])
    assert r.exit_code == 0, r.output
    assert "[overall]" in r.output
    r = CliRunner().invoke(cli, ["evaluate", str(tmp_path), "--predictions", str(preds), "--format", "json",
                                 "--overall-only"])
    d = json.loads(r.output)
    assert d["overall"]["recall_30"] == 0.5 and d["overall"]["precision_30"] == 1.0 and "articles" not in d


def test_cli_gate_failure_and_minimum_updates(tmp_path, cli):
    gold = write_gold(tmp_path, [G1, G2])
    preds = tmp_path / "pred.jsonl"
    preds.write_text(json.dumps({"path": "art.txt", "attributions": [pred("le pont rouvrira").to_dict()]}) + "\n",
                     encoding="utf-8")
    mins = tmp_path / "mins.json"
    mins.write_text(json.dumps({"pinned": {"fr": {"recall_30": 0.9}}}), encoding="utf-8")
    r = CliRunner().invoke(cli, ["evaluate", str(gold), "--predictions", str(preds), "--gate", str(mins)])
    assert r.exit_code == 1
    assert "Error: gate failed: fr recall_30 = 0.500, pinned minimum 0.900" in r.output
    r = CliRunner().invoke(cli, ["evaluate", str(gold), "--predictions", str(preds), "--update-minimums", str(mins)])
    assert r.exit_code == 1 and "refusing to lower pinned figures without --allow-lower" in r.output
    r = CliRunner().invoke(cli, ["evaluate", str(gold), "--predictions", str(preds), "--update-minimums", str(mins),
                                 "--allow-lower"])
    assert r.exit_code == 0 and json.loads(mins.read_text())["pinned"]["fr"]["recall_30"] == 0.5
    r = CliRunner().invoke(cli, ["evaluate", str(gold), "--allow-lower"])
    assert r.exit_code == 2 and "--allow-lower only goes with --update-minimums" in r.output


def test_cli_missing_gold_is_a_clear_error(tmp_path, cli):
    preds = tmp_path / "p.jsonl"
    preds.write_text("", encoding="utf-8")
    r = CliRunner().invoke(cli, ["evaluate", str(tmp_path / "nowhere"), "--predictions", str(preds)])
    assert r.exit_code == 1 and r.output == f"Error: {tmp_path / 'nowhere'}: no such file or folder\n"


def test_predictions_file_errors_name_the_line(tmp_path):
    p = tmp_path / "p.jsonl"
    p.write_text("{}\n", encoding="utf-8")
    with pytest.raises(EvaluationError, match=r"p.jsonl:1: not an extract JSON line"):
        predictions_predictor(p)
