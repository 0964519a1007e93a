"""Precision and recall of the rendition matcher on the labelled pair set, per kind.

    python bench/renditions_eval.py [tests/fixtures/renditions/pairs.jsonl]

Each pair is decided on its two texts alone (``attribution.compare.matching.same_claim``:
no credited source, no cue as evidence). Translated pairs (French vs English) are
cross-language: reported on their own line and left out of the main figure.
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path

from attribution.compare.matching import NEAR, SAME, same_claim

PAIRS = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "renditions" / "pairs.jsonl"
CROSS_LANGUAGE = "translated"


def decisions(path: Path) -> list[tuple[str, bool, str]]:
    """(kind, labelled same claim, decision) for each pair of the file."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            out.append((row["kind"], bool(row["same_claim"]), same_claim(row["a"], row["b"])[0]))
    return out


def figures(rows: list[tuple[str, bool, str]]) -> dict[str, float | int]:
    """tp, fp, fn, near misses, precision and recall of the *same* decision."""
    tp = sum(1 for _, gold, d in rows if gold and d == SAME)
    fp = sum(1 for _, gold, d in rows if not gold and d == SAME)
    fn = sum(1 for _, gold, d in rows if gold and d != SAME)
    near = sum(1 for _, _, d in rows if d == NEAR)
    return {"pairs": len(rows), "tp": tp, "fp": fp, "fn": fn, "near": near,
            "precision": tp / (tp + fp) if tp + fp else 1.0,
            "recall": tp / (tp + fn) if tp + fn else 1.0}


def main(argv: list[str]) -> None:
    rows = decisions(Path(argv[1]) if len(argv) > 1 else PAIRS)
    by_kind: dict[str, list[tuple[str, bool, str]]] = defaultdict(list)
    for row in rows:
        by_kind[row[0]].append(row)
    print(f"{'kind':32} {'pairs':>5} {'same':>5} {'near':>5} {'P':>6} {'R':>6}")
    for kind in sorted(by_kind):
        f = figures(by_kind[kind])
        positive = by_kind[kind][0][1]
        p = "" if not positive and not f["fp"] else f"{f['precision']:.3f}"
        r = f"{f['recall']:.3f}" if positive else "-"
        said = sum(1 for *_, d in by_kind[kind] if d == SAME)
        print(f"{kind:32} {f['pairs']:>5} {said:>5} {f['near']:>5} {p:>6} {r:>6}")
    main_rows = [r for r in rows if r[0] != CROSS_LANGUAGE]
    for label, subset in (("main (same language)", main_rows),
                          ("cross-language (translated)", [r for r in rows if r[0] == CROSS_LANGUAGE]),
                          ("all", rows)):
        f = figures(subset)
        print(f"{label:32} P={f['precision']:.3f} R={f['recall']:.3f} "
              f"(tp {f['tp']}, fp {f['fp']}, fn {f['fn']}, near misses {f['near']})")


if __name__ == "__main__":
    main(sys.argv)
