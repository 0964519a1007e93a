"""Precision and recall of cross-article linking on a file of labelled mention pairs. Prints them.

    python bench/linking_eval.py [PAIRS.jsonl ...] [--errors]

Each line of a pairs file is ``{"a": ..., "b": ..., "lang": ..., "same": true|false, "kind": ...}``:
two mentions of sources, as two outlets wrote them, and whether they name one source.
The matcher is :func:`attribution.resolve.names.same_source`, the one ``link_corpus`` uses;
a pair's ``kind`` is passed to it only when it is an entity type (``organization``), as the
corpus passes the entity's type. Precision and recall are of the "same" decisions, per kind
and overall. Default file: ``tests/resolve/linking_pairs.jsonl``, and the blind set
``tests/fixtures/linking/pairs.jsonl`` when it exists.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from attribution.resolve.names import same_source

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = (ROOT / "tests/resolve/linking_pairs.jsonl", ROOT / "tests/fixtures/linking/pairs.jsonl")
_TYPES = {"organization": "organization", "organisation": "organization", "org": "organization",
          "body": "organization", "person": "person"}


@dataclass(frozen=True)
class Pair:
    a: str
    b: str
    lang: str
    same: bool
    kind: str


@dataclass(frozen=True)
class Score:
    tp: int
    fp: int
    fn: int
    tn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def n(self) -> int:
        return self.tp + self.fp + self.fn + self.tn


def read_pairs(path: Path) -> list[Pair]:
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("//"):
            continue
        d = json.loads(line)
        try:
            out.append(Pair(d["a"], d["b"], d.get("lang", ""), bool(d["same"]), d.get("kind") or "unknown"))
        except KeyError as exc:
            raise ValueError(f"{path}:{n}: missing field {exc}") from exc
    return out


def predict(p: Pair) -> bool:
    return same_source(p.a, p.b, _TYPES.get(p.kind.lower())).same


def score(pairs: list[Pair]) -> tuple[Score, dict[str, Score], list[tuple[Pair, bool]]]:
    """Overall and per-kind scores, and the pairs decided wrongly (with the decision)."""
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    errors = []
    for p in pairs:
        got = predict(p)
        cell = (0 if got else 2) if p.same else (1 if got else 3)  # tp, fp, fn, tn
        counts[p.kind][cell] += 1
        counts[""][cell] += 1
        if got != p.same:
            errors.append((p, got))
    per_kind = {k: Score(*v) for k, v in sorted(counts.items()) if k}
    return Score(*counts[""]), per_kind, errors


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="*", type=Path)
    ap.add_argument("--errors", action="store_true", help="list the pairs decided wrongly")
    args = ap.parse_args(argv)
    files = args.files or [f for f in DEFAULT if f.exists()]
    for f in files:
        total, per_kind, errors = score(read_pairs(f))
        print(f"{f}: {total.n} pairs")
        print(f"  {'kind':<14} {'n':>4} {'P':>6} {'R':>6}   tp fp fn tn")
        for kind, s in [*per_kind.items(), ("all", total)]:
            print(f"  {kind:<14} {s.n:>4} {s.precision:>6.3f} {s.recall:>6.3f}   {s.tp} {s.fp} {s.fn} {s.tn}")
        if args.errors:
            for p, got in errors:
                print(f"  {'FP' if got else 'FN'} [{p.kind}] {p.a!r} / {p.b!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
