"""Extraction speed, parsing excluded: words per second on one core.

    python bench/extract_speed.py [EVAL_DIR] [--engine spacy] [--seconds 3]

Parses the development articles once (cached), then runs ``attribution.extract.extract``
over them again and again for a few seconds and prints the best throughput of several
rounds, in syntactic words per second (the issue asks for at least 50,000), for each
language and for the document view alone. Only this process's one thread does the work.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from attribution.evaluate import gold_files, load_gold  # noqa: E402
from attribution.extract import extract, view  # noqa: E402
from attribution.parse import get_engine  # noqa: E402

TARGET = 50_000


def rate(fn, docs, lang: str, seconds: float) -> float:
    """Best words/s over rounds of ``fn`` on every document, for about ``seconds``."""
    words = sum(len(s.words) for d in docs for s in d.sentences)
    best = 0.0
    deadline = time.perf_counter() + seconds
    while True:
        t = time.perf_counter()
        for d in docs:
            fn(d, lang)
        elapsed = time.perf_counter() - t
        best = max(best, words / elapsed if elapsed else 0.0)
        if time.perf_counter() > deadline:
            return best


def main() -> int:
    here = Path(__file__).resolve().parent.parent
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("eval_dir", nargs="?", default=str(here.parent / "shared" / "eval"))
    ap.add_argument("--engine", default="spacy")
    ap.add_argument("--seconds", type=float, default=3.0)
    args = ap.parse_args()
    engine = get_engine(args.engine)
    worst = float("inf")
    for lang in ("fr", "en"):
        folder = Path(args.eval_dir) / lang
        if not folder.is_dir():
            continue
        docs = [engine.parse(load_gold(p).text, lang) for p in gold_files([folder])]
        words = sum(len(s.words) for d in docs for s in d.sentences)
        full = rate(extract, docs, lang, args.seconds)
        only_view = rate(view, docs, lang, args.seconds / 2)
        worst = min(worst, full)
        print(f"{lang}: {len(docs)} articles, {words} words: extract {full:,.0f} words/s "
              f"(document view alone {only_view:,.0f} words/s)")
    if worst == float("inf"):
        print(f"no development set under {args.eval_dir}", file=sys.stderr)
        return 2
    print(f"slowest language: {worst:,.0f} words/s (target {TARGET:,}): {'OK' if worst >= TARGET else 'TOO SLOW'}")
    return 0 if worst >= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
